import { inject } from "vitest";
import { sessionHeaders } from "./auth-helpers";
import { adminApi, base } from "./http";

export type Person = { email: string; password: string };

let n = 0;
const unique = () => `${Date.now().toString(36)}${(++n).toString(36)}`;

/** A new account that joined `project` as `role` through an invite link, the way a teammate does. */
export async function invitedPerson(project: string, role: "viewer" | "editor" | "admin"): Promise<Person> {
  const made = await adminApi(`/api/v1/projects/${project}/invites`, { method: "POST", body: JSON.stringify({ role }) });
  if (made.status !== 201) throw new Error(`invite answered ${made.status}: ${await made.text()}`);
  const { url } = (await made.json()) as { url: string };
  const token = url.split("/invite/")[1];
  const person = { email: `${role}-${unique()}@team.test`, password: `pw-${unique()}-long` };
  const res = await fetch(`${base()}/api/invites/sign-up`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base() },
    body: JSON.stringify({ token, name: role, ...person }),
  });
  if (res.status !== 201) throw new Error(`sign-up answered ${res.status}: ${await res.text()}`);
  return person;
}

/** A new project (made by the owner) and a key of it with both scopes. */
export async function projectWithKey(name: string): Promise<{ slug: string; key: string }> {
  const made = await adminApi("/api/v1/projects", { method: "POST", body: JSON.stringify({ name: `${name} ${unique()}` }) });
  if (made.status !== 201) throw new Error(`project answered ${made.status}: ${await made.text()}`);
  const { slug } = (await made.json()) as { slug: string };
  return { slug, key: await keyOf(slug, ["ingest", "read"]) };
}

export async function keyOf(slug: string, scopes: string[]): Promise<string> {
  const res = await adminApi(`/api/v1/projects/${slug}/keys`, { method: "POST", body: JSON.stringify({ name: scopes.join("+"), scopes }) });
  if (res.status !== 201) throw new Error(`key answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { key: string }).key;
}

export const as = (person: Person) => sessionHeaders(base(), person);
export const owner = () => as(inject("admin"));
