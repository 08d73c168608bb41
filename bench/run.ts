/**
 * `npm run bench [-- --connections 10 --seconds 20 --warmup 3 --rounds 2 --no-build]`: builds
 * and starts the production server on the database in DATABASE_URL (filled by `npm run
 * bench:seed`), measures every scenario beside its baseline in the same run, and writes
 * bench/results/<date>-<sha>.json and bench/RESULTS.md.
 */
import { parseArgs } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { systemClock } from "@/lib/clock";
import { benchOwnerEmail, BENCH_PARTNER_SESSIONS, BENCH_PASSWORD } from "@/server/scripts/bench/seed";
import { openDatabase } from "@/server/db/client";
import { ledgerEntries, leads, partners, products } from "@/server/db/schema";
import { SYSTEM } from "@/server/domains/actor";
import { recomputeAllTiers } from "@/server/domains/commissions/tiers";
import { compared, type LoadStats, type LoadTarget } from "./lib/load";
import { executeScenario, previewScenario } from "./lib/payouts";
import { machine, save, shortSha, type BenchRun, type ScenarioResult } from "./lib/results";
import { audit } from "./lib/lighthouse";
import { build, buildReference, rssMiB, start, startReference } from "./lib/server";
import { signIn } from "./lib/session";

const log = (line: string) => console.log(line);

