import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signInAndWait, USERS } from "./helpers";

/**
 * Amounts and percentages keep their visual order in Arabic: "161,500.00 US$" (the currency code
 * to the right of the digits, as in the Latin-digit Arabic format) and "+5%" (the sign to the left
 * of the digit). Without an isolate, an amount or "+{rate}" in a right-to-left sentence or table
 * cell reads "$US 161,500.00" and "5%+".
 *
 * The check is on what is drawn, not on the text: a Range over the characters of each rendered
 * amount gives the boxes of its digits, of "US$" and of "+", and their left/right positions
 * are compared. The screenshots are kept under test-results/artifacts/ for a person to look at.
 */

interface Finding {
  text: string;
  kind: "currency" | "sign";
  ok: boolean;
}

/** Every amount with "US$" and every "+<digit>" in <main>, with whether it is drawn in the right order. */
async function visualOrder(page: Page): Promise<Finding[]> {
  return page.evaluate(() => {
    const main = document.querySelector("main");
    if (!main) return [];
    // The boxes of a run of characters inside one text node, joined into one.
    const box = (node: Text, start: number, end: number) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      if (rects.length === 0) return null;
      return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) };
    };
    const findings: { text: string; kind: "currency" | "sign"; ok: boolean }[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.data;
      const parent = node.parentElement;
      if (!parent || parent.closest("[hidden], .sr-only, svg") || parent.getClientRects().length === 0) continue;
      const shown = text.replace(/[\u200e\u200f\u2066-\u2069]/g, "").trim();

      // "US$" beside a number: the code's box must start at or after the digits' box ends.
      const code = text.indexOf("US$");
      if (code >= 0) {
        const digits = /\d[\d,.]*/.exec(text);
        if (digits) {
          const d = box(node, digits.index, digits.index + digits[0].length);
          const c = box(node, code, code + 3);
          if (d && c) findings.push({ text: shown, kind: "currency", ok: c.left >= d.right - 1 });
        }
      }

      // A signed figure, "+5%" or "+US$ 12": the sign's box must end at or before the first digit's begins.
      const signed = /\+[\u200e\u200f\u2066-\u2069]*(\d)/.exec(text);
      if (signed) {
        const digitAt = signed.index + signed[0].length - 1;
        const s = box(node, signed.index, signed.index + 1);
        const d = box(node, digitAt, digitAt + 1);
        if (s && d) findings.push({ text: shown, kind: "sign", ok: s.right <= d.left + 1 });
      }
    }
    return findings;
  });
}

async function switchLanguage(page: Page, to: "ar" | "en") {
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByRole("button", { name: to === "ar" ? "العربية" : "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", to === "ar" ? "rtl" : "ltr");
}

/** Kept: outputDir (test-results/) is what CI uploads; a fixed name so a person finds it. */
async function keep(page: Page, testInfo: TestInfo, name: string) {
  const file = `test-results/artifacts/${name}.png`;
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** Soft: one page in the wrong order still lets the next page be looked at and shot. */
async function expectVisualOrder(page: Page, where: string) {
  const findings = await visualOrder(page);
  const amounts = findings.filter((f) => f.kind === "currency");
  expect.soft(amounts.length, `${where} shows at least one amount in US$`).toBeGreaterThan(0);
  const wrong = findings
    .filter((f) => !f.ok)
    .map((f) => `${f.kind === "currency" ? "US$ left of the digits" : "+ right of the digit"}: "${f.text}"`);
  expect.soft(wrong, `${where}: drawn in the wrong order`).toEqual([]);
}

test.describe("amounts in Arabic keep their visual order", () => {
  test("the partner dashboard and the earnings page", async ({ page }, testInfo) => {
    await signInAndWait(page, USERS.owner, /\/dashboard$/);
    await switchLanguage(page, "ar");
    try {
      await page.waitForLoadState("networkidle");
      await keep(page, testInfo, "bidi-dashboard-ar");
      await expectVisualOrder(page, "/dashboard");

      await page.goto("/earnings");
      await keep(page, testInfo, "bidi-earnings-ar");
      await expectVisualOrder(page, "/earnings");
    } finally {
      await page.goto("/dashboard");
      await switchLanguage(page, "en");
    }
  });

  test("the staff lead queue", async ({ page }, testInfo) => {
    await signInAndWait(page, USERS.manager, /\/manage$/);
    await switchLanguage(page, "ar");
    try {
      await page.goto("/manage/leads");
      await keep(page, testInfo, "bidi-lead-queue-ar");
      await expectVisualOrder(page, "/manage/leads");
    } finally {
      await page.goto("/manage");
      await switchLanguage(page, "en");
    }
  });
});
