// Migrations apply with `prisma migrate deploy` on an empty database of the engine under
// test, and `prisma migrate status` reports nothing pending afterwards.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emptyPostgresDatabase, usingPostgres } from "../support/db";

/**
 * Runs the Prisma CLI, which must end on its own (issue 12: on PGlite it used to print its
 * verdict and stay alive forever). Killed after 100 s, which the test then reports as a hang.
 */
function prisma(args: string[], databaseUrl: string): Promise<{ code: number | null; hung: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["prisma", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" }, detached: true });
    let output = "";
    const onData = (d: Buffer) => {
      output += d.toString();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* exited */
      }
      resolve({ code: null, hung: true, output });
    }, 100_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, hung: false, output });
    });
  });
}

const migrationCount = fs.readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true }).filter((e) => e.isDirectory()).length;

describe("migrations", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it("apply on an empty database and leave migrate status clean", async () => {
    let url: string;
    if (usingPostgres()) {
      const empty = await emptyPostgresDatabase();
      url = empty.url;
      cleanups.push(empty.drop);
    } else {
      url = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-migrate-"));
      cleanups.push(async () => fs.rmSync(url, { recursive: true, force: true }));
    }

    const deploy = await prisma(["migrate", "deploy"], url);
    expect(deploy.output).toMatch(/successfully applied/);
    expect(deploy.hung).toBe(false);
    expect(deploy.code).toBe(0);
    expect(deploy.output).toContain(`${migrationCount} migration`);

    // On a database that is up to date: both end on their own, every time.
    for (let run = 0; run < 2; run++) {
      const again = await prisma(["migrate", "deploy"], url);
      expect(again.hung).toBe(false);
      expect(again.code).toBe(0);
      expect(again.output).toContain("No pending migrations to apply");
    }
    const status = await prisma(["migrate", "status"], url);
    expect(status.hung).toBe(false);
    expect(status.code).toBe(0);
    expect(status.output).toContain("Database schema is up to date!");
    expect(status.output).not.toMatch(/not yet been applied|failed/i);
    if (!usingPostgres()) expect(fs.existsSync(`${url}.lock`)).toBe(false);
  }, 400_000);
});
