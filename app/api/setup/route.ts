import { z } from "zod";
import { createFirstOwner, OwnerError } from "@/lib/auth/owner";
import { ownerExists } from "@/lib/db/users";
import { jsonError } from "@/lib/http/errors";
import { isSameOrigin } from "@/lib/http/origin";
import { readJsonBody } from "@/lib/http/read-json-body";

const body = z.object({
  name: z.string().trim().max(100, "at most 100 characters").default(""),
  email: z.email("enter an email address such as you@example.com"),
  password: z.string().min(8, "use at least 8 characters").max(128, "use at most 128 characters"),
});

/** One-time creation of the instance owner; 404 as soon as an owner exists. */
export async function POST(req: Request) {
  if (await ownerExists()) return jsonError(404, "setup is already done: sign in instead");
  if (!isSameOrigin(req)) return jsonError(403, "cross-site request refused");
  const read = await readJsonBody(req);
  if (!read.ok) return read.response;
  const parsed = body.safeParse(read.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(400, `${issue.path.join(".") || "body"}: ${issue.message}`, { field: issue.path[0] ?? null });
  }
  try {
    const user = await createFirstOwner(parsed.data);
    return Response.json({ user: { id: user.id, email: user.email } }, { status: 201 });
  } catch (err) {
    if (err instanceof OwnerError) {
      return jsonError(err.status, err.message, { field: err.message.startsWith("email") ? "email" : err.message.startsWith("password") ? "password" : null });
    }
    throw err;
  }
}
