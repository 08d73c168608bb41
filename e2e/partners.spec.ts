import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { linkFromOutbox, navLabels, readEmail, signIn, signInAndWait, USERS } from "./helpers";

async function fillApplication(page: Page, company: string, domain: string, email: string) {
  await page.goto("/apply");
  await page.locator("#company").fill(company);
  await page.locator("#website").fill(`https://${domain}`);
  await page.locator("#country").selectOption("NL");
  await page.getByTestId("type-reseller").check();
  await page.locator("#contactName").fill("Sanne de Vries");
  await page.locator("#contactEmail").fill(email);
  await page.locator("#salesApproach").fill("We resell analytics tools to logistics companies in the Benelux.");
  await page.locator("#expectedDealsPerQuarter").fill("5");
  await page.locator("#acceptTerms").check();
}

test.describe("joining the program", () => {
  test("apply → approval → invitation → password and terms → dashboard", async ({ page, browser }) => {
    await page.goto("/apply");
    await page.getByTestId("submit-application").click();
    for (const field of ["company", "website", "contactName", "contactEmail", "salesApproach"]) {
      await expect(page.locator(`#${field}-error`), field).toBeVisible();
    }

    await fillApplication(page, "Orbit Labs", "orbit-labs.example", "sanne@orbit-labs.example");
    await page.getByTestId("submit-application").click();
    await expect(page.getByTestId("application-received")).toBeVisible();
    expect(await readEmail(browser, "sanne@orbit-labs.example", /application/)).toContain("Thank you for applying");

    // The same company again is refused with a clear message, and nothing is written.
    await fillApplication(page, "Orbit Labs", "orbit-labs.example", "other@orbit-labs.example");
    await page.getByTestId("submit-application").click();
    await expect(page.locator("#website-error")).toContainText("already waiting for review");

    const manager = await (await browser.newContext()).newPage();
    await signInAndWait(manager, USERS.manager, /\/manage$/);
    await manager.goto("/manage/applications");
    await manager.getByTestId("applications-table").getByRole("link", { name: "Orbit Labs" }).click();
    await manager.locator('select[name="tierId"]').selectOption({ label: "Silver" });
    await manager.getByTestId("approve-application").click();
    await expect(manager).toHaveURL(/\/manage\/partners\/[0-9a-f-]{36}$/);
    await expect(manager.getByTestId("partner-status")).toContainText("Active");
    await expect(manager.getByTestId("partner-tier")).toContainText("Silver");

    const invitation = await linkFromOutbox(browser, "sanne@orbit-labs.example", /invitation/);
    await page.goto(invitation);
    await page.locator("#password").fill("orbit-password-1");
    await page.getByTestId("accept-invitation").click();
    await expect(page.locator("#acceptTerms-error")).toBeVisible();
    await page.locator("#acceptTerms").check();
    await page.getByTestId("accept-invitation").click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId("shell-context")).toHaveText("Orbit Labs");
    await expect(page.getByTestId("stat-tier")).toContainText("Silver");

    // The link worked once.
    await page.goto(invitation);
    await expect(page.getByTestId("invitation-state")).toHaveAttribute("data-state", "accepted");
    await expect(page.getByTestId("invitation-state")).toContainText("Your account is set up");
  });

  test("applying with an address that already has an account looks like any application; its owner is told by email", async ({
    page,
    browser,
  }) => {
    await fillApplication(page, "Vogel Consulting", "vogel-consulting.example", "lena@cobalt.demo");
    await page.getByTestId("submit-application").click();
    // The same answer as for a new address, so the form cannot tell who has an account.
    await expect(page.getByTestId("application-received")).toBeVisible();
    await expect(page.locator("#contactEmail-error")).toHaveCount(0);
    const email = await readEmail(browser, "lena@cobalt.demo", /About your application/);
    expect(email).toContain("already has a Tierwise account");
    expect(email).toMatch(/\/login\b/);
    expect(email).toContain("/forgot");
  });

  test("a rejected application is told why by email", async ({ page, browser }) => {
    await signInAndWait(page, USERS.manager, /\/manage$/);
    await page.goto("/manage/applications");
    await page.getByTestId("applications-table").getByRole("link", { name: "Fieldstone Advisors" }).click();
    await page.getByTestId("reject-application").click();
    await page.locator('textarea[name="reason"]').fill("Too short");
    await page.getByTestId("confirm-reject").click();
    await expect(page.locator("#reason-error, [id$='reason-error']").first()).toContainText("at least 10");
    await page
      .locator('textarea[name="reason"]')
      .fill("We only work with referral partners who have an accounting practice.");
    await page.getByTestId("confirm-reject").click();
    await expect(page.getByTestId("application-status")).toContainText("Rejected");
    expect(await readEmail(browser, "ethan@fieldstone.example", /application/)).toContain("accounting practice");
  });
});

