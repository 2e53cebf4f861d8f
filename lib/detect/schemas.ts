/** Request bodies of the rules API. */
import { z } from "zod";
import { RULE_KINDS } from "./types";

export const BacktestBody = z.object({
  kind: z.enum(RULE_KINDS).default("match"),
  definition: z.unknown(),
  hours: z.number().int().min(1).max(24 * 7).default(24),
}).strict();

export const TestEventBody = z.object({
  kind: z.enum(RULE_KINDS).default("match"),
  definition: z.unknown(),
  event: z.unknown(),
}).strict();

export const SigmaJsonBody = z.object({ yaml: z.string().min(1).max(2 * 1024 * 1024), enable: z.boolean().default(true) }).strict();
