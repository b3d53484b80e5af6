// Migrations apply with `prisma migrate deploy` on an empty database of the engine under
// test, and `prisma migrate status` reports nothing pending afterwards.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { usingPostgres } from "../support/db";

/** Runs the Prisma CLI. `migrate status` on PGlite keeps the process alive after printing,
 * so the run also ends once the expected text appears. */
function prisma(args: string[], databaseUrl: string, until?: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["prisma", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, detached: true });
    let output = "";
    let settled = false;
    const finish = (code: number | null) => {
      if (settled) return;
      settled = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* exited */
      }
      resolve({ code, output });
    };
    const onData = (d: Buffer) => {
      output += d.toString();
      if (until && output.includes(until)) setTimeout(() => finish(0), 200);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => finish(code));
    setTimeout(() => finish(null), 110_000);
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
      const admin = process.env.TEST_DATABASE_URL!;
      const name = `cchc_m_${randomBytes(5).toString("hex")}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`create database ${name}`);
      await client.end();
      const u = new URL(admin);
      u.pathname = `/${name}`;
      url = u.toString();
      cleanups.push(async () => {
        const c = new pg.Client({ connectionString: admin });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      });
    } else {
      url = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-migrate-"));
      cleanups.push(async () => fs.rmSync(url, { recursive: true, force: true }));
    }

    const deploy = await prisma(["migrate", "deploy"], url);
    expect(deploy.output).toMatch(/successfully applied|No pending migrations/);
    expect(deploy.code).toBe(0);
    expect(deploy.output).toContain(`${migrationCount} migration`);

    const status = await prisma(["migrate", "status"], url, "Database schema is up to date!");
    expect(status.output).toContain("Database schema is up to date!");
    expect(status.output).not.toMatch(/not yet been applied|failed/i);
  }, 240_000);
});
