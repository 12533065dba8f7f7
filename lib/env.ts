import path from "node:path";
import { z } from "zod";

const optional = z.string().optional().transform((v) => v?.trim() || undefined);

const schema = z.object({
  SPANLENS_DATA_DIR: z.string().min(1).default("./data"),
  SPANLENS_API_KEY: z.string().min(8, "SPANLENS_API_KEY must be at least 8 characters").optional(),
  /** The URL people open, e.g. https://spanlens.example.com; without it, the request's own host is used. */
  SPANLENS_URL: z.url("SPANLENS_URL must be an absolute URL such as https://spanlens.example.com").optional(),
  SPANLENS_ADMIN_EMAIL: optional,
  SPANLENS_ADMIN_PASSWORD: optional,
  /** Reverse proxies (IPs or CIDRs) whose X-Forwarded-For is believed, for sign-in rate limits. */
  SPANLENS_TRUSTED_PROXIES: optional,
  BETTER_AUTH_SECRET: optional,
  /** OpenID Connect single sign-on: the issuer (discovery at <issuer>/.well-known/openid-configuration). */
  SPANLENS_OIDC_ISSUER: optional.pipe(
    z.url({ protocol: /^https?$/, error: "SPANLENS_OIDC_ISSUER must be the provider's issuer URL, such as https://sso.example.com" }).optional(),
  ),
  SPANLENS_OIDC_CLIENT_ID: optional,
  SPANLENS_OIDC_CLIENT_SECRET: optional,
  /** The sign-in button says "Sign in with <name>". */
  SPANLENS_OIDC_NAME: optional,
  /** Only emails of this domain may sign in through SSO. */
  SPANLENS_OIDC_ALLOWED_DOMAIN: optional.pipe(
    z.string()
      .transform((v) => v.replace(/^@/, "").toLowerCase())
      .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, "SPANLENS_OIDC_ALLOWED_DOMAIN must be a domain such as example.com"))
      .optional(),
  ),
  /** Where spans live: the embedded DuckDB file (default) or ClickHouse (see clickhouseFrom). */
  SPANLENS_SPAN_STORE: optional.pipe(
    z.enum(["duckdb", "clickhouse"], { error: "SPANLENS_SPAN_STORE must be duckdb or clickhouse" }).default("duckdb"),
  ),
  /** http(s)://host:8123 for a ClickHouse server, or chdb://<path> for embedded chDB (tests, trying it out). */
  SPANLENS_CLICKHOUSE_URL: optional,
  SPANLENS_CLICKHOUSE_USER: optional,
  SPANLENS_CLICKHOUSE_PASSWORD: optional,
  SPANLENS_CLICKHOUSE_DATABASE: optional.pipe(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "SPANLENS_CLICKHOUSE_DATABASE must be a plain identifier such as spanlens").default("spanlens"),
  ),
  /** write: Spanlens owns its tables; read: explore an otel_traces table an OpenTelemetry Collector fills. */
  SPANLENS_CLICKHOUSE_MODE: optional.pipe(
    z.enum(["write", "read"], { error: "SPANLENS_CLICKHOUSE_MODE must be write or read" }).default("write"),
  ),
  SPANLENS_CLICKHOUSE_TABLE: optional.pipe(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "SPANLENS_CLICKHOUSE_TABLE must be a plain identifier such as otel_traces").default("otel_traces"),
  ),
  /** A cluster name from the server's remote_servers: DDL runs ON CLUSTER with Replicated engines and a Distributed table. */
  SPANLENS_CLICKHOUSE_CLUSTER: optional.pipe(
    z.string().regex(/^[A-Za-z0-9_.-]+$/, "SPANLENS_CLICKHOUSE_CLUSTER must be a cluster name from remote_servers").optional(),
  ),
  /** Days ClickHouse keeps spans (a table TTL, set when the tables are created); unset = no TTL. */
  SPANLENS_CLICKHOUSE_TTL_DAYS: optional.pipe(
    z.string()
      .regex(/^[1-9][0-9]*$/, "SPANLENS_CLICKHOUSE_TTL_DAYS must be a whole number of days, at least 1")
      .transform(Number)
      .optional(),
  ),
});

export interface OidcEnv {
  issuer: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  /** What the button calls the provider. */
  name: string;
  /** Lower case, without "@". */
  allowedDomain: string | undefined;
}

export interface ClickHouseEnv {
  /** The URL as given; `chdb://<path>` means embedded chDB at that (resolved) path. */
  url: string;
  kind: "server" | "chdb";
  /** For chdb: the data directory. */
  chdbPath: string | undefined;
  user: string | undefined;
  password: string | undefined;
  database: string;
  mode: "write" | "read";
  table: string;
  cluster: string | undefined;
  ttlDays: number | undefined;
}

export interface Env {
  dataDir: string;
  apiKey: string | undefined;
  publicUrl: string | undefined;
  admin: { email: string; password: string } | undefined;
  trustedProxies: string[];
  authSecret: string | undefined;
  /** Single sign-on, when its issuer, client id and secret are all set. */
  oidc: OidcEnv | undefined;
  spanStore: "duckdb" | "clickhouse";
  /** Set when SPANLENS_SPAN_STORE=clickhouse. */
  clickhouse: ClickHouseEnv | undefined;
}

let cached: Env | null = null;

