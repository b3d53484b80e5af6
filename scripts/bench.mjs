// `npm run bench`: latency, throughput, SQL statements and first-load JavaScript of the pages
// that matter at province scale, against `next build` + `next start` on PostgreSQL with the
// data of `npm run bench:data`. Loopback only; every load phase is bounded in time.
//
// Phases:
//   1. A server with DB_QUERY_LOG=1 serves each page once with an x-query-marker header: the
//      statements logged under that marker are the page's queries (count and exact SQL), and
//      the HTML gives the page's script chunks (first-load JS, gzip).
//   2. A second server without the log (the app's normal path) is loaded with autocannon at
//      concurrency 1 and 20 for BENCH_DURATION seconds per case.
//   3. The captured SQL of each page is replayed with pg directly: the bare database time,
//      against which page time / SQL time is the overhead of everything else.
//
// `npm run bench -- --baseline <git ref>` (or BENCH_BASELINE=<ref>) also builds that ref
// (scripts/bench-baseline.mjs) and measures it in the same run: phase 1 and 3 for each, phase 2
// with the two builds' runs interleaved case by case (order alternating), so that the machine's
// noise falls on both alike; the table then has the baseline beside the working tree.
// BENCH_THROTTLED=0 skips phase 4 (the report page on a throttled link, in Chromium).
//
// The whole run holds /tmp/next-build.lock: nobody's `next build` rewrites .next under our
// servers, and no build competes for the two cores while we measure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import pg from "pg";
import autocannon from "autocannon";
import { buildIsStale, root, run, startServer, stopServer } from "./lib.mjs";
import { ensureTestPostgres } from "./postgres.mjs";
import { actionId, actionRequest, actionResult, freePort, holdBuildLock, signIn } from "./http.mjs";
import { prepareBaseline } from "./bench-baseline.mjs";
import { ensureChromium } from "./chromium.mjs";

holdBuildLock("BENCH_HOLDS_LOCK");

const PASSWORD = "Bench@2025";
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "1,20").split(",").map(Number);
const YEAR = 2026;
const QUARTER = 4;
const MAX_LOAD = Number(process.env.BENCH_MAX_LOAD ?? 1.5);
const LOAD_WAIT_MINUTES = Number(process.env.BENCH_LOAD_WAIT_MINUTES ?? 10);
const SECRET = "bench-secret-not-for-production-0123456789";
const INSTANCES = Math.max(1, Number(process.env.BENCH_INSTANCES ?? 1));
const argv = process.argv.slice(2);
const BASELINE = argv.includes("--baseline") ? argv[argv.indexOf("--baseline") + 1] : process.env.BENCH_BASELINE;
if (argv.includes("--baseline") && !BASELINE) throw new Error("--baseline needs a git ref");

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const median = (xs) => percentile([...xs].sort((a, b) => a - b), 50);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function benchUrl() {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const u = new URL(await ensureTestPostgres());
  u.pathname = "/cchc_bench";
  return u.toString();
}

/** Waits (bounded) until the 1-minute load average is low: the machine is shared. */
async function waitForQuietMachine() {
  const until = Date.now() + LOAD_WAIT_MINUTES * 60_000;
  while (os.loadavg()[0] > MAX_LOAD && Date.now() < until) {
    console.log(`  load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} > ${MAX_LOAD}: waiting 20 s…`);
    await sleep(20_000);
  }
  return os.loadavg()[0];
}

function otherProcesses() {
  // What else was running (for the record): the busiest processes that are not ours.
  const out = spawnSync("ps", ["-eo", "pcpu,etimes,comm", "--sort=-pcpu"], { encoding: "utf8" }).stdout ?? "";
  return out
    .split("\n")
    .slice(1, 8)
    .map((l) => l.trim())
    .filter(Boolean);
}

