import { describe, expect, it } from "vitest";
import { messagesByLocale } from "@/i18n/config";
import { missingCertificationsText, renderEmail } from "./templates";

const reset = { url: "https://app.test/reset/abc", name: "Omar" };

describe("renderEmail", () => {
  it("renders the Arabic subject and body for locale ar", () => {
    const mail = messagesByLocale.ar.mail;
    const email = renderEmail("passwordReset", "ar", reset);
    expect(email.subject).toBe(mail.passwordReset.subject);
    expect(email.text).toContain(mail.passwordReset.body);
    expect(email.text).toContain("مرحبًا Omar،");
    expect(email.html).toContain(mail.passwordReset.body);
  });

  it("marks Arabic html right-to-left and English left-to-right", () => {
    expect(renderEmail("passwordReset", "ar", reset).html).toContain('<html lang="ar" dir="rtl">');
    expect(renderEmail("passwordReset", "en", reset).html).toContain('<html lang="en" dir="ltr">');
  });

  it("puts the link in the text and the html", () => {
    const email = renderEmail("passwordReset", "en", reset);
    expect(email.text).toContain(`: ${reset.url}`);
    expect(email.html).toContain(`href="${reset.url}"`);
  });

  it("translates the role in a staff invitation", () => {
    const email = renderEmail("staffInvite", "ar", {
      url: "https://app.test/welcome/t",
      name: "Lina",
      inviter: "Amira",
      role: "admin",
    });
    expect(email.text).toContain(messagesByLocale.ar.mail.roles.admin);
    expect(email.subject).toContain("Amira");
  });

  it("escapes HTML in names", () => {
    const email = renderEmail("staffInvite", "en", {
      url: "https://app.test/welcome/t",
      name: `<script>alert("x")</script> & Co`,
      inviter: "Amira",
      role: "finance",
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
  });

  it("escapes HTML in the link", () => {
    const email = renderEmail("signInLink", "en", { url: `https://app.test/x?a=1&b="><img src=x>` });
    expect(email.html).toContain('href="https://app.test/x?a=1&amp;b=&quot;&gt;&lt;img src=x&gt;"');
  });

  it("tells the owner of an address that already has an account how to get in, in their language", () => {
    const params = { url: "https://app.test/login", resetUrl: "https://app.test/forgot", name: "Omar" };
    const mail = messagesByLocale.ar.mail.applicationEmailExists;
    const ar = renderEmail("applicationEmailExists", "ar", params);
    expect(ar.subject).toBe(mail.subject);
    expect(ar.text).toContain(`${mail.action}: https://app.test/login`);
    expect(ar.text).toContain("https://app.test/forgot");
    expect(ar.html).toContain('href="https://app.test/login"');
    const en = renderEmail("applicationEmailExists", "en", params);
    expect(en.subject).toMatch(/application/i);
    expect(en.text).toMatch(/already has a Tierwise account/);
    expect(en.text).toContain("https://app.test/forgot");
  });

  it("tells a pending applicant their application is still waiting, without a link", () => {
    const email = renderEmail("applicationAlreadyPending", "ar", { name: "Sanne", company: "Orbit Labs" });
    expect(email.subject).toContain("Orbit Labs");
    expect(email.text).toContain(messagesByLocale.ar.mail.applicationAlreadyPending.footer);
    expect(email.html).not.toContain("<a ");
  });

  it("tells a person their certification expires soon, and then that it expired, in their language, linking to the course", () => {
    const url = "https://app.test/training/course-1";
    const soon = renderEmail("certificationExpiring", "en", {
      url,
      name: "Omar",
      course: "Product Fundamentals",
      expiresOn: "November 13, 2026",
    });
    expect(soon.subject).toBe("Your Product Fundamentals certification expires on November 13, 2026");
    expect(soon.html).toContain(`href="${url}"`);
    const expired = renderEmail("certificationExpired", "ar", {
      url,
      name: "عمر",
      course: "Product Fundamentals",
      expiredOn: "١٣ نوفمبر ٢٠٢٦",
    });
    expect(expired.subject).toContain("انتهت صلاحية شهادتكم");
    expect(expired.text).toContain("«Product Fundamentals»");
    expect(expired.text).toContain(`${messagesByLocale.ar.mail.certificationExpired.action}: ${url}`);
  });

  it("says which certification a demotion for a missing one is about, not the review's numbers", () => {
    const params = {
      url: "https://app.test/dashboard",
      name: "Olivia",
      fromTier: "gold",
      toTier: "silver",
      cause: "certification" as const,
      revenue: "$1.00",
      wonDeals: "1",
      needRevenue: "none",
      needDeals: "none",
    };
    const en = renderEmail("tierDemoted", "en", {
      ...params,
      certification: missingCertificationsText("en", [{ course: "Product Fundamentals", have: 1, need: 2 }]),
    });
    expect(en.text).toContain("1 of 2 people certified in Product Fundamentals");
    expect(en.text).not.toMatch(/periodic tier review/);
    expect(en.subject).toBe("Your tier is now Silver");
    const ar = renderEmail("tierDemoted", "ar", {
      ...params,
      certification: missingCertificationsText("ar", [{ course: "Product Fundamentals", have: 0, need: 1 }]),
    });
    expect(ar.text).toContain("عدد المعتمدين في «Product Fundamentals»");
  });
});
