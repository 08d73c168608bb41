import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { expectNoMissingTranslations, readEmail, signInAndWait, USERS } from "./helpers";

const ARTIFACTS = path.join("e2e", "artifacts");
const COBALT_OWNER = "lena@cobalt.demo";

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function registerLead(
  page: Page,
  lead: { company: string; website: string; contact: string; email: string; value: string },
) {
  await page.goto("/leads/new");
  await page.locator("#companyName").fill(lead.company);
  await page.locator("#website").fill(lead.website);
  await page.locator("#contactName").fill(lead.contact);
  await page.locator("#contactEmail").fill(lead.email);
  await page.locator("#country").selectOption("DE");
  await page.locator("#productId").selectOption({ label: "Analytics Cloud" });
  await page.locator("#estimatedValue").fill(lead.value);
  await page.locator("#currency").selectOption("EUR");
  await page.locator("#expectedCloseDate").fill("2030-03-31");
  await page.getByTestId("submit-lead").click();
}

/** The manager opens a lead from the review queue by its company name. */
async function openInQueue(manager: Page, company: string) {
  await manager.goto(`/manage/leads?q=${encodeURIComponent(company)}`);
  await manager.getByTestId("lead-queue").getByRole("link", { name: company }).click();
  await expect(manager).toHaveURL(/\/manage\/leads\/[0-9a-f-]{36}$/);
}

