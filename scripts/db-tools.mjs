// Shared by db:backup and db:restore: which database DATABASE_URL names (the same rules as
// src/server/db/url.ts), where uploads live, and a summary (row counts per table and a
// checksum of the figures) written at backup time and checked after a restore.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { root } from "./lib.mjs";
// Run through tsx (package.json): the app's own rules for DATABASE_URL and for opening the
// embedded database under its lock.
import { isPostgresUrl, pglitePath } from "../src/server/db/url.ts";
import { lockEmbeddedDatabase, openEmbeddedDatabase } from "../src/server/db/embedded.ts";

export { isPostgresUrl, pglitePath, lockEmbeddedDatabase, openEmbeddedDatabase };

export function uploadRoot() {
  const dir = process.env.UPLOAD_DIR?.trim();
  return path.resolve(root, dir ? dir : "./data/uploads");
}

/** libpq settings from a URL, passed through the environment so no password shows in `ps`. */
export function libpqEnv(url) {
  const u = new URL(url);
  return {
    PGHOST: u.hostname,
    PGPORT: u.port || "5432",
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, "")),
    ...(u.searchParams.get("sslmode") ? { PGSSLMODE: u.searchParams.get("sslmode") } : {}),
  };
}

export function requireTool(cmd) {
  if (spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status !== 0) {
    throw new Error(`Không tìm thấy ${cmd}. Cài gói postgresql-client (apt-get install -y postgresql-client) cùng phiên bản với máy chủ PostgreSQL.`);
  }
}

const TABLES_SQL = `select table_name::text as name from information_schema.tables
  where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> '_prisma_migrations' order by 1`;

const FIGURES_SQL = `select md5(
  coalesce((select string_agg(concat_ws(':', "indicatorId", "periodId", numerator::text, denominator::text, value::text, done::text), '|'
              order by "indicatorId", "periodId") from "IndicatorValue"), '') || '#' ||
  coalesce((select string_agg(concat_ws(':', "taskId", "periodId", status::text, "resultText", reason), '|'
              order by "taskId", "periodId") from "TaskProgress"), '')) as md5`;

/** Row count of every table and an md5 of the figures, through any `query(sql) -> { rows }`. */
export async function summarize(query) {
  const tables = (await query(TABLES_SQL)).rows.map((r) => r.name);
  const counts = {};
  for (const t of tables) counts[t] = Number((await query(`select count(*)::int as n from "${t}"`)).rows[0].n);
  const figures = (await query(FIGURES_SQL)).rows[0].md5;
  return { tables: counts, figures };
}

export async function withDatabase(url, fn) {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await fn((sql) => client.query(sql));
    } finally {
      await client.end();
    }
  }
  const db = await openEmbeddedDatabase(pglitePath(url));
  try {
    return await fn((sql) => db.query(sql));
  } finally {
    await db.close();
  }
}

export function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((p) => fs.statSync(path.join(dir, p)).isFile())
    .sort();
}

export function isEmptyDir(dir) {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

export function args(argv) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--force") out.force = true;
    else if (a === "--out") out.out = argv[++i];
    else out._.push(a);
  }
  return out;
}
