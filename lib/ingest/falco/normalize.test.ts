import { describe, expect, it } from "vitest";
import { MAX_RAW_CHARS } from "../types";
import { normalizeFalcoAlert, normalizeFalcoBody, RecordError } from "./normalize";

const CLUSTER = "prod-eu-1";
const ctx = { cluster: CLUSTER, contentType: "application/json" };
const now = Date.now();
/** Falco writes nanoseconds; built from "now" so precision handling is exercised. */
const nanos = (offsetMs = 0) => new Date(now + offsetMs).toISOString().replace("Z", "123456Z");
const run = (body: string) => normalizeFalcoBody(Buffer.from(body), ctx);

type Alert = Record<string, unknown>;
function alert(over: Alert = {}, fields: Alert = {}): Alert {
  const time = nanos();
  return {
    hostname: "ip-10-0-1-23.eu-west-1.compute.internal",
    output: `${time.slice(11, 29)}: Notice A shell was spawned in a container with an attached terminal (user=root user_loginuid=-1 k8s.ns=payments k8s.pod=payments-api-7d9f8b6c5-x2k4q container=3f2a1b4c5d6e shell=sh parent=runc cmdline=sh -i terminal=34816 container_id=3f2a1b4c5d6e image=ghcr.io/corp-example/payments-api)`,
    priority: "Notice",
    rule: "Terminal shell in container",
    source: "syscall",
    tags: ["container", "mitre_execution", "shell", "T1059"],
    time,
    output_fields: {
      "container.id": "3f2a1b4c5d6e",
      "container.name": "payments-api",
      "container.image.repository": "ghcr.io/corp-example/payments-api",
      "container.image.tag": "1.42.0",
      "evt.time": new Date(now).toISOString().slice(11, 23) + "456789",
      "k8s.ns.name": "payments",
      "k8s.pod.name": "payments-api-7d9f8b6c5-x2k4q",
      "proc.cmdline": "sh -i",
      "proc.name": "sh",
      "user.name": "root",
      "user.loginuid": -1,
      ...fields,
    },
    ...over,
  };
}