/** Validated environment, read once. Throws with the variable's name when it is bad. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${issue.path.join(".")}: ${issue.message}`);
  }
  const d = parsed.data;
  if (!!d.SPANLENS_ADMIN_EMAIL !== !!d.SPANLENS_ADMIN_PASSWORD) {
    throw new Error("Invalid environment: set both SPANLENS_ADMIN_EMAIL and SPANLENS_ADMIN_PASSWORD, or neither");
  }
  const oidcParts = [d.SPANLENS_OIDC_ISSUER, d.SPANLENS_OIDC_CLIENT_ID, d.SPANLENS_OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new Error(
      "Invalid environment: set all of SPANLENS_OIDC_ISSUER, SPANLENS_OIDC_CLIENT_ID and SPANLENS_OIDC_CLIENT_SECRET, or none",
    );
  }
  if (d.SPANLENS_OIDC_ISSUER && !d.SPANLENS_URL) {
    // The callback URL registered with the provider is built from it; a guess from the request would not match.
    throw new Error("Invalid environment: single sign-on (SPANLENS_OIDC_ISSUER) needs SPANLENS_URL");
  }
  if (d.SPANLENS_OIDC_ALLOWED_DOMAIN && !d.SPANLENS_OIDC_ISSUER) {
    throw new Error("Invalid environment: SPANLENS_OIDC_ALLOWED_DOMAIN needs SPANLENS_OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET");
  }
  const clickhouse = clickhouseFrom(d);
  cached = {
    dataDir: path.resolve(d.SPANLENS_DATA_DIR),
    apiKey: d.SPANLENS_API_KEY || undefined,
    publicUrl: d.SPANLENS_URL ? new URL(d.SPANLENS_URL).origin : undefined,
    admin: d.SPANLENS_ADMIN_EMAIL ? { email: d.SPANLENS_ADMIN_EMAIL, password: d.SPANLENS_ADMIN_PASSWORD! } : undefined,
    trustedProxies: d.SPANLENS_TRUSTED_PROXIES?.split(",").map((s) => s.trim()).filter(Boolean) ?? [],
    authSecret: d.BETTER_AUTH_SECRET,
    oidc: d.SPANLENS_OIDC_ISSUER
      ? {
        issuer: d.SPANLENS_OIDC_ISSUER,
        discoveryUrl: `${d.SPANLENS_OIDC_ISSUER.replace(/\/+$/, "")}/.well-known/openid-configuration`,
        clientId: d.SPANLENS_OIDC_CLIENT_ID!,
        clientSecret: d.SPANLENS_OIDC_CLIENT_SECRET!,
        name: d.SPANLENS_OIDC_NAME ?? "SSO",
        allowedDomain: d.SPANLENS_OIDC_ALLOWED_DOMAIN,
      }
      : undefined,
    spanStore: d.SPANLENS_SPAN_STORE,
    clickhouse,
  };
  return cached;
}

function clickhouseFrom(d: z.infer<typeof schema>): ClickHouseEnv | undefined {
  if (d.SPANLENS_SPAN_STORE !== "clickhouse") return undefined;
  const url = d.SPANLENS_CLICKHOUSE_URL;
  if (!url) {
    throw new Error(
      "Invalid environment: SPANLENS_SPAN_STORE=clickhouse needs SPANLENS_CLICKHOUSE_URL (http(s)://host:8123, or chdb://<path> for embedded chDB)",
    );
  }
  let kind: ClickHouseEnv["kind"];
  let chdbPath: string | undefined;
  if (url.startsWith("chdb://")) {
    kind = "chdb";
    const p = url.slice("chdb://".length);
    if (!p) throw new Error("Invalid environment: SPANLENS_CLICKHOUSE_URL: chdb:// needs a directory, e.g. chdb://./data/chdb");
    chdbPath = path.resolve(p);
    if (d.SPANLENS_CLICKHOUSE_CLUSTER) {
      throw new Error("Invalid environment: SPANLENS_CLICKHOUSE_CLUSTER needs a ClickHouse server; embedded chDB has no cluster");
    }
  } else {
    kind = "server";
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`Invalid environment: SPANLENS_CLICKHOUSE_URL: expected http(s)://host:port or chdb://<path>, got "${url}"`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
      throw new Error(`Invalid environment: SPANLENS_CLICKHOUSE_URL: expected http(s):// or chdb://, got "${parsed.protocol}//"`);
    }
  }
  if (d.SPANLENS_CLICKHOUSE_MODE === "read" && (d.SPANLENS_CLICKHOUSE_CLUSTER || d.SPANLENS_CLICKHOUSE_TTL_DAYS)) {
    throw new Error(
      "Invalid environment: SPANLENS_CLICKHOUSE_MODE=read creates no tables, so SPANLENS_CLICKHOUSE_CLUSTER and _TTL_DAYS do not apply",
    );
  }
  return {
    url, kind, chdbPath,
    user: d.SPANLENS_CLICKHOUSE_USER,
    password: d.SPANLENS_CLICKHOUSE_PASSWORD,
    database: d.SPANLENS_CLICKHOUSE_DATABASE,
    mode: d.SPANLENS_CLICKHOUSE_MODE,
    table: d.SPANLENS_CLICKHOUSE_TABLE,
    cluster: d.SPANLENS_CLICKHOUSE_CLUSTER,
    ttlDays: d.SPANLENS_CLICKHOUSE_TTL_DAYS,
  };
}
