// `npm run db:restore -- <backup folder> [--force]`: puts a db:backup back into the database
// named by DATABASE_URL and the UPLOAD_DIR folder, then checks every table's row count and the
// figures' checksum against the backup's manifest. The target must be empty (a new PostgreSQL
// database with no tables, or an absent/empty PGlite folder and upload folder); --force moves
// an existing PGlite folder / upload folder aside (…before-restore-<time>) and, on PostgreSQL,
// drops the tables it restores. Stop the app first.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { root } from "./lib.mjs";
import { args, isEmptyDir, isPostgresUrl, openEmbeddedDatabase, lockEmbeddedDatabase, libpqEnv, listFiles, pglitePath, requireTool, summarize, uploadRoot, withDatabase } from "./db-tools.mjs";

const opts = args(process.argv.slice(2));
const url = process.env.DATABASE_URL;
const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);

function moveAside(dir) {
  const aside = `${dir}.before-restore-${stamp}`;
  fs.renameSync(dir, aside);
  console.log(`Đã chuyển dữ liệu cũ sang ${aside}`);
}

try {
  const from = opts._[0] ? path.resolve(root, opts._[0]) : null;
  if (!from || !fs.existsSync(path.join(from, "manifest.json"))) throw new Error("Cách dùng: npm run db:restore -- <thư mục sao lưu> [--force]");
  const manifest = JSON.parse(fs.readFileSync(path.join(from, "manifest.json"), "utf8"));
  const engine = isPostgresUrl(url) ? "postgresql" : "pglite";
  if (engine !== manifest.engine) throw new Error(`Bản sao lưu là ${manifest.engine}, còn DATABASE_URL trỏ tới ${engine}.`);

  if (engine === "postgresql") {
    requireTool("pg_restore");
    const tables = await withDatabase(url, async (q) => (await q(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`)).rows[0].n);
    if (tables > 0 && !opts.force) throw new Error("Cơ sở dữ liệu đích đã có bảng. Khôi phục vào một cơ sở dữ liệu trống, hoặc thêm --force để thay thế.");
    const res = spawnSync(
      "pg_restore",
      ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", ...(opts.force ? ["--clean", "--if-exists"] : []), `--dbname=${libpqEnv(url).PGDATABASE}`, path.join(from, "database.dump")],
      { env: { ...process.env, ...libpqEnv(url) }, stdio: "inherit" },
    );
    if (res.status !== 0) throw new Error(`pg_restore thất bại (mã ${res.status}).`);
  } else {
    const dir = pglitePath(url);
    lockEmbeddedDatabase(dir); // before anything is moved aside: refuses while the app runs on it
    if (!isEmptyDir(dir)) {
      if (!opts.force) throw new Error(`Thư mục ${dir} đã có dữ liệu. Thêm --force để thay thế (dữ liệu cũ được giữ lại bên cạnh).`);
      moveAside(dir);
    }
    fs.mkdirSync(dir, { recursive: true });
    const tarball = fs.readFileSync(path.join(from, "database.pglite.tar.gz"));
    const db = await openEmbeddedDatabase(dir, { loadDataDir: new Blob([tarball]) });
    await db.close();
  }

  const uploads = uploadRoot();
  const archive = path.join(from, "uploads.tar.gz");
  if (fs.existsSync(archive)) {
    if (!isEmptyDir(uploads)) {
      if (!opts.force) throw new Error(`Thư mục tệp minh chứng ${uploads} đã có tệp. Thêm --force để thay thế.`);
      moveAside(uploads);
    }
    fs.mkdirSync(uploads, { recursive: true, mode: 0o750 });
    const res = spawnSync("tar", ["-xzf", archive, "-C", uploads, "--no-same-owner"], { stdio: "inherit" });
    if (res.status !== 0) throw new Error("Không giải nén được tệp minh chứng.");
  }

  const summary = await withDatabase(url, summarize);
  const problems = [];
  for (const [table, rows] of Object.entries(manifest.summary.tables)) {
    if (summary.tables[table] !== rows) problems.push(`${table}: ${summary.tables[table] ?? "không có"} dòng, bản sao lưu có ${rows}`);
  }
  if (summary.figures !== manifest.summary.figures) problems.push("số liệu (tử số, mẫu số, giá trị, trạng thái nhiệm vụ) khác bản sao lưu");
  const files = listFiles(uploads).length;
  if (files !== manifest.uploads.files) problems.push(`tệp minh chứng: ${files}, bản sao lưu có ${manifest.uploads.files}`);
  if (problems.length) throw new Error(`Dữ liệu sau khôi phục không khớp bản sao lưu:\n- ${problems.join("\n- ")}`);
  console.log(`Đã khôi phục và kiểm tra: ${Object.keys(summary.tables).length} bảng, ${files} tệp minh chứng khớp bản sao lưu ${from}.`);
} catch (error) {
  console.error(`Khôi phục thất bại: ${error.message}`);
  process.exit(1);
}
