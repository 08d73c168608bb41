// Usage: flock /tmp/msgs.lock node .prof/msg-merge.mjs patch.json
// patch.json = { "en": { ...tree }, "ar": { ...tree } } deep-merged into src/i18n/messages/{en,ar}.json
import fs from "node:fs";
const patch = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
function merge(a, b) {
  for (const [k, v] of Object.entries(b)) {
    if (v && typeof v === "object" && a[k] && typeof a[k] === "object") merge(a[k], v);
    else a[k] = v;
  }
  return a;
}
for (const lang of ["en", "ar"]) {
  if (!patch[lang]) continue;
  const file = new URL(`../src/i18n/messages/${lang}.json`, import.meta.url);
  const tree = JSON.parse(fs.readFileSync(file, "utf8"));
  fs.writeFileSync(file, JSON.stringify(merge(tree, patch[lang]), null, 2) + "\n");
}
console.log("merged", Object.keys(patch.en ?? {}).join(","));
