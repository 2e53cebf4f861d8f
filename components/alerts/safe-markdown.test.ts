import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SafeMarkdown, safeUrl } from "./safe-markdown";

const render = (source: string) => renderToStaticMarkup(createElement(SafeMarkdown, { source }));

describe("SafeMarkdown", () => {
  it("renders Markdown formatting", () => {
    const html = render("**bold** and `kubectl exec`\n\n- one\n- two");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("kubectl exec</code>");
    expect(html).toMatch(/<ul[^>]*>\s*<li>one<\/li>/);
  });

  it("shows raw HTML as text, never as elements", () => {
    const html = render('<script>alert(1)</script><img src=x onerror="alert(2)"> <b>x</b>');
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&lt;img");
  });

  it("keeps http(s)/mailto links with rel=noopener noreferrer nofollow; drops other schemes", () => {
    const html = render("[ok](https://example.com/a) [mail](mailto:soc@example.com) [bad](javascript:alert(1)) [data](data:text/html,x) [rel](/admin)");
    expect(html).toContain('href="https://example.com/a"');
    expect(html).toContain('href="mailto:soc@example.com"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).not.toMatch(/javascript:|data:text|href="\/admin"/);
    expect(html).toContain("<span>bad</span>");
  });

  it("does not load images", () => {
    const html = render("![tracker](https://evil.example/p.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain("[image: tracker]");
  });

  it("safeUrl allows only http, https and mailto", () => {
    expect(safeUrl("https://a.b/c")).toBe("https://a.b/c");
    expect(safeUrl("JAVASCRIPT:alert(1)")).toBe("");
    expect(safeUrl("  javascript:alert(1)")).toBe("");
    expect(safeUrl("vbscript:x")).toBe("");
    expect(safeUrl("//evil.example")).toBe("");
  });
});
