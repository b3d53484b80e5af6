// Every write of the app goes through one transaction with the one policy's options (set on the
// client, TRANSACTION_OPTIONS). A first write of a quarter creates rows under unique keys; two
// people doing that at the same moment collide, and the loser runs again and finds the rows
// the winner created. After a few tries the user is told to try again.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { ConflictError } from "@/server/errors";
import { getDb } from "./client";

type Tx = Prisma.TransactionClient;

const COLLISION_ATTEMPTS = 3;

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export interface WriteOptions {
  /** Retry on a unique-key collision; after the last try, refuse with this message. */
  onCollision?: string;
}

export async function write<T>(fn: (tx: Tx) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  const db = await getDb();
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn);
    } catch (error) {
      if (!options.onCollision || !isUniqueViolation(error)) throw error;
      if (attempt >= COLLISION_ATTEMPTS) throw new ConflictError(options.onCollision);
    }
  }
}
