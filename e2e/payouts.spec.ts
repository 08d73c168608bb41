import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoMissingTranslations, forgetSession, signInAndWait, stripeStandin, USERS } from "./helpers";

const ARTIFACTS = path.join("e2e", "artifacts");
const KESTREL_OWNER = "noah@kestrel.demo";

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

test.describe("payouts", () => {
  test("a partner onboards on Stripe, finance runs a payout approved by a second person, and the partner downloads the statement", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const standin = stripeStandin();
    const transfersBefore = (await standin.control("GET", "/transfers/count")) as { count: number };

    // Kestrel has commissions payable and has never connected Stripe.
    await signInAndWait(page, KESTREL_OWNER, /\/dashboard$/);
    await page.goto("/payouts");
    await expect(page.getByTestId("stripe-state")).toHaveAttribute("data-state", "not_started");
    await expectNoMissingTranslations(page);
    await page.getByTestId("stripe-onboarding").click();
    // Stripe's hosted onboarding (the stand-in's page), then back to the portal.
    await page.getByRole("button", { name: "Complete onboarding" }).click();
    await expect(page).toHaveURL(/\/payouts\?stripe=returned/);
    await expect(page.getByTestId("stripe-returned")).toBeVisible();
    await expect(page.getByTestId("stripe-state")).toHaveAttribute("data-state", "enabled");
    await shoot(page, "payouts-partner-onboarded-en");

    // Finance previews today's run: Kestrel is in it now.
    const finance = await (await browser.newContext()).newPage();
    await signInAndWait(finance, USERS.finance, /\/manage$/);
    const today = new Date().toISOString().slice(0, 10);
    await finance.goto(`/manage/payouts?cutoff=${today}`);
    const kestrelLine = finance.getByTestId("preview-line").filter({ hasText: "Kestrel IT Solutions" });
    await expect(kestrelLine).toHaveAttribute("data-reason", "included");
    await expect(finance.getByTestId("preview-totals")).toBeVisible();
    await expectNoMissingTranslations(finance);
    await shoot(finance, "payouts-preview-en");
    await finance.getByTestId("create-run").click();
    await expect(finance).toHaveURL(/\/manage\/payouts\/[0-9a-f-]{36}$/);
    const runUrl = new URL(finance.url()).pathname;
    await expect(finance.getByTestId("run-status")).toHaveAttribute("data-status", "draft");
    // The creator cannot approve their own run.
    await expect(finance.getByTestId("approve-run")).toBeDisabled();
    await expect(finance.getByTestId("own-run-hint")).toBeVisible();

    // A second person approves; the executor sends it through Stripe while the page shows progress.
    const admin = await (await browser.newContext()).newPage();
    await signInAndWait(admin, USERS.admin, /\/manage$/);
    await admin.goto(runUrl);
    await admin.getByTestId("approve-run").click();
    await expect(admin.getByTestId("run-progress")).toBeVisible();
    await expect(admin.getByTestId("run-status")).toHaveAttribute("data-status", /executing|completed/);
    const kestrelPayout = admin.getByTestId("run-payout").filter({ hasText: "Kestrel IT Solutions" });
    await expect(kestrelPayout).toHaveAttribute("data-state", "paid", { timeout: 30_000 });
    await admin.reload();
    await expect(admin.getByTestId("run-status")).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
    await expectNoMissingTranslations(admin);
    await shoot(admin, "payouts-run-completed-en");
    const transfersAfter = (await standin.control("GET", "/transfers/count")) as { count: number };
    const paidHere = await admin.getByTestId("run-payout").count();
    expect(transfersAfter.count - transfersBefore.count).toBe(paidHere);

    // The partner sees the payout and downloads its statement, as CSV and as PDF.
    await page.goto("/payouts");
    await expect(page.getByTestId("payout-row").first()).toHaveAttribute("data-state", "paid");
    await shoot(page, "payouts-partner-history-en");
    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("payout-row").first().getByTestId("statement-csv").click(),
    ]);
    const csv = fs.readFileSync((await csvDownload.path())!, "utf8");
    expect(csv).toContain("Total");
    const [pdfDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("payout-row").first().getByTestId("statement-pdf").click(),
    ]);
    const pdf = fs.readFileSync((await pdfDownload.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // The Arabic statement, kept for a person to look at (npm test leaves it in e2e/artifacts).
    const href = await page.getByTestId("payout-row").first().getByTestId("statement-pdf").getAttribute("href");
    const arabic = await page.request.get(
      `${href!.replace(/[?&]locale=\w+/, "")}${href!.includes("?") ? "&" : "?"}locale=ar`,
    );
    expect(arabic.ok()).toBe(true);
    const arabicPdf = await arabic.body();
    expect(arabicPdf.subarray(0, 5).toString()).toBe("%PDF-");
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, "payout-statement-ar.pdf"), arabicPdf);

    await forgetSession(page);
  });
});
