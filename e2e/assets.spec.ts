import { expect, test, type Browser, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { demoPdf } from "../src/server/domains/enablement/assets-demo-files";
import { expectNoMissingTranslations, signIn, signInAndWait, switchLanguage, USERS } from "./helpers";

// test-results/ is emptied by the next run; ASSETS_SHOTS keeps the pictures elsewhere to look at.
const SHOTS = process.env.ASSETS_SHOTS ?? path.join("test-results", "assets");
const SILVER = "noah@kestrel.demo";
const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Signs a partner user in, accepting the current terms first when another spec published new ones. */
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

async function partnerPage(browser: Browser, email: string, locale = "en-US") {
  const context = await browser.newContext({ locale, extraHTTPHeaders: { "Accept-Language": locale } });
  const page = await context.newPage();
  await enterPortal(page, email);
  return page;
}

/**
 * Done-when 1, first half (issue 15): a manager uploads a PDF for Gold and above; a Silver partner
 * neither sees it nor fetches it by URL; a Gold partner previews its first page and downloads it;
 * the staff list shows the count moved. Refusals of a disguised file are shown by field.
 */
test.describe("the tier-gated asset library", () => {
  test("upload for Gold → Silver sees nothing and gets 404 → Gold previews and downloads → count moves", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const title = `Gold pricing sheet ${Date.now()}`;
    const manager = await (await browser.newContext()).newPage();
    await signInAndWait(manager, USERS.manager, /\/manage$/);

    // An HTML page called .png is refused by its bytes, named on the file field; nothing is created.
    await manager.goto("/manage/assets/new");
    await expectNoMissingTranslations(manager);
    await manager.locator("#asset-title").fill("Disguised page");
    await manager.locator("#asset-file").setInputFiles({
      name: "photo.png",
      mimeType: "image/png",
      buffer: Buffer.from("<html><script>alert(1)</script></html>"),
    });
    await manager.getByTestId("asset-submit").click();
    await expect(manager.getByTestId("asset-file-error")).toContainText("PDF, PNG");
    await expect(manager).toHaveURL(/\/manage\/assets\/new$/);

    // The real upload: a PDF for Gold and above.
    await manager.locator("#asset-title").fill(title);
    await manager.locator("#asset-description").fill("Prices and discounts for Gold partners.");
    await manager.locator("#asset-category").selectOption("datasheet");
    await manager.locator("#asset-tier").selectOption({ label: "Gold" });
    await manager.locator("#asset-tags").fill("pricing, gold");
    await manager.locator("#asset-file").setInputFiles({
      name: "gold-pricing.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(demoPdf("Gold pricing sheet", ["Gold and Platinum partners only."], [180, 83, 9])),
    });
    await manager.getByTestId("asset-submit").click();
    await expect(manager).toHaveURL(/\/manage\/assets\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    const assetId = manager.url().split("/").at(-1)!;
    await expect(manager.getByTestId("asset-versions").getByTestId("asset-version")).toHaveCount(1);
    await expect(manager.getByTestId("asset-download-count")).toContainText("0");

    // Silver: not in the library, and its URLs answer 404 as a missing asset would.
    const silver = await partnerPage(browser, SILVER);
    await silver.goto(`/assets?q=${encodeURIComponent(title)}`);
    await expect(silver.getByTestId("asset-card")).toHaveCount(0);
    for (const route of ["download", "preview"]) {
      const response = await silver.request.get(`/api/assets/${assetId}/${route}`);
      expect(response.status(), `${route} for Silver`).toBe(404);
    }
    // The page itself is "not found" (streamed pages may answer 200 with the not-found view).
    await silver.goto(`/assets/${assetId}`);
    await expect(silver.getByTestId("asset-download")).toHaveCount(0);
    await expect(silver.locator("body")).not.toContainText(title);
    await silver.context().close();

    // Gold: sees it, previews the first page (pdf.js in the production build), downloads it.
    const gold = await partnerPage(browser, USERS.owner);
    await gold.goto(`/assets?q=${encodeURIComponent(title)}`);
    const card = gold.getByTestId("asset-card");
    await expect(card).toHaveCount(1);
    await card.getByTestId("open-asset").click();
    await expect(gold).toHaveURL(new RegExp(`/assets/${assetId}$`));
    await expect(gold.getByTestId("pdf-preview")).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
    await expectNoMissingTranslations(gold);
    await shoot(gold, "asset-detail-pdf-en");
    const [download] = await Promise.all([gold.waitForEvent("download"), gold.getByTestId("asset-download").click()]);
    expect(download.suggestedFilename()).toBe("gold-pricing.pdf");
    expect((await readFile(await download.path())).subarray(0, 5).toString()).toBe("%PDF-");

    // Staff see the download counted.
    await manager.goto(`/manage/assets?q=${encodeURIComponent(title)}`);
    const row = manager.getByTestId("asset-row");
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("asset-downloads")).toHaveText("1");
    await manager.goto(`/manage/assets/usage?asset=${assetId}&period=7d`);
    await expect(manager.getByTestId("asset-user")).toContainText("Northwind Analytics");
    await shoot(manager, "manage-asset-usage-en");

    // The library as partners see it, in English and Arabic, wide and at phone width.
    await gold.goto("/assets");
    await expect(gold.getByTestId("asset-card").first()).toBeVisible();
    await shoot(gold, "library-en");
    await gold.setViewportSize(PHONE);
    await shoot(gold, "library-en-phone");
    await gold.goto("/assets?type=image");
    await expect(gold.getByTestId("asset-card").first().locator("img")).toBeVisible();
    await shoot(gold, "library-images-en-phone");
    await gold.context().close();

    const arabic = await partnerPage(browser, USERS.arabicOwner, "ar-AE");
    await arabic.goto("/assets");
    await expect(arabic.locator("html")).toHaveAttribute("dir", "rtl");
    await expectNoMissingTranslations(arabic);
    await shoot(arabic, "library-ar");
    await arabic.setViewportSize(PHONE);
    await shoot(arabic, "library-ar-phone");
    await arabic.context().close();

    await manager.goto("/manage/assets");
    await expectNoMissingTranslations(manager);
    await shoot(manager, "manage-assets-en");
    await manager.setViewportSize(PHONE);
    await shoot(manager, "manage-assets-en-phone");
    await manager.context().close();

    // The manager's saved language wins over the browser's (another spec may have saved English):
    // switch from the menu, and back afterwards.
    const staffArabic = await (await browser.newContext()).newPage();
    await signInAndWait(staffArabic, USERS.manager, /\/manage$/);
    await switchLanguage(staffArabic, "العربية");
    try {
      await staffArabic.goto("/manage/assets");
      await expect(staffArabic.locator("html")).toHaveAttribute("dir", "rtl");
      await expectNoMissingTranslations(staffArabic);
      await shoot(staffArabic, "manage-assets-ar");
      await staffArabic.goto(`/manage/assets/${assetId}`);
      await shoot(staffArabic, "manage-asset-detail-ar");
      await staffArabic.setViewportSize(PHONE);
      await staffArabic.goto("/manage/assets");
      await shoot(staffArabic, "manage-assets-ar-phone");
    } finally {
      await staffArabic.goto("/manage");
      await switchLanguage(staffArabic, "English");
    }
    await staffArabic.context().close();
  });
});
