import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { openDatabase, runMigrations } from "./client";
import { DataDirLockedError } from "./lock";
import { programSettings } from "./schema";
import { seedProgram } from "@/server/scripts/seed/demo";

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierwise-lock-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function secondProcess(script: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", script], {
      cwd: process.cwd(),
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: "" },
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe("the embedded database's lock", () => {
  it("makes a second process fail loudly, naming the holder, and loses nothing", async () => {
    const first = await openDatabase({ dir });
    await runMigrations(first);
    await first.db.transaction((tx) => seedProgram(tx, fixedClock("2026-01-01T00:00:00Z")));

    // Another open in this process is refused too.
    await expect(openDatabase({ dir })).rejects.toBeInstanceOf(DataDirLockedError);

    for (const script of ["src/server/scripts/seed.ts", "src/server/scripts/migrate.ts"]) {
      const second = await secondProcess(script);
      expect(second.code).not.toBe(0);
      expect(second.output).toContain(`in use by process ${process.pid}`);
    }

    // The first process still reads and writes, and after a clean close the data is all there.
    // program_settings holds one row: the whole table is meant.
    // eslint-disable-next-line drizzle/enforce-update-with-where
    await first.db.update(programSettings).set({ name: "Still mine" });
    await first.close();
    const reopened = await openDatabase({ dir });
    const [row] = await reopened.db.select().from(programSettings);
    expect(row?.name).toBe("Still mine");
    await reopened.close();
  }, 120_000);

  it("takes over a lock left by a process that died", async () => {
    fs.writeFileSync(
      path.join(dir, "tierwise.lock"),
      JSON.stringify({ pid: 2 ** 22 + 12345, command: "crashed", startedAt: "" }),
    );
    const database = await openDatabase({ dir });
    const [row] = await database.db.select().from(programSettings);
    expect(row?.name).toBe("Still mine");
    await database.close();
    expect(fs.existsSync(path.join(dir, "tierwise.lock"))).toBe(false);
  }, 60_000);
});
