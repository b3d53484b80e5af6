// Two `next start` processes on different ports against one PostgreSQL database behave as
// one app (what a load balancer in front of several instances needs):
//   - a session signed in on one instance is accepted by the other (same NEXTAUTH_SECRET);
//   - a save through one is seen by the other (all state is in PostgreSQL);
//   - a file uploaded through one downloads from the other (shared UPLOAD_DIR).
// Starts PostgreSQL itself (scripts/postgres.mjs), creates and drops its own database.
// Run by `npm test` after the end-to-end step; about a minute on a 2-core machine.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { buildIsStale, checklist, run, startServer, stopServer } from "./lib.mjs";
import { ensureTestPostgres } from "./postgres.mjs";
import { actionId, callAction, callFormAction, freePort, holdBuildLock, signIn } from "./http.mjs";

// Hold the shared build lock while our servers read .next, so nobody rebuilds it under them.
holdBuildLock("SCALE_OUT_HOLDS_LOCK");

const PASSWORD = "Demo@2025";
const { check, fail, finish } = checklist("scale-out");

const admin = await ensureTestPostgres();
const name = `cchc_scale_${crypto.randomBytes(4).toString("hex")}`;
const adminClient = new pg.Client({ connectionString: admin });
await adminClient.connect();
await adminClient.query(`create database ${name}`);
await adminClient.end();
const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-scale-uploads-"));
const servers = [];
const db = new pg.Client({ connectionString: url });

