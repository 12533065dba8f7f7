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
});

export interface Env {
  dataDir: string;
  apiKey: string | undefined;
  publicUrl: string | undefined;
  admin: { email: string; password: string } | undefined;
  trustedProxies: string[];
  authSecret: string | undefined;
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
  cached = {
    dataDir: path.resolve(d.SPANLENS_DATA_DIR),
    apiKey: d.SPANLENS_API_KEY || undefined,
    publicUrl: d.SPANLENS_URL ? new URL(d.SPANLENS_URL).origin : undefined,
    admin: d.SPANLENS_ADMIN_EMAIL ? { email: d.SPANLENS_ADMIN_EMAIL, password: d.SPANLENS_ADMIN_PASSWORD! } : undefined,
    trustedProxies: d.SPANLENS_TRUSTED_PROXIES?.split(",").map((s) => s.trim()).filter(Boolean) ?? [],
    authSecret: d.BETTER_AUTH_SECRET,
  };
  return cached;
}
