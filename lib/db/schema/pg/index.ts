/** The app store's tables on PostgreSQL: the same names, columns and row types as ../sqlite.ts. */
export * from "./projects";
export * from "./api-keys";
export * from "./saved-filters";
export * from "./saved-funnels";
export * from "./sampling-policies";
export * from "./auth";
export * from "./members";
export * from "./boards";
