import fs from "node:fs";
import path from "node:path";

/**
 * An exclusive lock on the embedded data directory. PGlite has none of its own: two processes on
 * one directory silently lose acknowledged writes, so the second must fail loudly instead.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holderPid: number,
    readonly holderCommand: string,
  ) {
    super(
      `The embedded database in ${dir} is in use by process ${holderPid} (${holderCommand}). ` +
        `Stop that process first, or set DATABASE_URL to use a PostgreSQL server that many processes can share.`,
    );
    this.name = "DataDirLockedError";
  }
}

interface LockFile {
  pid: number;
  command: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function describeSelf(): string {
  return process.argv
    .slice(1)
    .map((a) => path.basename(a))
    .join(" ")
    .slice(0, 200);
}

export interface HeldLock {
  release(): void;
}

export function acquireDataDirLock(dir: string): HeldLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "tierwise.lock");
  const body: LockFile = { pid: process.pid, command: describeSelf(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // "wx" creates atomically and fails when the file exists: two starters cannot both win.
      fs.writeFileSync(file, JSON.stringify(body), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(fs.readFileSync(file, "utf8")) as LockFile;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let holder: LockFile | undefined;
      try {
        holder = JSON.parse(fs.readFileSync(file, "utf8")) as LockFile;
      } catch {
        holder = undefined;
      }
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataDirLockedError(dir, holder.pid, holder.command);
      }
      if (holder && holder.pid === process.pid) {
        throw new DataDirLockedError(dir, holder.pid, `${holder.command} — this same process opened it twice`);
      }
      // The holder died without cleaning up (or the file is unreadable): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
