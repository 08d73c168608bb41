import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { expectNoMissingTranslations, signInAndWait, USERS, forgetSession } from "./helpers";

const ARTIFACTS = path.join("e2e", "artifacts");

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Puts the account back to English, so other specs see the language they expect. */
async function switchBackToEnglish(page: Page) {
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
}

async function switchToArabic(page: Page) {
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByRole("button", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
}

test("the partner dashboard renders in English and in Arabic, right to left", async ({ page }) => {
  await signInAndWait(page, USERS.owner, /\/dashboard$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expectNoMissingTranslations(page);
  await shoot(page, "dashboard-en");
  await switchToArabic(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("مرحبًا");
  await expectNoMissingTranslations(page);
  await shoot(page, "dashboard-ar");
  for (const section of ["/team", "/settings"]) {
    await page.goto(section);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expectNoMissingTranslations(page);
  }
  await shoot(page, "settings-ar");
  await page.goto("/dashboard");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await shoot(page, "dashboard-ar-phone");
  // The choice is saved on the account: a new session starts in Arabic.
  await forgetSession(page);
  await signInAndWait(page, USERS.owner, /\/dashboard$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await switchBackToEnglish(page);
});

test("the staff console renders in English and in Arabic, right to left", async ({ page }) => {
  await signInAndWait(page, USERS.admin, /\/manage$/);
  await expectNoMissingTranslations(page);
  await shoot(page, "manage-en");
  await switchToArabic(page);
  await expectNoMissingTranslations(page);
  await shoot(page, "manage-ar");
  for (const section of [
    "/manage/applications",
    "/manage/partners",
    "/manage/terms",
    "/manage/emails",
    "/manage/audit",
    "/manage/settings",
    "/manage/settings/staff",
    "/account",
  ]) {
    await page.goto(section);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expectNoMissingTranslations(page);
  }
  await shoot(page, "account-ar");
  await page.goto("/manage/partners");
  await page.getByTestId("partners-table").getByRole("link").filter({ hasText: "Northwind" }).click();
  await expectNoMissingTranslations(page);
  await shoot(page, "partner-detail-ar");
  await page.goto("/manage/applications");
  await page.getByTestId("applications-table").getByRole("link").filter({ hasText: "Qamar" }).click();
  await expectNoMissingTranslations(page);
  await shoot(page, "application-ar");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/manage");
  await shoot(page, "manage-ar-phone");
  await page.setViewportSize({ width: 1280, height: 800 });
  await switchBackToEnglish(page);
});

test("the login page follows the browser's language and can be switched", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "ar-AE",
    extraHTTPHeaders: { "Accept-Language": "ar-AE,ar;q=0.9" },
  });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectNoMissingTranslations(page);
  await shoot(page, "login-ar");
  await page.goto("/apply");
  await expectNoMissingTranslations(page);
  await shoot(page, "apply-ar");
  await page.goto("/login");
  await page.getByTestId("switch-locale").click();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Tierwise");
  await context.close();
});
