import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { expectNoMissingTranslations, signInAndWait, USERS } from "./helpers";

const ARTIFACTS = path.join("e2e", "artifacts");

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

test.describe("commissions", () => {
  test.afterAll(async ({ browser }) => {
    // Later specs see the real date again.
    const page = await (await browser.newContext()).newPage();
    await signInAndWait(page, USERS.admin, /\/manage$/);
    await page.request.post("/api/test/time-travel", { data: { reset: true } });
  });

  test("a won lead earns a pending commission the partner sees, tier progress moves, and it is payable after the hold period", async ({
    page,
    browser,
  }) => {
    await signInAndWait(page, USERS.owner, /\/dashboard$/);
    await expect(page.getByTestId("tier-card")).toBeVisible();
    const revenueBefore = await page.getByTestId("tier-progress-revenue").innerText();
    await shoot(page, "dashboard-earnings-en");

    const manager = await (await browser.newContext()).newPage();
    await signInAndWait(manager, USERS.manager, /\/manage$/);
    await manager.goto("/manage/leads?status=approved&q=Initech");
    await manager.getByTestId("lead-queue").getByRole("link", { name: "Initech LLC" }).click();
    await manager.getByTestId("mark-won").click();
    await manager.locator("#won-amount").fill("30,000.00");
    await manager.locator("#won-currency").selectOption("USD");
    await manager.getByTestId("confirm-won").click();
    await expect(manager.getByTestId("lead-status")).toContainText("Won");

    await page.goto("/earnings");
    const initech = page.getByTestId("ledger-row").filter({ hasText: "Initech LLC" });
    // 15% at Gold, and the running 5% Analytics Cloud campaign as its own line.
    await expect(initech).toHaveCount(2);
    await expect(initech.filter({ hasText: "$4,500.00" })).toHaveAttribute("data-state", "pending");
    await expect(initech.filter({ hasText: "$1,500.00" })).toHaveAttribute("data-source", "bonus");
    await expectNoMissingTranslations(page);
    await shoot(page, "earnings-en");

    await page.goto("/dashboard");
    await expect(page.getByTestId("tier-progress-revenue")).not.toHaveText(revenueBefore);

    // The hold period (30 days) passes: the release job makes the commission payable.
    const travelled = await page.request.post("/api/test/time-travel", { data: { days: 31 } });
    expect(travelled.ok()).toBe(true);
    await page.goto("/earnings");
    await expect(page.getByTestId("ledger-row").filter({ hasText: "Initech LLC" }).first()).toHaveAttribute(
      "data-state",
      "payable",
    );

    // The signed order was larger: correcting the amount reverses and earns again, history intact.
    await manager.reload();
    await manager.getByTestId("correct-deal").click();
    await manager.locator("#correct-amount").fill("32,000.00");
    await manager.locator("#correct-reason").fill("The signed order form says 32,000.");
    await manager.getByTestId("confirm-correct").click();
    await expect(manager.getByTestId("lead-timeline")).toContainText("Deal amount corrected");
    await page.goto("/earnings?source=clawback");
    await expect(page.getByTestId("ledger-row").filter({ hasText: "Initech LLC" })).toHaveCount(2);
    await page.goto("/earnings");
    await expect(page.getByTestId("ledger-row").filter({ hasText: "$4,800.00" })).toHaveCount(1);
  });

  test("finance approves a manager's adjustment, and the staff ledger shows it", async ({ browser }) => {
    const manager = await (await browser.newContext()).newPage();
    await signInAndWait(manager, USERS.manager, /\/manage$/);
    await manager.goto("/manage/commissions/adjustments");
    await manager.locator("#adjustment-partner").fill("Kestrel");
    await manager.getByTestId("partner-option").filter({ hasText: "Kestrel IT Solutions" }).click();
    await manager.locator("#adjustment-amount").fill("250");
    await manager.locator("#adjustment-reason").fill("Conference booth shared with Kestrel in October.");
    await manager.getByTestId("propose-adjustment").click();
    await expect(manager.getByTestId("adjustments-table")).toContainText("Conference booth");

    const finance = await (await browser.newContext()).newPage();
    await signInAndWait(finance, USERS.finance, /\/manage$/);
    await finance.goto("/manage/commissions/adjustments");
    await finance
      .getByTestId("adjustment-row")
      .filter({ hasText: "Conference booth" })
      .getByTestId("approve-adjustment")
      .click();
    // The decision is a client mutation: wait until the refreshed queue no longer lists it before leaving the page.
    await expect(finance.getByTestId("adjustment-row").filter({ hasText: "Conference booth" })).toHaveCount(0);
    await finance.goto("/manage/commissions/adjustments?status=approved");
    await expect(finance.getByTestId("adjustments-table")).toContainText("Conference booth");
    await finance.goto("/manage/commissions?source=adjustment");
    await expect(finance.getByTestId("ledger-table")).toContainText("Kestrel IT Solutions");
    await expect(finance.getByTestId("liability")).toBeVisible();
    await expectNoMissingTranslations(finance);
    await shoot(finance, "commissions-staff-en");
  });

  test("a manager runs a campaign, and plans, campaigns and a partner's commission card read in both languages", async ({
    browser,
  }) => {
    const manager = await (await browser.newContext()).newPage();
    await signInAndWait(manager, USERS.manager, /\/manage$/);
    await manager.goto("/manage/commissions/campaigns");
    await manager.locator("#campaign-name").fill("Year-end connector sprint");
    await manager.locator("#campaign-starts").fill("2026-12-01");
    await manager.locator("#campaign-ends").fill("2026-12-31");
    await manager.locator("#campaign-kind").selectOption("flat");
    await manager.locator("#campaign-amount").fill("150");
    await manager.getByTestId("create-campaign").click();
    await expect(manager.getByTestId("campaign-row").filter({ hasText: "Year-end connector sprint" })).toBeVisible();
    await expectNoMissingTranslations(manager);
    await shoot(manager, "campaigns-en");

    await manager.goto("/manage/commissions/plans");
    await expect(manager.getByTestId("plan-card").first()).toContainText("Standard partner plan");
    await expectNoMissingTranslations(manager);
    await shoot(manager, "plans-en");

    await manager.goto("/manage/partners?q=Northwind");
    await manager.getByRole("link", { name: "Northwind Analytics" }).first().click();
    await expect(manager.getByTestId("commission-card")).toBeVisible();
    await expect(manager.getByTestId("tier-history")).toContainText("Gold");
    await shoot(manager, "partner-commissions-en");

    const arabic = await (await browser.newContext()).newPage();
    await signInAndWait(arabic, USERS.arabicOwner, /\/dashboard$/);
    await expect(arabic.getByTestId("tier-card")).toBeVisible();
    await expectNoMissingTranslations(arabic);
    await shoot(arabic, "dashboard-ar");
    await arabic.goto("/earnings");
    await expect(arabic.getByTestId("ledger-table")).toBeVisible();
    await expectNoMissingTranslations(arabic);
    await shoot(arabic, "earnings-ar");
  });
});
