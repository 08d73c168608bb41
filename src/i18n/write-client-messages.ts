import { writeFileSync } from "node:fs";
import path from "node:path";
import { clientManifest, clientUsage } from "./client-usage";

/** `npm run i18n:client`: writes which words each route entry's client components read. */
const root = path.resolve(import.meta.dirname, "../..");
const usage = clientUsage(root);
if (usage.problems.length > 0) {
  console.error(`Cannot follow these translators:\n${usage.problems.join("\n")}`);
  process.exit(1);
}
const manifest = clientManifest(usage);
writeFileSync(path.join(root, "src/i18n/client-messages.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  Object.entries(manifest)
    .map(([entry, paths]) => `${entry}: ${paths.length} paths`)
    .join("\n"),
);
