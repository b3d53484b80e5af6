"use server";

// Reviewers approve, return (with comments) or reopen what communes submit; communes submit
// their plans. Every transition goes through applyTransition.
import { cleanInput } from "@/domain/text";
import { runAction } from "@/server/action";
import { write } from "@/server/db/write";
import { revalidate } from "@/server/revalidate";
import { UserError, type ActionResult } from "@/server/errors";
import { id, z } from "@/server/validation";
import { applyTransition } from "./workflow";

const COMMENT_MAX = 4000;
const comment = z.string().max(COMMENT_MAX, `Ý kiến tối đa ${COMMENT_MAX} ký tự.`).nullable().optional().transform((v) => (v ? cleanInput(v) : v));

const decisionSchema = z.object({
  subjectType: z.enum(["plan", "report"], { error: "Loại hồ sơ không hợp lệ." }),
  subjectId: id("Hồ sơ"),
  decision: z.enum(["approve", "return", "reopen"], { error: "Quyết định không hợp lệ." }),
  comment,
  rowComments: z
    .array(z.object({ indicatorId: id().nullable().optional(), taskId: id().nullable().optional(), comment: z.string().max(COMMENT_MAX, `Ý kiến tối đa ${COMMENT_MAX} ký tự.`).transform(cleanInput) }))
    .max(1000)
    .default([]),
});

export type DecisionInput = z.input<typeof decisionSchema>;

const MESSAGES = { approve: "Đã duyệt.", return: "Đã trả lại cho xã kèm ý kiến.", reopen: "Đã mở lại hồ sơ và chuyển về xã." } as const;

export async function decideSubmission(input: DecisionInput): Promise<ActionResult<{ status: string }>> {
  const result = await runAction("review.decide", decisionSchema, input, async (actor, data) => {
    const outcome = await write((tx) =>
      applyTransition(tx, actor, {
        subject: { type: data.subjectType, id: data.subjectId },
        transition: data.decision,
        comment: data.comment,
        rowComments: data.rowComments,
      }),
    );
    revalidate("/xet-duyet");
    return { status: outcome.status };
  });
  if (result.ok) result.message = MESSAGES[(input as { decision: keyof typeof MESSAGES }).decision];
  return result;
}

/** Form-post variant for the review page: decision comes from the button pressed. */
export async function decideSubmissionForm(_: ActionResult<unknown> | null, formData: FormData) {
  const rowComments: { indicatorId?: string; taskId?: string; comment: string }[] = [];
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || !value.trim()) continue;
    const m = /^row:(indicator|task):(.+)$/.exec(key);
    if (m) rowComments.push(m[1] === "indicator" ? { indicatorId: m[2], comment: value } : { taskId: m[2], comment: value });
  }
  return decideSubmission({
    subjectType: String(formData.get("subjectType") ?? "") as "plan",
    subjectId: String(formData.get("subjectId") ?? ""),
    decision: String(formData.get("decision") ?? "") as "approve",
    comment: (formData.get("comment") as string | null)?.normalize("NFC") ?? null,
    rowComments,
  });
}

export async function submitPlan(input: { planId: string }) {
  return runAction("plan.submit", z.object({ planId: id("Kế hoạch") }), input, async (actor, data) => {
    await write(async (tx) => {
      await applyTransition(tx, actor, {
        subject: { type: "plan", id: data.planId },
        transition: "submit",
        // Whether the plan is empty is told only after the commune is checked.
        contentCheck: async () => {
          const counts = await tx.plan.findUnique({ where: { id: data.planId }, select: { _count: { select: { tasks: true, indicators: true } } } });
          if (counts && counts._count.tasks + counts._count.indicators === 0) throw new UserError("Kế hoạch chưa có nhiệm vụ hay chỉ tiêu nào, chưa thể nộp.");
        },
      });
    });
    revalidate("/ke-hoach");
    return null;
  }, "Đã nộp kế hoạch lên cấp trên.");
}

// Report deadlines are set on the reporting calendar: src/server/calendar/actions.ts.

/**
 * Issue 14: the commune amends (điều chỉnh) a plan in force, saying why. The plan goes back to
 * the commune for editing and is reviewed again; the version in force is kept, and reports
 * already on file keep what they were judged against.
 */
export async function amendPlan(input: { planId: string; reason: string }) {
  return runAction("plan.submit", z.object({ planId: id("Kế hoạch"), reason: z.string().trim().min(1, "Nêu lý do điều chỉnh.").max(COMMENT_MAX, `Lý do tối đa ${COMMENT_MAX} ký tự.`) }), input, async (actor, data) => {
    await write((tx) => applyTransition(tx, actor, { subject: { type: "plan", id: data.planId }, transition: "amend", comment: data.reason.normalize("NFC") }));
    revalidate("/ke-hoach");
    return null;
  }, "Đã mở kế hoạch để điều chỉnh. Sửa các dòng cần điều chỉnh rồi nộp lại để cấp trên xét duyệt.");
}
