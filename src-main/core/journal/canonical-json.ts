/**
 * Canonical JSON, the byte encoding every journal hash is computed over:
 * - objects: keys sorted recursively by UTF-16 code units (JavaScript's default sort), no whitespace;
 * - strings: as JSON.stringify writes them (UTF-8 output; `"`, `\` and control characters escaped,
 *   lone surrogates as \uXXXX);
 * - numbers: finite only, as JSON.stringify writes them (so -0 is written 0);
 * - `true`, `false`, `null`; arrays in order.
 * Nesting deeper than MAX_JSON_DEPTH is refused too.
 * Anything else (undefined, NaN, Infinity, bigint, functions, symbols, Dates, Maps, Buffers, class
 * instances) is refused with a KeyferryError naming where it was found.
 */
import { KeyferryError } from '../errors';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Deepest nesting of arrays and objects accepted (journal data is a few levels deep). */
export const MAX_JSON_DEPTH = 32;

function refuse(where: string, what: string): never {
  throw new KeyferryError(
    'JOURNAL_DATA_NOT_JSON',
    `The journal data at ${where} is ${what}, which has no exact JSON form.`,
    'Record only strings, finite numbers, booleans, null, arrays and plain objects in the journal.',
  );
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function encode(value: unknown, where: string, seen: Set<object>, depth: number): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) refuse(where, String(value));
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      refuse(where, typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`);
  }
  const obj = value as object;
  if (depth >= MAX_JSON_DEPTH) refuse(where, `nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (seen.has(obj)) refuse(where, 'a circular reference');
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      return `[${obj.map((item, i) => encode(item, `${where}[${i}]`, seen, depth + 1)).join(',')}]`;
    }
    if (!isPlainObject(obj)) refuse(where, `an instance of ${obj.constructor?.name ?? 'a class'}`);
    const record = obj as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    const parts = keys.map(
      (key) => `${JSON.stringify(key)}:${encode(record[key], `${where}.${key}`, seen, depth + 1)}`,
    );
    return `{${parts.join(',')}}`;
  } finally {
    seen.delete(obj);
  }
}

/** Encodes `value` as canonical JSON (see the file comment); throws KeyferryError on non-JSON values. */
export function canonicalJson(value: unknown, where = 'data'): string {
  return encode(value, where, new Set(), 0);
}
