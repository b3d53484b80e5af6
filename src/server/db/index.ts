export { getDb, setDatabase, createPrismaClient, type Db } from "./client";
export { Prisma } from "@/generated/prisma/client";