describe("normalizeFalcoAlert", () => {
  it("maps a syscall alert and keeps the alert verbatim in attributes", () => {
    const raw = alert();
    const e = normalizeFalcoAlert(raw, CLUSTER);
    expect(e).toMatchObject({
      cluster: CLUSTER, layer: "runtime", source: "falco", severity: "notice",
      node: "ip-10-0-1-23.eu-west-1.compute.internal", namespace: "payments", pod: "payments-api-7d9f8b6c5-x2k4q",
      container: "payments-api", image: "ghcr.io/corp-example/payments-api:1.42.0", workload: "payments-api",
      actor: "root", actorType: "user", verb: null, resource: null, code: null, sourceIp: null,
      message: raw.output,
    });
    expect(e.ts.getTime()).toBe(now);
    expect(e.tsText).toBe(raw.time);
    expect(e.attributes).toEqual(raw);
    // Another stage enriches pod/namespace from the container id: it must survive untouched.
    expect((e.attributes.output_fields as Alert)["container.id"]).toBe("3f2a1b4c5d6e");
  });

  it.each([
    ["Emergency", "emergency"], ["Alert", "alert"], ["Critical", "critical"], ["Error", "error"], ["Warning", "warning"],
    ["Notice", "notice"], ["Informational", "info"], ["Info", "info"], ["Debug", "debug"], ["WARNING", "warning"],
  ])("priority %s → severity %s", (priority, severity) => {
    expect(normalizeFalcoAlert(alert({ priority }), CLUSTER).severity).toBe(severity);
  });

  it("treats Falco's host pseudo-container and <NA> fields as empty", () => {
    const e = normalizeFalcoAlert(alert({}, {
      "container.id": "host", "container.name": "host", "container.image.repository": null, "container.image.tag": null,
      "k8s.ns.name": null, "k8s.pod.name": "<NA>", "user.name": "ec2-user",
    }), CLUSTER);
    expect(e).toMatchObject({ container: null, image: null, namespace: null, pod: null, workload: null, actor: "ec2-user", node: "ip-10-0-1-23.eu-west-1.compute.internal" });
  });

  it("falls back to the rule as message and to container.image for the image", () => {
    const { output: _o, ...noOutput } = alert();
    const raw = { ...noOutput, output_fields: { ...(noOutput.output_fields as Alert), "container.image.repository": undefined, "container.image": "docker.io/library/nginx:1.25.4" } };
    const e = normalizeFalcoAlert(raw, CLUSTER);
    expect(e.message).toBe("Terminal shell in container");
    expect(e.image).toBe("docker.io/library/nginx:1.25.4");
  });

  it("derives the workload from pod labels when Falco prints them", () => {
    const e = normalizeFalcoAlert(alert({}, { "k8s.pod.name": "ledger-db-0", "k8s.pod.labels": "[app:ledger-db, statefulset.kubernetes.io/pod-name:ledger-db-0, controller-revision-hash:ledger-db-6c9f]" }), CLUSTER);
    expect(e.workload).toBe("ledger-db");
  });

  it("falls back to epoch nanoseconds in output_fields when `time` is missing", () => {
    const e = normalizeFalcoAlert(alert({ time: undefined }, { "evt.time": undefined, "evt.rawtime": now * 1_000_000 + 123_456 }), CLUSTER);
    expect(e.ts.getTime()).toBe(now);
    // past 2^53 a JSON number cannot carry nanoseconds exactly: microseconds are kept
    expect(e.tsText).toBe(new Date(now).toISOString().replace("Z", "123Z"));
  });

  it("marks Falcosidekick payloads by their uuid", () => {
    const e = normalizeFalcoAlert(alert({ uuid: "5d1c3f9e-0c8a-4b8e-9f7a-2b6c1d0e4f11" }), CLUSTER);
    expect(e.source).toBe("falcosidekick");
  });

  it("maps k8saudit plugin alerts onto the audit columns, still as runtime", () => {
    const e = normalizeFalcoAlert({
      hostname: "falco-k8saudit-0", priority: "Notice", rule: "Attach/Exec Pod", source: "k8s_audit", time: nanos(-1000),
      output: "Attach/Exec to pod (user=alice@corp.example pod=checkout-5c7d8f9b4-q2w4x resource=pods ns=checkout action=exec command=sh)",
      output_fields: {
        "ka.user.name": "alice@corp.example", "ka.verb": "create", "ka.target.resource": "pods", "ka.target.subresource": "exec",
        "ka.target.namespace": "checkout", "ka.target.name": "checkout-5c7d8f9b4-q2w4x", "ka.response.code": "101",
        "ka.sourceips": "[198.51.100.23]", "ka.uri": "/api/v1/namespaces/checkout/pods/checkout-5c7d8f9b4-q2w4x/exec?command=sh&container=checkout&stdin=true",
      },
    }, CLUSTER);
    expect(e).toMatchObject({
      layer: "runtime", source: "falco", severity: "notice", actor: "alice@corp.example", actorType: "user",
      verb: "create", resource: "pods", subresource: "exec", namespace: "checkout", objectName: "checkout-5c7d8f9b4-q2w4x",
      pod: "checkout-5c7d8f9b4-q2w4x", workload: "checkout", container: "checkout", code: 101, sourceIp: "198.51.100.23", node: null,
    });
  });

  it("throws RecordError for what is not a usable alert", () => {
    expect(() => normalizeFalcoAlert("x", CLUSTER)).toThrow(RecordError);
    expect(() => normalizeFalcoAlert({ hello: 1 }, CLUSTER)).toThrow(/neither `rule` nor `output`/);
    expect(() => normalizeFalcoAlert(alert({ priority: "Severe" }), CLUSTER)).toThrow(/unknown Falco priority "Severe"/);
    expect(() => normalizeFalcoAlert(alert({ priority: undefined }), CLUSTER)).toThrow(/without a priority/);
    expect(() => normalizeFalcoAlert(alert({ time: "yesterday" }), CLUSTER)).toThrow(/bad timestamp in time/);
    expect(() => normalizeFalcoAlert(alert({ time: undefined }, { "evt.time": undefined }), CLUSTER)).toThrow(/^no timestamp: none of time, output_fields.evt.time.iso8601/);
    expect(() => normalizeFalcoAlert({ kind: "Event", auditID: "a", verb: "get" }, CLUSTER)).toThrow(/k8s-audit endpoint/);
  });
});