test.describe("deal registration", () => {
  test("register → approve → another partner is refused the same domain → won", async ({ page, browser }) => {
    // Three people and two emails across some twenty page loads: a journey, timed like the others.
    test.setTimeout(120_000);
    await signInAndWait(page, USERS.owner, /\/dashboard$/);
    await page.goto("/leads/new");
    await page.getByTestId("submit-lead").click();
    for (const field of ["companyName", "website", "contactName", "contactEmail", "estimatedValue"]) {
      await expect(page.locator(`#${field}-error`), field).toBeVisible();
    }
    await registerLead(page, {
      company: "Helios Energy AG",
      website: "https://www.helios-energy.example/en/home",
      contact: "Greta Sonne",
      email: "greta@helios-energy.example",
      value: "25,000.00",
    });
    await expect(page).toHaveURL(/\/leads\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("lead-status")).toContainText("Submitted");
    await expect(page.getByTestId("lead-estimated-value")).toContainText("25,000.00");

    const manager = await (await browser.newContext()).newPage();
    await signInAndWait(manager, USERS.manager, /\/manage$/);
    await openInQueue(manager, "Helios Energy AG");
    await expect(manager.getByTestId("no-conflicts")).toBeVisible();
    await manager.getByTestId("approve-lead").click();
    await expect(manager.getByTestId("lead-status")).toContainText("Approved");
    expect(await readEmail(browser, USERS.owner, /Lead approved: Helios/)).toContain("protected for you until");

    // Another partner, the same company written differently: refused without naming the holder.
    const other = await (await browser.newContext()).newPage();
    await signInAndWait(other, COBALT_OWNER, /\/dashboard$/);
    await registerLead(other, {
      company: "HELIOS ENERGY GmbH",
      website: "helios-energy.example",
      contact: "Max Strom",
      email: "max@helios-energy.example",
      value: "9000",
    });
    await expect(other.locator("#website-error")).toContainText("already registered by another partner");
    await expect(other.locator("body")).not.toContainText("Northwind");
    await expect(other).toHaveURL(/\/leads\/new$/);

    await manager.getByTestId("mark-won").click();
    await manager.locator("#won-amount").fill("27,500.00");
    await manager.getByTestId("confirm-won").click();
    await expect(manager.getByTestId("lead-status")).toContainText("Won");

    await page.reload();
    await expect(page.getByTestId("lead-status")).toContainText("Won");
    await expect(page.getByTestId("deal-amount")).toContainText("27,500.00");
    await expect(page.getByTestId("lead-timeline")).toContainText("Lead approved");
    expect(await readEmail(browser, USERS.owner, /Deal won: Helios/)).toContain("27,500.00");
  });

  test("reject path: the partner reads the reason on the lead and in the email", async ({ page, browser }) => {
    await signInAndWait(page, USERS.member, /\/dashboard$/);
    await registerLead(page, {
      company: "Nimbus Retail",
      website: "nimbus-retail.example",
      contact: "Ola Nordmann",
      email: "ola@nimbus-retail.example",
      value: "4,800",
    });
    await expect(page.getByTestId("lead-status")).toContainText("Submitted");

    const manager = await (await browser.newContext()).newPage();
    await signInAndWait(manager, USERS.manager, /\/manage$/);
    await openInQueue(manager, "Nimbus Retail");
    await manager.getByTestId("reject-lead").click();
    await manager.getByTestId("confirm-reject-lead").click();
    await expect(manager.locator("#reject-reason-error")).toBeVisible();
    await manager.locator("#reject-reason").fill("Nimbus is a named account of our enterprise team.");
    await manager.getByTestId("confirm-reject-lead").click();
    await expect(manager.getByTestId("lead-status")).toContainText("Rejected");

    await page.reload();
    await expect(page.getByTestId("lead-status")).toContainText("Rejected");
    await expect(page.getByTestId("close-reason")).toContainText("named account of our enterprise team");
    await expect(page.getByTestId("edit-lead")).toHaveCount(0);
    expect(await readEmail(browser, USERS.member, /Lead not approved: Nimbus/)).toContain(
      "named account of our enterprise team",
    );
  });

  test("a question from the manager and the partner's reply in the lead's thread", async ({ page, browser }) => {
    const manager = await (await browser.newContext()).newPage();
    await signInAndWait(manager, USERS.manager, /\/manage$/);
    await openInQueue(manager, "Acme Corporation");
    await manager.getByTestId("request-info").click();
    await manager.locator("#info-message").fill("Which team would run the onboarding?");
    await manager.getByTestId("confirm-request-info").click();
    await expect(manager.getByTestId("lead-info-requested")).toBeVisible();

    await signInAndWait(page, "mia@cobalt.demo", /\/dashboard$/);
    await page.goto("/leads");
    await page.getByTestId("leads-table").getByRole("link", { name: "Acme Corporation" }).click();
    await expect(page.getByTestId("info-requested-banner")).toBeVisible();
    await page.getByTestId("comment-body").fill("Their IT operations team, led by Wile.");
    await page.getByTestId("comment-submit").click();
    await expect(page.getByTestId("lead-thread")).toContainText("led by Wile");
    await expect(page.getByTestId("info-requested-banner")).toHaveCount(0);
  });

  test("CSV import registers valid rows and reports each refusal", async ({ page }) => {
    await signInAndWait(page, USERS.owner, /\/dashboard$/);
    await page.goto("/leads/import");
    const csv = [
      "company_name,website,contact_name,contact_email,country,product,estimated_value,currency,expected_close_date,notes",
      'Orion Freight,orion-freight.example,Ana Lima,ana@orion-freight.example,BR,Data Connectors,"18,000.00",USD,2030-05-01,From the trade show',
      "Cyberdyne Systems,cyberdyne.example,Miles Dyson,miles@cyberdyne.example,US,Analytics Cloud,50000,USD,2030-05-01,",
      "Broken Row,broken.example,Someone,not-an-email,US,Analytics Cloud,100,USD,2030-05-01,",
    ].join("\n");
    await page
      .locator("#csv-file")
      .setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByTestId("import-submit").click();
    const report = page.getByTestId("import-report");
    await expect(report).toBeVisible();
    await expect(report.getByTestId("import-row")).toHaveCount(3);
    await expect(report.locator('[data-outcome="registered"]')).toContainText("Orion Freight");
    await expect(report.locator('[data-outcome="refused"]').first()).toContainText("already a customer");
    await expect(report.locator('[data-outcome="refused"]').nth(1)).toContainText("valid email");
    await page.goto("/leads?q=Orion");
    await expect(page.getByTestId("leads-table")).toContainText("Orion Freight");
  });

  test("a partner cannot open another partner's lead by its address", async ({ page, browser }) => {
    const manager = await (await browser.newContext()).newPage();
    await signInAndWait(manager, USERS.manager, /\/manage$/);
    await manager.goto("/manage/leads?status=approved&q=Vandelay");
    await manager.getByTestId("lead-queue").getByRole("link", { name: "Vandelay Industries" }).click();
    const id = manager.url().split("/").pop()!;

    await signInAndWait(page, USERS.owner, /\/dashboard$/);
    const response = await page.goto(`/leads/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("body")).not.toContainText("Vandelay");
  });

  test("staff keep the product catalog and the customer list that registrations are checked against", async ({
    page,
    browser,
  }) => {
    const manager = await (await browser.newContext()).newPage();
    await signInAndWait(manager, USERS.manager, /\/manage$/);
    await manager.goto("/manage/products");
    await manager.locator("#product-name").fill("Security Add-on");
    await manager.locator("#product-description").fill("Single sign-on and audit exports.");
    await manager.getByTestId("create-product").click();
    await expect(manager.getByTestId("products-table")).toContainText("Security Add-on");
    await shoot(manager, "products-en");

    await manager.goto("/manage/customers");
    const csv = "name,website\nInitrode Ltd,https://www.initrode.example\nCyberdyne Systems,cyberdyne.example\n";
    await manager
      .locator("#customers-csv")
      .setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await manager.getByTestId("import-customers").click();
    const report = manager.getByTestId("customers-import-report");
    await expect(report.locator('[data-outcome="added"]')).toContainText("Initrode Ltd");
    await expect(report.locator('[data-outcome="exists"]')).toContainText("Cyberdyne Systems");
    await shoot(manager, "customers-en");

    await signInAndWait(page, USERS.owner, /\/dashboard$/);
    await page.goto("/leads/new");
    await expect(page.locator("#productId")).toContainText("Security Add-on");
    await registerLead(page, {
      company: "Initrode",
      website: "initrode.example",
      contact: "Peter Gibbons",
      email: "peter@initrode.example",
      value: "3000",
    });
    await expect(page.locator("#website-error")).toContainText("already a customer");
  });

  test("the lead screens in English and in Arabic, and at phone width", async ({ page, browser }) => {
    const manager = await (await browser.newContext()).newPage();
    await signInAndWait(manager, USERS.manager, /\/manage$/);
    await manager.goto("/manage/leads");
    await expectNoMissingTranslations(manager);
    await expect(manager.getByTestId("conflict-badge").first()).toBeVisible();
    await shoot(manager, "lead-queue-en");
    // The partner filter is searched as you type, never a list of every partner.
    await manager.locator("#filter-partner").fill("cobalt");
    await expect(manager.getByTestId("partner-option")).toHaveText(["Cobalt Cloud Partners"]);
    await manager.locator("#filter-partner").press("Enter");
    await manager.getByRole("button", { name: "Apply" }).click();
    await expect(manager).toHaveURL(/partner=[0-9a-f-]{36}/);
    await expect(manager.locator("#filter-partner")).toHaveValue("Cobalt Cloud Partners");
    for (const row of await manager.getByTestId("lead-row").all())
      await expect(row).toContainText("Cobalt Cloud Partners");
    await manager.goto("/manage/leads");
    await manager.getByTestId("lead-queue").getByRole("link", { name: "Globex Corp." }).click();
    await expect(manager.getByTestId("conflict-row").first()).toContainText("Northwind");
    await shoot(manager, "lead-conflicts-en");
    // Reassigning offers active partners found by name.
    await manager.getByTestId("reassign-lead").click();
    await manager.locator("#reassign-partner").fill("kestrel");
    await expect(manager.getByTestId("partner-option")).toHaveText(["Kestrel IT Solutions"]);
    await manager.locator("#reassign-partner").press("Enter");
    await expect(manager.locator("#reassign-partner")).toHaveValue("Kestrel IT Solutions");
    await manager.keyboard.press("Escape");

    await signInAndWait(page, USERS.arabicOwner, /\/dashboard$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    for (const [url, name] of [
      ["/leads", "leads-ar"],
      ["/leads/new", "lead-new-ar"],
    ] as const) {
      await page.goto(url);
      await expectNoMissingTranslations(page);
      await shoot(page, name);
    }
    await page.goto("/leads");
    await page.getByTestId("lead-row").first().getByRole("link").first().click();
    await expect(page.getByTestId("lead-timeline")).toBeVisible();
    await expectNoMissingTranslations(page);
    await shoot(page, "lead-detail-ar");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/leads");
    await shoot(page, "leads-phone-ar");
  });
});
