import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execSync } from "node:child_process";
import type { LighthouseResult } from "./lighthouse";
import type { LoadStats } from "./load";

export interface Target {
  /** Human words for the goal, e.g. "p50 ≤ 2× baseline, p95 < 150 ms". */
  text: string;
  met: boolean;
}

export type ScenarioResult =
  | {
      id: string;
      name: string;
      kind: "load";
      scenario: LoadStats;
      baseline: LoadStats;
      baselineName: string;
      p50Ratio: number;
      p95Ratio: number;
      /** Next.js itself (bench/reference), measured in the same alternating rounds. */
      reference?: { name: string; stats: LoadStats; p50Ratio: number; rpsRatio: number };
      /** The size of the page's HTML as served, in bytes. */
      htmlBytes?: number;
      target: Target;
    }
  | { id: string; name: string; kind: "wall"; seconds: number; detail: string; target: Target }
  | {
      /** A timed piece of work beside the least the same work costs, measured in the same run. */
      id: string;
      name: string;
      kind: "compare";
      seconds: number;
      detail: string;
      referenceName: string;
      referenceSeconds: number;
      ratio: number;
      target: Target;
    }
  | { id: string; name: string; kind: "memory"; mib: number; target?: Target }
  | ({
      /** Lighthouse's performance audit of a page (mobile preset), the median of several runs. */
      id: string;
      name: string;
      kind: "lighthouse";
      runs: number;
      target: Target;
    } & LighthouseResult);

export interface BenchRun {
  date: string;
  sha: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string; postgres: string };
  data: { partners: number; leads: number; ledgerEntries: number };
  settings: { connections: number; seconds: number; warmup: number; rounds: number };
  scenarios: ScenarioResult[];
}

export const RESULTS_DIR = path.join(process.cwd(), "bench", "results");
const RESULTS_MD = path.join(process.cwd(), "bench", "RESULTS.md");

export function machine(postgres: string): BenchRun["machine"] {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
  };
}

export function shortSha(): string {
  try {
    return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    return "nogit";
  }
}

/** Writes the run's JSON and rebuilds RESULTS.md from every run on disk, newest first. */
export function save(run: BenchRun): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${run.date.slice(0, 10)}-${run.sha}.json`);
  fs.writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  rewriteResults();
  return file;
}

/** Rebuilds RESULTS.md from every run and its notes on disk (after editing a run's notes, too). */
export function rewriteResults(): void {
  const runs = fs
    .readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, f), "utf8")) as BenchRun)
    .sort((a, b) => b.date.localeCompare(a.date));
  fs.writeFileSync(RESULTS_MD, markdown(runs));
}

/**
 * What was learned from a run (which goals it met, what limits the others, from a profile) lives
 * beside its JSON as <date>-<sha>.md and is printed under the run, so a rerun never loses it.
 */
function notesOf(run: BenchRun): string | null {
  const file = path.join(RESULTS_DIR, `${run.date.slice(0, 10)}-${run.sha}.md`);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : null;
}

const ms = (n: number) => `${n.toLocaleString("en", { maximumFractionDigits: 1 })} ms`;
const ratio = (n: number) => `${n.toLocaleString("en", { maximumFractionDigits: 2 })}×`;
const count = (n: number) => n.toLocaleString("en");

function runSection(run: BenchRun): string {
  const m = run.machine;
  const lines = [
    `## ${run.date.slice(0, 16).replace("T", " ")} UTC · ${run.sha}`,
    "",
    `${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, PostgreSQL ${m.postgres}. ` +
      `Data: ${count(run.data.partners)} partners, ${count(run.data.leads)} leads, ${count(run.data.ledgerEntries)} ledger entries. ` +
      `Load: ${run.settings.connections} connections, ${run.settings.seconds} s per side in ${run.settings.rounds} alternating rounds after a ${run.settings.warmup} s warm-up.`,
    "",
    "| scenario | p50 | p95 | p99 | req/s | errors | HTML | baseline | baseline p50 | baseline p95 | p50 ratio | Next.js reference: p50 · req/s | × reference p50 · req/s | target | met |",
    "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|:-:|",
  ];
  for (const s of run.scenarios) {
    const met = s.target ? (s.target.met ? "yes" : "**no**") : "";
    if (s.kind === "load") {
      const html =
        s.htmlBytes === undefined
          ? ""
          : `${(s.htmlBytes / 1024).toLocaleString("en", { maximumFractionDigits: 1 })} KB`;
      const ref = s.reference;
      const bare = ref ? `${ref.name}: ${ms(ref.stats.p50)} · ${ref.stats.rps}` : "";
      const vsBare = ref ? `${ratio(ref.p50Ratio)} · ${ratio(ref.rpsRatio)}` : "";
      lines.push(
        `| ${s.name} | ${ms(s.scenario.p50)} | ${ms(s.scenario.p95)} | ${ms(s.scenario.p99)} | ${s.scenario.rps} | ${s.scenario.errors} | ${html} | ${s.baselineName} | ${ms(s.baseline.p50)} | ${ms(s.baseline.p95)} | ${ratio(s.p50Ratio)} | ${bare} | ${vsBare} | ${s.target.text} | ${met} |`,
      );
    } else if (s.kind === "wall") {
      lines.push(
        `| ${s.name} | ${s.seconds.toLocaleString("en", { maximumFractionDigits: 2 })} s wall (${s.detail}) | | | | | | | | | | | | ${s.target.text} | ${met} |`,
      );
    } else if (s.kind === "compare") {
      const secs = (n: number) => `${n.toLocaleString("en", { maximumFractionDigits: 2 })} s`;
      lines.push(
        `| ${s.name} | ${secs(s.seconds)} wall (${s.detail}) | | | | | | ${s.referenceName} | ${secs(s.referenceSeconds)} | | ${ratio(s.ratio)} | | | ${s.target.text} | ${met} |`,
      );
    } else if (s.kind === "lighthouse") {
      lines.push(
        `| ${s.name} | score ${s.score} (TBT ${ms(s.tbtMs)}, LCP ${ms(s.lcpMs)}, FCP ${ms(s.fcpMs)}, main thread ${ms(s.mainThreadMs)}, JS ${count(s.scriptKiB)} KiB; median of ${s.runs}) | | | | | | | | | | | | ${s.target.text} | ${met} |`,
      );
    } else {
      lines.push(`| ${s.name} | ${count(s.mib)} MiB | | | | | | | | | | | | ${s.target?.text ?? ""} | ${met} |`);
    }
  }
  const notes = notesOf(run);
  if (notes) lines.push("", notes);
  return lines.join("\n");
}

function markdown(runs: BenchRun[]): string {
  return [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (see the README); newest run first. Every load scenario ran beside its baseline in the same run, so read the ratio first: it holds on a noisy machine where the milliseconds do not. Since 2026-12-03 the pages also ran beside Next.js itself (bench/reference: a one-line dynamic page under a minimal root layout, and a bare route handler), and the × reference column is the page's p50 and throughput over the bare page's (for writes, over the bare route handler's). Targets are goals, never test assertions.",
    "",
    ...runs.map(runSection).join("\n\n").split("\n"),
    "",
  ].join("\n");
}
