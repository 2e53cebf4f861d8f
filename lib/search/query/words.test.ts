import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { FULLTEXT_MAX_CHARS, FULLTEXT_SEPARATORS, containsWords, indexedText, queryWords, textWords, toTsquery, tsvectorLiteral } from "./words";

describe("full-text words", () => {
  it("splits paths, addresses, key=value and identifiers into words", () => {
    expect(textWords("cat /etc/shadow from 10.0.0.1:8080 user=Bob@Example.com kube-system foo_bar [preauth]")).toEqual(
      ["cat", "etc", "shadow", "from", "10ǂ0ǂ0ǂ1", "8080", "user", "bob", "example", "com", "kube", "system", "foo", "bar", "preauth"],
    );
    expect(textWords("Ñandú 日本語 naïve—word")).toEqual(["ñandú", "日本語", "naïve", "word"]);
  });

  it("a dot between digits joins them: addresses and versions are one word", () => {
    expect(textWords("v1.30.0 3.14. a.b 1..2 x.1 1.x Ǆ")).toEqual(["v1ǂ30ǂ0", "3ǂ14", "a", "b", "1", "2", "x", "1", "1", "x", "ǆ"]);
    expect(toTsquery(queryWords("10.0.2.17", false))).toBe("10ǂ0ǂ2ǂ17");
    expect(toTsquery(queryWords("10.0.2*", true))).toBe("10ǂ0ǂ2:*");
    expect(containsWords(textWords("client: 10.0.2.17, port 80"), queryWords("10.0.2.17", false))).toBe(true);
    expect(containsWords(textWords("10.0.2.170"), queryWords("10.0.2.17", false))).toBe(false);
    expect(containsWords(textWords("10.0.2.17"), queryWords("17", false))).toBe(false);
  });

  it("every ASCII separator the migration translates is a word boundary here too", () => {
    expect(FULLTEXT_SEPARATORS).toHaveLength(32);
    for (const c of FULLTEXT_SEPARATORS) expect(textWords(`a${c}b`)).toEqual(["a", "b"]);
    // and nothing else in printable ASCII is
    const rest = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).filter((c) => c !== " " && !FULLTEXT_SEPARATORS.includes(c));
    expect(rest.every((c) => /[a-z0-9]/i.test(c))).toBe(true);
  });

  it("drops words PostgreSQL will not index (2,047 bytes or more)", () => {
    expect(textWords(`a ${"x".repeat(2046)} ${"y".repeat(2047)} b`)).toEqual(["a", "x".repeat(2046), "b"]);
    expect(textWords(`${"é".repeat(1024)} c`)).toEqual(["c"]); // 2,048 bytes
  });

  it("indexes identity fields first and cuts at the column's character limit", () => {
    expect(indexedText({ actor: "alice", pod: "web-1", message: "hi" })).toBe("alice  web-1   hi");
    const long = indexedText({ actor: "alice", message: "😀".repeat(FULLTEXT_MAX_CHARS) });
    expect(Array.from(long)).toHaveLength(FULLTEXT_MAX_CHARS);
    expect(long.startsWith("alice ")).toBe(true);
  });

  it("a term of several words is a phrase; a trailing * makes a prefix", () => {
    expect(toTsquery(queryWords("/etc/shadow", false))).toBe("etc <-> shadow");
    expect(toTsquery(queryWords("kube*", true))).toBe("kube:*");
    expect(toTsquery(queryWords("/etc/sha*", true))).toBe("etc <-> sha:*");
    expect(toTsquery(queryWords("*shadow", true))).toBe("shadow");
    expect(toTsquery(queryWords("'); DROP TABLE events; --", false))).toBe("drop <-> table <-> events");
    expect(toTsquery(queryWords("--- ***", true))).toBeNull();
    expect(queryWords(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "), false)).toHaveLength(32);
  });

  it("matches words in order and adjacent", () => {
    const have = textWords("cat /etc/shadow and /tmp/etc");
    expect(containsWords(have, queryWords("/etc/shadow", false))).toBe(true);
    expect(containsWords(have, queryWords("shadow", false))).toBe(true);
    expect(containsWords(have, queryWords("shadow/etc", false))).toBe(false);
    expect(containsWords(have, queryWords("etc/sha*", true))).toBe(true);
    expect(containsWords(have, queryWords("etc/shadow/x", false))).toBe(false);
    expect(containsWords(textWords("10.0.0.12"), queryWords("10.0.0.1", false))).toBe(false);
    expect(containsWords(textWords("from 10.0.0.1:22"), queryWords("10.0.0.1", false))).toBe(true);
    expect(containsWords([], [])).toBe(true);
  });

  it("builds the tsvector literal the search column stores: positions from 1, identity fields first", () => {
    expect(tsvectorLiteral({ actor: "alice", message: "cat /etc/shadow; cat 10.0.0.1" })).toBe("'alice':1 'cat':2,5 'etc':3 'shadow':4 '10ǂ0ǂ0ǂ1':6");
    expect(tsvectorLiteral({ message: "---" })).toBe("");
  });

  it("keeps PostgreSQL's limits: positions up to 16,383 and 255 per word", () => {
    const lit = tsvectorLiteral({ message: "w ".repeat(300) + "x ".repeat(20_000) + "y" });
    const positions = (word: string) => lit.match(new RegExp(`'${word}':([0-9,]+)`))![1].split(",").map(Number);
    expect(positions("w")).toHaveLength(255);
    expect(positions("w").slice(0, 3)).toEqual([1, 2, 3]);
    expect(positions("x")[0]).toBe(301);
    expect(positions("y")).toEqual([16_383]);
  });

  it("the ASCII fast path finds the same words as the Unicode one", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."aZ09._-/: \t\n'\"\\é"), maxLength: 40 }), (t) => {
        const unicode = (t.replace(/(?<=[0-9])\.(?=[0-9])/g, "\u01C2").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
        expect(textWords(t)).toEqual(unicode);
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});

