import { apiJson } from "@/components/charts/api";
import type { Role } from "@/lib/auth/roles";

/** Shapes of the team routes under /api/v1/projects/{slug} (dates as ISO strings). */
export interface MemberRow {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface InviteRow {
  id: string;
  role: Role;
  email: string | null;
  createdAt: string;
  expiresAt: string;
  state: "pending" | "accepted" | "revoked" | "expired";
}

export interface ActivityRow {
  id: number;
  action: string;
  actorEmail: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  createdAt: string;
}

export interface ProjectRow {
  id: number;
  slug: string;
  name: string;
  role: Role;
}

const base = (slug: string) => `/api/v1/projects/${encodeURIComponent(slug)}`;
const send = (method: string, body?: unknown) => ({ method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

export const teamKeys = {
  members: (slug: string) => ["team", slug, "members"] as const,
  invites: (slug: string) => ["team", slug, "invites"] as const,
  activity: (slug: string) => ["team", slug, "activity"] as const,
  projects: ["projects"] as const,
};

export const fetchMembers = async (slug: string) => (await apiJson<{ members: MemberRow[] }>(`${base(slug)}/members`)).members;
export const addMember = (slug: string, input: { email: string; role: Role }) => apiJson<MemberRow>(`${base(slug)}/members`, send("POST", input));
export const changeRole = (slug: string, userId: string, role: Role) =>
  apiJson<MemberRow>(`${base(slug)}/members/${encodeURIComponent(userId)}`, send("PATCH", { role }));
export const removeMember = (slug: string, userId: string) => apiJson<void>(`${base(slug)}/members/${encodeURIComponent(userId)}`, send("DELETE"));

export const fetchInvites = async (slug: string) => (await apiJson<{ invites: InviteRow[] }>(`${base(slug)}/invites`)).invites;
export const createInvite = (slug: string, input: { role: Role; email?: string; expiresInHours: number }) =>
  apiJson<{ url: string; expiresAt: string }>(`${base(slug)}/invites`, send("POST", input));
export const revokeInvite = (slug: string, id: string) => apiJson<void>(`${base(slug)}/invites/${encodeURIComponent(id)}`, send("DELETE"));

export const fetchActivity = async (slug: string) => (await apiJson<{ activity: ActivityRow[] }>(`${base(slug)}/activity?limit=100`)).activity;

export const fetchProjects = async () => (await apiJson<{ projects: ProjectRow[] }>("/api/v1/projects")).projects;
export const createProject = (name: string) => apiJson<ProjectRow>("/api/v1/projects", send("POST", { name }));
export const deleteProject = (slug: string) => apiJson<unknown>(base(slug), send("DELETE"));
