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

/**
 * Each province with its setting "reviews commune plans", how many communes it has and how many
 * of their plans wait for review: what the admin needs to decide (issue 14). Three statements.
 */
export async function adminPlanReview(actor: Actor) {
  assertMay(actor, "admin.read");
  const db = await getDb();
  const [provinces, districts, communes] = await Promise.all([
    db.orgUnit.findMany({ where: { level: "PROVINCE" }, orderBy: { name: "asc" }, select: { id: true, name: true, reviewsPlans: true } }),
    db.orgUnit.findMany({ where: { level: "DISTRICT" }, select: { id: true, parentId: true } }),
    db.orgUnit.findMany({ where: { level: "COMMUNE" }, select: { id: true, parentId: true, plans: { where: { status: "SUBMITTED" }, select: { id: true } } } }),
  ]);
  const provinceOfDistrict = new Map(districts.map((d) => [d.id, d.parentId]));
  const provinceOf = (parentId: string | null) => (parentId ? (provinceOfDistrict.get(parentId) ?? parentId) : null);
  return provinces.map((p) => {
    const own = communes.filter((c) => provinceOf(c.parentId) === p.id);
    return { ...p, communes: own.length, waitingPlans: own.reduce((n, c) => n + c.plans.length, 0) };
  });
}
