import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/server";

/** better-auth's own routes: sign-in, sign-out, session (it checks their origins itself). */
export const { GET, POST } = toNextJsHandler(async (req: Request) => (await getAuth()).handler(req));
