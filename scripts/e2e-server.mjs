// Serves the production build for the end-to-end tests on a fresh embedded database.
import { rmSync } from "node:fs";
import { spawn } from "node:child_process";

const port = process.argv[2] ?? "3100";
const dataDir = ".data-e2e";
rmSync(dataDir, { recursive: true, force: true });
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  APP_URL: `http://localhost:${port}`,
  PORT: port,
  SEED_DEMO: "true",
  TIME_TRAVEL: "true",
};
delete env.DATABASE_URL;
// The production server as `npm start` runs it, socket address recording included.
const child = spawn(process.execPath, ["scripts/server.mjs", port], { env, stdio: "inherit" });
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
