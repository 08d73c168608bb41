import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { nextReviewDay } from "../src/lib/tier-review";
import { expectNoMissingTranslations, linkFromOutbox, readEmail, signInAndWait, USERS } from "./helpers";

const DAY = 86_400_000;
/** The demo program's grace period and review cadence (src/server/scripts/seed/demo.ts, the settings' defaults). */
const GRACE_DAYS = 90;
const REVIEW_MONTHS = 3;

const ARTIFACTS = path.join("e2e", "artifacts");
const COMPANY = "Quasar Freight";
const OWNER = "mila@quasar-freight.example";

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * The starting tier is a promise (issue 18): a company approved at Silver wins its first deal,
 * far below Silver's threshold, and is still Silver, with no demotion email. Then the clock moves
 * on (the e2e time-travel hook, which runs the nightly tier job at the new time): a review inside
 * the grace period keeps Silver; the first review after it moves the partner down, recording and
 * emailing the numbers behind it. The nightly job moves every demo partner the numbers call for,
 * so this spec runs last among those that read demo tiers.
 */
test.describe("the starting tier holds", () => {
  test.afterAll(async ({ request }) => {
    await request.post("/api/test/time-travel", { data: { reset: true } });
  });

  test("approve at Silver → win a deal → still Silver; only a review after the grace period moves it down", async ({
    page,
    browser,
  }) => {
    // Four people's pages (applicant, manager, partner, admin) and two reviews on two cores: past the default minute.
    test.setTimeout(240_000);
    await page.request.post("/api/test/time-travel", { data: { reset: true } });
    const approvedAt = Date.now();
    await page.goto("/apply");
    await page.locator("#company").fill(COMPANY);
    await page.locator("#website").fill("https://quasar-freight.example");
    await page.locator("#country").selectOption("NL");
    await page.getByTestId("type-reseller").check();
    await page.locator("#contactName").fill("Mila Jansen");
    await page.locator("#contactEmail").fill(OWNER);
    await page.locator("#salesApproach").fill("We resell analytics tools to freight forwarders in the Benelux.");
    await page.locator("#expectedDealsPerQuarter").fill("4");
    await page.locator("#acceptTerms").check();
    await page.getByTestId("submit-application").click();
    await expect(page.getByTestId("application-received")).toBeVisible();

    const manager = await (await browser.newContext()).newPage();
    await signInAndWait(manager, USERS.manager, /\/manage$/);
    await manager.goto(`/manage/applications?q=${encodeURIComponent(COMPANY)}`);
    await manager.getByTestId("applications-table").getByRole("link", { name: COMPANY }).click();
    await manager.locator('select[name="tierId"]').selectOption({ label: "Silver" });
    const promise = manager.getByTestId("tier-promise");
    await expect(promise).toContainText("Silver is promised until");
    await expect(promise).toContainText("Promotions happen at once");
    await expect(promise).toContainText("$50,000.00 in won revenue");
    // A date in the past is refused on its field, with words a manager can act on.
    await manager.locator("#approve-held-until").fill("2020-01-01");
    await manager.getByTestId("approve-application").click();
    await expect(manager.locator("#approve-held-until-error")).toContainText("Choose a date after today");
    await manager.locator("#approve-held-until").fill("");
    await expectNoMissingTranslations(manager);
    await shoot(manager, "tier-grace-approval-en");
    await manager.getByTestId("approve-application").click();
    await expect(manager).toHaveURL(/\/manage\/partners\/[0-9a-f-]{36}$/);
    const partnerUrl = manager.url();
    await expect(manager.getByTestId("partner-tier")).toContainText("Silver");

    const invitation = await linkFromOutbox(browser, OWNER, /invitation/);
    // The e2e server runs on PORT=3950 with no APP_URL: the link follows the port (issue 18).
    expect(new URL(invitation).origin).toBe(new URL(page.url()).origin);
    await page.goto(invitation);
    await page.locator("#password").fill("quasar-password-1");
    await page.locator("#acceptTerms").check();
    await page.getByTestId("accept-invitation").click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId("stat-tier")).toContainText("Silver");

    // A small first deal: 1,000 USD of Silver's 50,000.
    await page.goto("/leads/new");
    await page.locator("#companyName").fill("Dockside Logistics BV");
    await page.locator("#website").fill("dockside-logistics.example");
    await page.locator("#contactName").fill("Pieter Bos");
    await page.locator("#contactEmail").fill("pieter@dockside-logistics.example");
    await page.locator("#country").selectOption("NL");
    await page.locator("#productId").selectOption({ label: "Analytics Cloud" });
    await page.locator("#estimatedValue").fill("1000");
    await page.locator("#currency").selectOption("USD");
    await page.locator("#expectedCloseDate").fill("2030-03-31");
    await page.getByTestId("submit-lead").click();
    await expect(page).toHaveURL(/\/leads\/[0-9a-f-]{36}$/);

    await manager.goto(`/manage/leads?q=${encodeURIComponent("Dockside Logistics BV")}`);
    await manager.getByTestId("lead-queue").getByRole("link", { name: "Dockside Logistics BV" }).click();
    await manager.getByTestId("approve-lead").click();
    await expect(manager.getByTestId("lead-status")).toContainText("Approved");
    await manager.getByTestId("mark-won").click();
    await manager.locator("#won-amount").fill("1,000.00");
    await manager.locator("#won-currency").selectOption("USD");
    await manager.getByTestId("confirm-won").click();
    await expect(manager.getByTestId("lead-status")).toContainText("Won");

    // Still Silver: the win promoted nothing and demoted nothing, and no demotion email went out.
    await manager.goto(partnerUrl);
    await expect(manager.getByTestId("partner-tier")).toContainText("Silver");
    await expect(manager.getByTestId("tier-change").filter({ hasText: "Registered" })).toHaveCount(0);
    await page.goto("/dashboard");
    await expect(page.getByTestId("stat-tier")).toContainText("Silver");
    const promised = page.getByTestId("tier-promise");
    await expect(promised.getByTestId("tier-held-until")).toContainText("promised until");
    await expect(promised.getByTestId("tier-review-outlook")).toContainText("would move you to Registered");
    await shoot(page, "tier-grace-dashboard-en");
    const admin = await (await browser.newContext()).newPage();
    await signInAndWait(admin, USERS.admin, /\/manage$/);
    await admin.goto(`/manage/emails?to=${encodeURIComponent(OWNER)}`);
    await expect(admin.getByTestId("emails-table")).toContainText("Deal won");
    await expect(admin.getByTestId("emails-table")).not.toContainText("Your tier is now");

    // The reviews to come: those before the hold ends keep Silver, the first after it may not.
    const holdEnds = new Date(approvedAt + GRACE_DAYS * DAY);
    let review = nextReviewDay(new Date(approvedAt), REVIEW_MONTHS);
    let travelled = 0;
    const travelTo = async (day: Date) => {
      // Whole days from now land on that date at today's time of day: still the review day.
      const days = Math.ceil((day.getTime() - approvedAt) / DAY) - travelled;
      const response = await page.request.post("/api/test/time-travel", { data: { days, tiers: true } });
      expect(response.ok()).toBe(true);
      travelled += days;
    };
    while (review <= holdEnds) {
      await travelTo(review);
      await manager.goto(partnerUrl);
      await expect(
        manager.getByTestId("partner-tier"),
        `the review of ${review.toISOString()} is inside the hold`,
      ).toContainText("Silver");
      review = nextReviewDay(review, REVIEW_MONTHS);
    }
    await travelTo(review);
    await manager.goto(partnerUrl);
    await expect(manager.getByTestId("partner-tier")).toContainText("Registered");
    const change = manager.getByTestId("tier-change").first();
    await expect(change).toContainText("Tier review");
    await expect(change).toContainText("below the Silver threshold");
    await expect(change).toContainText("won revenue $1,000.00 of $50,000.00 needed");
    await shoot(manager, "tier-grace-review-en");
    const email = await readEmail(browser, OWNER, /Your tier is now Registered/);
    expect(email).toContain("At the periodic tier review");
    expect(email).toContain("$1,000.00");
    await page.request.post("/api/test/time-travel", { data: { reset: true } });
  });
});
