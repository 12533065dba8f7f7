import { z } from "zod";
import { bodyProblem, funnelBody, toFunnelQuery } from "./funnel-body";
import { BadRequestError, QueryError } from "./errors";

const name = z.string().trim().min(1, "name is required").max(100, "at most 100 characters");
const author = z.string().trim().min(1, "author is required").max(100, "at most 100 characters");

export const createSavedFunnelBody = z.object({ name, author, definition: funnelBody }).strict();
export const patchSavedFunnelBody = z.object({ name, author, definition: funnelBody }).partial().strict();

/** The first problem with a saved-funnel body: shape, or a step that does not compile. */
export function savedFunnelProblem(
  parsed: { success: true; data: { definition?: z.infer<typeof funnelBody> } } | { success: false; error: z.ZodError },
): { error: string; from?: number; to?: number } | null {
  if (!parsed.success) return { error: bodyProblem(parsed.error) };
  if (!parsed.data.definition) return null;
  try {
    toFunnelQuery(parsed.data.definition, 0);
    return null;
  } catch (err) {
    if (err instanceof QueryError) return { error: `definition.${err.message}`, from: err.from, to: err.to };
    if (err instanceof BadRequestError) return { error: `definition.${err.message}` };
    throw err;
  }
}