test.describe("partner teams", () => {
  test("an owner invites a member who joins and sees the team read-only; the last owner stays", async ({
    page,
    browser,
  }) => {
    await signInAndWait(page, "lena@cobalt.demo", /\/dashboard$/);
    await page.goto("/team");
    await page.getByTestId("invite-member").click();
    await page.getByTestId("invite-form").getByLabel(/Email/).fill("jonas@cobalt.demo");
    await page.getByTestId("send-invite").click();
    await expect(page.getByTestId("invitations-table")).toContainText("jonas@cobalt.demo");

    const link = await linkFromOutbox(browser, "jonas@cobalt.demo", /invitation/);
    const member = await (await browser.newContext()).newPage();
    await member.goto(link);
    await member.locator("#name").fill("Jonas Weber");
    await member.locator("#password").fill("jonas-password-1");
    await member.locator("#acceptTerms").check();
    await member.getByTestId("accept-invitation").click();
    await expect(member).toHaveURL(/\/dashboard$/);
    await member.goto("/team");
    await expect(member.getByTestId("team-readonly-note")).toBeVisible();
    await expect(member.getByTestId("team-table")).toContainText("Jonas Weber");
    await expect(member.getByTestId("invite-member")).toHaveCount(0);
    expect(await navLabels(member)).toEqual([
      "Dashboard",
      "Leads",
      "Earnings",
      "Payouts",
      "Training",
      "Assets",
      "MDF",
      "Team",
    ]);
    expect((await member.goto("/settings"))?.status()).toBe(403);

    // Lena is the only owner: demoting herself is refused with the reason.
    await page.reload();
    const own = page.getByTestId("member-row").filter({ hasText: "Lena Vogel" });
    await own.getByTestId("member-role").selectOption("member");
    await expect(page.getByText("Your organization needs at least one owner.")).toBeVisible();
    await page.reload();
    await expect(own.getByTestId("member-role-badge")).toContainText("Owner");
  });
});

test.describe("joining with an emailed sign-in link", () => {
  test("a colleague accepts the terms and signs in by link, with no password", async ({ page, browser }) => {
    await signInAndWait(page, "hannah@brightpath.demo", /\/dashboard$/);
    await page.goto("/team");
    await page.getByTestId("invite-member").click();
    await page.getByTestId("invite-form").getByLabel(/Email/).fill("rosa@brightpath.demo");
    await page.getByTestId("send-invite").click();
    await expect(page.getByTestId("invitations-table")).toContainText("rosa@brightpath.demo");

    const invitation = await linkFromOutbox(browser, "rosa@brightpath.demo", /invitation/);
    const rosa = await (await browser.newContext()).newPage();
    await rosa.goto(invitation);
    await rosa.locator("#name").fill("Rosa Martins");
    await rosa.getByTestId("method-link").check();
    await rosa.locator("#acceptTerms").check();
    await rosa.getByTestId("accept-invitation").click();
    await expect(rosa).toHaveURL(/\/login\/check-email/);
    const signInLink = await linkFromOutbox(browser, "rosa@brightpath.demo", /sign-in link/);
    await rosa.goto(signInLink);
    await expect(rosa).toHaveURL(/\/dashboard$/);
    await expect(rosa.getByTestId("shell-context")).toHaveText("Brightpath Media");
  });
});

test.describe("company settings", () => {
  test("bad input and bad logos get clear messages; a good logo is kept", async ({ page }) => {
    await signInAndWait(page, "noah@kestrel.demo", /\/dashboard$/);
    await page.goto("/settings");
    await page.locator("#name").fill("");
    await page.locator("#phone").fill("call me maybe");
    await page.getByRole("button", { name: /Save/ }).first().click();
    await expect(page.locator("#name-error")).toBeVisible();
    await expect(page.locator("#phone-error")).toContainText("digits");

    const dir = test.info().outputPath();
    const fs = await import("node:fs");
    const big = path.join(dir, "big.png");
    fs.writeFileSync(
      big,
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600 * 1024)]),
    );
    await page.getByTestId("logo-input").setInputFiles(big);
    await expect(page.getByTestId("logo-error")).toContainText("512 KB");
    const fake = path.join(dir, "fake.png");
    fs.writeFileSync(fake, "this is not a picture");
    await page
      .getByTestId("logo-input")
      .setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: fs.readFileSync(fake) });
    await expect(page.getByTestId("logo-error")).toContainText("PNG, JPEG or SVG");
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" onload="alert(1)"><script>alert(2)</script><circle cx="20" cy="20" r="18" fill="#4f46e5"/></svg>';
    await page
      .getByTestId("logo-input")
      .setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(svg) });
    await expect(page.getByTestId("logo-preview").locator("img")).toBeVisible();
    const src = await page.getByTestId("logo-preview").locator("img").getAttribute("src");
    const served = await page.request.get(src!);
    expect(served.headers()["content-type"]).toBe("image/svg+xml");
    const body = await served.text();
    expect(body).toContain("<circle");
    expect(body).not.toMatch(/script|onload/);

    // Another organization cannot read it, whatever id they try.
    const other = await (await page.context().browser()!.newContext()).newPage();
    await signInAndWait(other, USERS.owner, /\/dashboard$/);
    expect((await other.request.get(src!)).status()).toBe(404);
  });
});

test.describe("suspension", () => {
  test("a suspended partner signs in, sees why, and cannot create anything", async ({ page }) => {
    await signIn(page, "priya@saffron.demo");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId("suspension-banner")).toContainText("suspended");
    await expect(page.getByTestId("suspension-reason")).toContainText("Coupon codes published on public deal sites");
    await page.goto("/team");
    await page.getByTestId("invite-member").click();
    await page.getByTestId("invite-form").getByLabel(/Email/).fill("new@saffron.demo");
    await page.getByTestId("send-invite").click();
    await expect(page.getByText(/suspended, so nothing new can be created/)).toBeVisible();
  });
});
