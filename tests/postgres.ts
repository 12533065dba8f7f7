import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./server";

export interface TestPostgres {
  /** postgres://spanlens:<password>@127.0.0.1:<port>/spanlens */
  url: string;
  password: string;
  /** Runs one statement as the superuser, for checks the API cannot make. */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** Debian's server binaries (`apt-get install postgresql`), newest version first; null when absent. */
export function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(root, v, "bin");
    if (fs.existsSync(path.join(bin, "initdb")) && fs.existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return null;
}

/**
 * A throwaway PostgreSQL server: initdb in a temp dir, then pg_ctl on a free port of
 * 127.0.0.1 with a generated password. PostgreSQL refuses to run as root, so as root
 * the commands run as the `postgres` user the Debian package creates.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: apt-get install -y postgresql");
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : path.join(bin, cmd), asRoot ? ["-u", "postgres", "--", path.join(bin, cmd), ...args] : args, {
      stdio: "pipe",
    });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spanlens-pg-"));
  const data = path.join(dir, "data");
  const password = randomBytes(18).toString("base64url");
  fs.writeFileSync(path.join(dir, "pw"), password + "\n");
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    fs.chownSync(dir, uid, gid);
    fs.chownSync(path.join(dir, "pw"), uid, gid);
  }
  // Password auth over TCP (what a deployment does), so the test also sees that the password stays out of logs.
  run("initdb", ["-D", data, "-U", "spanlens", `--pwfile=${path.join(dir, "pw")}`, "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
  const port = await freePort();
  // fsync off: the data is thrown away, and the suite shares two cores with other builds.
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c max_connections=50`;
  run("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-o", opts, "-w", "-t", "60", "start"]);

  const admin = `postgres://spanlens:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const pool = new pg.Pool({ connectionString: `${admin}/postgres`, max: 2 });
  await pool.query("CREATE DATABASE spanlens");
  await pool.end();
  const db = new pg.Pool({ connectionString: `${admin}/spanlens`, max: 2 });

  return {
    url: `${admin}/spanlens`,
    password,
    async query(text, values) {
      return (await db.query(text, values)).rows;
    },
    async stop() {
      await db.end().catch(() => undefined);
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
