import { deflateSync } from "node:zlib";

/**
 * Small, real files for the demo library, made in code (no binaries in the repository): a PDF of
 * one page with a coloured title band, a PNG of a banner, a ZIP holding a text file. Each is a
 * valid file of its type, so previews, thumbnails and downloads work on the demo as on real uploads.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

type Rgb = readonly [number, number, number];

/** PDF text is Latin-1 in the standard fonts: anything else, and the string's own delimiters, are left out. */
const pdfText = (text: string) => text.replace(/[^\x20-\x7e]/g, "").replace(/([\\()])/g, "\\$1");

/** A 0–255 colour channel as PDF's 0–1 number with three decimals, in integer steps (no float formatting). */
function channel(value: number): string {
  const thousandths = Math.round((value * 1000) / 255);
  return `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, "0")}`;
}

/** A one-page A4 PDF: a coloured band with the title, and lines of body text under it. */
export function demoPdf(title: string, lines: string[], color: Rgb): Uint8Array {
  const [r, g, b] = color.map(channel);
  const body = lines.map((line, i) => `BT /F1 12 Tf 56 ${640 - i * 20} Td (${pdfText(line)}) Tj ET`).join("\n");
  const stream = [
    `${r} ${g} ${b} rg 0 700 595 142 re f`,
    `1 1 1 rg BT /F2 26 Tf 56 760 Td (${pdfText(title)}) Tj ET`,
    `1 1 1 rg BT /F1 12 Tf 56 730 Td (Tierwise Partner Program) Tj ET`,
    `0.2 0.2 0.2 rg`,
    body,
    `${r} ${g} ${b} rg 56 80 483 2 re f`,
    `0.4 0.4 0.4 rg BT /F1 9 Tf 56 64 Td (For partners of the Tierwise Partner Program. Demo material.) Tj ET`,
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A banner PNG: a background with a lighter diagonal band and a stripe, in the given colours. */
export function demoPng(width: number, height: number, background: Rgb, accent: Rgb): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // no filter
    for (let x = 0; x < width; x++) {
      const band = Math.abs(x - y * 1.6 - width / 4) < width / 8;
      const stripe = y > height * 0.78 && y < height * 0.86;
      const c = stripe ? accent : band ? background.map((v) => Math.min(255, v + 40)) : background;
      raw[row + 1 + x * 3] = c[0]!;
      raw[row + 2 + x * 3] = c[1]!;
      raw[row + 3 + x * 3] = c[2]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk("IHDR", header),
      pngChunk("IDAT", deflateSync(raw)),
      pngChunk("IEND", new Uint8Array()),
    ]),
  );
}

/** A ZIP archive holding the given text files, stored uncompressed. */
export function demoZip(files: { name: string; text: string }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, "utf8");
    const data = Buffer.from(file.text, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, centralBytes, end]));
}
