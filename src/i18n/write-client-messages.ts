import { writeFileSync } from "node:fs";
import path from "node:path";
import { clientUsage } from "./client-usage";

/** `npm run i18n:client`: writes which words each area's client components read. */
const root = path.resolve(import.meta.dirname, "../..");
const usage = clientUsage(root);
if (usage.problems.length > 0) {
  console.error(`Cannot follow these translators:\n${usage.problems.join("\n")}`);
  process.exit(1);
}
writeFileSync(path.join(root, "src/i18n/client-messages.json"), `${JSON.stringify(usage.areas, null, 2)}\n`);
console.log(
  Object.entries(usage.areas)
    .map(([area, paths]) => `${area}: ${paths.length} paths`)
    .join("\n"),
);
