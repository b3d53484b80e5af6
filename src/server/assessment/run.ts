// The one opening of every assessment write: the actor's permission and the input checked
// (runAction), then, in one transaction (write()), the assessment or criteria set locked and
// the caller's right to it checked before the handler runs; the page refreshed after commit.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import type { Permission } from "@/domain/policy";
import { runAction } from "@/server/action";
import { write } from "@/server/db/write";
import { revalidate } from "@/server/revalidate";
import type { z } from "@/server/validation";
import { lockAssessment, lockSet } from "./access";

export type Tx = Prisma.TransactionClient;
export type LockedAssessment = Awaited<ReturnType<typeof lockAssessment>>;
export type LockedSet = Awaited<ReturnType<typeof lockSet>>;

export const assessmentPath = (id: string) => `/cham-diem/${id}`;
export const setPath = (id: string) => `/cham-diem/bo-tieu-chi/${id}`;
/** "VII.1.1": the code a clerk and a reviewer call a sub-criterion by. */
export const codeOf = (s: { code: string; criterion: { area: { code: string } } }) => `${s.criterion.area.code}.${s.code}`;

/** A write on one commune's assessment, by the commune or by the reviewer above it. */
export function assessmentAction<S extends z.ZodType<{ assessmentId: string }>, T>(
  permission: Permission,
  side: "commune" | "reviewer",
  schema: S,
  input: unknown,
  handler: (t: Tx, actor: Actor, a: LockedAssessment, data: z.output<S>) => Promise<T>,
  successMessage: string,
  alsoRevalidate: string[] = [],
) {
  return runAction(permission, schema, input, async (actor, data) => {
    const result = await write(async (t) => handler(t, actor, await lockAssessment(t, actor, data.assessmentId, side), data));
    for (const p of [assessmentPath(data.assessmentId), ...alsoRevalidate]) revalidate(p);
    return result;
  }, successMessage);
}

/** A write on a criteria set the caller manages. */
export function setAction<S extends z.ZodType<{ setId: string }>, T>(
  schema: S,
  input: unknown,
  handler: (t: Tx, actor: Actor, set: LockedSet, data: z.output<S>) => Promise<T>,
  successMessage?: string,
  alsoRevalidate: string[] = [],
) {
  return runAction("assessment.criteria.write", schema, input, async (actor, data) => {
    const result = await write(async (t) => handler(t, actor, await lockSet(t, actor, data.setId), data));
    for (const p of [setPath(data.setId), ...alsoRevalidate]) revalidate(p);
    return result;
  }, successMessage);
}
