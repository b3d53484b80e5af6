// `npm run report:preview`: generates demo report documents (.docx) from a fresh in-memory seed,
// converts them to PDF with LibreOffice headless and to PNG pages with pdftoppm, into
// docs/preview/, so a person can look at the pages the way a reader of the signed report would.
// Slow (LibreOffice start-up): not part of CI.
import "./server-only-off.mjs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { tsImport } from "tsx/esm/api";
import { aptInstall, has, isRoot, root } from "./lib.mjs";

const OUT = path.join(root, "docs", "preview");

/** The reports shown: a quarter with tasks and indicators, a year's report, an indicator-only plan. */
const SAMPLES = [
  { user: "hanhdung.chutich", year: 2025, quarter: 2, name: "hanh-dung-2025-quy-2" },
  { user: "tanduc.chutich", year: 2024, quarter: 4, name: "tan-duc-2024-nam" },
  { user: "taythuan.canbo", year: 2025, quarter: 3, name: "tay-thuan-2025-quy-3" },
];

function ensureTools() {
  const missing = [];
  if (!has("soffice")) missing.push("libreoffice-writer-nogui");
  if (!has("pdftoppm")) missing.push("poppler-utils");
  if (!missing.length) return;
  console.log(`Cài đặt ${missing.join(", ")} ...`);
  if (!aptInstall([...missing, "fonts-liberation"])) {
    console.error(
      `Thiếu công cụ chuyển đổi. Cài đặt bằng quyền quản trị rồi chạy lại:\n  sudo apt-get install -y ${missing.join(" ")} fonts-liberation` +
        (isRoot() ? "" : "\n(Không chạy với quyền root nên không tự cài được.)"),
    );
    process.exit(1);
  }
}

function exec(cmd, args) {
  const res = spawnSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"], cwd: root });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${res.status})`);
}

/**
 * A few notes, reasons and evidence references on the demo rows, so the pages show the
 * lagging-causes section and the evidence column filled as a real report would have them.
 */
async function addSampleExplanations(db) {
  const commune = await db.orgUnit.findFirstOrThrow({ where: { name: "Xã Hành Dũng" } });
  const staff = await db.user.findFirstOrThrow({ where: { username: "hanhdung.canbo" } });
  const period = await db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: 2025, quarter: 2 } } });
  const values = await db.indicatorValue.findMany({ where: { periodId: period.id, indicator: { plan: { communeId: commune.id } } }, take: 3 });
  const notes = [
    "Hệ thống một cửa điện tử của tỉnh gián đoạn trong tháng 5, nhiều hồ sơ phải tiếp nhận trực tiếp.",
    "Người dân lớn tuổi chưa quen nộp hồ sơ trực tuyến; Đoàn Thanh niên đã hỗ trợ tại Bộ phận Một cửa.",
  ];
  for (const [i, v] of values.slice(0, 2).entries()) await db.indicatorValue.update({ where: { id: v.id }, data: { note: notes[i] } });
  const progress = await db.taskProgress.findMany({ where: { periodId: period.id, task: { plan: { communeId: commune.id } } }, orderBy: { task: { position: "asc" } } });
  const done = progress.find((p) => p.status === "DONE");
  const open = progress.filter((p) => p.status !== "DONE");
  if (done) {
    await db.evidence.create({
      data: { communeId: commune.id, taskProgressId: done.id, docNumber: "35/QĐ-UBND", docDate: new Date("2025-04-15T00:00:00Z"), docSummary: "Kế hoạch rà soát, đánh giá TTHC năm 2025", createdById: staff.id },
    });
  }
  if (open[0]) await db.taskProgress.update({ where: { id: open[0].id }, data: { reason: "Chờ hướng dẫn của Văn phòng UBND tỉnh về quy trình nội bộ." } });
  if (open[1]) await db.taskProgress.update({ where: { id: open[1].id }, data: { status: "CANNOT_DO", reason: "Phần mềm của tỉnh chưa hỗ trợ thanh toán trực tuyến phí chứng thực." } });
}

async function main() {
  ensureTools();
  fs.mkdirSync(OUT, { recursive: true });
  const { createTestDb } = await tsImport("../tests/support/db.ts", import.meta.url);
  const { actorFor } = await tsImport("../tests/support/actors.ts", import.meta.url);
  const { seedDemo } = await tsImport("../src/server/seed/demo.ts", import.meta.url);
  const { loadReportDocument } = await tsImport("../src/server/documents/report-content.ts", import.meta.url);
  const { reportDocx } = await tsImport("../src/server/documents/report-docx.ts", import.meta.url);
  const { todayInVietnam } = await tsImport("../src/domain/format.ts", import.meta.url);

  console.log("Nạp dữ liệu mẫu vào cơ sở dữ liệu tạm trong bộ nhớ ...");
  const t = await createTestDb();
  const files = [];
  try {
    await seedDemo(t.db);
    await addSampleExplanations(t.db);
    for (const s of SAMPLES) {
      const actor = await actorFor(s.user);
      const doc = await loadReportDocument(actor, actor.orgUnitId, s.year, s.quarter, todayInVietnam());
      const file = path.join(OUT, `${s.name}.docx`);
      fs.writeFileSync(file, await reportDocx(doc));
      files.push(file);
      console.log(`✔ ${path.relative(root, file)}`);
    }
  } finally {
    await t.close();
  }

  // A private LibreOffice profile: another soffice running on the machine would otherwise swallow the job.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    exec("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", OUT, ...files]);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  for (const file of files) {
    const pdf = file.replace(/\.docx$/, ".pdf");
    for (const old of fs.readdirSync(OUT).filter((f) => f.startsWith(`${path.basename(file, ".docx")}-`) && f.endsWith(".png"))) fs.rmSync(path.join(OUT, old));
    exec("pdftoppm", ["-png", "-r", "80", pdf, file.replace(/\.docx$/, "")]);
  }
  const pngs = fs.readdirSync(OUT).filter((f) => f.endsWith(".png")).sort();
  console.log(`\nĐã tạo ${pngs.length} trang PNG trong ${path.relative(root, OUT)}/:\n${pngs.map((p) => `  ${p}`).join("\n")}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
