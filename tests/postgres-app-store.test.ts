import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie } from "./auth-helpers";
import { hexId } from "./http";
import { otlpRequest } from "./otlp-json-payloads";
import { postgresBinDir, startPostgres, type TestPostgres } from "./postgres";
import { ADMIN_ENV, startServer, TEST_ADMIN, type TestServer } from "./server";

/*
 * The app store on a real PostgreSQL server, with two Spanlens instances sharing it as they
 * would behind a load balancer: what one writes, the other reads. Each instance keeps its own
 * span store (DuckDB in its data dir), so spans are read back where they were sent.
 */

const binaries = postgresBinDir();
if (!binaries && process.env.CI) {
  // .ci/run installs postgresql: in CI a missing server is a broken machine, not a reason to skip.
  throw new Error("CI is set but PostgreSQL's server binaries are missing (/usr/lib/postgresql/*/bin): install postgresql");
}
if (!binaries) console.warn("[postgres-app-store] skipped: no PostgreSQL server binaries (apt-get install -y postgresql)");

const JOURNAL = path.resolve(import.meta.dirname, "../drizzle/pg/meta/_journal.json");
const json = { "content-type": "application/json" };
const T0 = 1_720_000_000;

describe.skipIf(!binaries)("app store on PostgreSQL, two instances", () => {
  let pg: TestPostgres;
  let a: TestServer;
  let b: TestServer;
  const secret = randomBytes(32).toString("base64url");
  const apiKey = "sl_pg_" + randomBytes(12).toString("hex");
  const cookies = new Map<string, string>();

  /** Signed-in headers for `who` on `server` (one sign-in each; cookies work on both instances). */
  async function as(server: TestServer, who = TEST_ADMIN): Promise<Record<string, string>> {
    if (!cookies.has(who.email)) cookies.set(who.email, await signInCookie(server.url, who));
    return { cookie: cookies.get(who.email)!, origin: server.url, ...json };
  }
  const call = async (server: TestServer, p: string, init: { method?: string; body?: unknown; who?: typeof TEST_ADMIN } = {}) =>
    fetch(server.url + p, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: { ...(await as(server, init.who)), origin: server.url },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  beforeAll(async () => {
    pg = await startPostgres();
    const env = { ...ADMIN_ENV, DATABASE_URL: pg.url, BETTER_AUTH_SECRET: secret };
    // Started together: both migrate, make the owner and the default project at once.
    [a, b] = await Promise.all([startServer({ apiKey, env }), startServer({ apiKey, env })]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await pg?.stop();
  });

  it("migrates once, and logs the store it opened without the password", async () => {
    const journal = JSON.parse(fs.readFileSync(JOURNAL, "utf8")) as { entries: unknown[] };
    const [{ n }] = await pg.query<{ n: string }>("SELECT count(*) AS n FROM drizzle.__drizzle_migrations");
    expect(Number(n)).toBe(journal.entries.length);
    const tables = (await pg.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
      .map((r) => r.table_name);
    for (const t of ["projects", "api_keys", "users", "sessions", "project_members", "invites", "boards", "short_links", "snapshots"]) {
      expect(tables).toContain(t);
    }
    for (const s of [a, b]) {
      expect(s.log()).toMatch(/App store: PostgreSQL at postgres:\/\/spanlens:\*\*\*@127\.0\.0\.1:\d+\/spanlens/);
      expect(s.log()).not.toContain(pg.password);
    }
  });

  it("made one owner from SPANLENS_ADMIN_* and one default project, though both instances started at once", async () => {
    const owners = await pg.query("SELECT email FROM users WHERE role = 'owner'");
    expect(owners).toEqual([{ email: TEST_ADMIN.email }]);
    expect(await pg.query("SELECT slug FROM projects")).toEqual([{ slug: "default" }]);
    expect(await pg.query("SELECT name FROM api_keys")).toEqual([{ name: "SPANLENS_API_KEY" }]);
  });

  it("a session made on one instance is good on the other (shared secret and sessions)", async () => {
    const res = await call(b, "/api/v1/projects", { who: TEST_ADMIN });
    expect(res.status).toBe(200);
    // The cookie came from a sign-in on `b` here; use it on `a` too.
    expect((await call(a, "/api/v1/projects")).status).toBe(200);
  });

  it("creates a project and a key, ingests and reads with it, and a revoked key stops on both", async () => {
    const made = await call(a, "/api/v1/projects", { body: { name: `Checkout ${hexId(16)}` } });
    expect(made.status).toBe(201);
    const { slug } = (await made.json()) as { slug: string };
    const keyRes = await call(b, `/api/v1/projects/${slug}/keys`, { body: { name: "both", scopes: ["ingest", "read"] } });
    expect(keyRes.status).toBe(201);
    const { id, key } = (await keyRes.json()) as { id: number; key: string };

    const traceId = hexId(32);
    const spans = [{ traceId, spanId: hexId(16), name: "GET /cart", start: `${T0}000000000`, end: `${T0}250000000` }];
    const bearer = { authorization: `Bearer ${key}` };
    const ingest = (s: TestServer) => fetch(`${s.url}/v1/traces`, { method: "POST", headers: { ...json, ...bearer }, body: JSON.stringify(otlpRequest("pg-cart", spans)) });
    expect((await ingest(a)).status).toBe(200);
    const read = await fetch(`${a.url}/api/v1/traces?start=${T0 - 60}&end=${T0 + 60}`, { headers: bearer });
    expect(read.status).toBe(200);
    const page = (await read.json()) as { traces: { traceId: string; rootName: string }[] };
    expect(page.traces).toEqual([expect.objectContaining({ traceId, rootName: "GET /cart" })]);
    // `b` knows the key too (it caches it now), though its own span store is empty.
    expect((await fetch(`${b.url}/api/v1/traces?start=${T0 - 60}&end=${T0 + 60}`, { headers: bearer })).status).toBe(200);

    expect((await call(a, `/api/v1/projects/${slug}/keys/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await ingest(a)).status).toBe(401);
    // `b` learns of the revocation when its cached entry expires (KEY_CACHE_MS, lib/db/api-keys.ts).
    await expect.poll(async () => (await ingest(b)).status, { timeout: 15_000, interval: 500 }).toBe(401);
  });

  it("an invite made on one instance signs a teammate up on the other, once", async () => {
    const made = await call(a, "/api/v1/projects/default/invites", { body: { role: "editor" } });
    expect(made.status).toBe(201);
    const token = ((await made.json()) as { url: string }).url.split("/invite/")[1];
    const mate = { email: `mate-${hexId(16)}@team.test`, password: "a long enough password" };
    const signUp = (s: TestServer, email: string) =>
      fetch(`${s.url}/api/invites/sign-up`, { method: "POST", headers: { ...json, origin: s.url }, body: JSON.stringify({ token, name: "Mate", ...mate, email }) });
    expect((await signUp(b, mate.email)).status).toBe(201);
    expect((await signUp(a, `again-${mate.email}`)).status).toBe(410);
    const members = (await (await call(a, "/api/v1/projects/default/members")).json()) as { members: { email: string; role: string }[] };
    expect(members.members).toContainEqual(expect.objectContaining({ email: mate.email, role: "editor" }));
    expect((await call(a, "/api/v1/boards?project=default", { who: mate })).status).toBe(200);
  });

  it("boards, short links and snapshots written on one instance are read on the other", async () => {
    const note = { id: "n", kind: "note", title: "Read me", query: { markdown: "**Hello**" }, layout: { x: 0, y: 0, w: 6, h: 4 } };
    const created = await call(a, "/api/v1/boards", { body: { name: "PG board", timeRange: { since: "24h" }, variables: [], panels: [note] } });
    expect(created.status).toBe(201);
    const board = (await created.json()) as { id: string; createdAt: string };
    const patched = await call(b, `/api/v1/boards/${board.id}`, { method: "PATCH", body: { name: "PG board, renamed" } });
    expect(patched.status).toBe(200);
    const read = (await (await call(a, `/api/v1/boards/${board.id}`)).json()) as { name: string; createdAt: string; panels: unknown[] };
    expect(read).toMatchObject({ name: "PG board, renamed", createdAt: board.createdAt });
    expect(read.panels).toHaveLength(1);

    const link = await call(b, "/api/v1/short-links?project=default", { body: { url: `/boards/${board.id}` } });
    expect(link.status).toBe(201);
    const { id } = (await link.json()) as { id: string };
    const go = await fetch(`${a.url}/s/${id}`, { headers: await as(a), redirect: "manual" });
    expect(go.status).toBeGreaterThanOrEqual(300);
    expect(go.headers.get("location")).toContain(`/boards/${board.id}`);

    const snap = await call(a, `/api/v1/boards/${board.id}/snapshots`, { body: {} });
    expect(snap.status).toBe(201);
    const { token } = (await snap.json()) as { token: string };
    const opened = await fetch(`${b.url}/api/v1/snapshots/${token}`);
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as { board: { name: string } }).board.name).toBe("PG board, renamed");
  });
});

describe.skipIf(!binaries)("PostgreSQL without BETTER_AUTH_SECRET", () => {
  it("refuses to start, saying why", async () => {
    const pg = await startPostgres();
    try {
      // The process exits (lib/startup.ts), so a process manager sees the failed start; the log says why.
      const started = startServer({ env: { DATABASE_URL: pg.url, BETTER_AUTH_SECRET: "" }, healthTimeoutMs: 60_000 });
      await expect(started).rejects.toThrow(/server exited with 1[\s\S]*cannot start: [\s\S]*DATABASE_URL is set but BETTER_AUTH_SECRET is not/);
    } finally {
      await pg.stop();
    }
  }, 120_000);
});
