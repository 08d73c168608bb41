import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoMissingTranslations, signIn, signInAndWait, USERS } from "./helpers";

const ARTIFACTS = path.join("e2e", "artifacts");
const NORTHWIND = "Northwind Analytics";
const NOT_FOUND = "Page not found";

async function shoot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Signs a partner user in, accepting newer program terms first if another spec published some. */
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

/** "$12,345.67" (or "12,345.67 US$") in cents; no line at all is zero. */
function cents(text: string | null): bigint {
  if (!text) return 0n;
  const digits = text.replace(/[^\d.]/g, "");
  const [whole = "0", fraction = ""] = digits.split(".");
  return BigInt(whole || "0") * 100n + BigInt((fraction + "00").slice(0, 2));
}

/** Northwind's amount in today's run preview (zero when it has nothing payable). */
async function northwindInPreview(finance: Page, today: string): Promise<bigint> {
  await finance.goto(`/manage/payouts?cutoff=${today}`);
  await expect(finance.getByTestId("run-preview")).toBeVisible();
  const line = finance.getByTestId("preview-line").filter({ hasText: NORTHWIND });
  if ((await line.count()) === 0) return 0n;
  return cents(await line.first().locator("td").nth(1).innerText());
}

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

test.describe("market development funds", () => {
  test("request → approved → claimed with proof and invoice → claim approved → in the next run's preview and paid by it", async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    const today = new Date().toISOString().slice(0, 10);
    const campaign = `Northwind launch webinar ${Date.now().toString(36)}`;

    const finance = await (await browser.newContext()).newPage();
    await signInAndWait(finance, USERS.finance, /\/manage$/);
    const before = await northwindInPreview(finance, today);

    // The partner sees the quarter's budget and asks for funds for a one-day webinar today.
    await enterPortal(page, USERS.owner);
    await page.goto("/mdf");
    await expect(page.getByTestId("mdf-budget")).toBeVisible();
    await expectNoMissingTranslations(page);
    await shoot(page, "mdf-partner-en");
    await page.getByTestId("new-mdf-request").click();
    await expect(page).toHaveURL(/\/mdf\/new$/);
    await page.getByLabel("Campaign name").fill(campaign);
    await page.getByLabel("Activity").selectOption("webinar");
    await page.getByLabel("Starts on").fill(today);
    await page.getByLabel("Ends on").fill(today);
    await page.getByLabel(/^Total cost/).fill("4,000");
    await page.getByLabel(/^Share you ask for/).fill("2,000");
    await page.getByLabel("Expected leads").fill("25");
    await page.getByLabel("What you will do").fill("A live product webinar for retail analytics buyers.");
    await expectNoMissingTranslations(page);
    await page.getByTestId("submit-mdf-request").click();
    await expect(page).toHaveURL(/\/mdf\/[0-9a-f-]{36}$/);
    const requestPath = new URL(page.url()).pathname;
    const requestId = requestPath.split("/").at(-1)!;
    await expect(page.getByTestId("mdf-request-status")).toHaveAttribute("data-status", "submitted");

    // A manager approves it, the budget left shown beside the decision.
    const manager = await (await browser.newContext()).newPage();
    await signInAndWait(manager, USERS.manager, /\/manage$/);
    await manager.goto("/manage/mdf");
    await expect(manager.getByTestId("mdf-queue")).toBeVisible();
    await expectNoMissingTranslations(manager);
    await shoot(manager, "mdf-staff-queue-en");
    await manager.goto(`/manage/mdf/${requestId}`);
    await expect(manager.getByTestId("staff-mdf-budget")).toBeVisible();
    await manager.getByTestId("approve-request").click();
    await expect(manager.getByRole("dialog")).toBeVisible();
    await expectNoMissingTranslations(manager);
    await shoot(manager, "mdf-staff-approve-dialog-en");
    await manager.getByTestId("confirm-approve-request").click();
    await expect(manager.getByTestId("mdf-request-status")).toHaveAttribute("data-status", "approved");

    // The partner claims: the campaign ends today, so the claim form is open.
    await page.reload();
    await expect(page.getByTestId("mdf-request-status")).toHaveAttribute("data-status", "approved");
    await page.getByLabel(/^Actual cost/).fill("3,800");
    await page.getByLabel(/^Amount claimed/).fill("1,500");
    await page.getByLabel("Leads produced").fill("18");
    await page.getByLabel("Proof of performance").setInputFiles([
      { name: "webinar-attendees.png", mimeType: "image/png", buffer: PNG },
      { name: "webinar-report.pdf", mimeType: "application/pdf", buffer: PDF },
    ]);
    await page
      .getByLabel("Invoice")
      .setInputFiles({ name: "invoice-NW-2291.pdf", mimeType: "application/pdf", buffer: PDF });
    const firstLead = page.getByTestId("claim-lead-options").getByRole("checkbox").first();
    if (await firstLead.isVisible()) await firstLead.check();
    await shoot(page, "mdf-partner-claim-form-en");
    await page.getByTestId("submit-mdf-claim").click();
    await expect(page.getByTestId("mdf-claim")).toHaveAttribute("data-status", "submitted");
    await expect(page.getByTestId("mdf-claim-file")).toHaveCount(3);
    // The partner downloads its own invoice through the checked route.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("mdf-claim-file").filter({ hasText: "invoice-NW-2291.pdf" }).click(),
    ]);
    expect(
      fs
        .readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    await shoot(page, "mdf-partner-claimed-en");

    // The manager opens the files and approves the claim: a payable mdf entry, at once.
    await manager.reload();
    const fileHref = await manager.getByTestId("mdf-claim-file").first().getAttribute("href");
    expect((await manager.request.get(fileHref!)).status()).toBe(200);
    await manager.getByTestId("approve-claim").click();
    await manager.getByTestId("confirm-approve-claim").click();
    await expect(manager.getByTestId("mdf-claim")).toHaveAttribute("data-status", "approved");
    await expect(manager.getByTestId("mdf-claim-approved")).toContainText("1,500.00");

    // Another partner cannot fetch the claim's file by its URL.
    const other = await (await browser.newContext()).newPage();
    await enterPortal(other, "lena@cobalt.demo");
    expect((await other.request.get(fileHref!)).status()).toBe(404);
    // Their view of our request is the not-found page (streamed, so its status may already be 200).
    await other.goto(requestPath);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND);
    await expect(other.locator("body")).not.toContainText(campaign);

    // Finance: the claim's amount is in today's preview for Northwind, and the run pays it.
    const after = await northwindInPreview(finance, today);
    expect(after - before).toBe(150_000n);
    await expect(finance.getByTestId("preview-line").filter({ hasText: NORTHWIND })).toHaveAttribute(
      "data-reason",
      "included",
    );
    await shoot(finance, "mdf-payout-preview-en");
    await finance.getByTestId("create-run").click();
    await expect(finance).toHaveURL(/\/manage\/payouts\/[0-9a-f-]{36}$/);
    const runUrl = new URL(finance.url()).pathname;
    const admin = await (await browser.newContext()).newPage();
    await signInAndWait(admin, USERS.admin, /\/manage$/);
    await admin.goto(runUrl);
    await admin.getByTestId("approve-run").click();
    const northwindPayout = admin.getByTestId("run-payout").filter({ hasText: NORTHWIND });
    await expect(northwindPayout).toHaveAttribute("data-state", "paid", { timeout: 60_000 });

    // The partner's quarter now counts the claim as paid.
    await page.goto("/mdf");
    await expect(page.getByTestId("budget-paid")).toContainText("1,500.00");
    await shoot(page, "mdf-partner-paid-en");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(requestPath);
    await shoot(page, "mdf-partner-request-phone-en");

    // Arabic: Rimal's owner reads the page right to left, on a phone too.
    const arabic = await (await browser.newContext()).newPage();
    await enterPortal(arabic, USERS.arabicOwner);
    await arabic.goto("/mdf");
    await expect(arabic.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(arabic.getByTestId("mdf-budget")).toBeVisible();
    await expectNoMissingTranslations(arabic);
    await shoot(arabic, "mdf-partner-ar");
    await arabic.goto("/mdf/new");
    await expectNoMissingTranslations(arabic);
    await shoot(arabic, "mdf-partner-new-ar");
    await arabic.setViewportSize({ width: 390, height: 844 });
    await arabic.goto("/mdf");
    await shoot(arabic, "mdf-partner-phone-ar");
    await manager.goto("/manage/mdf?view=budgets");
    await expect(manager.getByTestId("tier-budgets")).toBeVisible();
    await expectNoMissingTranslations(manager);
    await shoot(manager, "mdf-staff-budgets-en");
    await manager.goto("/manage/mdf?view=claims");
    await shoot(manager, "mdf-staff-claims-en");
  });
});