async function startApp(port, url, extraEnv = {}, cwd = root) {
  return startServer("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      UPLOAD_DIR: path.join(os.tmpdir(), "cchc-bench-uploads"),
      NODE_ENV: "production",
      ...extraEnv,
    },
    ready: "Ready",
    cwd,
    label: `next:${port}`,
    quiet: true,
  });
}

async function main() {
  const url = await benchUrl();
  const db = new pg.Client({ connectionString: url });
  await db.connect().catch(() => {
    throw new Error(`No bench database at ${url}: run \`npm run bench:data\` first.`);
  });
  const staffCount = Number((await db.query(`select count(*) from "User" where username like 'b%.canbo'`)).rows[0].count);
  if (staffCount < 20) throw new Error("The bench database has no bench data: run `npm run bench:data` first.");
  const communeCount = Number((await db.query(`select count(*) from "OrgUnit" where level = 'COMMUNE'`)).rows[0].count);

  if (buildIsStale()) run("npx", ["next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } }); // we hold the build lock
  // The builds measured: the working tree, and the baseline ref when asked for.
  const targets = [{ name: "current", label: "this tree", dir: root }];
  if (BASELINE) {
    const { dir, commit } = prepareBaseline(BASELINE);
    targets.push({ name: "baseline", label: `baseline ${commit.slice(0, 12)}`, dir, commit });
  }
  for (const t of targets) t.saveId = actionId("saveReport", "src/server/reports/actions.ts", t.dir);

  // The row each saving user writes: a ratio indicator of their commune's open quarter.
  const saveUsers = Array.from({ length: Math.max(...CONCURRENCY) }, (_, i) => `b${String(i + 1).padStart(3, "0")}.canbo`);
  const rowOf = async (username) => {
    const { rows } = await db.query(
      `select i.id, v.version, v.numerator from "User" u
         join "Plan" p on p."communeId" = u."orgUnitId" and p.year = $2
         join "Indicator" i on i."planId" = p.id and i."valueKind" = 'RATIO' and not exists (select 1 from "Indicator" c where c."parentId" = i.id)
         left join "IndicatorValue" v on v."indicatorId" = i.id and v."periodId" = (select id from "ReportingPeriod" where year = $2 and quarter = $3)
        where u.username = $1
        order by p."createdAt", i.position limit 1`,
      [username, YEAR, QUARTER],
    );
    if (!rows[0]) throw new Error(`No ratio indicator for ${username}`);
    // Send a value that differs from the stored one: an unchanged row is not written.
    return { indicatorId: rows[0].id, version: rows[0].version ?? null, flip: Number(rows[0].numerator) === 10 };
  };
  const saveArgs = (row) => [
    { year: YEAR, quarter: QUARTER, indicators: [{ indicatorId: row.indicatorId, version: row.version, numerator: row.flip ? 11 : 10, denominator: 20, value: null, done: null, note: null }], tasks: [] },
  ];

  // ---- Phase 1: queries per page, first-load JS, correctness of each case.
  for (const t of targets) {
    console.log(`\n== Phase 1 (${t.label}): SQL statements per request and first-load JavaScript (DB_QUERY_LOG=1)`);
    t.cases = await capture(t, url, db, communeCount, rowOf, saveArgs);
  }
  const cases = targets[0].cases;
  // The statements of each case, for reading (what a page asks of the database).
  fs.mkdirSync(path.join(root, "data", "bench"), { recursive: true });
  fs.writeFileSync(path.join(root, "data", "bench", "statements.json"), JSON.stringify(Object.fromEntries(cases.map((c) => [c.key, c.queries])), null, 1));
  if (process.env.BENCH_PHASES === "1") return;

  // ---- Phase 2: load, on servers with the app's normal code path.
  console.log(`\n== Phase 2: autocannon, ${DURATION} s per case and concurrency (warm-up ${WARMUP} s)${targets.length > 1 ? ", builds interleaved" : ""}`);
  // BENCH_INSTANCES=2: that many `next start` processes per build, the load spread evenly over them.
  const servers = [];
  const machine = { loadBefore: null, loadAfter: null, others: otherProcesses() };
  try {
    for (const t of targets) {
      t.bases = [];
      for (let i = 0; i < INSTANCES; i++) {
        const port = await freePort();
        t.bases.push(`http://127.0.0.1:${port}`);
        servers.push(await startApp(port, url, {}, t.dir));
      }
      t.cookies = { staff: await signIn(t.bases[0], "b001.canbo", PASSWORD), reviewer: await signIn(t.bases[0], "bench.tinh.thamdinh", PASSWORD) };
      t.savers = [];
      for (const username of saveUsers) t.savers.push({ username, cookie: await signIn(t.bases[0], username, PASSWORD), row: await rowOf(username) });
    }
    machine.loadBefore = await waitForQuietMachine();
    const only = process.env.BENCH_ONLY?.split(",");
    let round = 0;
    for (const key of cases.map((c) => c.key)) {
      for (const t of targets) t.cases.find((c) => c.key === key).runs = {};
      if (only && !only.includes(key)) continue;
      for (const connections of CONCURRENCY) {
        // Alternate which build goes first: neither always meets a warmer or a busier machine.
        const order = round++ % 2 ? [...targets].reverse() : targets;
        for (const t of order) {
          const c = t.cases.find((x) => x.key === key);
          await measure(t, c, connections, db, rowOf, saveArgs);
        }
      }
    }
    machine.loadAfter = os.loadavg()[0];
    console.log(`  Saves verified in the database: every accepted save advanced its row's version.`);
  } finally {
    for (const s of servers) stopServer(s);
  }

  // ---- Phase 3: the same SQL, straight to PostgreSQL.
  console.log("\n== Phase 3: bare SQL time (captured statements replayed with pg, sequentially, median of 20)");
  for (const t of targets) {
    for (const c of t.cases) {
      c.sqlMs = await replay(db, c.queries, c.key === "save");
      console.log(`  ${t.label}, ${c.label}: ${c.sqlMs.toFixed(2)} ms for ${c.queries.length} statements`);
    }
  }
  await db.end();

  // ---- Phase 4: the report page on a throttled link (Chromium's network emulation).
  if (process.env.BENCH_THROTTLED !== "0") {
    console.log("\n== Phase 4: report page on a throttled link (1.6 Mbit/s down, 150 ms round trip)");
    for (const t of targets) {
      const port = await freePort();
      const server = await startApp(port, url, {}, t.dir);
      try {
        t.throttled = await throttledReport(`http://127.0.0.1:${port}`, "b001.canbo", PASSWORD, `/bao-cao?nam=${YEAR}&quy=${QUARTER}`);
        console.log(`  ${t.label}: inputs accept typing after ${t.throttled.typingMs} ms (${t.throttled.transferKB} KB transferred)`);
      } catch (error) {
        console.log(`  ${t.label}: throttled measure failed: ${error.message}`);
        t.throttled = { error: error.message };
      } finally {
        stopServer(server);
        await sleep(1000);
      }
    }
  }

  report(targets, machine, communeCount);
}

/** Phase 1 for one build: each page once under a marker, the save once, checked. */
async function capture(t, url, db, communeCount, rowOf, saveArgs) {
  const logFile = path.join(os.tmpdir(), `cchc-bench-queries-${process.pid}-${t.name}.jsonl`);
  fs.writeFileSync(logFile, "");
  const portA = await freePort();
  const baseA = `http://127.0.0.1:${portA}`;
  const server = await startApp(portA, url, { DB_QUERY_LOG: "1", DB_QUERY_LOG_FILE: logFile }, t.dir);
  const cases = [];
  try {
    const staff = await signIn(baseA, "b001.canbo", PASSWORD);
    const reviewer = await signIn(baseA, "bench.tinh.thamdinh", PASSWORD);
    // Ten indicators to compare: the first ten the comparison page offers.
    const picker = await (await fetch(`${baseA}/so-sanh?nam=${YEAR}&quy=3`, { headers: { Cookie: reviewer } })).text();
    const keys = [...new Set([...picker.matchAll(/name="ct" value="([a-z0-9]+)"/g)].map((m) => m[1]))].slice(0, 10);
    if (keys.length < 10) throw new Error(`Comparison offers ${keys.length} indicators, expected ≥ 10`);
    const communeName = (await db.query(`select o.name from "OrgUnit" o join "User" u on u."orgUnitId" = o.id where u.username = 'b001.canbo'`)).rows[0].name;
    const pages = [
      { key: "dashboard", label: "Commune dashboard", path: `/tong-quan?nam=${YEAR}&quy=${QUARTER}`, user: "staff", expect: communeName, budget: 150 },
      { key: "report", label: "Quarterly report page", path: `/bao-cao?nam=${YEAR}&quy=${QUARTER}`, user: "staff", expect: communeName, budget: 150 },
      { key: "matrix", label: `Reviewer matrix (${communeCount} communes)`, path: `/xet-duyet?nam=${YEAR}`, user: "reviewer", expect: `${communeCount} xã`, budget: 300 },
      { key: "comparison", label: `Comparison, ${communeCount} communes × 10 indicators`, path: `/so-sanh?nam=${YEAR}&quy=3&${keys.map((k) => `ct=${k}`).join("&")}`, user: "reviewer", expect: `${communeCount} xã`, budget: 300 },
    ];
    const cookieOf = { staff, reviewer };
    for (const page of pages) {
      await fetch(`${baseA}${page.path}`, { headers: { Cookie: cookieOf[page.user] } }).then((r) => r.text()); // first hit loads the route's code
      const marker = `${t.name}-${page.key}-${Date.now()}`;
      const response = await fetch(`${baseA}${page.path}`, { headers: { Cookie: cookieOf[page.user], "x-query-marker": marker } });
      const html = await response.text();
      if (response.status !== 200 || !html.includes(page.expect)) throw new Error(`${t.label}, ${page.label}: HTTP ${response.status}, expected "${page.expect}" in the page`);
      await sleep(300);
      const queries = readLog(logFile, marker);
      const js = await firstLoadJs(baseA, html);
      cases.push({ ...page, queries, js, htmlGzip: zlib.gzipSync(html).length, htmlBytes: Buffer.byteLength(html) });
      console.log(`  ${page.label}: ${queries.length} statements, first-load JS ${(js.gzip / 1024).toFixed(1)} KB gzip in ${js.files} files, HTML ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB`);
    }
    // The save: a real write, checked in the database.
    const row = await rowOf("b001.canbo");
    const before = row.version;
    await saveOnce(baseA, t.saveId, staff, row, saveArgs); // warm
    const marker = `${t.name}-save-${Date.now()}`;
    const { url: saveUrl, init } = actionRequest(baseA, "/bao-cao", t.saveId, saveArgs(row), staff, { "x-query-marker": marker });
    const answer = await fetch(saveUrl, init);
    const answerText = await answer.text();
    const result = actionResult(answerText);
    if (!result.ok || result.data?.saved !== 1) throw new Error(`Save refused or not written: ${JSON.stringify(result)}`);
    advance(row, result);
    await sleep(300);
    const after = (await db.query(`select v.version from "IndicatorValue" v join "ReportingPeriod" p on p.id = v."periodId" where v."indicatorId" = $1 and p.year = $2 and p.quarter = $3`, [row.indicatorId, YEAR, QUARTER])).rows[0]?.version;
    if (after !== row.version) throw new Error(`Save did not write: version ${before} -> ${after}, expected ${row.version}`);
    cases.push({ key: "save", label: "Save one report row (server action)", user: "staff", budget: 100, queries: readLog(logFile, marker), js: null, responseBytes: Buffer.byteLength(answerText) });
    console.log(`  Save: ${cases.at(-1).queries.length} statements, verified in the database (version ${before} → ${after}), answer ${(Buffer.byteLength(answerText) / 1024).toFixed(0)} KB`);
  } finally {
    stopServer(server);
    await sleep(1000);
  }
  return cases;
}

/** Phase 2 for one build, case and concurrency: warm-up, then the measured run. */
async function measure(t, c, connections, db, rowOf, saveArgs) {
  const { bases, cookies, savers, saveId } = t;
  const run = async (duration) => {
    if (c.key !== "save") return spread(bases, connections, (base, n) => loadPage(base, c.path, cookies[c.user], n, duration));
    // Versions from the database before each run: a save still in flight when the previous
    // run stopped was written without its answer being read.
    const active = savers.slice(0, connections);
    await sleep(1500); // let the server finish saves whose answers the last run did not wait for (one that lands later is answered as a conflict, which loadSave recovers from)
    for (const s of active) s.row = await rowOf(s.username);
    const versions = async () => {
      let sum = 0;
      for (const s of active) sum += (await rowOf(s.username)).version ?? -1; // one pg client: one query at a time
      return sum;
    };
    const before = await versions();
    let offset = 0;
    const r = await spread(bases, connections, (base, n) => {
      const mine = active.slice(offset, (offset += n));
      return loadSave(base, saveId, mine, saveArgs, duration);
    });
    await sleep(1500);
    const written = (await versions()) - before;
    // Every accepted save wrote its row; at most one per connection was cut off mid-flight.
    if (written < r.accepted || written > r.accepted + connections) throw new Error(`Saves: ${r.accepted} accepted but ${written} written`);
    r.written = written;
    return r;
  };
  await run(WARMUP);
  const load = os.loadavg()[0];
  const r = await run(DURATION);
  c.runs[connections] = { ...r, load };
  console.log(`  ${t.label}, ${c.label} @${connections}: p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)} p99 ${r.p99.toFixed(1)} ms, ${r.rps.toFixed(1)} req/s, ${r.errors} errors, ${r.conflicts} conflicts (load ${load.toFixed(2)})`);
}

/**
 * The report page on a commune's slow link: Chromium with CDP network emulation (1.6 Mbit/s
 * down, 750 kbit/s up, 150 ms round trip, cache off, a first visit). "Accepts typing" = typing
 * a figure into the first input makes the form count an unsaved row, which only a hydrated
 * form does; tried every 100 ms from navigation start.
 */
async function throttledReport(base, username, password, pagePath) {
  const { chromium } = await import("@playwright/test");
  const cookie = await signIn(base, username, password);
  const [name, ...rest] = cookie.split("=");
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addCookies([{ name, value: rest.join("="), url: base }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 });
    let transfer = 0;
    cdp.on("Network.loadingFinished", (e) => (transfer += e.encodedDataLength));
    const started = Date.now();
    await page.goto(`${base}${pagePath}`, { waitUntil: "commit" });
    const input = page.locator("[data-report-form] tbody input:not([type=search]):not([type=checkbox])").first();
    const unsaved = page.getByText(/^1 dòng chưa lưu$/);
    let typingMs = null;
    for (let value = 1; Date.now() - started < 60_000; value++) {
      if ((await input.count()) > 0) {
        await input.fill(String(value), { timeout: 1000 }).catch(() => {});
        if (await unsaved.isVisible()) {
          typingMs = Date.now() - started;
          break;
        }
      }
      await sleep(100);
    }
    if (typingMs === null) throw new Error("the form never counted a typed figure within 60 s");
    await page.waitForLoadState("load");
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      return { domContentLoaded: Math.round(nav.domContentLoadedEventEnd - nav.startTime), load: Math.round(nav.loadEventEnd - nav.startTime) };
    });
    return { typingMs, ...timing, transferKB: Math.round(transfer / 1024) };
  } finally {
    await browser.close();
  }
}

