import { appStoreDialect } from "../app-store-config";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

/*
 * The tables every query module imports. The query modules are written once, against the
 * SQLite types; with DATABASE_URL these same names hold the PostgreSQL tables instead, chosen
 * here once per process. This works because drizzle builds queries from the table object it
 * is given (the pg table makes pg SQL and maps pg values), and because both schemas have the
 * same names and the same row types, which the check at the bottom proves at compile time.
 * The alternative, a union of both database types, makes every query a union that TS cannot
 * call; generic helpers per dialect would double the query code we want to keep single.
 */

export type {
  Account, ActivityRow, ApiKey, BoardRow, Invite, NewAccount, NewApiKey, NewProject, NewSamplingPolicyRow,
  NewSavedFilter, NewSession, NewUser, NewVerification, Project, ProjectMember, SamplingPolicyRow, SavedFilter,
  SavedFunnel, Session, ShortLinkRow, SnapshotRow, User, Verification,
} from "./sqlite";

type SqliteTables = typeof sqlite;
type PgTables = typeof pg;

const tables: SqliteTables = appStoreDialect() === "pg" ? (pg as unknown as SqliteTables) : sqlite;

export const {
  accounts, activity, apiKeys, boards, invites, projectMembers, projects, samplingPolicies, savedFilters,
  savedFunnels, sessions, shortLinks, snapshots, users, verifications,
} = tables;

// Compile-time proof that the cast above is honest: every table exists on both sides with
// identical select rows and the same insert columns and value types. Only optionality on
// insert may differ: SQLite lets an integer primary key be omitted (it becomes the rowid).
// A column added to one schema only fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type RowsMatch = {
  [K in keyof SqliteTables]: K extends keyof PgTables
    ? Same<SqliteTables[K]["$inferSelect"], PgTables[K]["$inferSelect"]> extends true
      ? Same<Required<SqliteTables[K]["$inferInsert"]>, Required<PgTables[K]["$inferInsert"]>>
      : false
    : false;
};
type Mismatched = { [K in keyof RowsMatch]: RowsMatch[K] extends true ? never : K }[keyof RowsMatch];
// If this errors, the type it names is the table whose rows differ between sqlite and pg.
const schemasAgree: [Mismatched] extends [never] ? true : Mismatched = true;
void schemasAgree;
