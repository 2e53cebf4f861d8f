/** The built-in Kubernetes rule pack (lib/detect/pack/*), synced into the rules table at start. */
import { BUILTIN_PACK } from "./pack";
import type { RuleSpec } from "./types";

export type BuiltinRule = RuleSpec;

export const BUILTIN_RULES: RuleSpec[] = BUILTIN_PACK;
