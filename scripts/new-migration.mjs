// `npm run db:new-migration -- <name>`: writes the SQL that takes the schema as of the last
// committed migration to the current prisma/schema.prisma. (`migrate dev` needs a shadow
// database that neither driver adapter can create; a schema-to-schema diff needs none.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { root } from "./lib.mjs";

const name = (process.argv[2] || "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Cách dùng: npm run db:new-migration -- <ten_migration>");
  process.exit(1);
}
const dir = path.join(root, "prisma", "migrations");
const lastMigrationCommit = execFileSync("git", ["log", "-1", "--format=%H", "--", "prisma/migrations"], { cwd: root, encoding: "utf8" }).trim();
if (!lastMigrationCommit) {
  console.error("Chưa có migration nào được commit: không biết lược đồ trước đó.");
  process.exit(1);
}
const previous = path.join(os.tmpdir(), `schema-${lastMigrationCommit}.prisma`);
fs.writeFileSync(previous, execFileSync("git", ["show", `${lastMigrationCommit}:prisma/schema.prisma`], { cwd: root, encoding: "utf8" }));
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { cwd: root, env: { ...process.env, DATABASE_URL: "memory://" }, encoding: "utf8" },
);
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.log("Lược đồ không thay đổi: không tạo migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
fs.mkdirSync(target, { recursive: true });
fs.writeFileSync(path.join(target, "migration.sql"), sql);
console.log(`Đã tạo ${path.relative(root, target)}/migration.sql`);
