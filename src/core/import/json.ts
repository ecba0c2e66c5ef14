/**
 * A strict JSON parser for untrusted files (RFC 8259). Unlike JSON.parse it
 * - builds objects with no prototype, and drops the keys `__proto__`,
 *   `constructor` and `prototype`, so nothing downstream can be tricked into
 *   touching Object.prototype;
 * - stops at a nesting depth (no stack exhaustion on 10,000 nested arrays);
 * - rejects a key that appears twice in one object (a silent loss otherwise);
 * - reports problems at a line and column, in the same words in every browser.
 */
import { ImportFailure, MAX_DEPTH } from './types';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedJson {
  value: JsonValue;
  /** How many `__proto__` / `constructor` / `prototype` keys were dropped. */
  droppedKeys: number;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function parseJson(text: string, maxDepth = MAX_DEPTH): ParsedJson {
  let i = 0;
  let dropped = 0;
  const n = text.length;

  const where = (at: number) => {
    let line = 1;
    let col = 1;
    for (let k = 0; k < at && k < n; k++) {
      if (text.charCodeAt(k) === 0x0a) line++, (col = 1);
      else col++;
    }
    return `line ${line}, column ${col}`;
  };
  const fail = (at: number, message: string): never => {
    throw new ImportFailure(where(at), message);
  };
  const truncated = () => fail(n, 'the file ends in the middle of the JSON (is it cut short?)');
  const shown = (at: number) => {
    const c = text.codePointAt(at)!;
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) ? `the control character U+${c.toString(16).toUpperCase().padStart(4, '0')}` : `"${String.fromCodePoint(c)}"`;
  };
  const unexpected = (at: number, expected: string) => (at >= n ? truncated() : fail(at, `unexpected ${shown(at)} (expected ${expected})`));

  const skip = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };

  const parseString = (): string => {
    const start = i; // at the opening quote
    i++;
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= n) return fail(start, 'the file ends inside the text value that starts here: the JSON is cut short, or a closing " is missing');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c < 0x20) return fail(i, `${shown(i)} is not allowed inside a JSON text value (write it as an escape such as \\n)`);
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(chunk, i);
      const e = text.charCodeAt(i + 1);
      if (i + 1 >= n) return truncated();
      switch (e) {
        case 0x22: out += '"'; break;
        case 0x5c: out += '\\'; break;
        case 0x2f: out += '/'; break;
        case 0x62: out += '\b'; break;
        case 0x66: out += '\f'; break;
        case 0x6e: out += '\n'; break;
        case 0x72: out += '\r'; break;
        case 0x74: out += '\t'; break;
        case 0x75: {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return i + 6 > n ? truncated() : fail(i, 'a \\u escape needs four hexadecimal digits');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
          break;
        }
        default:
          return fail(i, `"\\${text[i + 1]}" is not a JSON escape`);
      }
      i += 2;
      chunk = i;
    }
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const parseNumber = (): number => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m || !m[0] || m[0] === '-') return unexpected(i + (m?.[0].length ?? 0), 'a value');
    const after = text.charCodeAt(i + m[0].length);
    // "01", "1.", "1e": the number is malformed, not merely followed by something.
    if ((after >= 0x30 && after <= 0x39) || after === 0x2e || after === 0x65 || after === 0x45) return fail(i, `${JSON.stringify(text.slice(i, i + m[0].length + 1))} is not a valid JSON number`);
    i += m[0].length;
    return Number(m[0]);
  };

  const literal = (word: string, value: JsonValue): JsonValue => {
    for (let k = 0; k < word.length; k++) {
      if (i + k >= n) return truncated();
      if (text[i + k] !== word[k]) return fail(i, `unexpected ${shown(i)} (expected a value: text in "double quotes", a number, true, false, null, [ or {)`);
    }
    i += word.length;
    return value;
  };

  const parseValue = (depth: number): JsonValue => {
    skip();
    if (i >= n) return truncated();
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      if (depth >= maxDepth) return fail(i, `the JSON is nested more than ${maxDepth} levels deep; Nameplate reads at most ${maxDepth}`);
      return c === 0x7b ? parseObject(depth + 1) : parseArray(depth + 1);
    }
    if (c === 0x22) return parseString();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return parseNumber();
    if (c === 0x74) return literal('true', true);
    if (c === 0x66) return literal('false', false);
    if (c === 0x6e) return literal('null', null);
    if (c === 0x27) return fail(i, "text must be in \"double quotes\" in JSON, not 'single quotes'");
    return unexpected(i, 'a value: text in "double quotes", a number, true, false, null, [ or {');
  };

  const parseArray = (depth: number): JsonValue[] => {
    i++;
    const out: JsonValue[] = [];
    skip();
    if (text.charCodeAt(i) === 0x5d) {
      i++;
      return out;
    }
    for (;;) {
      out.push(parseValue(depth));
      skip();
      const c = text.charCodeAt(i);
      if (c === 0x2c) {
        i++;
        skip();
        if (text.charCodeAt(i) === 0x5d) return fail(i, 'a comma before "]" (JSON allows no trailing comma)');
        continue;
      }
      if (c === 0x5d) {
        i++;
        return out;
      }
      return unexpected(i, '"," or "]"');
    }
  };

  const parseObject = (depth: number): JsonObject => {
    const open = i;
    i++;
    const out = Object.create(null) as JsonObject;
    const seen = new Set<string>();
    skip();
    if (text.charCodeAt(i) === 0x7d) {
      i++;
      return out;
    }
    for (;;) {
      skip();
      if (text.charCodeAt(i) !== 0x22) return unexpected(i, 'a key in "double quotes"');
      const keyAt = i;
      const key = parseString();
      skip();
      if (text.charCodeAt(i) !== 0x3a) return unexpected(i, '":" after the key');
      i++;
      const value = parseValue(depth);
      if (seen.has(key)) return fail(keyAt, `the key ${JSON.stringify(key)} appears twice in the object that starts at ${where(open)}`);
      seen.add(key);
      if (FORBIDDEN_KEYS.has(key)) dropped++;
      else out[key] = value;
      skip();
      const c = text.charCodeAt(i);
      if (c === 0x2c) {
        i++;
        skip();
        if (text.charCodeAt(i) === 0x7d) return fail(i, 'a comma before "}" (JSON allows no trailing comma)');
        continue;
      }
      if (c === 0x7d) {
        i++;
        return out;
      }
      return unexpected(i, '"," or "}"');
    }
  };

  const value = parseValue(0);
  skip();
  if (i < n) fail(i, `unexpected ${shown(i)} after the end of the JSON value`);
  return { value, droppedKeys: dropped };
}

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
