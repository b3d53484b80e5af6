export * from "./rules";
export * from "./scores";
export * from "./ranking";
export * from "./workflow";
export * from "./structure";
export * from "./add-node";
