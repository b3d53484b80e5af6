// Finds or starts a PostgreSQL server for the tests. TEST_DATABASE_URL wins; otherwise the
// machine's Debian PostgreSQL is installed (if missing) and started, and a test role created.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { aptInstall, has, isRoot } from "./lib.mjs";

const LOCAL_URL = "postgresql://cchc:cchc@127.0.0.1:5432/cchc_test";

async function canConnect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function asPostgres(sql) {
  execFileSync("su", ["postgres", "-c", `psql -v ON_ERROR_STOP=1 -qc "${sql.replace(/"/g, '\\"')}"`], { stdio: "inherit" });
}

const HOW_TO =
  "Cần PostgreSQL cho kiểm thử tích hợp. Cài bằng `apt-get install -y postgresql` (chạy với quyền root), " +
  "hoặc đặt TEST_DATABASE_URL=postgresql://user:pass@host:5432/db trỏ tới một máy chủ có quyền CREATEDB.";

export async function ensureTestPostgres() {
  if (process.env.TEST_DATABASE_URL) return sweepTestDatabases(process.env.TEST_DATABASE_URL);
  if (await canConnect(LOCAL_URL)) return sweepTestDatabases(LOCAL_URL);
  if (!isRoot()) throw new Error(HOW_TO);
  if (!has("pg_ctlcluster")) {
    console.log("PostgreSQL chưa được cài: đang cài từ kho Debian…");
    if (!aptInstall(["postgresql"])) throw new Error(HOW_TO);
  }
  const versions = fs.readdirSync("/usr/lib/postgresql").sort();
  const version = versions.at(-1);
  const clusters = spawnSync("pg_lsclusters", ["-h"], { encoding: "utf8" }).stdout ?? "";
  if (!clusters.includes(`${version} main`)) execFileSync("pg_createcluster", [version, "main"], { stdio: "inherit" });
  spawnSync("pg_ctlcluster", [version, "main", "start"], { stdio: "inherit" });
  const roleExists = spawnSync("su", ["postgres", "-c", `psql -tAc "select 1 from pg_roles where rolname='cchc'"`], { encoding: "utf8" }).stdout?.trim() === "1";
  if (!roleExists) asPostgres("create role cchc login createdb password 'cchc'");
  // Dropping a test database `with (force)` must be able to end an autovacuum worker on it.
  asPostgres("grant pg_signal_backend to cchc");
  const dbExists = spawnSync("su", ["postgres", "-c", `psql -tAc "select 1 from pg_database where datname='cchc_test'"`], { encoding: "utf8" }).stdout?.trim() === "1";
  if (!dbExists) asPostgres("create database cchc_test owner cchc");
  if (!(await canConnect(LOCAL_URL))) throw new Error(`Không kết nối được PostgreSQL tại ${LOCAL_URL}. ${HOW_TO}`);
  return sweepTestDatabases(LOCAL_URL);
}

const SWEEP_AFTER_SECONDS = 3 * 3600;

/**
 * Drops test databases that earlier runs left behind (a killed run, or a drop that lost to
 * autovacuum): per-file ones named cchc_t_<unix time>_… once older than three hours (younger
 * ones may belong to a run going on beside this one), and the old unnamed-time ones only in CI.
 * A database that cannot be dropped now is left for the next sweep; the run goes on.
 */
async function sweepTestDatabases(url) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query(`select datname from pg_database where datname like 'cchc\\_t\\_%' or datname like 'cchc\\_scale\\_%'`);
    const now = Date.now() / 1000;
    for (const { datname } of rows) {
      const stamp = /^cchc_t_(\d{10})_/.exec(datname);
      const old = stamp ? now - Number(stamp[1]) > SWEEP_AFTER_SECONDS : !!process.env.CI;
      if (!old) continue;
      await client.query(`drop database if exists "${datname}" with (force)`).catch((error) => console.warn(`Để lại ${datname}: ${error.message}`));
    }
  } catch (error) {
    console.warn(`Không dọn được cơ sở dữ liệu kiểm thử cũ: ${error.message}`);
  } finally {
    await client.end().catch(() => {});
  }
  return url;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureTestPostgres().then(
    (url) => console.log(url),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
