/** The built-in rule pack, one file per theme. */
import type { RuleSpec } from "../types";
import { ACCESS_RULES } from "./access";
import { CLUSTER_RULES } from "./cluster";
import { RBAC_RULES } from "./rbac";
import { RUNTIME_RULES } from "./runtime";
import { SECRET_RULES } from "./secrets";
import { WORKLOAD_RULES } from "./workloads";

export const BUILTIN_PACK: RuleSpec[] = [...WORKLOAD_RULES, ...RBAC_RULES, ...ACCESS_RULES, ...SECRET_RULES, ...CLUSTER_RULES, ...RUNTIME_RULES];
