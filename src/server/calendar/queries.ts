// Reads the reporting calendar for a set of communes in a few queries (never one per row)
// and resolves each commune's due dates with the domain rule.
import type { Prisma } from "@/generated/prisma/client";
import { getDb, type Db } from "@/server/db";
import { resolveDeadline, type ResolvedDeadline, type DeadlineRule } from "@/domain/calendar";

type Reader = Db | Prisma.TransactionClient;

const iso = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

export interface CommuneChain {
  communeId: string;
  communeName: string;
  district: { id: string; name: string } | null;
  /** With the province's setting: whether it reviews commune plans (issue 14). */
  province: { id: string; name: string; reviewsPlans: boolean } | null;
}

/**
 * Each commune's district (if any) and province: two flat queries (the communes, and every
 * unit above commune level, a few hundred even nationally) instead of one per tree level.
 */
export async function communeChains(communeIds: string[], client?: Reader): Promise<CommuneChain[]> {
  const db = client ?? (await getDb());
  const [communes, upper] = await Promise.all([
    db.orgUnit.findMany({ where: { id: { in: communeIds } }, select: { id: true, name: true, parentId: true } }),
    db.orgUnit.findMany({ where: { level: { not: "COMMUNE" } }, select: { id: true, name: true, level: true, parentId: true, reviewsPlans: true } }),
  ]);
  const byId = new Map(upper.map((u) => [u.id, u]));
  return communes.map((c) => {
    const p = c.parentId ? byId.get(c.parentId) : undefined;
    const gp = p?.parentId ? byId.get(p.parentId) : undefined;
    const district = p?.level === "DISTRICT" ? { id: p.id, name: p.name } : null;
    const province = p?.level === "PROVINCE" ? { id: p.id, name: p.name, reviewsPlans: p.reviewsPlans } : gp?.level === "PROVINCE" ? { id: gp.id, name: gp.name, reviewsPlans: gp.reviewsPlans } : null;
    return { communeId: c.id, communeName: c.name, district, province };
  });
}

/** The communes of the chains by name, with the unit directly above (district, else province). */
export function communesByName(chains: CommuneChain[]): { id: string; name: string; parentId: string | null; parentName: string | null }[] {
  return chains
    .map((c) => {
      const parent = c.district ?? c.province;
      return { id: c.communeId, name: c.communeName, parentId: parent?.id ?? null, parentName: parent?.name ?? null };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

export type DeadlineLookup = (communeId: string, year: number, quarter: number) => ResolvedDeadline;

/** Resolves due dates of the given communes for the given years: three queries in all. */
export async function calendarFor(communeIds: string[], years: number[], client?: Reader): Promise<{ chains: CommuneChain[]; deadline: DeadlineLookup }> {
  const db = client ?? (await getDb());
  const chains = await communeChains(communeIds, db);
  const unitIds = [...new Set(chains.flatMap((c) => [c.district?.id, c.province?.id]).filter((x): x is string => !!x))];
  const [entries, rules] = await Promise.all([
    db.reportingDeadline.findMany({ where: { orgUnitId: { in: unitIds }, year: { in: years } }, select: { orgUnitId: true, year: true, quarter: true, dueDate: true, cutoffDate: true } }),
    db.reportingDeadlineRule.findMany({ where: { orgUnitId: { in: unitIds } }, select: { orgUnitId: true, dayOfMonth: true, monthOffset: true } }),
  ]);
  const entryOf = (unitId: string | undefined, year: number, quarter: number) => entries.find((e) => e.orgUnitId === unitId && e.year === year && e.quarter === quarter);
  const ruleOf = (unitId: string | undefined): DeadlineRule | null => rules.find((r) => r.orgUnitId === unitId) ?? null;
  const byCommune = new Map(chains.map((c) => [c.communeId, c]));
  const cache = new Map<string, ResolvedDeadline>();
  const deadline: DeadlineLookup = (communeId, year, quarter) => {
    const key = `${communeId}:${year}:${quarter}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const chain = byCommune.get(communeId);
    const p = chain?.province;
    const d = chain?.district;
    const pe = entryOf(p?.id, year, quarter);
    const de = entryOf(d?.id, year, quarter);
    const resolved = resolveDeadline({
      year,
      quarter,
      province: p ? { unitName: p.name, dueDate: iso(pe?.dueDate), cutoffDate: iso(pe?.cutoffDate), rule: ruleOf(p.id) } : null,
      district: d ? { unitName: d.name, dueDate: iso(de?.dueDate), cutoffDate: iso(de?.cutoffDate) } : null,
    });
    cache.set(key, resolved);
    return resolved;
  };
  return { chains, deadline };
}

/** What a reviewing unit has set for a year, and the rule it uses (for its calendar page). */
export async function unitCalendar(orgUnitId: string, year: number) {
  const db = await getDb();
  const [unit, entries, rule] = await Promise.all([
    db.orgUnit.findUniqueOrThrow({ where: { id: orgUnitId }, select: { id: true, name: true, level: true, parent: { select: { id: true, name: true, level: true } } } }),
    db.reportingDeadline.findMany({ where: { orgUnitId, year }, select: { quarter: true, dueDate: true, cutoffDate: true } }),
    db.reportingDeadlineRule.findUnique({ where: { orgUnitId } }),
  ]);
  return {
    unit,
    entries: [1, 2, 3, 4].map((q) => {
      const e = entries.find((x) => x.quarter === q);
      return { quarter: q, dueDate: iso(e?.dueDate), cutoffDate: iso(e?.cutoffDate) };
    }),
    rule: rule ? { dayOfMonth: rule.dayOfMonth, monthOffset: rule.monthOffset } : null,
  };
}