try {
  run("npx", ["prisma", "migrate", "deploy"], { env: { DATABASE_URL: url } });
  run("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { env: { DATABASE_URL: url } });
  if (buildIsStale()) run("npx", ["next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } }); // under the lock taken above

  const [portA, portB] = [await freePort(), await freePort()];
  const [a, b] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
  // What every instance behind a load balancer shares: database, secret, public URL, uploads.
  const shared = { DATABASE_URL: url, NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex"), NEXTAUTH_URL: a, UPLOAD_DIR: uploads, NEXT_TELEMETRY_DISABLED: "1", DATABASE_POOL_SIZE: "5" };
  for (const port of [portA, portB]) {
    servers.push(await startServer(process.execPath, ["scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1"], { env: shared, ready: "Ready", label: `next:${port}` }));
  }
  await db.connect();
  console.log(`\nTwo instances: ${a} and ${b}, one database (${name}), one upload folder.`);

  const staffOnA = await signIn(a, "hanhdung.canbo", PASSWORD);
  const reviewerOnB = await signIn(b, "quangngai.thamdinh", PASSWORD);
  const page = "/bao-cao?nam=2025&quy=3";
  const { rows } = await db.query(
    `select i.id from "Indicator" i join "Plan" p on p.id = i."planId" join "OrgUnit" o on o.id = p."communeId"
      where o.name = 'Xã Hành Dũng' and p.year = 2025 and i."valueKind" = 'RATIO' order by i.position limit 1`,
  );
  const indicatorId = rows[0].id;
  // The report page renders one part (top-level section) at a time (issue 21): open the row's part,
  // as its heading link would (a deeper section belongs to the last top-level one above it).
  const { rows: [row] } = await db.query(`select "planId", "sectionId" from "Indicator" where id = $1`, [indicatorId]);
  const { rows: sections } = await db.query(`select id, depth from "PlanSection" where "planId" = $1 order by position`, [row.planId]);
  let top = null;
  const topOf = new Map(sections.map((s) => [s.id, (top = s.depth === 0 || !top ? s.id : top)]));
  const rowPage = `${page}&phan=${row.sectionId ? topOf.get(row.sectionId) : row.planId}`;

  await check("a session made on A is accepted by B (and one made on B by A)", async () => {
    const onB = await fetch(`${b}${page}`, { headers: { Cookie: staffOnA }, redirect: "manual" });
    assert.equal(onB.status, 200, `B answered ${onB.status} ${onB.headers.get("location") ?? ""}`);
    assert.match(await onB.text(), /Hành Dũng/);
    const onA = await fetch(`${a}/xet-duyet?nam=2025`, { headers: { Cookie: reviewerOnB }, redirect: "manual" });
    assert.equal(onA.status, 200, `A answered ${onA.status} ${onA.headers.get("location") ?? ""}`);
    assert.match(await onA.text(), /Hành Dũng/);
  });

  await check("a figure saved through A is on the report page served by B", async () => {
    const result = await callAction(a, page, actionId("saveReport", "src/server/reports/actions.ts"), [
      { year: 2025, quarter: 3, indicators: [{ indicatorId, version: null, numerator: 4321, denominator: 9876, value: null, done: null, note: null }], tasks: [] },
    ], staffOnA);
    assert.equal(result.ok, true, JSON.stringify(result));
    const html = await (await fetch(`${b}${rowPage}`, { headers: { Cookie: staffOnA } })).text();
    assert.match(html, /4321/, "B does not show the saved numerator");
    assert.match(html, /9876/, "B does not show the saved denominator");
  });

  /** Saves the row's quarter-III figure through A, on the version stored now. */
  const save = async (numerator) => {
    const version = (await db.query(`select v.version from "IndicatorValue" v join "ReportingPeriod" p on p.id = v."periodId" where v."indicatorId" = $1 and p.year = 2025 and p.quarter = 3`, [indicatorId])).rows[0]?.version ?? null;
    const result = await callAction(a, page, actionId("saveReport", "src/server/reports/actions.ts"), [
      { year: 2025, quarter: 3, indicators: [{ indicatorId, version, numerator, denominator: 2000, value: null, done: null, note: null }], tasks: [] },
    ], staffOnA);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.data.saved, 1, JSON.stringify(result));
  };

  await check("the chairman's dashboard, cached on B, shows a figure saved through A on the next request (issue 21)", async () => {
    const chairmanOnB = await signIn(b, "hanhdung.chutich", PASSWORD);
    // Every group open: the quarters' figures are drawn only in an opened group (issue 21).
    const dashboard = async () => (await fetch(`${b}/tong-quan?nam=2025&quy=3&nhom=tat-ca`, { headers: { Cookie: chairmanOnB } })).text();
    await save(1234);
    // Twice on B: the second is answered from B's page cache.
    assert.match(await dashboard(), /Quý III: 61,7%/, "B does not show the first figure (1234/2000)");
    assert.match(await dashboard(), /Quý III: 61,7%/);
    await save(1500);
    assert.match(await dashboard(), /Quý III: 75%/, "B served its cached dashboard after a save through A");
  });

  await check("the reviewer's comparison, cached on B, shows a figure saved through A on the next request (issue 21)", async () => {
    const indicatorName = (await db.query(`select name from "Indicator" where id = $1`, [indicatorId])).rows[0].name;
    const picker = await (await fetch(`${b}/so-sanh?nam=2025&quy=3`, { headers: { Cookie: reviewerOnB } })).text();
    const unescape = (html) => html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    const key = [...picker.matchAll(/name="ct" value="([a-z0-9]+)"[^>]*>([^<]*)/g)].find((m) => unescape(m[2]).trim() === indicatorName)?.[1];
    assert.ok(key, `the comparison does not offer "${indicatorName}"`);
    // Hành Dũng's cells as the page draws them (figure and status class per indicator).
    const row = async () => {
      const html = await (await fetch(`${b}/so-sanh?nam=2025&quy=3&ct=${key}`, { headers: { Cookie: reviewerOnB } })).text();
      return html.match(/<td>Xã Hành Dũng<\/td>(.*?)<\/tr>/)?.[1];
    };
    const before = await row();
    assert.ok(before, "no row for Xã Hành Dũng in the comparison");
    // Twice on B: the second is answered from B's page cache.
    assert.equal(await row(), before);
    await save(1900);
    const after = await row();
    assert.notEqual(after, before, "B served its cached comparison after a save through A");
  });

  await check("a file uploaded through B downloads from A, byte for byte", async () => {
    const bytes = Buffer.from(`%PDF-1.4\n% two-instance test ${crypto.randomUUID()}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
    const file = new File([bytes], "bien-ban-kiem-tra.pdf", { type: "application/pdf" });
    const result = await callFormAction(b, page, actionId("attachEvidenceFile", "src/server/evidence/actions.ts"), { year: "2025", quarter: "3", kind: "indicator", rowId: indicatorId, file }, staffOnA);
    assert.equal(result.ok, true, JSON.stringify(result));
    const download = await fetch(`${a}/api/minh-chung/${result.data.id}`, { headers: { Cookie: staffOnA } });
    assert.equal(download.status, 200);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), bytes);
    // The reviewer above the commune, signed in on the other instance, downloads it too.
    const asReviewer = await fetch(`${a}/api/minh-chung/${result.data.id}`, { headers: { Cookie: reviewerOnB } });
    assert.equal(asReviewer.status, 200);
  });
} catch (error) {
  fail(error);
} finally {
  for (const s of servers) stopServer(s);
  await db.end().catch(() => {});
  const drop = new pg.Client({ connectionString: admin });
  await drop.connect();
  await drop.query(`drop database if exists ${name} with (force)`).catch(() => {});
  await drop.end();
  fs.rmSync(uploads, { recursive: true, force: true });
}
finish();
