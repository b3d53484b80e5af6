// Who may touch which criteria set and which commune's assessment. Ids come from the browser
// and are checked here, inside the write transaction, never trusted.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { assertCommuneInScope } from "@/server/auth/guard";
import { ForbiddenError, NotFoundError, UserError } from "@/server/errors";
import { isCommuneUser } from "@/domain/policy";

type Tx = Prisma.TransactionClient;

/** The unit whose sets a reviewer manages: their own. The admin names one (a province or district). */
export async function issuerFor(tx: Tx, actor: Actor, requested: string | null | undefined): Promise<string> {
  if (actor.role === "REVIEWER") return actor.orgUnitId;
  if (actor.role !== "ADMIN") throw new ForbiddenError("Chỉ cán bộ thẩm định cấp tỉnh/huyện hoặc quản trị được quản lý bộ tiêu chí.");
  if (!requested) throw new UserError("Chọn đơn vị ban hành bộ tiêu chí.", { issuerUnitId: "Chọn đơn vị ban hành." });
  const unit = await tx.orgUnit.findUnique({ where: { id: requested }, select: { level: true } });
  if (!unit || unit.level === "COMMUNE") throw new UserError("Đơn vị ban hành phải là tỉnh hoặc huyện.", { issuerUnitId: "Đơn vị không hợp lệ." });
  return requested;
}

/** Locks the set and checks the caller manages it. */
export async function lockSet(tx: Tx, actor: Actor, setId: string) {
  await tx.$queryRaw`select id from "AssessmentSet" where id = ${setId} for update`;
  const set = await tx.assessmentSet.findUnique({ where: { id: setId } });
  if (!set) throw new NotFoundError("Không tìm thấy bộ tiêu chí.");
  if (actor.role === "ADMIN") return set;
  if (actor.role !== "REVIEWER" || actor.orgUnitId !== set.issuerUnitId) throw new ForbiddenError("Bộ tiêu chí này do đơn vị khác ban hành.");
  return set;
}

export function assertDraftSet(set: { status: string }) {
  if (set.status !== "DRAFT") throw new UserError("Bộ tiêu chí đã công bố thì không sửa trực tiếp được: hãy tạo bản điều chỉnh (có lý do).");
}

/** Locks an assessment; a commune user may only touch their own commune's. */
export async function lockAssessment(tx: Tx, actor: Actor, assessmentId: string, side: "commune" | "reviewer") {
  await tx.$queryRaw`select id from "Assessment" where id = ${assessmentId} for update`;
  const a = await tx.assessment.findUnique({ where: { id: assessmentId }, include: { set: { select: { id: true, year: true, issuerUnitId: true, title: true } } } });
  if (!a) throw new NotFoundError("Không tìm thấy bản chấm điểm.");
  if (side === "commune") {
    if (!isCommuneUser(actor) || actor.orgUnitId !== a.communeId) throw new ForbiddenError("Bạn chỉ được chấm điểm cho xã mình.");
  } else {
    if (actor.role !== "REVIEWER") throw new ForbiddenError("Chỉ cán bộ thẩm định cấp trên được thẩm định.");
    await assertCommuneInScope(actor, a.communeId, tx);
  }
  return a;
}

export function assertSubmitter(actor: Actor) {
  if (actor.role !== "CHAIRMAN" && !actor.canSubmit) throw new ForbiddenError("Chỉ Chủ tịch UBND xã (hoặc người được Chủ tịch cho phép) được gửi.");
}
