// Merges message fragments into src/i18n/messages/{en,ar}.json (deep, fragment wins), under a
// lock so several people adding strings at once lose nothing. Usage:
//   node scripts/merge-messages.mjs fragment.en.json fragment.ar.json
import fs from "node:fs";
import path from "node:path";

const [enFragment, arFragment] = process.argv.slice(2);
if (!enFragment || !arFragment) {
  console.error("usage: node scripts/merge-messages.mjs <en fragment> <ar fragment>");
  process.exit(2);
}
const dir = path.join(process.cwd(), "src", "i18n", "messages");
const lock = path.join(dir, ".merge-lock");

function merge(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      if (!target[key] || typeof target[key] !== "object") target[key] = {};
      merge(target[key], value);
    } else target[key] = value;
  }
  return target;
}

for (let i = 0; ; i++) {
  try {
    fs.mkdirSync(lock);
    break;
  } catch {
    if (i > 200) throw new Error("messages are locked by another merge");
    await new Promise((r) => setTimeout(r, 50));
  }
}
try {
  for (const [locale, fragment] of [
    ["en", enFragment],
    ["ar", arFragment],
  ]) {
    const file = path.join(dir, `${locale}.json`);
    const merged = merge(JSON.parse(fs.readFileSync(file, "utf8")), JSON.parse(fs.readFileSync(fragment, "utf8")));
    fs.writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  }
} finally {
  fs.rmdirSync(lock);
}
