import { expect, test, type Page } from "@playwright/test";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEMO_COBRAND_TITLE } from "../src/server/scripts/seed/cobrand";
import { expectNoMissingTranslations, signIn, USERS } from "./helpers";

const ARTIFACTS = path.join("e2e", "artifacts");

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Signs a partner user in past any newer terms, as a returning partner would (as the training spec does). */
async function enterPortal(page: Page, email: string) {
  await signIn(page, email);
  const accept = page.getByTestId("accept-terms");
  const dashboard = page.getByTestId("stat-tier");
  await expect(dashboard.or(accept)).toBeVisible({ timeout: 20_000 });
  if (await accept.isVisible()) {
    await page.getByRole("checkbox").check();
    await accept.click();
  }
  await expect(dashboard).toBeVisible({ timeout: 20_000 });
  await page.waitForLoadState("networkidle");
}

/** The words of a PDF's first page, as a reader's text layer gets them (pdf.js, no canvas needed). */
async function pdfText(file: string): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(file)), disableFontFace: true }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
  await doc.destroy();
  return text;
}

/** Opens the demo's co-branded template from the library, checks the preview, and downloads the PDF. */
async function downloadCobranded(page: Page, name: string): Promise<{ text: string; url: string }> {
  page.on("console", (message) => console.log(`[${name} console] ${message.text().slice(0, 300)}`));
  await page.goto("/assets");
  await page.getByRole("link", { name: DEMO_COBRAND_TITLE }).first().click();
  await expect(page).toHaveURL(/\/assets\/[0-9a-f-]{36}\/cobranded$/);
  // The first page is drawn on screen before anything is downloaded.
  await expect(page.getByTestId("pdf-preview").locator("canvas")).toHaveAttribute("data-state", "ready", {
    timeout: 30_000,
  });
  await expectNoMissingTranslations(page);
  // The bytes the preview drew, kept beside the download for a person to compare.
  const preview = await page.request.get(
    `${new URL(page.url()).pathname.replace(/^\/assets/, "/api/assets")}?preview=1`,
  );
  expect(preview.status()).toBe(200);
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(path.join(ARTIFACTS, `cobrand-${name}-preview.pdf`), await preview.body());
  const url = (await page.getByTestId("cobrand-referral-url").textContent())!.trim();
  expect(url).toMatch(/^http:\/\/localhost:\d+\/r\/[a-z0-9]{8}$/);
  await shoot(page, `cobrand-${name}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("cobrand-download").click()]);
  expect(download.suggestedFilename()).toBe("co-branded-partner-overview-one-pager.pdf");
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `cobrand-${name}.pdf`);
  await download.saveAs(file);
  expect((await readFile(file)).subarray(0, 5).toString()).toBe("%PDF-");
  return { text: await pdfText(file), url };
}

test.describe("co-branded material", () => {
  test("a partner previews and downloads their co-branded PDF with their name and referral link", async ({ page }) => {
    await enterPortal(page, USERS.owner);
    const { text, url } = await downloadCobranded(page, "en");
    expect(text).toContain("Northwind Analytics");
    expect(text).toContain(url);
    expect(text).toContain("Presented by");
    expect(text).toContain("Run your partner program in one place");
    // The printed link works for anyone: signed out, it redirects to the vendor's site with the code.
    const code = url.split("/r/")[1]!;
    const redirect = await page.request.get(`/r/${code}`, { maxRedirects: 0 });
    expect(redirect.status()).toBe(302);
    expect(redirect.headers()["location"]).toBe(`https://www.tierwise.example/?ref=${code}`);
    const unknown = await page.request.get("/r/nosuchcode", { maxRedirects: 0 });
    expect(unknown.headers()["location"]).toBe("https://www.tierwise.example");
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId("pdf-preview").locator("canvas")).toBeVisible();
    await shoot(page, "cobrand-en-phone");
  });

  test("an Arabic-speaking partner gets the Arabic page, right to left", async ({ page }) => {
    await enterPortal(page, USERS.arabicOwner);
    const { text, url } = await downloadCobranded(page, "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    expect(text).toContain("Rimal Consulting");
    expect(text).toContain(url);
    // Compared without harakat: a text layer may give a letter's marks in another order (shadda, fatha).
    const bare = (s: string) => s.replace(/[\u064b-\u065f]/g, "");
    expect(bare(text)).toContain(bare("مقدَّم من"));
    expect(bare(text)).toContain(bare("امسح الرمز للزيارة"));
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "cobrand-ar-phone");
  });

  test("staff edit a template and see the preview follow", async ({ page }) => {
    await signIn(page, USERS.manager);
    await page.waitForURL(/\/manage/);
    await page.goto("/manage/assets/templates/new");
    await page.locator("#title").fill("Spring flyer");
    await page.locator("#headline").fill("Spring into savings");
    await page.locator("#bodyMarkdown").fill("# Why now\n\nSave **20%** this *spring*.\n\n- Fast\n- Simple");
    await page.getByTestId("template-save").click();
    await expect(page).toHaveURL(/\/manage\/assets\/templates\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    const canvas = page.getByTestId("template-preview").locator("canvas");
    await expect(canvas).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
    await page.locator("#headlineAr").fill("انطلق مع عروض الربيع");
    await page.locator("#bodyMarkdownAr").fill("وفّر **20%** هذا الربيع.");
    await page.getByTestId("template-save").click();
    await expect(page.getByText("Template saved.")).toBeVisible();
    await page.locator("#preview-locale").selectOption("ar");
    await expect(canvas).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
    await expectNoMissingTranslations(page);
    await shoot(page, "cobrand-editor");
    await page.getByTestId("template-archive").click();
    await page.getByTestId("template-archive-confirm").click();
    await expect(page.getByTestId("template-restore")).toBeVisible();
  });
});
