/**
 * The types the read API returns and screens, view models and stores share. This module
 * imports nothing from the app: a store implements them, a screen draws them, and neither
 * needs the other's modules (contract.test.ts keeps it so).
 */
export type * from "./catalog";
export type * from "./compare";
export type * from "./metrics";
export type * from "./search";
export type * from "./storage";
export type * from "./trace";
