// Returned submissions the commune must act on: shown as badges in the menu.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { isCommuneUser } from "@/domain/policy";

export async function returnedCounts(actor: Actor): Promise<{ reports: number; plans: number }> {
  if (!isCommuneUser(actor)) return { reports: 0, plans: 0 };
  const db = await getDb();
  const [reports, plans] = await Promise.all([
    db.quarterlyReport.count({ where: { communeId: actor.orgUnitId, status: "RETURNED" } }),
    db.plan.count({ where: { communeId: actor.orgUnitId, status: "RETURNED" } }),
  ]);
  return { reports, plans };
}
