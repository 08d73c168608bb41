import { describe, expect, it } from "vitest";
import { normaliseOriginalName, ORIGINAL_NAME_MAX } from "./names";

describe("normaliseOriginalName", () => {
  it("keeps only the last segment of any path", () => {
    expect(normaliseOriginalName("../../etc/passwd")).toBe("passwd");
    expect(normaliseOriginalName("C:\\x\\a.png")).toBe("a.png");
    expect(normaliseOriginalName("/var/www/diagram.webp")).toBe("diagram.webp");
    expect(normaliseOriginalName("مخطط المبيعات.png")).toBe("مخطط المبيعات.png");
  });

  it("drops control and direction characters and trims", () => {
    expect(normaliseOriginalName(" re\u0000port\u001b\r\n.png ")).toBe("report.png");
    // "gnp.exe" shown backwards as "exe.png" by a right-to-left override: the override goes.
    expect(normaliseOriginalName("photo\u202egnp.exe")).toBe("photognp.exe");
  });

  it("caps the length, keeping the extension", () => {
    const name = normaliseOriginalName(`${"a".repeat(300)}.jpeg`)!;
    expect(name.length).toBe(ORIGINAL_NAME_MAX);
    expect(name.endsWith("a.jpeg")).toBe(true);
  });

  it("refuses names with nothing left", () => {
    for (const name of ["", "   ", ".", "..", "../", "a/..", "\\", "\u0000\u0001", "../../"]) {
      expect(normaliseOriginalName(name)).toBeNull();
    }
  });
});