describe("normalizeFalcoBody", () => {
  it("accepts one alert, a JSON array and NDJSON", () => {
    expect(run(JSON.stringify(alert())).events).toHaveLength(1);
    const arr = run(JSON.stringify([alert(), alert({ priority: "Critical" })]));
    expect(arr.events.map((e) => e.severity)).toEqual(["notice", "critical"]);
    const nd = run([alert(), alert({ rule: "Read sensitive file untrusted" })].map((a) => JSON.stringify(a)).join("\n") + "\n");
    expect(nd.events.map((e) => e.attributes.rule)).toEqual(["Terminal shell in container", "Read sensitive file untrusted"]);
    expect(nd.rejected).toEqual([]);
    // Fluent Bit's [ts, {...}] pairs around Falco's file output
    expect(run(JSON.stringify([now / 1000, alert()])).events[0].source).toBe("falco");
  });

  it("accepts syslog-framed alerts (RFC 5424 and BSD) and keeps the frame beside the alert", () => {
    const a = alert();
    const body = [
      `<13>1 ${new Date(now).toISOString()} ip-10-0-1-23 falco - - - ${JSON.stringify(a)}`,
      `<13>May  1 10:00:00 ip-10-0-1-24 falco: ${JSON.stringify(alert({ hostname: undefined }))}`,
      `<14>May  1 10:00:00 ip-10-0-1-25 falco[812]: ${JSON.stringify(alert({ priority: "Warning" }))}`,
    ].join("\n");
    const out = run(body);
    expect(out.rejected).toEqual([]);
    expect(out.events.map((e) => [e.node, e.severity])).toEqual([
      ["ip-10-0-1-23.eu-west-1.compute.internal", "notice"],
      // no hostname in the alert: the syslog host is the node
      ["ip-10-0-1-24", "notice"],
      ["ip-10-0-1-23.eu-west-1.compute.internal", "warning"],
    ]);
    // the alert's own time wins over the frame's
    expect(out.events[1].tsText).toBe(a.time);
    expect(out.events[2].attributes).toMatchObject({ rule: "Terminal shell in container", syslog: { format: "rfc3164", pri: 14, app: "falco", pid: "812" } });
  });

  it("rejects poison records with a reason and keeps the good ones", () => {
    const body = [
      JSON.stringify(alert()),
      '{"output": "truncated',
      "<13>May  1 10:00:00 node-1 falco: 10:00:00.000: Notice A shell was spawned (text output, not JSON)",
      "Falco is not JSON at all",
      JSON.stringify(alert({ priority: "Loud" })),
      JSON.stringify({ foo: "bar" }),
      "",
      JSON.stringify(alert({ priority: "Error" })),
    ].join("\n");
    const out = run(body);
    expect(out.events.map((e) => e.severity)).toEqual(["notice", "error"]);
    expect(out.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, expect.stringMatching(/^line 2 is not valid JSON/)],
      [2, "line 3: syslog message is not a Falco JSON alert (Falco must run with json_output: true)"],
      [3, "line 4: neither JSON nor a syslog line (Falco must run with json_output: true)"],
      [4, 'unknown Falco priority "Loud"'],
      [5, "not a Falco alert: it has neither `rule` nor `output`"],
    ]);
    expect(out.rejected[4].raw).toBe('{"foo":"bar"}');
    expect(out.rejected[1].raw).toMatch(/^<13>May/);
  });

  it("caps the raw text of a rejected record", () => {
    const out = run(JSON.stringify(alert()) + "\n{" + "x".repeat(MAX_RAW_CHARS * 2));
    expect(out.events).toHaveLength(1);
    expect(out.rejected[0].raw.length).toBeLessThanOrEqual(MAX_RAW_CHARS);
  });

  it("throws only when nothing in the body decodes", () => {
    expect(() => run("")).toThrow(/empty body/);
    expect(() => run("not json\nstill not json")).toThrow(/body is not a Falco JSON alert/);
  });
});
