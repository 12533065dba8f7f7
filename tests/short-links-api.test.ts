import { beforeAll, describe, expect, it } from "vitest";
import { base } from "./http";
import { as, invitedPerson, keyOf, owner, projectWithKey } from "./team-fixtures";

type Headers = Record<string, string>;
type Link = { id: string; url: string; target: string; createdBy: string; createdAt: string };

const json = { "content-type": "application/json" };
const create = (who: Headers, url: unknown, project = "default") =>
  fetch(`${base()}/api/v1/short-links?project=${project}`, { method: "POST", headers: { ...who, ...json }, body: JSON.stringify({ url }) });
const open = (who: Headers, path: string) => fetch(base() + path, { headers: who, redirect: "manual" });
const remove = (who: Headers, id: string, project = "default") =>
  fetch(`${base()}/api/v1/short-links/${id}?project=${project}`, { method: "DELETE", headers: who });

async function made(who: Headers, url: string, project = "default"): Promise<Link> {
  const res = await create(who, url, project);
  expect([200, 201], await res.clone().text()).toContain(res.status);
  return (await res.json()) as Link;
}

describe("short links", () => {
  const people = {} as Record<"viewer" | "editor" | "admin" | "owner", Headers>;
  let viewerEmail = "";

  beforeAll(async () => {
    const [viewer, editor, admin] = await Promise.all([invitedPerson("default", "viewer"), invitedPerson("default", "editor"), invitedPerson("default", "admin")]);
    viewerEmail = viewer.email;
    Object.assign(people, { viewer: await as(viewer), editor: await as(editor), admin: await as(admin), owner: await owner() });
  }, 120_000);

  it("a viewer makes one, adding the project; asking again returns the same link; /s/<id> redirects", async () => {
    const res = await create(people.viewer, "/traces?q=%7B%7D&since=1h");
    expect(res.status).toBe(201);
    const link = (await res.json()) as Link;
    expect(link.url).toBe(`${base()}/s/${link.id}`);
    expect(link.id).toMatch(/^[0-9A-Za-z]{10}$/);
    expect(link.target).toBe("/traces?q=%7B%7D&since=1h&project=default");
    expect(link.createdBy).toBe(viewerEmail);

    const again = await create(people.viewer, "/traces?q=%7B%7D&since=1h");
    expect(again.status).toBe(200);
    expect(((await again.json()) as Link).id).toBe(link.id);
    // A teammate gets a link of their own, so deleting mine never breaks theirs.
    expect((await made(people.editor, "/traces?q=%7B%7D&since=1h")).id).not.toBe(link.id);

    const hop = await open(people.editor, `/s/${link.id}`);
    expect(hop.status).toBe(307);
    expect(hop.headers.get("location")).toBe(`${base()}/traces?q=%7B%7D&since=1h&project=default`);
  });

  it("keeps a trace with its selected span, and a full URL on this app, as a path", async () => {
    const trace = await made(people.viewer, `/traces/${"ab".repeat(16)}?project=default&span=${"cd".repeat(8)}`);
    expect(trace.target).toBe(`/traces/${"ab".repeat(16)}?project=default&span=${"cd".repeat(8)}`);
    const full = await made(people.viewer, `${base()}/metrics?since=1h&groupBy=customer.tier`);
    expect(full.target).toBe("/metrics?since=1h&groupBy=customer.tier&project=default");
  });

  it.each([
    ["no url", undefined, /^url: /],
    ["a number", 42, /^url: /],
    ["an empty string", "", /^url: give the page/],
    ["another site", "https://evil.example/traces", /^url: must be a page of this app/],
    ["a protocol-relative URL", "//evil.example/traces", /^url: give a path/],
    ["a backslash trick", "/\\evil.example/traces", /^url: .*backslashes/],
    ["javascript:", "javascript:alert(document.cookie)", /^url: give a path/],
    ["an API path", "/api/v1/traces", /^url: must be a page of the app/],
    ["a short link", "/s/abcdefghij", /^url: must be a page of the app/],
    ["another project", "/traces?project=elsewhere", /^url: names project "elsewhere"/],
    ["a URL past 8 KB", "/traces?q=" + "x".repeat(9000), /^url: /],
  ])("refuses %s with a 400 naming url", async (_what, url, error) => {
    const res = await create(people.viewer, url);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(error);
  });

  it("lists the project's links newest first, with who made them", async () => {
    const first = await made(people.editor, "/funnels?since=24h");
    const second = await made(people.viewer, "/tiers?since=7d");
    const res = await fetch(`${base()}/api/v1/short-links?project=default`, { headers: people.viewer });
    expect(res.status).toBe(200);
    const { links } = (await res.json()) as { links: Link[] };
    const ids = links.map((l) => l.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(links.find((l) => l.id === second.id)).toMatchObject({ createdBy: viewerEmail, target: "/tiers?since=7d&project=default", url: `${base()}/s/${second.id}` });
  });

  it("keys read the list but cannot make links; another site's page cannot either", async () => {
    const key = await keyOf("default", ["read"]);
    const bearer = { authorization: `Bearer ${key}` };
    expect((await fetch(`${base()}/api/v1/short-links`, { headers: bearer })).status).toBe(200);
    const byKey = await create(bearer, "/traces");
    expect(byKey.status).toBe(403);
    expect(((await byKey.json()) as { error: string }).error).toMatch(/signed-in member/);
    expect((await create({ ...people.viewer, origin: "https://evil.example" }, "/traces")).status).toBe(403);
  });

  it("asks to sign in first, and says so when a link does not exist", async () => {
    const link = await made(people.viewer, "/metrics?since=6h");
    const anonymous = await open({}, `/s/${link.id}`);
    expect(anonymous.status).toBe(307);
    const signIn = new URL(anonymous.headers.get("location")!, base());
    expect(signIn.pathname + signIn.search).toBe(`/sign-in?next=${encodeURIComponent(`/s/${link.id}`)}`);
    const missing = await open(people.viewer, "/s/nothere123");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/text\/html/);
    expect(await missing.text()).toContain("This short link does not exist");
  });

  it("a non-member following a link into another project lands on /no-access, never on its page", async () => {
    const other = await projectWithKey("Links");
    const link = await made(people.owner, "/traces?since=1h", other.slug);
    expect(link.target).toBe(`/traces?since=1h&project=${other.slug}`);
    const hop = await open(people.viewer, `/s/${link.id}`);
    expect(hop.status).toBe(307);
    const next = hop.headers.get("location")!;
    expect(next).toBe(`${base()}/no-access?project=${other.slug}`);
    const landed = await open(people.viewer, new URL(next).pathname + new URL(next).search);
    expect(landed.status).toBe(200);
    expect(await landed.text()).toContain("not a member of project");
    // The page the link stores refuses them too, on its own.
    const direct = await open(people.viewer, link.target);
    expect(direct.headers.get("location") ?? "").toContain("/no-access");
  });

  it("its creator or an admin deletes a link, after which it answers 404", async () => {
    const mine = await made(people.viewer, "/traces?since=15m");
    const theirs = await made(people.editor, "/traces?since=15m");
    const refused = await remove(people.editor, mine.id);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/creator .* or an admin/);
    expect((await remove(people.viewer, mine.id)).status).toBe(204);
    expect((await open(people.viewer, `/s/${mine.id}`)).status).toBe(404);
    expect((await remove(people.viewer, mine.id)).status).toBe(404);
    // The teammate's link to the same page still works.
    expect((await open(people.viewer, `/s/${theirs.id}`)).status).toBe(307);
    expect((await remove(people.admin, theirs.id)).status).toBe(204);
  });

  it("a link of another project cannot be deleted through this one", async () => {
    const other = await projectWithKey("Links del");
    const link = await made(people.owner, "/metrics", other.slug);
    expect((await remove(people.owner, link.id, "default")).status).toBe(404);
    expect((await remove(people.owner, link.id, other.slug)).status).toBe(204);
  });
});
