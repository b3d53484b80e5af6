// `npm run db:backup [-- --out <folder>]`: a consistent copy of the database and the uploaded
// evidence files, into backups/<date-time>/ by default:
//   database.dump            PostgreSQL (DATABASE_URL=postgres://…): pg_dump, custom format
//   database.pglite.tar.gz   embedded PGlite (the default): PGlite's own data-folder dump
//   uploads.tar.gz           the UPLOAD_DIR folder (evidence files)
//   manifest.json            engine, time, row count of every table, checksum of the figures
// With PGlite the app must be stopped first (one process per database folder). Keep copies
// off this machine: a backup on the same disk does not survive the disk.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { root } from "./lib.mjs";
import { args, isPostgresUrl, openEmbeddedDatabase, libpqEnv, listFiles, pglitePath, requireTool, summarize, uploadRoot, withDatabase } from "./db-tools.mjs";

const opts = args(process.argv.slice(2));
const url = process.env.DATABASE_URL;
const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const out = path.resolve(root, opts.out ?? path.join("backups", stamp));

try {
  if (fs.existsSync(out) && fs.readdirSync(out).length) throw new Error(`Thư mục sao lưu ${out} đã có dữ liệu: chọn thư mục khác.`);
  fs.mkdirSync(out, { recursive: true, mode: 0o700 });
  const manifest = { format: 1, createdAt: new Date().toISOString(), engine: isPostgresUrl(url) ? "postgresql" : "pglite" };

  if (manifest.engine === "postgresql") {
    requireTool("pg_dump");
    const file = path.join(out, "database.dump");
    const res = spawnSync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`], { env: { ...process.env, ...libpqEnv(url) }, stdio: "inherit" });
    if (res.status !== 0) throw new Error(`pg_dump thất bại (mã ${res.status}).`);
    manifest.summary = await withDatabase(url, summarize);
  } else {
    const dir = pglitePath(url);
    if (!fs.existsSync(path.join(dir, "PG_VERSION"))) throw new Error(`Không có cơ sở dữ liệu PGlite tại ${dir}.`);
    const db = await openEmbeddedDatabase(dir);
    try {
      manifest.summary = await summarize((sql) => db.query(sql));
      const dump = await db.dumpDataDir("gzip");
      fs.writeFileSync(path.join(out, "database.pglite.tar.gz"), Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    } finally {
      await db.close();
    }
  }

  const uploads = uploadRoot();
  manifest.uploads = { files: listFiles(uploads).filter((f) => !f.endsWith(".tmp")).length };
  if (fs.existsSync(uploads)) {
    const res = spawnSync("tar", ["-czf", path.join(out, "uploads.tar.gz"), "--exclude=*.tmp", "-C", uploads, "."], { stdio: "inherit" });
    if (res.status !== 0) throw new Error(`Không nén được thư mục tệp minh chứng ${uploads}.`);
  }
  fs.writeFileSync(path.join(out, "manifest.json"), JSON.stringify(manifest, null, 2));
  const rows = Object.values(manifest.summary.tables).reduce((a, b) => a + b, 0);
  console.log(`Đã sao lưu (${manifest.engine}, ${rows} dòng, ${manifest.uploads.files} tệp minh chứng) vào ${out}`);
} catch (error) {
  console.error(`Sao lưu thất bại: ${error.message}`);
  process.exit(1);
}
