// Issue 18, findings 6, 7 and 10 against a real database: invisible text is not content,
// targets have one bound in the importer and the editor, and a plan's emptiness is told only
// to someone whose commune it is.
import { beforeAll, describe, expect, it } from "vitest";
import { parsedIndicator, parsedPlan } from "../support/parsed-plan";
import type { ParsedTarget } from "@/domain/plan-import/types";
import { setupTestDb } from "../support/demo-db";
import { actAs, formData } from "../support/actors";
import { addIndicator, addTask, createPlan, updatePlan } from "@/server/plans/edit-actions";
import { parsedPlanSchema } from "@/server/plans/schemas";
import { submitPlan } from "@/server/review/actions";
import { cleanInput } from "@/domain/text";
import { TARGET_VALUE_MAX } from "@/domain/plan-import/target";

const t = setupTestDb();
let planId: string;
const ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff";

beforeAll(async () => {
  await actAs("hanhdung.canbo");
  const created = await createPlan(null, formData({ title: "Kế hoạch kiểm tra bảo mật 2026", kind: "OTHER", year: "2026" }));
  if (!created.ok) throw new Error(created.error);
  planId = (created.data as { id: string }).id;
}, 180_000);

describe("invisible characters are not content (finding 6)", () => {
  it("cleanInput cuts zero-width and bidi controls at the edges and keeps the text between", () => {
    expect(cleanInput(ZERO_WIDTH)).toBe("");
    expect(cleanInput(`\u202e\u2066 ${ZERO_WIDTH}`)).toBe("");
    expect(cleanInput(`\u200bKế hoạch\u200d `)).toBe("Kế hoạch");
    expect(cleanInput("Ba\u0301o ca\u0301o")).toBe("Báo cáo");
  });

  it("a plan title, task text made only of zero-width characters is refused; edges are cut", async () => {
    await actAs("hanhdung.canbo");
    const before = await t.db.plan.count();
    const refused = await createPlan(null, formData({ title: ZERO_WIDTH, kind: "OTHER", year: "2026" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { title: "Tên kế hoạch: bắt buộc nhập." } });
    expect(await t.db.plan.count()).toBe(before);

    const task = await addTask(null, formData({ planId, content: `${ZERO_WIDTH}\n\u2060` }));
    expect(task).toMatchObject({ ok: false, fieldErrors: { content: expect.stringMatching(/bắt buộc/) } });
    expect(await t.db.task.count({ where: { planId } })).toBe(0);

    const renamed = await updatePlan(null, formData({ planId, title: "\u200bKế hoạch kiểm tra bảo mật 2026\ufeff", kind: "OTHER", year: "2026", documentNumber: ZERO_WIDTH }));
    expect(renamed).toMatchObject({ ok: true });
    const saved = await t.db.plan.findUniqueOrThrow({ where: { id: planId } });
    expect(saved.title).toBe("Kế hoạch kiểm tra bảo mật 2026");
    expect(saved.documentNumber).toBeNull();
  });

  it("the importer refuses the same", () => {
    const parsed = parsedPlanSchema.safeParse(importedPlan({ title: ZERO_WIDTH }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain("Tên kế hoạch: bắt buộc nhập.");
  });
});

describe("one bound for numeric targets (finding 7)", () => {
  it("the editor refuses a target too large for the database with a message, not a system error", async () => {
    await actAs("hanhdung.canbo");
    for (const targetText of ["Tối thiểu 10.000.000.000.000", "Không dưới 20.000.000.000 hồ sơ"]) {
      const result = await addIndicator(null, formData({ planId, name: "Số hồ sơ", targetText }));
      expect(result, targetText).toMatchObject({ ok: false, error: `Mức chỉ tiêu quá lớn: tối đa ${TARGET_VALUE_MAX.toLocaleString("vi-VN")}.` });
    }
    expect(await t.db.indicator.count({ where: { planId } })).toBe(0);
  });

  it("'Tối thiểu 1e400' is refused instead of being saved as a target of 1", async () => {
    await actAs("hanhdung.canbo");
    const result = await addIndicator(null, formData({ planId, name: "Số hồ sơ", targetText: "Tối thiểu 1e400" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { targetText: expect.stringMatching(/không dùng dạng lũy thừa/) } });
    expect(await t.db.indicator.count({ where: { planId } })).toBe(0);
    // The bound itself is accepted.
    expect(await addIndicator(null, formData({ planId, name: "Số hồ sơ", targetText: "Tối thiểu 1.000.000.000" }))).toMatchObject({ ok: true });
  });

  it("the importer applies the same bound and refusal", () => {
    const tooBig = parsedPlanSchema.safeParse(importedPlan({ target: { text: "Tối thiểu 2.000.000.000", rule: "AT_LEAST", value: 2e9, unit: null, referenceYear: null } }));
    expect(tooBig.error?.issues.map((i) => i.message)).toContain(`Mức chỉ tiêu quá lớn: tối đa ${TARGET_VALUE_MAX.toLocaleString("vi-VN")}.`);
    const exponent = parsedPlanSchema.safeParse(importedPlan({ target: { text: "Tối thiểu 1e400", rule: "AT_LEAST", value: 1, unit: null, referenceYear: null } }));
    expect(exponent.error?.issues.map((i) => i.message).join(" ")).toMatch(/không dùng dạng lũy thừa/);
    expect(parsedPlanSchema.safeParse(importedPlan({})).success).toBe(true);
  });
});

describe("scope before content (finding 10)", () => {
  it("another commune's chairman submitting an empty plan is told it is not theirs, not that it is empty", async () => {
    const empty = await createPlanAs("hanhdung.canbo", "Kế hoạch trống 2026");
    await actAs("tanduc.chutich");
    const foreign = await submitPlan({ planId: empty });
    expect(foreign.ok).toBe(false);
    expect(foreign).not.toMatchObject({ error: expect.stringMatching(/chưa có nhiệm vụ/) });
    expect(foreign).toMatchObject({ error: "Chỉ xã có hồ sơ mới được nộp hồ sơ đó." });
    // The owner's chairman is told it is empty.
    await actAs("hanhdung.chutich");
    expect(await submitPlan({ planId: empty })).toMatchObject({ ok: false, error: "Kế hoạch chưa có nhiệm vụ hay chỉ tiêu nào, chưa thể nộp." });
  });
});

async function createPlanAs(username: string, title: string): Promise<string> {
  await actAs(username);
  const created = await createPlan(null, formData({ title, kind: "OTHER", year: "2026" }));
  if (!created.ok) throw new Error(created.error);
  return (created.data as { id: string }).id;
}

function importedPlan(over: { title?: string; target?: unknown }) {
  // The target may be deliberately malformed: the server must refuse it, so no type holds it.
  const indicator = parsedIndicator({ target: (over.target ?? { text: "Tối thiểu 60", rule: "AT_LEAST", value: 60, unit: null, referenceYear: null }) as ParsedTarget });
  return parsedPlan([indicator], { title: over.title ?? "Kế hoạch nhập" });
}
