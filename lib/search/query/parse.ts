import { QuerySyntaxError, type QueryNode } from "./ast";
import { FIELDS, resolveField } from "./fields";
import { compileRegex } from "./regex";

/**
 * Parses the Lucene/KQL-like search language:
 *   field:value  "quoted phrase"  namespace:kube-*  AND OR NOT -term  ( … )
 *   code>=400  _exists_:pod  verb:(create OR patch)  attributes.user.groups:admins
 *   attributes.userAgent:/curl|wget/i  (regex, unanchored; no unescaped whitespace)
 *   attributes.requestObject.spec.containers.image:nginx*  (arrays on a path are searched element by element)
 * Bare words are full-text terms; adjacent terms are ANDed. Keywords are upper case.
 */
export function parseQuery(input: string): QueryNode {
  const p = new Parser(input);
  return p.parse();
}

const STOP = new Set([" ", "\t", "\n", "\r", "(", ")", '"']);
const IDENT = /[A-Za-z0-9_.@$\-/*]/;
const MAX_DEPTH = 32;
const MAX_LENGTH = 4096;

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly s: string) {}

  parse(): QueryNode {
    if (this.s.length > MAX_LENGTH) throw new QuerySyntaxError(`query longer than ${MAX_LENGTH} characters`, MAX_LENGTH);
    this.ws();
    if (this.eof()) return { type: "all" };
    const node = this.parseOr(null);
    this.ws();
    if (!this.eof()) {
      if (this.s[this.pos] === ")") throw new QuerySyntaxError("unexpected ')'", this.pos, "remove it or add a matching '('");
      throw new QuerySyntaxError(`unexpected '${this.s[this.pos]}'`, this.pos);
    }
    return node;
  }

  private eof() {
    return this.pos >= this.s.length;
  }
  private ws() {
    while (!this.eof() && /\s/.test(this.s[this.pos])) this.pos++;
  }
  private keyword(word: "AND" | "OR" | "NOT"): boolean {
    this.ws();
    if (this.s.startsWith(word, this.pos)) {
      const after = this.s[this.pos + word.length];
      if (after === undefined || /\s/.test(after) || after === "(" || after === '"') {
        this.pos += word.length;
        return true;
      }
    }
    return false;
  }

  private parseOr(field: string | null): QueryNode {
    const children = [this.parseAnd(field)];
    while (this.keyword("OR")) {
      this.ws();
      if (this.eof() || this.s[this.pos] === ")") throw new QuerySyntaxError("expected a term after OR", this.pos, "finish the expression or remove OR");
      children.push(this.parseAnd(field));
    }
    return children.length === 1 ? children[0] : { type: "or", children };
  }

  private parseAnd(field: string | null): QueryNode {
    const children = [this.parseUnary(field)];
    for (;;) {
      this.ws();
      if (this.eof() || this.s[this.pos] === ")") break;
      const save = this.pos;
      if (this.keyword("OR")) {
        this.pos = save;
        break;
      }
      this.keyword("AND");
      this.ws();
      if (this.eof() || this.s[this.pos] === ")") throw new QuerySyntaxError("expected a term after AND", this.pos, "finish the expression or remove AND");
      children.push(this.parseUnary(field));
    }
    return children.length === 1 ? children[0] : { type: "and", children };
  }

  private parseUnary(field: string | null): QueryNode {
    if (this.keyword("NOT")) {
      this.ws();
      if (this.eof()) throw new QuerySyntaxError("expected a term after NOT", this.pos);
      return { type: "not", child: this.parseUnary(field) };
    }
    this.ws();
    if (this.s[this.pos] === "-" && this.pos + 1 < this.s.length && !/\s/.test(this.s[this.pos + 1])) {
      this.pos++;
      return { type: "not", child: this.parseUnary(field) };
    }
    return this.parsePrimary(field);
  }

  private parsePrimary(field: string | null): QueryNode {
    this.ws();
    const start = this.pos;
    const c = this.s[this.pos];
    if (c === undefined) throw new QuerySyntaxError("unexpected end of query", this.pos);
    if (c === ")") throw new QuerySyntaxError("unexpected ')'", this.pos, "remove it or add a matching '('");
    if (c === "(") {
      if (++this.depth > MAX_DEPTH) throw new QuerySyntaxError("parentheses nested too deeply", this.pos);
      this.pos++;
      this.ws();
      if (this.s[this.pos] === ")") throw new QuerySyntaxError("empty parentheses", this.pos);
      const inner = this.parseOr(field);
      this.ws();
      if (this.s[this.pos] !== ")") throw new QuerySyntaxError("missing ')'", this.pos, `close the '(' opened at position ${start}`);
      this.pos++;
      this.depth--;
      return inner;
    }
    if (c === '"') return this.term(field, this.quoted(), true);
    if (field !== null && c === "/") {
      const re = this.regex(field);
      if (re) return re;
    }
    if (field === null) {
      // A field name is an identifier followed directly by ':' or a comparison.
      let end = this.pos;
      while (end < this.s.length && IDENT.test(this.s[end])) end++;
      const name = this.s.slice(this.pos, end);
      const next = this.s[end];
      if (name && (next === ":" || ((next === ">" || next === "<") && resolveField(name)))) {
        return this.fieldExpr(name, start, end);
      }
    }
    // Inside `field:( … )` a value may hold colons (actor:(system:anonymous OR …)).
    return this.term(field, this.bare(field !== null), false);
  }

  private fieldExpr(name: string, start: number, end: number): QueryNode {
    this.pos = end;
    if (name === "_exists_") {
      this.pos++;
      const target = this.bare();
      if (!resolveField(target)) throw this.unknownField(target, end + 1);
      return { type: "exists", field: target };
    }
    if (!resolveField(name)) throw this.unknownField(name, start);
    const op = this.s.startsWith(":>=", this.pos) || this.s.startsWith(":<=", this.pos) ? this.s.slice(this.pos + 1, this.pos + 3)
      : this.s.startsWith(">=", this.pos) || this.s.startsWith("<=", this.pos) ? this.s.slice(this.pos, this.pos + 2)
      : this.s[this.pos] === ">" || this.s[this.pos] === "<" ? this.s[this.pos]
      : this.s.startsWith(":>", this.pos) || this.s.startsWith(":<", this.pos) ? this.s[this.pos + 1] : null;
    if (op) {
      this.pos += this.s[this.pos] === ":" ? op.length + 1 : op.length;
      const valuePos = this.pos;
      const value = this.s[this.pos] === '"' ? this.quoted() : this.bare();
      if (!value) throw new QuerySyntaxError(`expected a value after ${name}${op}`, valuePos);
      return { type: "cmp", field: name, op: op as ">" | ">=" | "<" | "<=", value, pos: valuePos };
    }
    this.pos++; // ':'
    const c = this.s[this.pos];
    if (c === undefined || /\s/.test(c)) throw new QuerySyntaxError(`expected a value after '${name}:'`, this.pos, `e.g. ${name}:value or ${name}:"a phrase"`);
    if (c === "(") return this.parsePrimary(name);
    if (c === '"') return this.term(name, this.quoted(), true);
    if (c === "/") {
      const re = this.regex(name);
      if (re) return re;
    }
    return this.term(name, this.bare(true), false);
  }

  /**
   * `/pattern/` or `/pattern/i` after a field. A value that merely starts with
   * a slash (`/api/v1/pods`, `/etc`) is not a regex: the closing slash must be
   * followed by the end of the term, and the body has no unescaped whitespace.
   */
  private regex(field: string): QueryNode | null {
    const start = this.pos;
    let i = start + 1;
    while (i < this.s.length && this.s[i] !== "/") {
      if (/\s/.test(this.s[i])) return null;
      if (this.s[i] === "\\") i++;
      i++;
    }
    if (i >= this.s.length) return null;
    const end = this.s[i + 1] === "i" ? i + 2 : i + 1;
    const after = this.s[end];
    if (after !== undefined && !STOP.has(after)) return null;
    const f = resolveField(field);
    if (f?.kind === "column" && f.def.kind === "time") throw new QuerySyntaxError(`'${field}' cannot be matched with a regular expression`, start);
    const pattern = this.s.slice(start + 1, i);
    const flags = this.s.slice(i + 1, end);
    compileRegex(pattern, flags, start + 1);
    this.pos = end;
    return { type: "regex", field, pattern, flags, pos: start };
  }

  private unknownField(name: string, pos: number): QuerySyntaxError {
    const known = Object.keys(FIELDS);
    const close = known.find((k) => k.startsWith(name.slice(0, 3))) ?? known.find((k) => name.includes(k));
    return new QuerySyntaxError(`unknown field '${name}'`, pos, close ? `did you mean '${close}'? Fields: ${known.join(", ")}, attributes.<path>` : `fields: ${known.join(", ")}, attributes.<path>`);
  }

  private term(field: string | null, value: string, quoted: boolean): QueryNode {
    const pos = this.pos - value.length - (quoted ? 2 : 0);
    const wildcard = !quoted && value.includes("*");
    if (!quoted && value === "") throw new QuerySyntaxError("expected a term", this.pos);
    if (wildcard && value.replace(/\*/g, "") === "" && field !== null) return { type: "exists", field };
    return { type: "term", field, value, quoted, wildcard, pos: Math.max(0, pos) };
  }

  /** A bare value runs to whitespace or a parenthesis; after `field:` colons are part of it. */
  private bare(afterField = false): string {
    const start = this.pos;
    while (!this.eof() && !STOP.has(this.s[this.pos])) {
      if (this.s[this.pos] === "\\" && this.pos + 1 < this.s.length) this.pos++;
      this.pos++;
    }
    const raw = this.s.slice(start, this.pos);
    if (!afterField && raw.includes(":") && !raw.startsWith("http")) {
      // "foo:bar" without a known field lands here only for unknown names.
      const name = raw.slice(0, raw.indexOf(":"));
      if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) throw this.unknownField(name, start);
    }
    return raw.replace(/\\(.)/g, "$1");
  }

  private quoted(): string {
    const start = this.pos;
    this.pos++;
    let out = "";
    while (!this.eof() && this.s[this.pos] !== '"') {
      if (this.s[this.pos] === "\\" && this.pos + 1 < this.s.length) this.pos++;
      out += this.s[this.pos++];
    }
    if (this.eof()) throw new QuerySyntaxError("unterminated quoted phrase", start, 'add a closing "');
    this.pos++;
    return out;
  }
}
