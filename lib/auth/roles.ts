/** A member's role in one project; each includes the ones before it. */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(v: unknown): v is Role {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v);
}

/** Whether `role` may do what `needed` may. */
export function roleAllows(role: Role | null | undefined, needed: Role): boolean {
  return !!role && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** What each role adds, in the words the UI and error messages use. */
export const ROLE_ABILITY: Record<Role, string> = {
  viewer: "read traces, charts and saved items",
  editor: "also save filters, funnels and views",
  admin: "also manage keys, members and project settings",
};

export const SCOPES = ["ingest", "read"] as const;
export type Scope = (typeof SCOPES)[number];

export function parseScopes(stored: string): Scope[] {
  return stored.split(",").filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
}
