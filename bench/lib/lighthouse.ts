import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromiumForTests } from "../../scripts/browser-path.mjs";

export interface LighthouseResult {
  /** Performance score, 0–100 (Lighthouse's mobile preset: an emulated phone on a throttled network). */
  score: number;
  tbtMs: number;
  lcpMs: number;
  fcpMs: number;
  /** Main-thread work, in ms. */
  mainThreadMs: number;
  /** JavaScript the page loaded, in KiB (transferred). */
  scriptKiB: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Lighthouse's performance audit of one page, run `runs` times against Debian's Chromium (the
 * browser the end-to-end tests use, fully offline), the median of each figure kept: single runs
 * of Lighthouse on a busy two-core machine swing by ten points.
 */
export async function audit(url: string, cookie: string | null, runs = 3): Promise<LighthouseResult> {
  const chrome = await launch({
    chromePath: chromiumForTests(),
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
  try {
    const results: LighthouseResult[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance"],
        ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
      const value = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
      const scripts = (
        lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] }
      )?.items?.find((item) => item.resourceType === "script");
      results.push({
        score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        tbtMs: value("total-blocking-time"),
        lcpMs: value("largest-contentful-paint"),
        fcpMs: value("first-contentful-paint"),
        mainThreadMs: value("mainthread-work-breakdown"),
        scriptKiB: Math.round((scripts?.transferSize ?? 0) / 1024),
      });
    }
    const pick = (key: keyof LighthouseResult) => median(results.map((r) => r[key]));
    return {
      score: pick("score"),
      tbtMs: pick("tbtMs"),
      lcpMs: pick("lcpMs"),
      fcpMs: pick("fcpMs"),
      mainThreadMs: pick("mainThreadMs"),
      scriptKiB: pick("scriptKiB"),
    };
  } finally {
    chrome.kill();
  }
}
