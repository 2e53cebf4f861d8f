import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { HttpError, json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { importSigma } from "@/lib/detect/sigma/import";
import { SigmaJsonBody } from "@/lib/detect/schemas";

const MAX = 2 * 1024 * 1024;

/** Sigma YAML (one or many documents) as the body (text/yaml, text/plain), or JSON {yaml, enable}. */
export const POST = route(async (req) => {
  const user = await requireUser("analyst");
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  let yaml: string;
  let enable = req.nextUrl.searchParams.get("enable") !== "false";
  if (type === "application/json") {
    const body = SigmaJsonBody.parse(await readJson(req, MAX));
    yaml = body.yaml;
    enable = body.enable;
  } else if (["text/yaml", "application/yaml", "application/x-yaml", "text/x-yaml", "text/plain", ""].includes(type)) {
    yaml = await req.text();
    if (yaml.length > MAX) throw new HttpError(413, "body too large");
  } else {
    throw new HttpError(415, "send Sigma rules as YAML (text/yaml) or JSON {\"yaml\": …}");
  }
  if (!yaml.trim()) throw new HttpError(400, "no Sigma rule in the body");
  return json(await importSigma(getDb(), user, yaml, { enable }));
});
