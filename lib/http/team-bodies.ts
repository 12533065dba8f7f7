import { z } from "zod";
import { ROLES, SCOPES } from "@/lib/auth/roles";
import { INVITE_TTL } from "@/lib/db/invites";
import { PROJECT_NAME_MAX } from "@/lib/db/projects";

const role = z.enum(ROLES, `expected one of ${ROLES.join(", ")}`);

export const createProjectBody = z.object({
  name: z.string().trim().min(1, "name is required").max(PROJECT_NAME_MAX, `at most ${PROJECT_NAME_MAX} characters`),
}).strict();

export const createKeyBody = z.object({
  name: z.string().trim().min(1, "name is required").max(100, "at most 100 characters"),
  scopes: z
    .array(z.enum(SCOPES, `expected "ingest" or "read"`))
    .min(1, 'give at least one scope: "ingest", "read" or both')
    .default(["ingest"])
    .transform((s) => [...new Set(s)]),
}).strict();

export const addMemberBody = z.object({
  email: z.email("expected an email address").transform((e) => e.trim().toLowerCase()),
  role,
}).strict();

export const changeRoleBody = z.object({ role }).strict();

const HOUR = 3_600_000;
export const createInviteBody = z.object({
  role,
  email: z.email("expected an email address").optional(),
  expiresInHours: z
    .number("expected a number of hours")
    .int("expected whole hours")
    .min(INVITE_TTL.minMs / HOUR, `at least ${INVITE_TTL.minMs / HOUR} hour`)
    .max(INVITE_TTL.maxMs / HOUR, `at most ${INVITE_TTL.maxMs / HOUR} hours (30 days)`)
    .default(INVITE_TTL.defaultMs / HOUR),
}).strict();
