// Server-side checks used by every page, action and route handler. What is allowed is decided
// by the policy (src/domain/policy.ts); this module finds the actor and the communes they
// oversee, and turns a refusal into the right response: an error for actions and routes,
// forbidden() / notFound() for pages.
import "server-only";
import { cache } from "react";
import { forbidden, notFound, redirect } from "next/navigation";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import { getDb, type Db } from "@/server/db";
import { can, isCommuneUser, refusal, type Permission } from "@/domain/policy";
import { getActor, type Actor } from "./actor";

export class UnauthenticatedError extends ForbiddenError {
  constructor() {
    super("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.");
    this.name = "UnauthenticatedError";
  }
}

/** For actions and route handlers: throws when signed out or not allowed. */
export async function requireActor(permission?: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new UnauthenticatedError();
  const why = permission ? refusal(actor, permission) : null;
  if (why) throw new ForbiddenError(why);
  return actor;
}

/** For pages: sends a signed-out visitor to the sign-in page, refuses with forbidden(). */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/dang-nhap");
  if (permission && !can(actor, permission)) forbidden();
  return actor;
}

/**
 * For pages: a loader's refusal becomes the one way pages refuse, forbidden() or notFound(),
 * instead of each page rendering its own message.
 */
export async function orRefusePage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
}

type Reader = Pick<Db, "orgUnit">;

/**
 * Ids of the communes this user may see: their own; a reviewer's whole subtree; all for admin.
 * Pass the transaction when called inside one: an embedded database has a single connection.
 */
export async function communeIdsInScope(actor: Actor, client?: Reader): Promise<string[]> {
  if (isCommuneUser(actor)) return [actor.orgUnitId];
  if (client) return scopeRows(client, actor.role, actor.orgUnitId);
  return scopeOfRequest(actor.role, actor.orgUnitId);
}

async function scopeRows(db: Reader, role: Actor["role"], orgUnitId: string): Promise<string[]> {
  const where =
    role === "ADMIN"
      ? { level: "COMMUNE" as const }
      : {
          level: "COMMUNE" as const,
          OR: [{ parentId: orgUnitId }, { parent: { parentId: orgUnitId } }],
        };
  const rows = await db.orgUnit.findMany({ where, select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * Once per page render: a page and its loaders each ask (the comparison asked twice). React's
 * cache() scopes it to the render; in actions, route handlers and tests it reads every time, so
 * a write never sees a scope read before it. The list is shared: callers must not mutate it.
 */
const scopeOfRequest = cache(async (role: Actor["role"], orgUnitId: string) => scopeRows(await getDb(), role, orgUnitId));

/** Throws unless `actor` may use `permission` on this commune (their own, or one they oversee). */
export async function assertCan(actor: Actor, permission: Permission, communeId: string, client?: Reader): Promise<void> {
  const overseen = isCommuneUser(actor) ? undefined : await communeIdsInScope(actor, client);
  const why = refusal(actor, permission, { communeId, overseen });
  if (why) throw new ForbiddenError(why);
}

/** Reading a commune's data: the commune itself, the reviewers above it, the admin. */
export async function assertCommuneInScope(actor: Actor, communeId: string, client?: Reader): Promise<void> {
  await assertCan(actor, "report.read", communeId, client);
}

/** Throws unless `actor` may use `permission` at all (loaders that are handed the actor). */
export function assertMay(actor: Actor, permission: Permission): void {
  const why = refusal(actor, permission);
  if (why) throw new ForbiddenError(why);
}

/** The commune a commune user writes for: their own, never one named by the browser. */
export function ownCommuneOf(actor: Actor, permission: Permission): string {
  assertMay(actor, permission);
  return actor.orgUnitId;
}
