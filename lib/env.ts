import path from "node:path";
import { z } from "zod";

const schema = z.object({
  SPANLENS_DATA_DIR: z.string().min(1).default("./data"),
  SPANLENS_API_KEY: z.string().min(8, "SPANLENS_API_KEY must be at least 8 characters").optional(),
});

let cached: { dataDir: string; apiKey: string | undefined } | null = null;

/** Validated environment, read once. Throws with the variable's name when it is bad. */
export function env() {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${issue.path.join(".")}: ${issue.message}`);
  }
  cached = {
    dataDir: path.resolve(parsed.data.SPANLENS_DATA_DIR),
    apiKey: parsed.data.SPANLENS_API_KEY || undefined,
  };
  return cached;
}
