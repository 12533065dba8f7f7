export * from "./projects";
export * from "./api-keys";
