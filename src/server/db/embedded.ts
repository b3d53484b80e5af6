// The embedded database (PGlite) lives in a folder that one process at a time may open:
// PGlite has no locking of its own, and two processes writing one folder corrupt it. Every
// opener (the app, the Prisma CLI, the seed, backup and restore) goes through this module,
// which takes a lock file beside the folder first and refuses, in Vietnamese, when a live
// process holds it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";

/** Set by `npm start` for its children: they run on the lock their parent holds. */
export const LOCK_OWNER_ENV = "CCHC_DB_LOCK_PID";

interface LockRecord {
  pid: number;
  host: string;
  since: string;
  command: string;
}

export class EmbeddedDatabaseBusyError extends Error {
  readonly exitCode = 3;
  constructor(dir: string, lockFile: string, holder: LockRecord) {
    const since = new Date(holder.since).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" });
    super(
      `Cơ sở dữ liệu nhúng tại ${dir} đang được một tiến trình khác sử dụng ` +
        `(PID ${holder.pid} trên máy ${holder.host}, từ ${since}: ${holder.command}). ` +
        `Mỗi lúc chỉ một tiến trình được mở thư mục này. Hãy dừng tiến trình đó (Ctrl+C trong cửa sổ đang chạy ứng dụng, ` +
        `hoặc \`kill ${holder.pid}\`) rồi chạy lại. Nếu chắc chắn không còn tiến trình nào dùng nó, xoá tệp ${lockFile}.`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

export function lockFileFor(dir: string): string {
  return `${path.resolve(dir)}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockRecord | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockRecord;
  } catch {
    return null; // missing, or half-written by a process that died: treated as free
  }
}

/** A lock is held when its process is alive; a lock from another machine cannot be checked, so it holds. */
function isHeld(record: LockRecord | null): record is LockRecord {
  if (!record) return false;
  if (record.host !== os.hostname()) return true;
  return record.pid !== process.pid && isAlive(record.pid);
}

const held = new Map<string, number>();

/**
 * Takes the folder's lock for this process (released at exit; a lock left by a process that
 * died is taken over). Re-entrant, and a no-op in a child of the process that holds it.
 * Throws EmbeddedDatabaseBusyError when another live process holds it.
 */
export function lockEmbeddedDatabase(dir: string): () => void {
  const file = lockFileFor(dir);
  const existing = readLock(file);
  if (existing && existing.pid === process.pid) {
    held.set(file, (held.get(file) ?? 0) + 1);
    return () => release(file);
  }
  const owner = Number(process.env[LOCK_OWNER_ENV]);
  if (existing && owner && existing.pid === owner && existing.host === os.hostname() && isAlive(owner)) {
    return () => {}; // our parent (`npm start`) holds it for us
  }
  if (isHeld(existing)) throw new EmbeddedDatabaseBusyError(path.resolve(dir), file, existing);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const record: LockRecord = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), command: process.argv.slice(1).join(" ").slice(0, 200) };
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(record));
  if (existing) {
    fs.renameSync(temp, file); // a stale lock: take it over
  } else {
    try {
      fs.linkSync(temp, file); // atomic: fails if another process took it meanwhile
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
  const after = readLock(file);
  if (!after || after.pid !== process.pid) throw new EmbeddedDatabaseBusyError(path.resolve(dir), file, after ?? record);
  held.set(file, 1);
  return () => release(file);
}

function release(file: string) {
  const count = (held.get(file) ?? 0) - 1;
  if (count > 0) {
    held.set(file, count);
    return;
  }
  held.delete(file);
  if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
}

process.once("exit", () => {
  for (const file of held.keys()) if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
});

/**
 * Opens the embedded database in `dir` (undefined: in memory) under its lock; the lock is
 * released when the database is closed or the process exits.
 */
export async function openEmbeddedDatabase(dir: string | undefined, options: PGliteOptions = {}): Promise<PGlite> {
  if (!dir) return new PGlite(options);
  const unlock = lockEmbeddedDatabase(dir);
  fs.mkdirSync(dir, { recursive: true });
  let db: PGlite;
  try {
    db = new PGlite(dir, options);
    await db.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const close = db.close.bind(db);
  db.close = async () => {
    try {
      await close();
    } finally {
      unlock();
    }
  };
  return db;
}
