import { expect, test } from "@playwright/test";
import { linkFromOutbox, USERS } from "./helpers";

test("a sign-in link by email signs the partner in", async ({ page, browser }) => {
  await page.goto("/login");
  await page.getByRole("tab", { name: "Email link" }).click();
  await page.locator("#link-email").fill(USERS.member);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/login\/check-email/);
  const link = await linkFromOutbox(browser, USERS.member, /sign-in link/);
  await page.goto(link);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("shell-context")).toHaveText("Northwind Analytics");
});

test("a password reset link lets the user choose a new password once", async ({ page, browser }) => {
  const email = "sam@brightpath.demo";
  await page.goto("/forgot");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("reset link is on its way");
  const link = await linkFromOutbox(browser, email, /Reset your Tierwise password/);
  await page.goto(link);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.locator("#password-error")).toHaveText("Use at least 10 characters.");
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is saved");
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("already been used");
  await page.goto("/login");
  await page.getByLabel("Email").first().fill(email);
  await page.locator("#password").fill("a-brand-new-password");
  await page.locator('main form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/dashboard$/);
});
