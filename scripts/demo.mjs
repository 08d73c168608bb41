// `npm run demo`: builds the portal when the build is missing or older than the code, then
// serves it on http://localhost:3000 with the embedded database (demo data on first start).
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const next = path.join(root, "node_modules", "next", "dist", "bin", "next");

function newestMtime(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const buildId = path.join(root, ".next", "BUILD_ID");
const builtAt = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sourcesAt = Math.max(
  ...["src", "public", "drizzle", "package-lock.json", "next.config.mjs", "tailwind.config.ts"].map((p) =>
    newestMtime(path.join(root, p)),
  ),
);
if (builtAt < sourcesAt) {
  console.log("Building Tierwise (once, about a minute)…");
  const build = spawnSync(process.execPath, [next, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
// scripts/server.mjs rather than `next start`: it records the socket's address for rate limits.
// The cross-site check accepts APP_URL's host only, so on another port APP_URL must follow it.
const appUrl = process.env.APP_URL || `http://localhost:${port}`;
const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), port], {
  stdio: "inherit",
  env: { ...process.env, APP_URL: appUrl, NEXT_TELEMETRY_DISABLED: "1" },
});
console.log(`\nTierwise is starting at ${appUrl}`);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
