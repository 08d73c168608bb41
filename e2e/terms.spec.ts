import { expect, test } from "@playwright/test";
import { signIn, signInAndWait, USERS } from "./helpers";

// Publishing a version sends every partner user to the terms page, so the specs that sign partners
// in run before this one (files run in name order on one worker), or accept the new version first
// as training.spec.ts does.
test.describe("program terms", () => {
  test("a new version must be accepted by partner users before they continue", async ({ page, browser }) => {
    await signInAndWait(page, USERS.manager, /\/manage$/);
    await page.goto("/manage/terms");
    const body = page.locator("textarea").first();
    await body.fill(
      `${await body.inputValue()}\n\n## 6. Data\nWe keep partner data for the length of the partnership.`,
    );
    await page.getByTestId("publish-terms").click();
    await expect(page.getByTestId("terms-versions-table")).toContainText("2");

    const partner = await (await browser.newContext()).newPage();
    await signIn(partner, "hannah@brightpath.demo");
    await expect(partner).toHaveURL(/\/terms$/);
    await expect(partner.getByText("We keep partner data")).toBeVisible();
    await partner.getByRole("checkbox").check();
    await partner.getByTestId("accept-terms").click();
    await expect(partner).toHaveURL(/\/dashboard$/);
  });
});
