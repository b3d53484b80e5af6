// One process at a time may open an embedded-database folder (PGlite has no locking of its
// own). What a second opener sees, and that a lock left by a dead process does not block.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LOCK_OWNER_ENV, lockEmbeddedDatabase, lockFileFor, openEmbeddedDatabase } from "@/server/db/embedded";
import { usingPostgres } from "../support/db";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-lock-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Another process opening the folder through the app's own module. */
function openFromAnotherProcess(dir: string, env: Record<string, string> = {}) {
  const script = `import { openEmbeddedDatabase } from "./src/server/db/embedded.ts";
(async () => {
  const db = await openEmbeddedDatabase(${JSON.stringify(dir)});
  await db.query("select 1");
  await db.close();
  console.log("opened");
})().catch((error) => {
  console.error(error.message);
  process.exit(error.exitCode ?? 1);
});`;
  const res = spawnSync("npx", ["tsx", "--eval", script], { cwd: process.cwd(), env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });
  return { code: res.status, output: `${res.stdout}\n${res.stderr}` };
}

describe.skipIf(usingPostgres())("embedded database lock", () => {
  it("refuses a second process in Vietnamese, naming the folder and what to do", async () => {
    const dir = path.join(work, "held");
    const db = await openEmbeddedDatabase(dir);
    try {
      const other = openFromAnotherProcess(dir);
      expect(other.code).not.toBe(0);
      expect(other.output).toContain(`Cơ sở dữ liệu nhúng tại ${dir} đang được một tiến trình khác sử dụng`);
      expect(other.output).toContain(`PID ${process.pid}`);
      expect(other.output).toContain("Ctrl+C");
      expect(other.output).not.toContain("opened");
    } finally {
      await db.close();
    }
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);
    // Once closed, the folder opens from another process.
    expect(openFromAnotherProcess(dir).output).toContain("opened");
  }, 120_000);

  it("lets the children of the process that holds the lock work under it", async () => {
    const dir = path.join(work, "inherited");
    const release = lockEmbeddedDatabase(dir);
    try {
      const child = openFromAnotherProcess(dir, { [LOCK_OWNER_ENV]: String(process.pid) });
      expect(child.output).toContain("opened");
      expect(fs.existsSync(lockFileFor(dir))).toBe(true); // the child did not release its parent's lock
    } finally {
      release();
    }
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);
  }, 120_000);

  it("takes over a lock left by a process that no longer runs", () => {
    const dir = path.join(work, "stale");
    const dead = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
    const deadPid = Number(dead.stdout.trim());
    fs.writeFileSync(lockFileFor(dir), JSON.stringify({ pid: deadPid, host: os.hostname(), since: new Date().toISOString(), command: "killed" }));
    expect(openFromAnotherProcess(dir).output).toContain("opened");
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);
  }, 120_000);
});
