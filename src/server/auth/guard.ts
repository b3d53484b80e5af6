// Server-side checks used by every page, action and route handler.
import { forbidden, redirect } from "next/navigation";
import { ForbiddenError } from "@/server/errors";
import { getDb, type Db } from "@/server/db";
import { getActor, type Actor } from "./actor";
import { roleMay, type Permission } from "./permissions";

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
  if (permission && !roleMay(actor.role, permission)) throw new ForbiddenError();
  return actor;
}

/** For pages: sends a signed-out visitor to the sign-in page. */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/dang-nhap");
  if (permission && !roleMay(actor.role, permission)) forbidden();
  return actor;
}

/** Ids of the communes this user may see: their own; a reviewer's whole subtree; all for admin. */
type Reader = Pick<Db, "orgUnit">;

/** Pass the transaction when called inside one: an embedded database has a single connection. */
export async function communeIdsInScope(actor: Actor, client?: Reader): Promise<string[]> {
  if (actor.orgLevel === "COMMUNE") return [actor.orgUnitId];
  const db = client ?? (await getDb());
  const where =
    actor.role === "ADMIN"
      ? { level: "COMMUNE" as const }
      : {
          level: "COMMUNE" as const,
          OR: [{ parentId: actor.orgUnitId }, { parent: { parentId: actor.orgUnitId } }],
        };
  const rows = await db.orgUnit.findMany({ where, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function assertCommuneInScope(actor: Actor, communeId: string, client?: Reader): Promise<void> {
  if (actor.orgLevel === "COMMUNE") {
    if (actor.orgUnitId !== communeId) throw new ForbiddenError("Bạn chỉ được xem và thay đổi dữ liệu của xã mình.");
    return;
  }
  const ids = await communeIdsInScope(actor, client);
  if (!ids.includes(communeId)) throw new ForbiddenError("Xã này không thuộc đơn vị bạn phụ trách.");
}
