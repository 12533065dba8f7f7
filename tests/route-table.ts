import fs from "node:fs";
import path from "node:path";

/**
 * Who may call a route:
 * - read: members of the project (any role) and keys with the read scope;
 * - edit: editors and admins, signed in; keys never;
 * - admin: the project's admins, signed in; keys never;
 * - owner: the instance owner only;
 * - ingest: keys with the ingest scope only (a session is not enough);
 * - list: anyone signed in, and read keys (each sees what it may open);
 * - member: members of the project (any role), signed in; keys never (what a person makes);
 * - public: anyone, signed in or not (a snapshot's token is the credential).
 */
export type Access = "read" | "edit" | "admin" | "owner" | "ingest" | "list" | "member" | "public";

const T = "ab".repeat(16);
const S = "cd".repeat(8);
const P = "/api/v1/projects/default";

/**
 * Every /api/v1 route and method, with a concrete URL on project `default` and who may
 * call it. tests/auth-api.test.ts compares this table with the route files, so a new route
 * without a row fails there.
 */
export const ROUTES: [method: string, file: string, url: string, access: Access][] = [
  ["GET", "attributes/[key]/stats", "/api/v1/attributes/service.name/stats", "read"],
  ["GET", "attributes/[key]/values", "/api/v1/attributes/service.name/values", "read"],
  ["GET", "attributes", "/api/v1/attributes", "read"],
  ["GET", "boards", "/api/v1/boards", "read"],
  ["POST", "boards", "/api/v1/boards", "edit"],
  ["GET", "boards/[id]", "/api/v1/boards/nope", "read"],
  ["PATCH", "boards/[id]", "/api/v1/boards/nope", "edit"],
  ["DELETE", "boards/[id]", "/api/v1/boards/nope", "edit"],
  ["POST", "boards/[id]/snapshots", "/api/v1/boards/nope/snapshots", "edit"],
  ["GET", "snapshots/[token]", "/api/v1/snapshots/snap_nope", "public"],
  ["DELETE", "snapshots/[token]", "/api/v1/snapshots/snap_nope", "edit"],
  ["GET", "funnels/[id]", "/api/v1/funnels/nope", "read"],
  ["PATCH", "funnels/[id]", "/api/v1/funnels/nope", "edit"],
  ["DELETE", "funnels/[id]", "/api/v1/funnels/nope", "edit"],
  ["POST", "funnels/drop-off", "/api/v1/funnels/drop-off", "read"],
  ["POST", "funnels/query", "/api/v1/funnels/query", "read"],
  ["POST", "compare", "/api/v1/compare", "read"],
  ["GET", "funnels", "/api/v1/funnels", "read"],
  ["POST", "funnels", "/api/v1/funnels", "edit"],
  ["GET", "metrics", "/api/v1/metrics", "read"],
  ["GET", "projects", "/api/v1/projects", "list"],
  ["POST", "projects", "/api/v1/projects", "owner"],
  ["GET", "projects/[slug]", P, "read"],
  ["DELETE", "projects/[slug]", "/api/v1/projects/nope", "owner"],
  ["PATCH", "projects/[slug]", P, "admin"],
  ["GET", "projects/[slug]/snapshots", `${P}/snapshots`, "admin"],
  ["GET", "projects/[slug]/activity", `${P}/activity`, "admin"],
  ["GET", "projects/[slug]/invites", `${P}/invites`, "admin"],
  ["POST", "projects/[slug]/invites", `${P}/invites`, "admin"],
  ["DELETE", "projects/[slug]/invites/[id]", `${P}/invites/nope`, "admin"],
  ["GET", "projects/[slug]/keys", `${P}/keys`, "admin"],
  ["POST", "projects/[slug]/keys", `${P}/keys`, "admin"],
  ["DELETE", "projects/[slug]/keys/[id]", `${P}/keys/999999`, "admin"],
  ["GET", "projects/[slug]/members", `${P}/members`, "read"],
  ["POST", "projects/[slug]/members", `${P}/members`, "admin"],
  ["PATCH", "projects/[slug]/members/[userId]", `${P}/members/nope`, "admin"],
  ["DELETE", "projects/[slug]/members/[userId]", `${P}/members/nope`, "admin"],
  ["POST", "projects/[slug]/retention/purge", `${P}/retention/purge`, "admin"],
  ["GET", "projects/[slug]/retention", `${P}/retention`, "read"],
  ["PUT", "projects/[slug]/retention", `${P}/retention`, "admin"],
  ["POST", "projects/[slug]/sampling/preview", `${P}/sampling/preview`, "read"],
  ["GET", "projects/[slug]/sampling", `${P}/sampling`, "read"],
  ["PUT", "projects/[slug]/sampling", `${P}/sampling`, "admin"],
  ["GET", "saved-filters/[id]", "/api/v1/saved-filters/nope", "read"],
  ["PATCH", "saved-filters/[id]", "/api/v1/saved-filters/nope", "edit"],
  ["DELETE", "saved-filters/[id]", "/api/v1/saved-filters/nope", "edit"],
  ["GET", "saved-filters", "/api/v1/saved-filters", "read"],
  ["POST", "saved-filters", "/api/v1/saved-filters", "edit"],
  ["GET", "short-links", "/api/v1/short-links", "read"],
  ["POST", "short-links", "/api/v1/short-links", "member"],
  ["DELETE", "short-links/[id]", "/api/v1/short-links/nope", "member"],
  ["GET", "traces/[traceId]", `/api/v1/traces/${T}`, "read"],
  ["GET", "traces/[traceId]/search", `/api/v1/traces/${T}/search?q=x`, "read"],
  ["GET", "traces/[traceId]/spans/[spanId]", `/api/v1/traces/${T}/spans/${S}`, "read"],
  ["GET", "traces/[traceId]/waterfall", `/api/v1/traces/${T}/waterfall`, "read"],
  ["GET", "traces/duration-histogram", "/api/v1/traces/duration-histogram", "read"],
  ["GET", "traces", "/api/v1/traces", "read"],
  ["POST", "traces", "/api/v1/traces", "ingest"],
];

