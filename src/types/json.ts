/**
 * JSON text handling for the `json` type: parsing with exact number text, and Trino's canonical
 * form (json_parse / JSON literals re-serialize through Jackson's sorted mapper: no insignificant
 * whitespace, object keys sorted, the last of duplicate keys kept, floating-point numbers printed
 * as Java doubles — `1.5e2` becomes `150.0`).
 */

import { javaDoubleToString } from './float-format';

export type JsonNode =
  | { kind: 'null' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'object'; entries: [string, JsonNode][] };

export class JsonSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

const MAX_DEPTH = 1000;

class JsonReader {
  private i = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    while (this.i < this.s.length) {
      const c = this.s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  private fail(): never {
    throw new JsonSyntaxError(`Invalid JSON at position ${this.i}`);
  }

  readDocument(): JsonNode {
    this.ws();
    const v = this.value(0);
    this.ws();
    if (this.i !== this.s.length) this.fail();
    return v;
  }

  private value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail();
    const c = this.s[this.i];
    switch (c) {
      case '{': {
        this.i++;
        const entries: [string, JsonNode][] = [];
        this.ws();
        if (this.s[this.i] === '}') {
          this.i++;
          return { kind: 'object', entries };
        }
        for (;;) {
          this.ws();
          if (this.s[this.i] !== '"') this.fail();
          const key = this.string();
          this.ws();
          if (this.s[this.i] !== ':') this.fail();
          this.i++;
          this.ws();
          entries.push([key, this.value(depth + 1)]);
          this.ws();
          if (this.s[this.i] === ',') {
            this.i++;
            continue;
          }
          if (this.s[this.i] === '}') {
            this.i++;
            return { kind: 'object', entries };
          }
          this.fail();
        }
      }
      case '[': {
        this.i++;
        const items: JsonNode[] = [];
        this.ws();
        if (this.s[this.i] === ']') {
          this.i++;
          return { kind: 'array', items };
        }
        for (;;) {
          this.ws();
          items.push(this.value(depth + 1));
          this.ws();
          if (this.s[this.i] === ',') {
            this.i++;
            continue;
          }
          if (this.s[this.i] === ']') {
            this.i++;
            return { kind: 'array', items };
          }
          this.fail();
        }
      }
      case '"':
        return { kind: 'string', value: this.string() };
      case 't':
        return this.word('true', { kind: 'boolean', value: true });
      case 'f':
        return this.word('false', { kind: 'boolean', value: false });
      case 'n':
        return this.word('null', { kind: 'null' });
      default: {
        const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 1100));
        if (!m || m[0] === '' || m[0] === '-') this.fail();
        this.i += m[0].length;
        return { kind: 'number', text: m[0] };
      }
    }
  }

  private word(w: string, node: JsonNode): JsonNode {
    if (this.s.startsWith(w, this.i)) {
      this.i += w.length;
      return node;
    }
    return this.fail();
  }

  private string(): string {
    this.i++; // opening quote
    let out = '';
    let start = this.i;
    for (;;) {
      if (this.i >= this.s.length) this.fail();
      const c = this.s.charCodeAt(this.i);
      if (c === 34) {
        out += this.s.slice(start, this.i);
        this.i++;
        return out;
      }
      if (c < 32) this.fail();
      if (c === 92) {
        out += this.s.slice(start, this.i);
        const e = this.s[this.i + 1];
        this.i += 2;
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = this.s.slice(this.i, this.i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail();
            out += String.fromCharCode(parseInt(hex, 16));
            this.i += 4;
            break;
          }
          default:
            this.fail();
        }
        start = this.i;
      } else {
        this.i++;
      }
    }
  }
}

/** Parses JSON text (RFC 8259), keeping number text exactly; throws JsonSyntaxError. */
export function parseJson(text: string): JsonNode {
  return new JsonReader(text).readDocument();
}

function isIntegerText(text: string): boolean {
  return !/[.eE]/.test(text);
}

/** Serializes a node in Trino's canonical form. */
export function canonicalJson(node: JsonNode): string {
  switch (node.kind) {
    case 'null':
      return 'null';
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'number':
      return isIntegerText(node.text) ? BigInt(node.text).toString() : javaDoubleToString(Number(node.text));
    case 'string':
      return JSON.stringify(node.value);
    case 'array':
      return `[${node.items.map(canonicalJson).join(',')}]`;
    case 'object': {
      const map = new Map<string, JsonNode>();
      for (const [k, v] of node.entries) map.set(k, v);
      const keys = [...map.keys()].sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(map.get(k)!)}`).join(',')}}`;
    }
  }
}

/** json_parse(text): validates and canonicalizes; throws JsonSyntaxError. */
export function jsonParse(text: string): string {
  return canonicalJson(parseJson(text));
}
