import { integer, timestamp } from "drizzle-orm/pg-core";

/**
 * A point in time as a JS Date, like SQLite's `integer(..., { mode: "timestamp_ms" })`:
 * millisecond precision, so what goes in comes back equal.
 */
export const ms = <N extends string>(name: N) => timestamp(name, { mode: "date", precision: 3, withTimezone: true });

/** SQLite's `integer().primaryKey({ autoIncrement: true })`: numbers handed out by the database. */
export const serialId = <N extends string>(name: N) => integer(name).primaryKey().generatedByDefaultAsIdentity();
