// What the account page reads besides the actor: the staff a chairman may let submit.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { can } from "@/domain/policy";

/** The commune's active staff with their submit permission; empty for anyone who may not delegate. */
export async function staffForDelegation(actor: Actor) {
  if (!can(actor, "commune.delegateSubmit")) return [];
  const db = await getDb();
  return db.user.findMany({
    where: { orgUnitId: actor.orgUnitId, role: "COMMUNE_STAFF", active: true },
    orderBy: { fullName: "asc" },
    select: { id: true, fullName: true, canSubmit: true },
  });
}

/** The signed-in user's own email address and how notices reach them by email. */
export async function emailPreferences(actor: Actor) {
  const db = await getDb();
  return db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, emailMode: true } });
}
