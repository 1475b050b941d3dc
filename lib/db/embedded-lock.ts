import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";

/**
 * One process per embedded database. PGlite takes no lock of its own: a second `npm start` in the
 * same folder opened the same files, and each instance then worked on its own copy in memory (a
 * ban made on one was invisible on the other, and the last to write would win on disk).
 *
 * The lock is a file created with O_EXCL holding the owner's pid and port. It survives crashes
 * correctly: a lock whose pid is no longer alive is stale and taken over; a live one refuses.
 */
export interface LockOwner {
  pid: number;
  /** the dashboard's HTTP port, to tell the operator which instance holds the database */
  port: string | null;
  startedAt: string;
}

export class EmbeddedLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner,
  ) {
    super(`another dashboard is already running on ${dir} (pid ${owner.pid}, port ${owner.port ?? "unknown"}): stop it first, or set DATABASE_URL`);
  }
}

/** kill(pid, 0) sends nothing: it only asks whether the process exists (EPERM: it does, not ours). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(file, "utf8")) as LockOwner;
    return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    // A half-written or foreign file: no live owner can be named, so it is stale.
    if (err instanceof SyntaxError) return null;
    throw err;
  }
}

/**
 * Takes `<dir>.lock` (next to the database folder, not inside PGlite's files) or throws
 * EmbeddedLockedError naming the live owner. The lock is released by `release()` and, if the
 * process exits without it (process.exit, an uncaught error), by an exit hook.
 */
export function lockDataDir(dir: string, port: string | null = null): { file: string; release(): void } {
  const file = `${dir}.lock`;
  const me: LockOwner = { pid: process.pid, port, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 2) throw err;
      const owner = readOwner(file);
      // Our own pid counts as alive: a second open in this very process is a second instance too.
      if (owner && alive(owner.pid)) throw new EmbeddedLockedError(dir, owner);
      // Stale (its process is gone): remove it and try the exclusive create again.
      try {
        unlinkSync(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      }
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off("exit", release);
    // Only our own lock: never remove one another process took over.
    if (readOwner(file)?.pid === me.pid) unlinkSync(file);
  };
  process.on("exit", release);
  return { file, release };
}
