import "server-only";
export { getDb, setDatabase, createPrismaClient, TRANSACTION_OPTIONS, type Db } from "./client";
export { Prisma } from "@/generated/prisma/client";
