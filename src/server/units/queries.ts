// Reads of the commune's unit register, with how many plan rows each unit answers for.
import type { Actor } from "@/server/auth/actor";
import { assertCommuneInScope } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { isCommuneUser } from "@/domain/policy";

/** The commune the register page shows: a commune user's own; the admin picks one (default: the first). */
export async function registerCommune(actor: Actor, requested: string | undefined) {
  const db = await getDb();
  if (isCommuneUser(actor)) return db.orgUnit.findUniqueOrThrow({ where: { id: actor.orgUnitId }, select: { id: true, name: true } });
  const communes = await db.orgUnit.findMany({ where: { level: "COMMUNE" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const chosen = communes.find((c) => c.id === requested) ?? communes[0] ?? null;
  if (chosen) await assertCommuneInScope(actor, chosen.id);
  return chosen;
}

export async function listCommunesForRegister(actor: Actor) {
  if (isCommuneUser(actor)) return [];
  const db = await getDb();
  return db.orgUnit.findMany({ where: { level: "COMMUNE" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function loadRegister(actor: Actor, communeId: string) {
  await assertCommuneInScope(actor, communeId);
  const db = await getDb();
  const [units, merged] = await Promise.all([
    db.responsibleUnit.findMany({
      where: { communeId, mergedIntoId: null },
      orderBy: [{ active: "desc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        kind: true,
        aliases: true,
        active: true,
        version: true,
        _count: { select: { leadTasks: true, coordinatingTasks: true, monitoredIndicators: true, implementedIndicators: true, users: true } },
      },
    }),
    db.responsibleUnit.count({ where: { communeId, mergedIntoId: { not: null } } }),
  ]);
  return { units, mergedCount: merged };
}

/** Where a unit id now lives: itself, or the unit it was merged into (old links and filters). */
export async function currentUnitId(communeId: string, unitId: string): Promise<string | null> {
  const db = await getDb();
  const unit = await db.responsibleUnit.findFirst({ where: { id: unitId, communeId }, select: { id: true, mergedIntoId: true } });
  return unit ? (unit.mergedIntoId ?? unit.id) : null;
}
