// The audit log cannot be edited or deleted: the database refuses UPDATE, DELETE and TRUNCATE
// on "AuditLog" (migration 20261124120000_audit_append_only), and no code reachable from a
// server action or route handler even tries. (The authorization matrix also checks that no
// registered endpoint, called as any role, changes an existing audit row.)
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { ENDPOINTS } from "../support/endpoints";

const t = setupTestDb();

const REFUSED = /append-only|chỉ được ghi thêm/;

describe("the database keeps the audit log append-only", () => {
  it("inserts work", async () => {
    const before = await t.db.auditLog.count();
    await t.db.auditLog.create({ data: { entity: "Test", entityId: "1", action: "create" } });
    expect(await t.db.auditLog.count()).toBe(before + 1);
  });

  it("refuses updates, deletes and truncation, through Prisma and in raw SQL", async () => {
    const entry = await t.db.auditLog.findFirstOrThrow();
    const count = await t.db.auditLog.count();
    const attempts: [string, () => Promise<unknown>][] = [
      ["update", () => t.db.auditLog.update({ where: { id: entry.id }, data: { action: "sửa" } })],
      ["updateMany", () => t.db.auditLog.updateMany({ data: { before: {} } })],
      ["delete", () => t.db.auditLog.delete({ where: { id: entry.id } })],
      ["deleteMany", () => t.db.auditLog.deleteMany({})],
      ["raw update", () => t.db.$executeRawUnsafe(`update "AuditLog" set "userId" = null`)],
      ["raw delete", () => t.db.$executeRawUnsafe(`delete from "AuditLog"`)],
      ["truncate", () => t.db.$executeRawUnsafe(`truncate "AuditLog"`)],
      ["in a transaction", () => t.db.$transaction(async (tx) => tx.auditLog.deleteMany({ where: { id: entry.id } }))],
    ];
    for (const [label, attempt] of attempts) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error, `${label} was not refused`).not.toBeNull();
      // PostgreSQL passes the trigger's message through; the PGlite adapter reports raw-query
      // errors without it, so there each attempt is judged by what it left: nothing changed.
      if (t.engine === "postgresql") expect(error!.message, label).toMatch(REFUSED);
      expect(error, label).not.toBeInstanceOf(TypeError);
      expect(await t.db.auditLog.count(), label).toBe(count);
      expect(await t.db.auditLog.findUniqueOrThrow({ where: { id: entry.id } }), label).toEqual(entry);
    }
    expect(await t.db.auditLog.count()).toBe(count);
    expect(await t.db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
  });

  it("so a user with history cannot be deleted (deactivate instead)", async () => {
    const author = await t.db.auditLog.findFirst({ where: { userId: { not: null } } });
    if (!author) {
      await t.db.auditLog.create({ data: { entity: "Test", entityId: "2", action: "create", userId: (await t.db.user.findFirstOrThrow()).id } });
    }
    const userId = author?.userId ?? (await t.db.auditLog.findFirstOrThrow({ where: { userId: { not: null } } })).userId!;
    await expect(t.db.user.delete({ where: { id: userId } })).rejects.toThrow();
    expect(await t.db.user.findUnique({ where: { id: userId } })).not.toBeNull();
  });
});

describe("no application code edits or deletes audit entries", () => {
  const SRC = path.join(process.cwd(), "src");
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === "generated" ? [] : files(p);
      return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
    });

  it("nothing in src calls update/delete/upsert on the audit log or writes SQL against it", () => {
    const offenders: string[] = [];
    for (const file of files(SRC)) {
      const text = fs.readFileSync(file, "utf8");
      if (/auditLog\s*\.\s*(update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\b/.test(text)) offenders.push(`${file}: Prisma write`);
      if (/(update|delete\s+from|truncate)\s+"?AuditLog"?/i.test(text)) offenders.push(`${file}: SQL write`);
    }
    expect(offenders).toEqual([]);
  });

  it("every registered endpoint module writes audit entries only through audit()", () => {
    const modules = [...new Set(ENDPOINTS.map((e) => e.id.split("#")[0]))];
    for (const m of modules) {
      const text = fs.readFileSync(path.join(process.cwd(), m), "utf8");
      expect(text, m).not.toMatch(/auditLog\s*\./);
    }
  });
});
