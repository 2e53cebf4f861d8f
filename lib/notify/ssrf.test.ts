import { describe, expect, it } from "vitest";
import { classifyAddress, UnsafeUrlError, validateWebhookUrl, type Resolver } from "./ssrf";
import { slackEscape, alertMessage } from "./payload";

const resolveTo = (...addresses: string[]): Resolver => async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
const publicDns = resolveTo("93.184.215.14");

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"], ["127.255.0.9", "loopback"], ["::1", "loopback"], ["0.0.0.0", "unspecified"], ["::", "unspecified"],
    ["169.254.169.254", "metadata"], ["fd00:ec2::254", "metadata"], ["100.100.100.200", "metadata"], ["169.254.10.1", "link-local"], ["fe80::1", "link-local"],
    ["10.0.0.5", "private"], ["172.16.5.4", "private"], ["172.31.255.255", "private"], ["192.168.1.1", "private"], ["fc00::1", "private"], ["fd12:3456::1", "private"],
    ["::ffff:127.0.0.1", "loopback"], ["::ffff:7f00:1", "loopback"], ["::ffff:a9fe:a9fe", "metadata"], ["64:ff9b::a00:5", "private"], ["2002:7f00:1::", "loopback"],
    ["224.0.0.1", "multicast"], ["255.255.255.255", "reserved"],
  ])("%s is %s", (addr, cls) => expect(classifyAddress(addr)).toBe(cls));

  it.each(["93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])("%s is public", (addr) => expect(classifyAddress(addr)).toBeNull());
});

describe("validateWebhookUrl", () => {
  const refused = (url: string, allowPrivate = false, resolve: Resolver = publicDns) =>
    expect(validateWebhookUrl(url, { allowPrivate, resolve })).rejects.toBeInstanceOf(UnsafeUrlError);

  it("refuses loopback, link-local, metadata and private destinations however they are spelled", async () => {
    for (const url of [
      "http://127.0.0.1/hook", "http://localhost:8080/", "http://LOCALHOST./", "http://app.localhost/", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.5/", "http://0x7f000001/", "http://2130706433/", "http://0177.0.0.1/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
      "http://[fe80::1]/", "http://192.168.0.10/", "http://[fd00:ec2::254]/",
    ]) await refused(url);
  });

  it("refuses a hostname that resolves to loopback (any of its addresses)", async () => {
    await refused("https://hooks.evil.example/x", false, resolveTo("127.0.0.1"));
    await refused("https://hooks.evil.example/x", false, resolveTo("93.184.215.14", "10.1.2.3"));
    await refused("https://nowhere.invalid/", false, async () => Promise.reject(Object.assign(new Error("not found"), { code: "ENOTFOUND" })));
  });

  it("refuses other schemes and credentials in the URL", async () => {
    for (const url of ["ftp://example.com/", "file:///etc/passwd", "gopher://example.com/", "https://user:pw@example.com/", "not a url"]) await refused(url);
  });

  it("accepts public destinations, and private ones only when allowed — metadata never", async () => {
    await expect(validateWebhookUrl("https://hooks.slack.com/services/T0/B0/x", { allowPrivate: false, resolve: publicDns })).resolves.toMatchObject({ addresses: ["93.184.215.14"] });
    await expect(validateWebhookUrl("http://127.0.0.1:9000/hook", { allowPrivate: true })).resolves.toMatchObject({ addresses: ["127.0.0.1"] });
    await expect(validateWebhookUrl("http://receiver.internal/", { allowPrivate: true, resolve: resolveTo("10.0.0.7") })).resolves.toBeTruthy();
    await refused("http://169.254.169.254/", true);
    await refused("http://metadata.google.internal/", true, resolveTo("169.254.169.254"));
  });
});

describe("Slack payload", () => {
  it("escapes log text so it cannot form links or mentions, and links the alert absolutely", () => {
    expect(slackEscape("<!channel> <https://evil|click> & more")).toBe("&lt;!channel&gt; &lt;https://evil|click&gt; &amp; more");
    const m = alertMessage({ id: 7, title: "<!here> exec", severity: "critical", ruleName: "R", cluster: "c", namespace: "n", pod: "p", actor: "<@U123>", firstSeen: new Date(0) });
    const text = JSON.stringify(m);
    expect(text).not.toContain("<!here>");
    expect(text).not.toContain("<@U123>");
    expect(m.text).toContain("http://127.0.0.1:3000/alerts/7");
    expect(m.blocks).toHaveLength(2);
  });
});
