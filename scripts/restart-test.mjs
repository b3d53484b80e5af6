// `npm start` must work every time, not only the first (issue 12). From the built app, on a
// fresh embedded-database folder:
//   1. the first start migrates, seeds and serves the sign-in page;
//   2. a second start on the same folder while the first runs says so in Vietnamese and exits non-zero;
//   3. Ctrl+C stops it and releases the folder; a change made to the data is kept;
//   4. the next start serves again, faster than the first (no seed), on the same data;
//   5. a start with one more migration than the data has (an upgrade) applies it and keeps the data;
//   6. the other scripts that open the folder (migrate status, seed, backup) end on their own.
// Run by `npm test` after the end-to-end step (the build exists by then).
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIsStale, checklist, root } from "./lib.mjs";
import { freePort, holdBuildLock, signIn } from "./http.mjs";

// Hold the shared build lock while our servers read .next, so nobody rebuilds it under them.
holdBuildLock("RESTART_HOLDS_LOCK");
if (buildIsStale()) {
  console.error("Chưa có bản build mới: chạy sau bước kiểm thử đầu-cuối (npm test) hoặc sau `npx next build`.");
  process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-restart-"));
const dbDir = path.join(work, "db");
const baseEnv = {
  DATABASE_URL: dbDir,
  UPLOAD_DIR: path.join(work, "uploads"),
  NEXTAUTH_SECRET: "restart-test-secret",
  NEXT_TELEMETRY_DISABLED: "1",
};
// Generous: on a quiet 2-core machine a start takes well under a minute; the bound is for a hang.
const STEP_LIMIT_MS = 480_000;
const children = new Set();

const { check, finish } = checklist("restart");

/** Starts `npm start`'s script in its own process group, as a terminal would run it. */
function startApp(port, extraEnv = {}) {
  const child = spawn("npx", ["tsx", "scripts/start.mjs"], {
    cwd: root,
    env: { ...process.env, ...baseEnv, PORT: String(port), NEXTAUTH_URL: `http://127.0.0.1:${port}`, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  children.add(child);
  child.output = "";
  const collect = (chunk) => {
    child.output += chunk.toString();
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  child.exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  child.exited.then(() => children.delete(child));
  return child;
}

/** Resolves with the milliseconds it took for the sign-in page to answer 200; rejects if the app exits first. */
async function waitForSignInPage(child, port, started) {
  const deadline = started + STEP_LIMIT_MS;
  let exited = null;
  child.exited.then((r) => (exited = r));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`npm start exited (${JSON.stringify(exited)}) before serving:\n${child.output.slice(-3000)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/dang-nhap`, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200 && (await res.text()).includes("Đăng nhập")) return Date.now() - started;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  kill(child); // a hung start must not hold the folder for the next check
  throw new Error(`the sign-in page did not answer within ${STEP_LIMIT_MS / 1000} s:\n${child.output.slice(-3000)}`);
}

function kill(child) {
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    /* gone */
  }
}

/** Ctrl+C: SIGINT to the whole process group; the app must be gone within 30 s. */
async function stopApp(child) {
  try {
    process.kill(-child.pid, "SIGINT");
  } catch {
    /* already gone */
  }
  const result = await Promise.race([child.exited, new Promise((r) => setTimeout(() => r("timeout"), 30_000))]);
  assert.notEqual(result, "timeout", "npm start did not stop within 30 s of Ctrl+C");
}

/** Runs a script that opens the folder and must end on its own within `limitMs`. */
function runScript(args, limitMs, extraEnv = {}) {
  const started = Date.now();
  const res = spawnSync("npx", args, { cwd: root, env: { ...process.env, ...baseEnv, ...extraEnv }, encoding: "utf8", timeout: limitMs, killSignal: "SIGKILL" });
  return { code: res.status, timedOut: res.error?.code === "ETIMEDOUT", ms: Date.now() - started, output: `${res.stdout}\n${res.stderr}` };
}

async function withEmbedded(fn) {
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite(dbDir);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const MARKER = "Người thử khởi động lại";
let firstStartMs = 0;
let usersBefore = 0;

try {
  console.log(`\nnpm start on ${dbDir}`);
  const portA = await freePort();
  const first = startApp(portA);

  await check("a first start on an empty folder migrates, seeds the demo and serves the sign-in page", async () => {
    firstStartMs = await waitForSignInPage(first, portA, Date.now());
    assert.match(first.output, /Đã nạp dữ liệu mẫu/);
    assert.ok(fs.existsSync(`${dbDir}.lock`), "the running app holds the folder's lock");
    console.log(`    first start: ${(firstStartMs / 1000).toFixed(1)} s`);
  });

  await check("a second start on the same folder while the first runs says so in Vietnamese and exits non-zero", async () => {
    const second = startApp(await freePort());
    const result = await Promise.race([second.exited, new Promise((r) => setTimeout(() => r("timeout"), 60_000))]);
    assert.notEqual(result, "timeout", "the second start did not end within 60 s");
    assert.notEqual(result.code, 0);
    assert.match(second.output, /đang được một tiến trình khác sử dụng/);
    assert.ok(second.output.includes(dbDir), "the message names the folder");
    assert.match(second.output, /Ctrl\+C/);
    // The first one is untouched.
    const res = await fetch(`http://127.0.0.1:${portA}/dang-nhap`);
    assert.equal(res.status, 200);
  });

  await check("Ctrl+C stops the app and releases the folder", async () => {
    await stopApp(first);
    assert.ok(!fs.existsSync(`${dbDir}.lock`), "the lock file is gone after the app stopped");
  });

  await withEmbedded(async (db) => {
    usersBefore = (await db.query(`select count(*)::int as n from "User"`)).rows[0].n;
    await db.query(`update "User" set "fullName" = $1 where username = 'hanhdung.canbo'`, [MARKER]);
  });

  await check("a restart on the existing data serves again, skips the seed, faster than the first start", async () => {
    const port = await freePort();
    const again = startApp(port);
    const ms = await waitForSignInPage(again, port, Date.now());
    console.log(`    restart: ${(ms / 1000).toFixed(1)} s (first start ${(firstStartMs / 1000).toFixed(1)} s)`);
    assert.match(again.output, /No pending migrations to apply/);
    assert.match(again.output, /bỏ qua nạp dữ liệu mẫu/);
    assert.ok(ms < firstStartMs, `restart took ${ms} ms, the first start ${firstStartMs} ms`);
    await signIn(`http://127.0.0.1:${port}`, "hanhdung.canbo", "Demo@2025");
    await stopApp(again);
  });

  await check("a start with a pending migration (an upgrade) applies it and keeps the data", async () => {
    const migrations = path.join(work, "migrations");
    fs.cpSync(path.join(root, "prisma", "migrations"), migrations, { recursive: true });
    fs.mkdirSync(path.join(migrations, "29990101000000_restart_probe"));
    fs.writeFileSync(
      path.join(migrations, "29990101000000_restart_probe", "migration.sql"),
      `CREATE TABLE "RestartProbe" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "RestartProbe" VALUES (1);\n`,
    );
    const port = await freePort();
    const upgraded = startApp(port, { PRISMA_MIGRATIONS_DIR: migrations });
    await waitForSignInPage(upgraded, port, Date.now());
    assert.match(upgraded.output, /29990101000000_restart_probe/);
    await stopApp(upgraded);
    await withEmbedded(async (db) => {
      assert.equal((await db.query(`select count(*)::int as n from "RestartProbe"`)).rows[0].n, 1);
      assert.equal((await db.query(`select count(*)::int as n from "User"`)).rows[0].n, usersBefore);
      assert.equal((await db.query(`select "fullName" from "User" where username = 'hanhdung.canbo'`)).rows[0].fullName, MARKER);
    });
  });

  await check("migrate status, the seed and the backup on the existing folder each end on their own", async () => {
    const status = runScript(["prisma", "migrate", "status"], 90_000);
    assert.ok(!status.timedOut, `prisma migrate status did not end: ${status.output.slice(-1000)}`);
    assert.match(status.output, /Database schema is up to date/);
    const seed = runScript(["tsx", "--conditions=react-server", "prisma/seed.ts"], 90_000);
    assert.ok(!seed.timedOut && seed.code === 0, `db:seed: ${seed.output.slice(-1000)}`);
    const backup = runScript(["tsx", "scripts/db-backup.mjs", "--out", path.join(work, "backup")], 120_000);
    assert.ok(!backup.timedOut && backup.code === 0, `db:backup: ${backup.output.slice(-1000)}`);
    assert.ok(!fs.existsSync(`${dbDir}.lock`), "no script left the lock behind");
    console.log(`    migrate status ${(status.ms / 1000).toFixed(1)} s, seed ${(seed.ms / 1000).toFixed(1)} s, backup ${(backup.ms / 1000).toFixed(1)} s`);
  });
} finally {
  for (const child of children) kill(child);
  fs.rmSync(work, { recursive: true, force: true });
}

finish();