function readLog(file, marker) {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((q) => q.marker === marker);
}

/**
 * Sum of gzip sizes of the script chunks the page's HTML loads. Not `noModule` scripts (Next's
 * legacy polyfills, ~40 KB gzip): browsers that run modules, every browser this app supports,
 * neither download nor run them. (Until 27/11 the bench counted them: figures before are ~40 KB higher.)
 */
async function firstLoadJs(base, html) {
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"[^>]*>/g)].filter((m) => !/\snomodule/i.test(m[0]));
  const srcs = [...new Set(tags.map((m) => m[1].replace(/&amp;/g, "&")))];
  let gzip = 0;
  let raw = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += zlib.gzipSync(body).length;
  }
  return { files: srcs.length, gzip, raw };
}

/** After an accepted save: the row's version moved on (only if it was written). */
function advance(row, result) {
  if (result.data?.saved) row.version = row.version === null ? 0 : row.version + 1;
  row.flip = !row.flip;
}

async function saveOnce(base, id, cookie, row, saveArgs) {
  const { url, init } = actionRequest(base, "/bao-cao", id, saveArgs(row), cookie);
  const result = actionResult(await (await fetch(url, init)).text());
  if (!result.ok || result.data?.saved !== 1) throw new Error(`Save refused or not written: ${JSON.stringify(result)}`);
  advance(row, result);
}

