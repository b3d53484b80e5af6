// Plans in force (issue 14): reports are judged and submitted only against a plan that is in
// force: approved by the level above, or issued by the commune where its province does not
// review commune plans (OrgUnit.reviewsPlans on the province). Each time a plan comes into force
// (first issue, then each amendment) its rows are kept as a numbered version with the reason.
import type { Prisma } from "@/generated/prisma/client";
import { getDb, type Db } from "@/server/db";
import { UserError } from "@/server/errors";
import { planHasVersionInForce } from "@/domain/reporting/workflow";
import { recordPlanVersion } from "./versions";

type Tx = Prisma.TransactionClient;

/** The province's setting, walking up from the commune (district or not). */
export async function provinceReviewsPlans(tx: Tx, communeId: string): Promise<boolean> {
  let id: string | null = communeId;
  for (let depth = 0; id && depth < 4; depth++) {
    const unit: { level: string; parentId: string | null; reviewsPlans: boolean } | null = await tx.orgUnit.findUnique({ where: { id }, select: { level: true, parentId: true, reviewsPlans: true } });
    if (!unit) break;
    if (unit.level === "PROVINCE") return unit.reviewsPlans;
    id = unit.parentId;
  }
  return true;
}

/** Refuses a report's submission while any plan of the commune's year is not in force. */
export async function refuseReportWithoutPlanInForce(tx: Tx, communeId: string, year: number) {
  const plans = await tx.plan.findMany({ where: { communeId, year }, select: { title: true, status: true, versionNo: true } });
  if (plans.length === 0) throw new UserError(`Xã chưa có kế hoạch năm ${year}: chưa thể nộp báo cáo.`);
  const reviews = await provinceReviewsPlans(tx, communeId);
  // While an amendment is open, the last version in force stays in force: reports go on.
  const notInForce = plans.filter((p) => !planHasVersionInForce(p.status, p.versionNo, reviews));
  if (notInForce.length) {
    const what = reviews ? "chưa được cấp trên phê duyệt" : "chưa được ban hành";
    throw new UserError(`Chưa thể nộp báo cáo: kế hoạch "${notInForce[0].title.slice(0, 80)}" ${what} (chưa có hiệu lực). Báo cáo chỉ được đánh giá theo kế hoạch đang có hiệu lực.`);
  }
}

/** Next version number, the reason of the amendment that led here (if any), and the rows kept. */
export async function bringPlanIntoForce(tx: Tx, planId: string, actorId: string, at: Date) {
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: planId }, select: { versionNo: true } });
  const versionNo = plan.versionNo + 1;
  // The reason is the one given when the plan in force was reopened or amended.
  const amendment = versionNo > 1
    ? await tx.reviewDecision.findFirst({ where: { planId, action: { in: ["amend", "reopen"] } }, orderBy: { createdAt: "desc" }, select: { comment: true } })
    : null;
  await tx.plan.update({ where: { id: planId }, data: { versionNo, inForceAt: at } });
  await recordPlanVersion(tx, planId, versionNo, amendment?.comment ?? null, actorId, at);
}

/**
 * When each plan of the communes' years first came into force (its version 1), by plan id:
 * from the earliest of them a commune's quarterly reports of that year are owed (timeliness).
 */
export async function plansInForceSince(communeIds: string[], years: number[], given?: Db): Promise<Map<string, Date>> {
  const db = given ?? (await getDb());
  // One statement: the plan is a filter here, not a selected relation (which would be a second).
  const rows = await db.planVersion.findMany({ where: { versionNo: 1, plan: { communeId: { in: communeIds }, year: { in: years } } }, select: { planId: true, createdAt: true } });
  return new Map(rows.map((r) => [r.planId, r.createdAt]));
}

/** The earliest of those dates per commune and year, keyed "communeId:year". */
export function inForceByCommuneYear(plans: { id: string; communeId: string; year: number }[], sinceByPlan: Map<string, Date>): Map<string, Date> {
  const since = new Map<string, Date>();
  for (const p of plans) {
    const at = sinceByPlan.get(p.id);
    const key = `${p.communeId}:${p.year}`;
    const known = since.get(key);
    if (at && (!known || at < known)) since.set(key, at);
  }
  return since;
}
