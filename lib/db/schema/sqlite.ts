export * from "./projects";
export * from "./api-keys";
export * from "./saved-filters";
export * from "./saved-funnels";
export * from "./sampling-policies";
export * from "./auth";
export * from "./members";
export * from "./boards";