/** One load run over several instances (a load balancer's even spread), merged. */
async function spread(bases, connections, run) {
  const used = bases.slice(0, Math.min(bases.length, connections));
  const parts = await Promise.all(used.map((base, i) => run(base, Math.floor(connections / used.length) + (i < connections % used.length ? 1 : 0), i)));
  const latencies = parts.flatMap((p) => p.latencies).sort((a, b) => a - b);
  const seconds = Math.max(...parts.map((p) => p.seconds));
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: latencies.length / seconds,
    requests: latencies.length,
    errors: parts.reduce((n, p) => n + p.errors, 0),
    conflicts: parts.reduce((n, p) => n + (p.conflicts ?? 0), 0),
    accepted: parts.reduce((n, p) => n + (p.accepted ?? 0), 0),
  };
}

function loadPage(base, pagePath, cookie, connections, duration) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon({ url: `${base}${pagePath}`, connections, duration, headers: { Cookie: cookie }, timeout: 30 }, (err, result) =>
      err ? reject(err) : resolve({ latencies, seconds: result.duration, errors: result.non2xx + result.errors + result.timeouts }),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status === 200) latencies.push(ms);
    });
  });
}

/**
 * Each connection is one commune's staff member saving one row of their own open report:
 * the deadline-day shape (many communes at once), each save with the row's current version
 * and a value that differs from the stored one, so each accepted save writes.
 */
