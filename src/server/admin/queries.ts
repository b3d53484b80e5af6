import "server-only";
import { assertMay } from "@/server/auth/guard";
import type { Actor } from "@/server/auth/actor";
import { getDb } from "@/server/db";

export async function adminOrgUnits(actor: Actor) {
  assertMay(actor, "admin.read");
  const db = await getDb();
  return db.orgUnit.findMany({
    orderBy: [{ level: "asc" }, { name: "asc" }],
    include: {
      responsibleUnits: { orderBy: { name: "asc" }, select: { id: true, name: true, active: true } },
      _count: { select: { users: true, plans: true } },
    },
  });
}

export async function adminUsers(actor: Actor) {
  assertMay(actor, "admin.read");
  const db = await getDb();
  return db.user.findMany({
    orderBy: [{ orgUnit: { name: "asc" } }, { username: "asc" }],
    omit: { passwordHash: true },
    include: { orgUnit: { select: { name: true, level: true } }, responsibleUnit: { select: { name: true } } },
  });
}

export async function adminUser(actor: Actor, id: string) {
  assertMay(actor, "admin.read");
  const db = await getDb();
  return db.user.findUnique({ where: { id }, omit: { passwordHash: true }, include: { orgUnit: true } });
}
