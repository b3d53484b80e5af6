import type { Db } from "@/server/db";

/** The demo is loaded only into a database with no units at all: never over real data. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.orgUnit.count()) === 0;
}