function loadSave(base, id, savers, saveArgs, duration) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let refused = 0;
    let conflicts = 0;
    let accepted = 0;
    let next = 0;
    const instance = autocannon(
      {
        url: `${base}/bao-cao`,
        connections: savers.length,
        duration,
        timeout: 30,
        method: "POST",
        setupClient(client) {
          const saver = savers[next++ % savers.length];
          client.setRequests([
            {
              method: "POST",
              path: "/bao-cao",
              setupRequest(req) {
                const { init } = actionRequest(base, "/bao-cao", id, saveArgs(saver.row), saver.cookie);
                return { ...req, headers: init.headers, body: init.body };
              },
              onResponse(status, body) {
                let result = null;
                try {
                  result = status === 200 ? actionResult(body) : null;
                } catch {
                  result = null;
                }
                // Counted as a write only when the server says it wrote the row.
                if (result?.ok && result.data?.saved === 1) {
                  accepted++;
                  advance(saver.row, result);
                } else if (result?.ok && result.data?.saved === 0 && result.data.conflicts?.length === 1 && "version" in result.data.conflicts[0]) {
                  // A version conflict is the app answering correctly: the row moved on (a save of
                  // the previous run still in flight landed after the versions were read). The
                  // answer carries the stored row and its version: continue from those, as the
                  // form does, and count it apart from errors.
                  conflicts++;
                  const theirs = result.data.conflicts[0];
                  saver.row.version = theirs.version;
                  saver.row.flip = Number(theirs.theirs?.numerator) === 10;
                } else {
                  refused++;
                  if (refused === 1) console.log(`    first refused save: HTTP ${status} ${String(body).slice(0, 300)}`);
                }
              },
            },
          ]);
        },
      },
      (err, result) => (err ? reject(err) : resolve({ latencies, seconds: result.duration, errors: refused + result.non2xx + result.errors + result.timeouts, conflicts, accepted })),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status === 200) latencies.push(ms);
    });
  });
}

