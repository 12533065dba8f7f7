import { BadRequestError } from "./errors";
import type { AttributeScope } from "@/lib/contract";

const SCOPES: AttributeScope[] = ["span", "resource", "event", "intrinsic"];

export function parseScopeParam(raw: string | null): AttributeScope | undefined {
  if (!raw) return undefined;
  if (!(SCOPES as string[]).includes(raw)) throw new BadRequestError("scope", `expected one of ${SCOPES.join(", ")}, got "${raw}"`);
  return raw as AttributeScope;
}