/** [method, route folder] for every handler exported under app/api/v1. */
export function routeFiles(dir: string, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...routeFiles(path.join(dir, entry.name), rel));
    else if (entry.name === "route.ts") {
      const source = fs.readFileSync(path.join(dir, entry.name), "utf8");
      for (const m of source.matchAll(/export (?:async function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)) out.push([m[1], prefix]);
    }
  }
  return out;
}

export type Caller = "anonymous" | "viewer" | "editor" | "admin" | "owner" | "ingest key" | "read key" | "other project's key";
export const CALLERS: Caller[] = ["anonymous", "viewer", "editor", "admin", "owner", "ingest key", "read key", "other project's key"];

const ROLE_RANK = { viewer: 0, editor: 1, admin: 2, owner: 3 } as const;

/**
 * What a caller must get: 401, 403, or "allowed" (anything else: the route ran, and may
 * still answer 400 or 404 for the dummy ids and empty bodies the table sends).
 */
export function expected(access: Access, caller: Caller, url: string): 401 | 403 | "allowed" {
  if (access === "public") return "allowed";
  if (caller === "anonymous") return 401;
  const namesDefault = url.startsWith("/api/v1/projects/default");
  if (caller.endsWith("key")) {
    if (access === "ingest") return caller === "read key" ? 403 : "allowed";
    if (access === "list") return caller === "ingest key" ? 403 : "allowed";
    if (access !== "read" || caller === "ingest key") return 403;
    // Another project's key reads its own project on unscoped routes, and is refused
    // where the URL names this one.
    return caller === "other project's key" && namesDefault ? 403 : "allowed";
  }
  if (access === "ingest") return 401;
  if (access === "list" || access === "read" || access === "member") return "allowed";
  const need = { edit: ROLE_RANK.editor, admin: ROLE_RANK.admin, owner: ROLE_RANK.owner }[access];
  return ROLE_RANK[caller as keyof typeof ROLE_RANK] >= need ? "allowed" : 403;
}
