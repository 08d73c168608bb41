import { describe, expect, it } from "vitest";
import { sniffFileType } from "./sniff";

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

/** Real file headers, as the first bytes of files these programs write. */
const HEADERS = {
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 6]),
  jpegJfif: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF", [0]),
  jpegExif: bytes([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x18], "Exif", [0, 0]),
  gif87: bytes("GIF87a", [1, 0, 1, 0, 0x80, 0, 0]),
  gif89: bytes("GIF89a", [1, 0, 1, 0, 0x80, 0, 0]),
  webp: bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ", [0x18, 0, 0, 0]),
  pdf: bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
  zip: bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]),
  emptyZip: bytes([0x50, 0x4b, 0x05, 0x06], new Array<number>(18).fill(0)),
};

describe("sniffFileType", () => {
  it("knows each type by its signature", () => {
    expect(sniffFileType(HEADERS.png)).toBe("image/png");
    expect(sniffFileType(HEADERS.jpegJfif)).toBe("image/jpeg");
    expect(sniffFileType(HEADERS.jpegExif)).toBe("image/jpeg");
    expect(sniffFileType(HEADERS.gif87)).toBe("image/gif");
    expect(sniffFileType(HEADERS.gif89)).toBe("image/gif");
    expect(sniffFileType(HEADERS.webp)).toBe("image/webp");
    expect(sniffFileType(HEADERS.pdf)).toBe("application/pdf");
    expect(sniffFileType(HEADERS.zip)).toBe("application/zip");
    expect(sniffFileType(HEADERS.emptyZip)).toBe("application/zip");
  });

  it("knows nothing it was not taught: programs, markup, other RIFF files, truncated signatures", () => {
    const elf = bytes([0x7f], "ELF", [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const windowsExe = bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);
    const html = bytes("<!DOCTYPE html><html><script>alert(1)</script></html>");
    const svg = bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const wav = bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt ");
    for (const file of [elf, windowsExe, html, svg, wav, bytes([0x89, 0x50, 0x4e, 0x47]), bytes("RIFF"), bytes()]) {
      expect(sniffFileType(file)).toBeNull();
    }
  });

  it("does not take a PNG signature that is not at the start", () => {
    expect(sniffFileType(bytes("x", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
  });
});
