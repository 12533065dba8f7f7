import fs from "node:fs";
import path from "node:path";

const FILE = path.resolve(import.meta.dirname, "../../BENCHMARKS.md");

/** Replaces (or appends) the section headed `## <title>` in BENCHMARKS.md. */
export function writeBenchSection(title: string, body: string) {
  const header = "# Benchmarks\n\nWritten by `npm run bench`. Each section names the machine and date of its run.\n";
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, "utf8") : header;
  const section = `## ${title}\n\n${body.trim()}\n`;
  const re = new RegExp(`## ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\n[\\s\\S]*?(?=\\n## |$)`);
  const next = re.test(current) ? current.replace(re, section) : `${current.trimEnd()}\n\n${section}`;
  fs.writeFileSync(FILE, next.trimEnd() + "\n");
}
