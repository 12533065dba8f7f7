import { toNextJsHandler } from "better-auth/next-js";
import { withPasswordLimits } from "@/lib/auth/password-attempts";
import { getAuth } from "@/lib/auth/server";

/** better-auth's own routes: sign-in, sign-out, session (it checks their origins itself). */
export const { GET, POST } = toNextJsHandler(async (req: Request) => withPasswordLimits(req, async (r) => (await getAuth()).handler(r)));