async function main() {
  const { values } = parseArgs({
    options: {
      connections: { type: "string", default: "10" },
      seconds: { type: "string", default: "20" },
      warmup: { type: "string", default: "3" },
      rounds: { type: "string", default: "2" },
      port: { type: "string", default: "3300" },
      "no-build": { type: "boolean", default: false },
      "no-lighthouse": { type: "boolean", default: false },
    },
  });
  const settings = {
    connections: Number(values.connections),
    seconds: Number(values.seconds),
    warmup: Number(values.warmup),
    rounds: Number(values.rounds),
  };
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      "Set DATABASE_URL to the PostgreSQL database filled by npm run bench:seed, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/tierwise_bench npm run bench",
    );
  const database = await openDatabase({ url });
  const db = database.db;
  // Counted through Drizzle so the server driver's shape does not matter here.
  const [version] = await db.select({ v: sql<string>`current_setting('server_version')` }).from(sql`(select 1) as one`);
  const countOf = async (table: typeof partners | typeof leads | typeof ledgerEntries) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
  const counts = {
    partners: await countOf(partners),
    leads: await countOf(leads),
    entries: await countOf(ledgerEntries),
  };
  if (counts.partners < BENCH_PARTNER_SESSIONS)
    throw new Error("This database holds no bench program. Run npm run bench:seed -- --scale 1 against it first.");
  log(
    `Bench data: ${counts.partners.toLocaleString("en")} partners, ${counts.leads.toLocaleString("en")} leads, ${counts.entries.toLocaleString("en")} ledger entries.`,
  );

  if (!values["no-build"]) {
    build();
    buildReference();
  }
  const server = await start(url, Number(values.port));
  const reference = await startReference(Number(values.port) + 1);
  const scenarios: ScenarioResult[] = [];
  try {
    const base = server.base;
    const owners = await Promise.all(
      Array.from({ length: BENCH_PARTNER_SESSIONS }, (_, i) => signIn(base, benchOwnerEmail(i), BENCH_PASSWORD)),
    );
    const largest = owners[0]!;
    const manager = await signIn(base, "bench-manager@tierwise.bench", BENCH_PASSWORD);
    const partnerBaseline: LoadTarget = { url: `${base}/bench`, cookies: [largest] };
    const staffBaseline: LoadTarget = { url: `${base}/manage/bench`, cookies: [manager] };
    const [product] = await db.select({ id: products.id }).from(products).where(eq(products.active, true)).limit(1);
    const today = new Date().toISOString().slice(0, 10);
    const closeBy = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const runId = Date.now().toString(36);
    let n = 0;
    const leadBody = () => {
      n++;
      const name = `Bench Registration ${runId}-${n}`;
      return JSON.stringify({
        json: {
          companyName: name,
          website: `https://www.reg-${runId}-${n}.example/`,
          contactName: "Bench Buyer",
          contactEmail: `buyer@reg-${runId}-${n}.example`,
          contactPhone: "",
          country: "US",
          productId: product!.id,
          estimatedValue: "25,000",
          currency: "USD",
          expectedCloseDate: closeBy,
          notes: "",
        },
      });
    };
    const bareInsert: LoadTarget = {
      url: `${base}/api/trpc/bench.insertLead`,
      method: "POST",
      cookies: owners,
      body: leadBody,
    };
    const opts = { ...settings, log };
    const rounded = (n: number) => Math.round(n * 100) / 100;
    const barePage: LoadTarget = { url: `${reference.base}/`, cookies: [""] };
    const bareRoute: LoadTarget = { url: `${reference.base}/bare`, cookies: [""] };
    /** The page's HTML as a signed-in browser gets it (the first request, after the warm-up). */
    const htmlBytes = async (target: LoadTarget) =>
      (await (await fetch(target.url, { headers: { cookie: target.cookies[0]! } })).arrayBuffer()).byteLength;
    const record = (
      id: string,
      name: string,
      baselineName: string,
      result: { scenario: LoadStats; baseline: LoadStats; bare?: LoadStats; bareName?: string },
      target: (r: { p50Ratio: number; p95Ratio: number; p95: number; bareRps?: number }) => {
        text: string;
        met: boolean;
      },
      html?: number,
    ) => {
      const p50Ratio = rounded(result.scenario.p50 / Math.max(0.1, result.baseline.p50));
      const p95Ratio = rounded(result.scenario.p95 / Math.max(0.1, result.baseline.p95));
      const bare = result.bare
        ? {
            name: result.bareName ?? "Next.js one-line page",
            stats: result.bare,
            p50Ratio: rounded(result.scenario.p50 / Math.max(0.1, result.bare.p50)),
            rpsRatio: rounded(result.scenario.rps / Math.max(0.1, result.bare.rps)),
          }
        : undefined;
      const entry: ScenarioResult = {
        id,
        name,
        kind: "load",
        scenario: result.scenario,
        baseline: result.baseline,
        baselineName,
        p50Ratio,
        p95Ratio,
        ...(bare ? { reference: bare } : {}),
        ...(html !== undefined ? { htmlBytes: html } : {}),
        target: target({ p50Ratio, p95Ratio, p95: result.scenario.p95, bareRps: bare?.rpsRatio }),
      };
      scenarios.push(entry);
      log(
        `  ${name}: p50 ${result.scenario.p50} ms, p95 ${result.scenario.p95} ms, p99 ${result.scenario.p99} ms, ${result.scenario.rps} req/s; baseline p50 ${result.baseline.p50} ms, p95 ${result.baseline.p95} ms; ratio ${p50Ratio}×${bare ? `; ${bare.name} p50 ${bare.stats.p50} ms, ${bare.stats.rps} req/s (${bare.p50Ratio}× p50, ${bare.rpsRatio}× req/s)` : ""}${html !== undefined ? `; HTML ${html} B` : ""}`,
      );
    };
    /** A page beside its baseline and beside Next.js's one-line page, in the same rounds. */
    const pageRun = async (scenario: LoadTarget, baseline: LoadTarget) =>
      compared({ baseline, scenario, bare: barePage }, opts);
    /** A write beside the bare insert mutation and Next.js's bare route handler, in the same rounds. */
    const writeRun = async (scenario: LoadTarget) => ({
      ...(await compared({ baseline: bareInsert, scenario, bare: bareRoute }, opts)),
      bareName: "Next.js bare route handler",
    });
    const shellTarget = (r: { p50Ratio: number; bareRps?: number }) => ({
      text: "p50 ≤ 1.3× /bench and ≥ 0.5× the bare page's req/s",
      met: r.p50Ratio <= 1.3 && (r.bareRps ?? 0) >= 0.5,
    });

    if (!values["no-lighthouse"]) {
      log("Lighthouse, mobile preset (median of 3 runs each), before any load: the browser's share");
      for (const [id, name, target, cookie, goal] of [
        ["lighthouse-login", "Lighthouse: sign-in page", `${base}/login`, null, true],
        ["lighthouse-dashboard", "Lighthouse: partner dashboard (largest partner)", `${base}/dashboard`, largest, true],
        ["lighthouse-queue", "Lighthouse: staff lead queue", `${base}/manage/leads`, manager, false],
      ] as const) {
        // The server's first answers compile and warm its modules: not the browser's share.
        for (let i = 0; i < 3; i++) await fetch(target, { headers: cookie ? { cookie } : {} });
        const result = await audit(target, cookie, 3);
        scenarios.push({
          id,
          name,
          kind: "lighthouse",
          runs: 3,
          ...result,
          target: goal
            ? { text: "score ≥ 90 and TBT < 300 ms", met: result.score >= 90 && result.tbtMs < 300 }
            : { text: "measured", met: true },
        });
        log(
          `  ${name}: score ${result.score}, TBT ${result.tbtMs} ms, LCP ${result.lcpMs} ms, main thread ${result.mainThreadMs} ms, JS ${result.scriptKiB} KiB`,
        );
      }
    }

    const shellHtml = await htmlBytes(partnerBaseline);
    log("0. References: Next.js itself (bench/reference) beside the partner shell");
    const refs = await compared({ baseline: barePage, route: bareRoute, scenario: partnerBaseline }, opts);
    record(
      "bare-route",
      "Next.js bare route handler (reference)",
      "Next.js one-line page",
      { scenario: refs.route, baseline: refs.baseline, bare: refs.baseline },
      () => ({ text: "reference", met: true }),
      await htmlBytes(bareRoute),
    );
    record(
      "shell",
      "Partner shell, no data (/bench)",
      "Next.js one-line page",
      { scenario: refs.scenario, baseline: refs.baseline, bare: refs.baseline },
      (r) => ({
        text: "≥ 0.75× the bare page's req/s, HTML < 30 KB",
        met: (r.bareRps ?? 0) >= 0.75 && shellHtml < 30 * 1024,
      }),
      shellHtml,
    );

    log("1. Partner dashboard of the largest partner");
    record(
      "dashboard",
      "Partner dashboard (largest partner)",
      "partner baseline page",
      await pageRun({ url: `${base}/dashboard`, cookies: [largest] }, partnerBaseline),
      shellTarget,
      await htmlBytes({ url: `${base}/dashboard`, cookies: [largest] }),
    );

    log("2. Staff lead queue, filtered, sorted, page 500");
    const queueUrl = `${base}/manage/leads?status=approved&product=${product!.id}&sort=createdAt&dir=asc&page=500`;
    record(
      "lead-queue",
      "Staff lead queue (approved, one product, oldest first, page 500)",
      "staff baseline page",
      await pageRun({ url: queueUrl, cookies: [manager] }, staffBaseline),
      (r) => ({ text: "p50 ≤ 1.3× the staff baseline", met: r.p50Ratio <= 1.3 }),
      await htmlBytes({ url: queueUrl, cookies: [manager] }),
    );

    log(`3. Lead registration with the full conflict check (${BENCH_PARTNER_SESSIONS} partners at once)`);
    record(
      "register-lead",
      "Lead registration (tRPC leads.register)",
      "bare insert mutation",
      await writeRun({
        url: `${base}/api/trpc/partner.leads.register`,
        method: "POST",
        cookies: owners,
        body: leadBody,
      }),
      (r) => ({ text: "p50 ≤ 1.5× the bare insert", met: r.p50Ratio <= 1.5 }),
    );

    log("4. Winning a lead (commission and tier recompute in one transaction)");
    const approved = await db
      .select({ id: leads.id, currency: leads.currency })
      .from(leads)
      .innerJoin(partners, eq(partners.id, leads.partnerId))
      .where(and(eq(leads.status, "approved"), eq(partners.status, "active")))
      .limit(50_000);
    let w = 0;
    const winBody = () => {
      const lead = approved[w++ % approved.length]!;
      return JSON.stringify({ json: { leadId: lead.id, amount: "30,000", currency: lead.currency, closedOn: today } });
    };
    record(
      "win-lead",
      "Winning a lead (tRPC leadReview.markWon)",
      "bare insert mutation",
      await writeRun({
        url: `${base}/api/trpc/manage.leads.markWon`,
        method: "POST",
        cookies: [manager],
        body: winBody,
      }),
      (r) => ({ text: "p50 ≤ 1.5× the bare insert", met: r.p50Ratio <= 1.5 }),
    );
    if (w > approved.length) log(`  ! ran out of approved leads (${approved.length}); later requests were refusals`);

    log("5. Nightly tier recompute for every active partner");
    for (const pass of ["first pass", "steady state"] as const) {
      const started = performance.now();
      const changed = await recomputeAllTiers({ db, actor: SYSTEM, clock: systemClock });
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      scenarios.push({
        id: `tier-recompute-${pass === "first pass" ? "first" : "steady"}`,
        name: `Nightly tier recompute, ${pass}`,
        kind: "wall",
        seconds,
        detail: `${changed.toLocaleString("en")} tiers changed`,
        target: { text: "< 10 s", met: seconds < 10 },
      });
      log(`  ${pass}: ${seconds} s, ${changed} tiers changed`);
    }

    log("6. Partner earnings page of the largest partner");
    record(
      "earnings",
      "Partner earnings page (largest partner)",
      "partner baseline page",
      await pageRun({ url: `${base}/earnings`, cookies: [largest] }, partnerBaseline),
      shellTarget,
      await htmlBytes({ url: `${base}/earnings`, cookies: [largest] }),
    );

    log("7. Payout run preview over every partner");
    scenarios.push(await previewScenario(db, log));
    log("8. Executing a payout run against the Stripe stand-in");
    scenarios.push(await executeScenario(url, log));

    const mib = rssMiB(server.process.pid!);
    scenarios.push({ id: "rss", name: "Server memory (RSS) at the end", kind: "memory", mib });
    log(`9. Server RSS at the end: ${mib} MiB`);
  } finally {
    await reference.stop();
    await server.stop();
    await database.close();
  }
  const run: BenchRun = {
    date: new Date().toISOString(),
    sha: shortSha(),
    machine: machine(version?.v ?? "unknown"),
    data: { partners: counts.partners, leads: counts.leads, ledgerEntries: counts.entries },
    settings,
    scenarios,
  };
  log(`\nWrote ${save(run)} and bench/RESULTS.md.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
