import { describe, expect, it } from "vitest";
import { strictTransportSecurity } from "./headers";

describe("strictTransportSecurity", () => {
  it.each(["https://partners.example.com", "https://partners.example.com:8443/", "HTTPS://Partners.Example.com"])(
    "asks browsers for HTTPS only, for two years and every subdomain, when APP_URL is %s",
    (appUrl) => {
      expect(strictTransportSecurity(appUrl)).toBe("max-age=63072000; includeSubDomains");
    },
  );

  it.each(["http://localhost:3000", "http://partners.example.com", "not a url", ""])(
    "sends nothing when APP_URL is %j",
    (appUrl) => {
      // On plain HTTP the header is ignored at best, and a mistake would lock a host out for two years.
      expect(strictTransportSecurity(appUrl)).toBeNull();
    },
  );
});
