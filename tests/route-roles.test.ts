import { beforeAll, describe, expect, it } from "vitest";
import { base } from "./http";
import { CALLERS, expected, ROUTES, type Caller } from "./route-table";
import { as, invitedPerson, keyOf, owner, projectWithKey } from "./team-fixtures";

/** Every route × every kind of caller, on project `default`. */
describe("route × role table", () => {
  const headers = {} as Record<Caller, Record<string, string>>;

  beforeAll(async () => {
    const [viewer, editor, admin] = await Promise.all([invitedPerson("default", "viewer"), invitedPerson("default", "editor"), invitedPerson("default", "admin")]);
    const other = await projectWithKey("Other");
    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
    Object.assign(headers, {
      anonymous: {},
      viewer: await as(viewer),
      editor: await as(editor),
      admin: await as(admin),
      owner: await owner(),
      "ingest key": bearer(await keyOf("default", ["ingest"])),
      "read key": bearer(await keyOf("default", ["read"])),
      "other project's key": bearer(other.key),
    });
  }, 120_000);

  const cases = ROUTES.flatMap(([method, file, url, access]) => CALLERS.map((caller) => [method, file, caller, url, access] as const));

  it.each(cases)("%s %s as %s", async (method, _file, caller, url, access) => {
    const hasBody = method === "POST" || method === "PUT" || method === "PATCH";
    const res = await fetch(base() + url, {
      method,
      headers: { ...headers[caller], ...(hasBody ? { "content-type": "application/json" } : {}) },
      body: hasBody ? "{}" : undefined,
    });
    const want = expected(access, caller, url);
    const text = await res.text();
    if (want === "allowed") expect([401, 403, 500], text).not.toContain(res.status);
    else expect(res.status, text).toBe(want);
    expect(res.headers.get("content-type") ?? "application/json", text).toMatch(/json/);
  });
});
