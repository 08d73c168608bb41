import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signInAndWait } from "./helpers";

// One user for this file only changes back what it changes: other specs sign in as Noah too.
const USER = "noah@kestrel.demo";

/** A separate browser (its own cookies) signed in as USER. */
async function signedInBrowser(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAndWait(page, USER, /\/dashboard$/);
  return page;
}

async function changePassword(page: Page, from: string, to: string) {
  await page.goto("/account");
  await page.locator("#currentPassword").fill(from);
  await page.locator("#newPassword").fill(to);
  await page.getByRole("button", { name: "Update password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();
}

async function expectSignedIn(page: Page) {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("shell-context")).toHaveText("Kestrel IT Solutions");
}

async function expectSignedOut(page: Page) {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
}

test.describe("sessions", () => {
  // Two browsers signing in and a password changed twice take longer than one page's budget.
  test.describe.configure({ timeout: 90_000 });

  test("changing the password signs out the user's other sessions and keeps this one", async ({ browser }) => {
    const here = await signedInBrowser(browser);
    const elsewhere = await signedInBrowser(browser);

    await changePassword(here, DEMO_PASSWORD, "noahs-new-password");
    await expectSignedOut(elsewhere);
    await expectSignedIn(here);

    // Back to the demo password for the other specs, from the session that is still signed in.
    await changePassword(here, "noahs-new-password", DEMO_PASSWORD);
    await expectSignedIn(here);
    await here.context().close();
    await elsewhere.context().close();
  });

  test("sign out everywhere signs out every session, this one included", async ({ browser }) => {
    const here = await signedInBrowser(browser);
    const elsewhere = await signedInBrowser(browser);

    await here.goto("/account");
    await here.getByTestId("sign-out-everywhere").click();
    await expect(here).toHaveURL(/\/login/);
    await expectSignedOut(here);
    await expectSignedOut(elsewhere);

    // Signing in again gives a fresh, working session.
    await signInAndWait(elsewhere, USER, /\/dashboard$/);
    await expectSignedIn(elsewhere);
    await here.context().close();
    await elsewhere.context().close();
  });
});
