// Who is making this request, read from the session and re-checked against the database
// on every request: a deactivated user or a changed password ends the session at once.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import type { OrgLevel, Role } from "@/generated/prisma/enums";
import { getDb } from "@/server/db";
import { authOptions } from "./options";

export interface Actor {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  orgLevel: OrgLevel;
  responsibleUnitId: string | null;
  canSubmit: boolean;
}

type ActorResolver = () => Promise<Actor | null>;
const globalForActor = globalThis as unknown as { __cchcActorResolver?: ActorResolver };

/** Integration tests call server actions directly as a given user. */
export function setActorResolverForTests(resolver: ActorResolver | null): void {
  globalForActor.__cchcActorResolver = resolver ?? undefined;
}

export async function loadActor(userId: string, sessionVersion: number | null): Promise<Actor | null> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId }, include: { orgUnit: true } });
  if (!user || !user.active) return null;
  if (sessionVersion !== null && user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    orgUnitId: user.orgUnitId,
    orgUnitName: user.orgUnit.name,
    orgLevel: user.orgUnit.level,
    responsibleUnitId: user.responsibleUnitId,
    canSubmit: user.canSubmit,
  };
}

/**
 * Once per request: the layout and the page both ask, and each ask decrypted the session
 * cookie and read the user again. React's cache() scopes the result to the request being
 * rendered (outside a render, e.g. in tests and scripts, it does not cache at all).
 */
const actorOfSession = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const uid = session?.user?.id;
  if (!uid) return null;
  return loadActor(uid, session.user.sessionVersion ?? 0);
});

export async function getActor(): Promise<Actor | null> {
  if (globalForActor.__cchcActorResolver) return globalForActor.__cchcActorResolver();
  return actorOfSession();
}
