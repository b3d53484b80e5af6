// `npm run db:backup` and `npm run db:restore` on the engine under test: the demo database and
// some uploaded evidence are backed up, restored into an empty database and an empty upload
// folder, and every table's rows, the figures and the files must come back the same.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { createTestDb, emptyPostgresDatabase, migrationSql, usingPostgres } from "../support/db";
import { dbFingerprint, figuresChecksum } from "../support/fingerprint";
import { seedDemo } from "@/server/seed/demo";
import { saveFile } from "@/server/evidence/storage";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-backup-"));
const cleanups: (() => Promise<void>)[] = [];
const savedUploadDir = process.env.UPLOAD_DIR;

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  process.env.UPLOAD_DIR = savedUploadDir;
  fs.rmSync(work, { recursive: true, force: true });
});

function script(name: string, argv: string[], env: Record<string, string>) {
  const res = spawnSync("npx", ["tsx", `scripts/${name}.mjs`, ...argv], { cwd: process.cwd(), env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 });
  return { code: res.status, output: `${res.stdout}\n${res.stderr}` };
}

function filesOf(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((p) => fs.statSync(path.join(dir, p)).isFile())
      .sort()
      .map((p) => [p, fs.readFileSync(path.join(dir, p)).toString("base64")]),
  );
}

/** A seeded source database that a separate process can open: its URL and a way to open it here. */
async function sourceDatabase(): Promise<{ url: string; open: () => Promise<PrismaClient>; close: () => Promise<void> }> {
  if (usingPostgres()) {
    const t = await createTestDb();
    await seedDemo(t.db);
    cleanups.push(t.close);
    return { url: t.url!, open: async () => t.db, close: async () => {} };
  }
  const dir = path.join(work, "source-db");
  const lite = new PGlite(dir);
  for (const sql of migrationSql()) await lite.exec(sql);
  const db = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  await seedDemo(db);
  return {
    url: dir,
    open: async () => db,
    // PGlite allows one process per folder: the backup script opens it after this closes.
    close: async () => {
      await db.$disconnect();
      await lite.close();
    },
  };
}

/** An empty target: a new PostgreSQL database with no tables, or a PGlite folder that does not exist yet. */
async function emptyTarget(): Promise<string> {
  if (usingPostgres()) {
    const empty = await emptyPostgresDatabase();
    cleanups.push(empty.drop);
    return empty.url;
  }
  return path.join(work, "restored-db");
}

async function openTarget(url: string): Promise<PrismaClient> {
  if (usingPostgres()) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    cleanups.push(() => db.$disconnect());
    return db;
  }
  const lite = new PGlite(url);
  const db = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  cleanups.push(async () => {
    await db.$disconnect();
    await lite.close();
  });
  return db;
}

describe(`backup and restore (${usingPostgres() ? "PostgreSQL: pg_dump / pg_restore" : "embedded PGlite: data-folder dump"})`, () => {
  it("brings back every table's rows, the figures and the evidence files", async () => {
    const uploads = path.join(work, "uploads");
    process.env.UPLOAD_DIR = uploads;
    const source = await sourceDatabase();
    const db = await source.open();
    const keys = [await saveFile(new TextEncoder().encode("%PDF-1.4 minh chứng 1")), await saveFile(new Uint8Array(randomBytes(3000)))];
    const fingerprint = await dbFingerprint(db);
    const figures = await figuresChecksum(db);
    expect(figures.values).toBeGreaterThan(10);
    const files = filesOf(uploads);
    expect(Object.keys(files)).toHaveLength(keys.length);
    await source.close();

    const backupDir = path.join(work, "backup");
    const backup = script("db-backup", ["--out", backupDir], { DATABASE_URL: source.url, UPLOAD_DIR: uploads });
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/Đã sao lưu/);
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, "manifest.json"), "utf8"));
    expect(manifest.summary.tables.IndicatorValue).toBe(figures.values);
    expect(manifest.uploads.files).toBe(keys.length);

    // A second backup into the same folder is refused rather than mixed with the first.
    expect(script("db-backup", ["--out", backupDir], { DATABASE_URL: source.url, UPLOAD_DIR: uploads }).code).not.toBe(0);

    const target = await emptyTarget();
    const restoredUploads = path.join(work, "restored-uploads");
    const restore = script("db-restore", [backupDir], { DATABASE_URL: target, UPLOAD_DIR: restoredUploads });
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toMatch(/Đã khôi phục và kiểm tra/);

    // Restoring over data is refused without --force.
    const again = script("db-restore", [backupDir], { DATABASE_URL: target, UPLOAD_DIR: restoredUploads });
    expect(again.code).not.toBe(0);
    expect(again.output).toMatch(/--force/);

    const restored = await openTarget(target);
    expect(await dbFingerprint(restored)).toEqual(fingerprint);
    expect(await figuresChecksum(restored)).toEqual(figures);
    expect(filesOf(restoredUploads)).toEqual(files);
    // The restored database still refuses edits to the audit log.
    await expect(restored.auditLog.deleteMany({})).rejects.toThrow();
  }, 240_000);
});
