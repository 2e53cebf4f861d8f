import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { checkedDefinition } from "@/lib/detect/admin";
import { backtestRule } from "@/lib/detect/backtest";
import { BacktestBody } from "@/lib/detect/schemas";

export const POST = route(async (req) => {
  await requireUser("analyst");
  const body = BacktestBody.parse(await readJson(req));
  const definition = checkedDefinition(body.kind, body.definition);
  return json(await backtestRule(getDb(), body.kind, definition, { hours: body.hours }));
});
