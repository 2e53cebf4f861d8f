import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { checkedDefinition } from "@/lib/detect/admin";
import { testRuleOnEvent } from "@/lib/detect/test-event";
import { TestEventBody } from "@/lib/detect/schemas";

export const POST = route(async (req) => {
  await requireUser("viewer");
  const body = TestEventBody.parse(await readJson(req));
  const definition = checkedDefinition(body.kind, body.definition);
  return json(testRuleOnEvent(body.kind, definition, body.event));
});
