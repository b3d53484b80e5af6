// Two people saving the same quarter: the rows that did not clash are written, every clashing
// row comes back with the other person's figures, who and when, and the choice made for each
// ("giữ của tôi" is a retry at their version; "lấy của họ" sends nothing) goes through.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs, actorFor } from "../support/actors";
import { saveReport } from "@/server/reports/actions";
import { entryInputFor, type EntryShape } from "@/domain/reporting/entry";

const t = setupTestDb();
const YEAR = 2025;
const Q = 4;

type Ind = EntryShape & { id: string };
/** A valid entry for any indicator, scaled by k so two people's figures differ. */
function entry(ind: Ind, k: number) {
  switch (entryInputFor(ind)) {
    case "RATIO":
      return { numerator: k, denominator: 10, value: null, done: null };
    case "DONE":
      return { numerator: null, denominator: null, value: null, done: k % 2 === 0 };
    default:
      return { numerator: null, denominator: null, value: k, done: null };
  }
}

describe("save conflicts, row by row", () => {
  it("two conflicting and three clean rows: three written, both conflicts returned with who and when; the resolution writes what was chosen", async () => {
    const plan = await t.db.plan.findFirstOrThrow({ where: { commune: { name: "Xã Hành Dũng" }, year: YEAR }, include: { indicators: { orderBy: { position: "asc" } } } });
    const rows = plan.indicators.filter((i) => i.targetRule !== "NONE" && entryInputFor(i) !== "DONE").slice(0, 5) as unknown as Ind[];
    expect(rows).toHaveLength(5);
    const [a, b, c, d, e] = rows;
    const versionOf = async (id: string) =>
      (await t.db.indicatorValue.findFirst({ where: { indicatorId: id, period: { year: YEAR, quarter: Q } } }))?.version ?? null;
    // Both open the page now: the versions each browser holds.
    const loaded = new Map<string, number | null>();
    for (const r of rows) loaded.set(r.id, await versionOf(r.id));

    await actAs("hanhdung.chutich");
    const chairman = await saveReport({ year: YEAR, quarter: Q, indicators: [a, b].map((r) => ({ indicatorId: r.id, version: loaded.get(r.id)!, ...entry(r, 3) })) });
    expect(chairman).toMatchObject({ ok: true, data: { saved: 2, conflicts: [] } });

    await actAs("hanhdung.canbo");
    const clerk = await saveReport({ year: YEAR, quarter: Q, indicators: rows.map((r) => ({ indicatorId: r.id, version: loaded.get(r.id)!, ...entry(r, 7) })) });
    expect(clerk.ok).toBe(true);
    if (!clerk.ok) return;
    expect(clerk.data.saved).toBe(3);
    expect(clerk.data.conflicts.map((x) => x.rowId).sort()).toEqual([a.id, b.id].sort());
    const chairmanName = (await t.db.user.findUniqueOrThrow({ where: { username: "hanhdung.chutich" } })).fullName;
    for (const conflict of clerk.data.conflicts) {
      expect(conflict.updatedBy).toBe(chairmanName);
      expect(conflict.updatedAt).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      expect(conflict.version).toBe(await versionOf(conflict.rowId));
    }
    const stored = async (r: Ind) => {
      const v = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: r.id, period: { year: YEAR, quarter: Q } } });
      return { numerator: v.numerator?.toNumber() ?? null, value: v.value?.toNumber() ?? null, updatedById: v.updatedById };
    };
    const clerkId = (await actorFor("hanhdung.canbo")).id;
    const chairmanId = (await actorFor("hanhdung.chutich")).id;
    for (const r of [c, d, e]) expect(await stored(r)).toMatchObject({ updatedById: clerkId });
    for (const r of [a, b]) expect(await stored(r)).toMatchObject({ updatedById: chairmanId });

    // The clerk keeps hers for A (a retry at the version the conflict named) and takes the chairman's for B (nothing sent).
    const theirsA = clerk.data.conflicts.find((x) => x.rowId === a.id)!;
    const retry = await saveReport({ year: YEAR, quarter: Q, indicators: [{ indicatorId: a.id, version: theirsA.version, ...entry(a, 7) }] });
    expect(retry).toMatchObject({ ok: true, data: { saved: 1, conflicts: [] } });
    const mine = entry(a, 7);
    expect(await stored(a)).toMatchObject({ numerator: mine.numerator, value: mine.value, updatedById: clerkId });
    const theirs = entry(b, 3);
    expect(await stored(b)).toMatchObject({ numerator: theirs.numerator, value: theirs.value, updatedById: chairmanId });
    // The overwrite is audited with the chairman's figures as "before".
    const value = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: a.id, period: { year: YEAR, quarter: Q } } });
    const last = await t.db.auditLog.findFirstOrThrow({ where: { entityId: value.id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ userId: clerkId, action: "update" });
  });
});