/** Inserted ids are made by the client: a replay needs new ones (the first run committed them). */
const freshId = (arg) => (typeof arg === "string" && /^c[a-z0-9]{20,32}$/.test(arg) ? `c${Math.random().toString(36).slice(2, 12)}${Date.now().toString(36)}bench` : arg);

/** Median time of running the captured statements one after another on one connection. */
async function replay(db, queries, write) {
  const statements = queries.filter((q) => !["BEGIN", "COMMIT", "ROLLBACK"].includes(q.sql));
  const once = async () => {
    const started = performance.now();
    if (write) await db.query("BEGIN");
    for (const q of statements) await db.query(q.sql, /^\s*insert/i.test(q.sql) ? q.args.map(freshId) : q.args);
    if (write) await db.query("ROLLBACK"); // time the writes, keep the data as it was
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await once();
  const times = [];
  for (let i = 0; i < 20; i++) times.push(await once());
  return median(times);
}

/** The issue's budgets (issue 21), checked against the working tree and, where a ratio, the baseline. */
const BUDGET = {
  pageOverSql: { dashboard: 2.5, report: 2.5, matrix: 3, comparison: 3, save: 3 },
  htmlKB: { dashboard: 150, report: 300, matrix: 250 },
  jsKB: 150,
  throughputRatio: 3,
  typingMs: 3000,
};

function report(targets, machine, communeCount) {
  const cpu = os.cpus()[0]?.model ?? "unknown";
  const lines = [];
  const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "–");
  const kb = (bytes) => (Number.isFinite(bytes) ? `${Math.round(bytes / 1024).toLocaleString("en")} KB` : "–");
  const [current, baseline] = targets;
  lines.push(`Machine: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load before ${fmt(machine.loadBefore, 2)}, after ${fmt(machine.loadAfter, 2)}`);
  lines.push(`Data: ${communeCount} communes, PostgreSQL; ${INSTANCES} app instance(s) per build; ${DURATION} s per case; latency in ms; SQL = captured statements replayed with pg`);
  if (baseline) lines.push(`Baseline: ${baseline.commit} (${BASELINE}), built and measured in the same run, cases interleaved`);
  lines.push("");
  lines.push("| case | build | conc. | p50 | p95 | p99 | req/s | errors | conflicts | SQL stmts | SQL ms | page/SQL | HTML | first-load JS gzip |");
  lines.push("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const c of current.cases) {
    for (const t of targets) {
      const tc = t.cases.find((x) => x.key === c.key);
      for (const [conc, r] of Object.entries(tc.runs ?? {})) {
        lines.push(
          `| ${c.label} | ${t.name} | ${conc} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.rps)} | ${r.errors} | ${c.key === "save" ? r.conflicts : "–"} | ${tc.queries.length} | ${fmt(tc.sqlMs, 2)} | ${Number(conc) === 1 ? fmt(r.p50 / tc.sqlMs) + "×" : ""} | ${tc.htmlBytes ? kb(tc.htmlBytes) : "–"} | ${tc.js ? `${(tc.js.gzip / 1024).toFixed(1)} KB` : "–"} |`,
        );
      }
    }
  }
  lines.push("");
  lines.push("Budgets (issue 21):");
  lines.push("");
  lines.push("| case | req/s @20 now / baseline (≥ 3×) | page/SQL @1 | HTML | first-load JS (≤ 150 KB) |");
  lines.push("|---|---|---|---|---|");
  const verdict = (ok) => (ok ? "holds" : "**MISSED**");
  for (const c of current.cases) {
    const b = baseline?.cases.find((x) => x.key === c.key);
    const now20 = c.runs?.[20]?.rps;
    const base20 = b?.runs?.[20]?.rps;
    const ratio = now20 / base20;
    const ps = c.runs?.[1]?.p50 / c.sqlMs;
    const psBudget = BUDGET.pageOverSql[c.key];
    const htmlBudget = BUDGET.htmlKB[c.key];
    lines.push(
      `| ${c.label} | ${Number.isFinite(ratio) ? `${fmt(now20)} / ${fmt(base20)} = ${fmt(ratio, 2)}×: ${verdict(ratio >= BUDGET.throughputRatio)}` : "–"} | ${Number.isFinite(ps) ? `${fmt(ps)}× (≤ ${psBudget}): ${verdict(ps <= psBudget)}` : "–"} | ${c.htmlBytes ? `${kb(c.htmlBytes)}${b?.htmlBytes ? ` (was ${kb(b.htmlBytes)})` : ""}${htmlBudget ? ` (≤ ${htmlBudget} KB): ${verdict(c.htmlBytes / 1024 <= htmlBudget)}` : ""}` : "–"} | ${c.js ? `${(c.js.gzip / 1024).toFixed(1)} KB${b?.js ? ` (was ${(b.js.gzip / 1024).toFixed(1)})` : ""}: ${verdict(c.js.gzip / 1024 <= BUDGET.jsKB)}` : "–"} |`,
    );
  }
  if (current.throttled) {
    lines.push("");
    lines.push("Report page on a throttled link (1.6 Mbit/s down, 150 ms RTT, cache off), from navigation start:");
    lines.push("");
    lines.push("| build | inputs accept typing | DOMContentLoaded | load | transferred |");
    lines.push("|---|---:|---:|---:|---:|");
    for (const t of targets) {
      const r = t.throttled ?? {};
      lines.push(r.error ? `| ${t.name} | failed: ${r.error} | | | |` : `| ${t.name} | ${r.typingMs} ms${t === current ? ` (≤ ${BUDGET.typingMs}): ${verdict(r.typingMs <= BUDGET.typingMs)}` : ""} | ${r.domContentLoaded} ms | ${r.load} ms | ${r.transferKB} KB |`);
    }
  }
  lines.push("");
  lines.push("Other busy processes at the start of phase 2 (%CPU, seconds running, command):");
  for (const p of machine.others) lines.push(`  ${p}`);
  const text = lines.join("\n");
  console.log(`\n${text}`);
  const out = path.join(root, "data", "bench");
  fs.mkdirSync(out, { recursive: true });
  const stem = INSTANCES === 1 ? "last" : `last-${INSTANCES}-instances`;
  fs.writeFileSync(path.join(out, `${stem}.md`), text + "\n");
  fs.writeFileSync(
    path.join(out, `${stem}.json`),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { ...machine, cpu, cores: os.cpus().length, memGiB: os.totalmem() / 2 ** 30 },
        builds: targets.map((t) => ({ name: t.name, commit: t.commit ?? null, throttled: t.throttled ?? null, cases: t.cases.map(({ queries, ...c }) => ({ ...c, statements: queries.map((q) => q.sql) })) })),
      },
      null,
      2,
    ),
  );
  console.log(`\n(also in data/bench/${stem}.md and ${stem}.json)`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
