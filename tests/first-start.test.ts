import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

// Its own server: this one starts without SPANLENS_ADMIN_*, and its sign-in bucket gets exhausted.
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const json = { "content-type": "application/json" };
const owner = { name: "Ada", email: "ada@bars.local", password: "a long enough password" };
const setup = (body: unknown, headers: Record<string, string> = { origin: server.url }) =>
  fetch(`${server.url}/api/setup`, { method: "POST", headers: { ...json, ...headers }, body: JSON.stringify(body) });
const signIn = (password: string) =>
  fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST", headers: { ...json, origin: server.url }, body: JSON.stringify({ email: owner.email, password }),
  });

describe("first start without SPANLENS_ADMIN_*", () => {
  it("sends every page to /setup until the admin exists, then never again", async () => {
    const home = await fetch(`${server.url}/traces?since=1h`, { redirect: "manual" });
    expect(home.status).toBe(307);
    expect(new URL(home.headers.get("location")!, server.url).pathname).toBe("/setup");
    expect((await fetch(`${server.url}/setup`, { redirect: "manual" })).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/projects/default/keys`)).status).toBe(401);

    expect((await setup(owner, { origin: "https://evil.example" })).status).toBe(403);
    const badEmail = await setup({ ...owner, email: "not-an-email" });
    expect(badEmail.status).toBe(400);
    expect(await badEmail.json()).toMatchObject({ field: "email" });

    expect((await setup(owner)).status).toBe(201);
    expect((await setup({ ...owner, email: "second@bars.local" })).status).toBe(404);
    const page = await fetch(`${server.url}/setup`, { redirect: "manual" });
    expect(page.status).toBe(307);
    expect(new URL(page.headers.get("location")!, server.url).pathname).toBe("/sign-in");
    expect((await signIn(owner.password)).status).toBe(200);
  });

  it("rate-limits sign-in attempts from one address with 429", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15 && !statuses.includes(429); i++) statuses.push((await signIn("wrong password")).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 429).every((s) => s === 401)).toBe(true);
    // The right password does not get through a closed bucket either.
    const locked = await signIn(owner.password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("x-retry-after"))).toBeGreaterThan(0);
  });
});

describe("a start that cannot succeed", () => {
  it("exits with the reason instead of listening unhealthy", async () => {
    // better-auth refuses this password; the owner cannot be made, so the server must not serve.
    const started = startServer({ env: { SPANLENS_ADMIN_EMAIL: "short@bars.local", SPANLENS_ADMIN_PASSWORD: "short" } });
    await expect(started).rejects.toThrow(/server exited with 1[\s\S]*cannot start: password: use \d+ to \d+ characters/);
  }, 120_000);
});
