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
import { selectedProblem } from '../errors';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Deepest nesting of arrays and objects accepted (journal data is a few levels deep). */
const MAX_JSON_DEPTH = 32;

/** What a value without an exact JSON form is: the value itself (NaN, Infinity), its type, or why. */
type NotJson =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'type' | 'instance'; readonly type: string }
  | { readonly kind: 'deep'; readonly max: number }
  | { readonly kind: 'circular' };

function refuse(where: string, what: NotJson): never {
  throw selectedProblem('JOURNAL_DATA_NOT_JSON', { where, ...what });
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Where in the value being encoded a part lies (`data.files[0].size`): a chain of steps, spelled out
 * only when something is refused. Encoding every journal line (written and verified) would
 * otherwise build that text for every key and item it passes.
 */
interface Place {
  readonly parent: Place | string;
  readonly step: string | number;
}

function placeText(place: Place | string): string {
  if (typeof place === 'string') return place;
  const { parent, step } = place;
  return typeof step === 'number' ? `${placeText(parent)}[${step}]` : `${placeText(parent)}.${step}`;
}

/**
 * Whether JSON.stringify writes `value` (at nesting `depth`) exactly as `encode` does: every object
 * plain, its own keys already in sorted order (JSON.stringify keeps an object's own order; objects
 * read from a canonical journal line have it), every number finite, no array hole, nothing else, and
 * no deeper than MAX_JSON_DEPTH. Walks the value without building anything.
 */
function alreadyCanonical(value: unknown, depth: number): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false;
  }
  if (depth >= MAX_JSON_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !alreadyCanonical(value[i], depth + 1)) return false;
    return true;
  }
  if (!isPlainObject(value)) return false;
  const record = value as Record<string, unknown>;
  let previous: string | undefined;
  for (const key of Object.keys(record)) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!alreadyCanonical(record[key], depth + 1)) return false;
  }
  return true;
}

function encode(value: unknown, place: Place | string, seen: Set<object>, depth: number): string {
  // The native writer for a part already in canonical form (the same bytes, several times faster;
  // verifying a journal encodes every line it reads), the key-sorting encoder below otherwise.
  if (typeof value === 'object' && value !== null && alreadyCanonical(value, depth)) return JSON.stringify(value);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) refuse(placeText(place), { kind: 'value', value: String(value) });
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      refuse(placeText(place), { kind: 'type', type: typeof value });
  }
  const obj = value as object;
  if (depth >= MAX_JSON_DEPTH) refuse(placeText(place), { kind: 'deep', max: MAX_JSON_DEPTH });
  if (seen.has(obj)) refuse(placeText(place), { kind: 'circular' });
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      return `[${obj.map((item, i) => encode(item, { parent: place, step: i }, seen, depth + 1)).join(',')}]`;
    }
    if (!isPlainObject(obj)) refuse(placeText(place), { kind: 'instance', type: obj.constructor?.name ?? 'a class' });
    const record = obj as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    const parts = keys.map(
      (key) => `${JSON.stringify(key)}:${encode(record[key], { parent: place, step: key }, seen, depth + 1)}`,
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
