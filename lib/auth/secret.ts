import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

const SECRET_FILE = "auth-secret";

/**
 * The key better-auth signs session cookies with: BETTER_AUTH_SECRET, else one generated
 * at first start and kept in the data dir, readable by this user only. It is never
 * printed: whoever holds it can forge sessions.
 */
export function authSecret(): string {
  const fromEnv = env().authSecret;
  if (fromEnv) return fromEnv;
  const file = path.join(env().dataDir, SECRET_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": two processes starting at once cannot both write one; the loser reads the winner's.
    fs.writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters: delete it to generate a new one`);
  return secret;
}
