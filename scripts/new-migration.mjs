// `npm run db:new-migration -- <name>`: writes the SQL that takes the migrations already in
// prisma/migrations to the current schema. Applies them to a scratch in-memory database first.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { root } from "./lib.mjs";

const name = (process.argv[2] || "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Cách dùng: npm run db:new-migration -- <ten_migration>");
  process.exit(1);
}
const dir = path.join(root, "prisma", "migrations");
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", "--from-migrations", dir, "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--shadow-database-url", "postgresql://unused"],
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
