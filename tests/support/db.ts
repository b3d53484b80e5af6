// A fresh database per test file: in-memory PGlite by default, or a new database on the
// PostgreSQL server named by TEST_DATABASE_URL. Migrations are applied from the SQL files.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { setDatabase, TRANSACTION_OPTIONS, type Db } from "@/server/db";

const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");

export function migrationSql(): string[] {
  return fs
    .readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => fs.readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
}

export const TEST_DB_PREFIX = "cchc_t_";

/**
 * Drops a test database, tolerating what PostgreSQL does on its own: an autovacuum worker on a
 * fresh database makes `with (force)` fail for a role without pg_signal_backend ("must be a
 * member of the role whose process is being terminated"). Retries for a while, then leaves the
 * database for the sweep at the start of the next run rather than failing the tests.
 */
export async function dropTestDatabase(adminUrl: string, name: string): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 10; attempt++) {
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
    } finally {
      await client.end().catch(() => {});
    }
  }
  console.warn(`Test database ${name} left for the next run's sweep: ${(lastError as Error)?.message}`);
}

/** A new empty database on the test PostgreSQL server (no migrations), and how to drop it. */
export async function emptyPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  // The creation time in the name lets a later run sweep databases a killed run left behind.
  const name = `${TEST_DB_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return { url: withDatabase(adminUrl, name), drop: () => dropTestDatabase(adminUrl, name) };
}

export function usingPostgres(): boolean {
  return /^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? "");
}

export interface TestDb {
  db: Db;
  engine: "pglite" | "postgresql";
  url: string | null;
  close: () => Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Wraps the driver adapter before the client is made (the query-count test logs statements). */
export type AdapterWrapper = <A extends { connect(): Promise<unknown> }>(adapter: A) => A;

export async function createTestDb(options: { wrapAdapter?: AdapterWrapper } = {}): Promise<TestDb> {
  const wrap: AdapterWrapper = options.wrapAdapter ?? ((adapter) => adapter);
  if (usingPostgres()) {
    const { url, drop } = await emptyPostgresDatabase();
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    for (const sql of migrationSql()) await setup.query(sql);
    await setup.end();
    const db = new PrismaClient({ adapter: wrap(new PrismaPg({ connectionString: url, max: 30 })), transactionOptions: TRANSACTION_OPTIONS });
    setDatabase(db);
    return {
      db,
      engine: "postgresql",
      url,
      close: async () => {
        await db.$disconnect();
        await drop();
      },
    };
  }
  const pglite = new PGlite();
  for (const sql of migrationSql()) await pglite.exec(sql);
  const db = new PrismaClient({ adapter: wrap(new PrismaPGlite(pglite)), transactionOptions: TRANSACTION_OPTIONS });
  setDatabase(db);
  return {
    db,
    engine: "pglite",
    url: null,
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}
