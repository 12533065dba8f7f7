import { beforeAll, describe, expect, it } from "vitest";
import { adminApi, base } from "./http";
import { as, invitedPerson, owner, projectWithKey } from "./team-fixtures";

const json = { "content-type": "application/json" };
type Member = { userId: string; email: string; role: string };

describe("projects, members, invites and the activity log", () => {
  let slug = "";
  beforeAll(async () => {
    ({ slug } = await projectWithKey("Checkout"));
  });

  it("creates a project with a slug from its name, and lists it for its members only", async () => {
    expect(slug).toMatch(/^checkout-[a-z0-9]+$/);
    const dup = await adminApi("/api/v1/projects", { method: "POST", body: JSON.stringify({ name: "default" }) });
    expect(dup.status).toBe(409);
    const viewer = await invitedPerson(slug, "viewer");
    const mine = (await (await fetch(`${base()}/api/v1/projects`, { headers: await as(viewer) })).json()) as { projects: { slug: string; role: string }[] };
    expect(mine.projects).toEqual([expect.objectContaining({ slug, role: "viewer" })]);
  });

  it("an invite works once, and a viewer then reads but cannot save", async () => {
    const made = await adminApi(`/api/v1/projects/${slug}/invites`, { method: "POST", body: JSON.stringify({ role: "viewer", expiresInHours: 24 }) });
    expect(made.status).toBe(201);
    const { url, expiresAt } = (await made.json()) as { url: string; expiresAt: string };
    expect(url).toMatch(/\/invite\/inv_[\w-]{32}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
    const token = url.split("/invite/")[1];
    const person = { email: `once-${Date.now()}@team.test`, password: "a long enough password" };
    const signUp = (email: string) =>
      fetch(`${base()}/api/invites/sign-up`, { method: "POST", headers: { ...json, origin: base() }, body: JSON.stringify({ token, ...person, email }) });
    expect((await signUp(person.email)).status).toBe(201);
    const again = await signUp(`second-${person.email}`);
    expect(again.status).toBe(410);
    // Nothing half-made: the refused sign-up left no account behind.
    const members = (await (await adminApi(`/api/v1/projects/${slug}/members`)).json()) as { members: Member[] };
    expect(members.members.map((m) => m.email)).toContain(person.email);
    expect(members.members.map((m) => m.email)).not.toContain(`second-${person.email}`);

    const headers = await as(person);
    expect((await fetch(`${base()}/api/v1/traces?project=${slug}`, { headers })).status).toBe(200);
    const save = await fetch(`${base()}/api/v1/saved-filters?project=${slug}`, {
      method: "POST",
      headers: { ...headers, ...json },
      body: JSON.stringify({ name: "mine", query: "{}", author: "v" }),
    });
    expect(save.status).toBe(403);
    expect(((await save.json()) as { error: string }).error).toMatch(/viewer.*needs editor/);
  });

  it("an admin changes a role and removes a member; the last admin stays; all of it is logged", async () => {
    const editor = await invitedPerson(slug, "editor");
    const list = async () => ((await (await adminApi(`/api/v1/projects/${slug}/members`)).json()) as { members: Member[] }).members;
    const target = (await list()).find((m) => m.email === editor.email)!;
    const patch = await adminApi(`/api/v1/projects/${slug}/members/${target.userId}`, { method: "PATCH", body: JSON.stringify({ role: "admin" }) });
    expect(patch.status).toBe(200);
    const ownerSelf = (await list()).find((m) => m.role === "admin" && m.email !== editor.email)!;
    // Two admins now (the owner, who created the project, and the promoted editor): one may go.
    expect((await adminApi(`/api/v1/projects/${slug}/members/${ownerSelf.userId}`, { method: "PATCH", body: JSON.stringify({ role: "viewer" }) })).status).toBe(200);
    const last = await adminApi(`/api/v1/projects/${slug}/members/${target.userId}`, { method: "DELETE" });
    expect(last.status).toBe(409);
    expect((await adminApi(`/api/v1/projects/${slug}/members/${ownerSelf.userId}`, { method: "DELETE" })).status).toBe(204);

    const log = (await (await adminApi(`/api/v1/projects/${slug}/activity`)).json()) as { activity: { action: string; actorEmail: string; target: string | null }[] };
    const actions = log.activity.map((a) => a.action);
    for (const a of ["project.created", "key.created", "invite.created", "invite.accepted", "member.role_changed", "member.removed"]) expect(actions).toContain(a);
    expect(log.activity.find((a) => a.action === "member.removed")?.actorEmail).toBe((await import("vitest")).inject("admin").email);
  });

  it("adding a member needs an existing account; the 404 says to invite instead", async () => {
    const res = await adminApi(`/api/v1/projects/${slug}/members`, { method: "POST", body: JSON.stringify({ email: "nobody@team.test", role: "viewer" }) });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/invite/);
  });

  it("an expired, revoked or unknown invite page says so", async () => {
    const made = (await (await adminApi(`/api/v1/projects/${slug}/invites`, { method: "POST", body: JSON.stringify({ role: "editor" }) })).json()) as { url: string; invite: { id: string } };
    expect((await adminApi(`/api/v1/projects/${slug}/invites/${made.invite.id}`, { method: "DELETE" })).status).toBe(204);
    const page = await (await fetch(made.url.replace(/^https?:\/\/[^/]+/, base()))).text();
    expect(page).toContain("was revoked");
    expect(await (await fetch(`${base()}/invite/inv_unknown`)).text()).toContain("is not valid");
  });

  it("the owner deletes a project: its keys stop at once, `default` cannot go", async () => {
    const doomed = await projectWithKey("Doomed");
    const ingest = () => fetch(`${base()}/v1/traces`, { method: "POST", headers: { ...json, authorization: `Bearer ${doomed.key}` }, body: JSON.stringify({ resourceSpans: [] }) });
    expect((await ingest()).status).toBe(200);
    expect((await adminApi(`/api/v1/projects/${doomed.slug}`, { method: "DELETE" })).status).toBe(200);
    expect((await ingest()).status).toBe(401);
    expect((await adminApi("/api/v1/projects/default", { method: "DELETE" })).status).toBe(400);
    expect((await fetch(`${base()}/api/v1/projects`, { headers: await owner() }).then((r) => r.json()) as { projects: { slug: string }[] }).projects.map((p) => p.slug)).not.toContain(doomed.slug);
  });

  it("repeated wrong keys from one address get 429 with Retry-After; other addresses do not", async () => {
    const from = (addr: string, key: string) => fetch(`${base()}/api/v1/traces`, { headers: { authorization: `Bearer ${key}`, "x-forwarded-for": addr } });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await from("203.0.113.7", `sl_wrong_${i}`)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    const blocked = await from("203.0.113.7", "sl_wrong_again");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await from("203.0.113.8", "sl_wrong_other")).status).toBe(401);
  });

  it("repeated wrong passwords for one account get 429, even from rotating addresses", async () => {
    const person = await invitedPerson(slug, "viewer");
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await fetch(`${base()}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { ...json, origin: base(), "x-forwarded-for": `198.51.100.${i + 1}` },
        body: JSON.stringify({ email: person.email, password: `wrong-${i}` }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});
