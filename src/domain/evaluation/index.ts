// Evaluation of plans against their targets: one implementation shared by the quarterly report
// (in the browser), the chairman's dashboard, the reviewer comparison and generated documents.
// Pure functions only: no I/O, no Prisma, no Node APIs.

export * from "./year-to-date";
export * from "./status";
export * from "./tasks";
export * from "./by-unit";
export * from "./decision-766";
