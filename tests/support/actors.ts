// Acting as a given user in integration tests: server actions see them as the session user.
import { loadActor, setActorResolverForTests, type Actor } from "@/server/auth/actor";
import { getDb } from "@/server/db";

export async function actorFor(username: string): Promise<Actor> {
  const db = await getDb();
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  const actor = await loadActor(user.id, null);
  if (!actor) throw new Error(`${username} is inactive`);
  return actor;
}

export async function actAs(username: string | null): Promise<Actor | null> {
  if (username === null) {
    setActorResolverForTests(async () => null);
    return null;
  }
  const actor = await actorFor(username);
  setActorResolverForTests(async () => loadActor(actor.id, null));
  return actor;
}

export function formData(fields: Record<string, string | undefined>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) fd.append(k, v);
  return fd;
}
