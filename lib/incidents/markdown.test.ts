import { describe, expect, it } from "vitest";
import { mdBlock, mdCode } from "./markdown";

describe("report markdown escaping", () => {
  it("wraps text in a code span longer than any backtick run in it", () => {
    expect(mdCode("kubectl exec")).toBe("`kubectl exec`");
    expect(mdCode("a ``b`` c")).toBe("```a ``b`` c```");
    expect(mdCode("`start")).toBe("`` `start ``");
  });

  it("keeps HTML, links and headings inert and on one line", () => {
    const s = mdCode("<img src=x onerror=alert(1)>\n# owned [click](javascript:alert(1))");
    expect(s).toBe("`<img src=x onerror=alert(1)> # owned [click](javascript:alert(1))`");
    expect(s.includes("\n")).toBe(false);
  });

  it("fences blocks so the content cannot close them", () => {
    const evil = "text\n```\n<script>alert(1)</script>\n````";
    const block = mdBlock(evil);
    const fence = block.split("\n")[0].replace("text", "");
    expect(fence).toBe("`````");
    expect(block.endsWith("\n`````")).toBe(true);
    expect(block.split("\n").slice(1, -1).some((l) => l.startsWith(fence))).toBe(false);
  });

  it("shows control and bidi characters as escapes", () => {
    expect(mdCode("evil\u202Etxt.exe")).toBe("`evil\\u202etxt.exe`");
    expect(mdBlock("a\u0000b")).toContain("a\\u0000b");
    expect(mdCode("")).toBe("(empty)");
  });
});
