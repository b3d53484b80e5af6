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
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `cchc_t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = withDatabase(adminUrl, name);
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
        const drop = new pg.Client({ connectionString: adminUrl });
        await drop.connect();
        await drop.query(`drop database if exists ${name} with (force)`);
        await drop.end();
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
