import { describe, expect, it } from "vitest";
import { GET } from "./route";

const get = (file: string) =>
  GET(new Request(`http://localhost/api/pdf-fonts/${file}`), { params: Promise.resolve({ file }) });

describe("pdf.js standard fonts", () => {
  it("serves the fonts pdfjs-dist ships", async () => {
    const response = await get("FoxitSerif.pfb");
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await get("LiberationSans-Regular.ttf")).headers.get("content-type")).toBe("font/ttf");
  });

  it("answers 404 for anything else, path tricks included", async () => {
    for (const file of ["LICENSE_FOXIT", "..%2Fpackage.json", "../package.json", "FoxitMissing.pfb", "x.ttf"])
      expect((await get(file)).status, file).toBe(404);
  });
});
