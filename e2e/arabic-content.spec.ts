import { expect, test } from "@playwright/test";
import path from "node:path";
import { expectNoMissingTranslations, signInAndWait, switchLanguage as switchTo, USERS } from "./helpers";

const ARTIFACTS = path.join("e2e", "artifacts");

// Staff content in both languages: staff give the Arabic beside the English, readers get theirs,
// and where it is missing they get the English, marked. Terms are read here, not published: a new
// version would send every later spec's partners to the terms page.
test.describe("staff content in both languages", () => {
  test("a product given an Arabic name shows it to an Arabic reader; English-only ones are marked", async ({
    page,
  }) => {
    await signInAndWait(page, USERS.manager, /\/manage$/);
    await page.goto("/manage/products");
    await page.locator("#product-name").fill("Insight Studio");
    await page.locator("#product-description").fill("Dashboards for every team.");
    const arabicName = page.getByLabel("Name in Arabic");
    await expect(arabicName).toHaveAttribute("dir", "rtl");
    await expect(arabicName).toHaveAttribute("lang", "ar");
    await arabicName.fill("استوديو الرؤى");
    await page.getByLabel("Description in Arabic").fill("لوحات معلومات لكل فريق.");
    await page.getByTestId("create-product").click();
    const row = page.getByTestId("product-row").filter({ hasText: "Insight Studio" });
    await expect(row).toBeVisible();
    // The English reader sees the Arabic name too, in its own direction, under the English.
    await expect(row.getByTestId("product-other-name")).toHaveText("استوديو الرؤى");
    await expect(row.getByTestId("product-other-name")).toHaveAttribute("lang", "ar");

    await switchTo(page, "العربية");
    try {
      await page.goto("/manage/products");
      const arabicRow = page.getByTestId("product-row").filter({ hasText: "استوديو الرؤى" });
      await expect(arabicRow).toBeVisible();
      await expect(arabicRow.locator('[lang="ar"]').first()).toHaveText("استوديو الرؤى");
      await expect(arabicRow.getByTestId("fallback-note")).toHaveCount(0);
      // The demo leaves Onboarding Services English-only: shown in English, and marked.
      const englishOnly = page.getByTestId("product-row").filter({ hasText: "Onboarding Services" });
      await expect(englishOnly.getByTestId("fallback-note").first()).toHaveText("معروض بالإنجليزية");
      await expect(englishOnly.locator('[lang="en"]').first()).toHaveAttribute("dir", "ltr");
      await expectNoMissingTranslations(page);
      await page.screenshot({ path: path.join(ARTIFACTS, "products-ar.png"), fullPage: true });

      // The staff edit form keeps both languages for the next change.
      await arabicRow.getByTestId("edit-product").click();
      await expect(page.locator("#edit-product-name-ar")).toHaveValue("استوديو الرؤى");
      await expect(page.locator("#edit-product-name")).toHaveValue("Insight Studio");
    } finally {
      await page.goto("/manage");
      await switchTo(page, "English");
    }
  });

  test("the current terms read in Arabic for an Arabic reader, and staff see both languages", async ({ page }) => {
    await signInAndWait(page, USERS.manager, /\/manage$/);
    await page.goto("/manage/terms");
    await expect(page.getByTestId("terms-shown-languages")).toContainText("Published in English and Arabic.");
    await expect(page.getByTestId("terms-body")).toHaveAttribute("lang", "en");
    await expect(page.getByTestId("terms-versions-table")).toContainText("English and Arabic");
    await expect(page.locator("#terms-body-ar")).toHaveAttribute("dir", "rtl");
    await switchTo(page, "العربية");
    try {
      await page.goto("/manage/terms");
      const body = page.getByTestId("terms-body");
      await expect(body).toHaveAttribute("lang", "ar");
      await expect(body).toHaveAttribute("dir", "rtl");
      await expect(body).toContainText("شروط برنامج شركاء Tierwise");
      await expectNoMissingTranslations(page);
      await page.screenshot({ path: path.join(ARTIFACTS, "terms-ar.png"), fullPage: true });
      // Staff can read the other language of the same version.
      await page.getByTestId("terms-switch-language").click();
      await expect(body).toHaveAttribute("lang", "en");
      await expect(body).toContainText("Tierwise Partner Program Terms");
    } finally {
      await page.goto("/manage");
      await switchTo(page, "English");
    }
  });

  test("the plans page says the default plan covers every partner without a plan of its own", async ({ page }) => {
    await signInAndWait(page, USERS.manager, /\/manage$/);
    await page.goto("/manage/commissions/plans");
    const defaultPlan = page.getByTestId("plan-card").filter({ has: page.getByTestId("plan-default") });
    await expect(defaultPlan.getByTestId("plan-partners")).toHaveText(/^\d+ partners \(all without their own plan\)$/);
    await page.screenshot({ path: path.join(ARTIFACTS, "plans-en.png"), fullPage: true });
  });
});
