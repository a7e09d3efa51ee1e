/**
 * The journal's guard against secrets. The journal is written in plaintext and printed, so
 * `append` refuses data that looks like it could carry key material. The rule, applied to every
 * value at any depth of `data`:
 * 1. Binary values are refused: Buffers, typed arrays, DataViews and ArrayBuffers (record a
 *    SHA-256 or a fingerprint instead).
 * 2. A key name is refused when it contains `material`, `secret`, `private`, `plaintext`,
 *    `password` or `passphrase` (any case), or when its last word is `sk` (the access-key secret):
 *    the whole name `sk`, or ending in `_sk`, `-sk`, `.sk`, or camelCase `…Sk` / `…SK`.
 *    (Plain words ending in "sk", like `disk` or `task`, are allowed: a bare `/sk$/i` would
 *    refuse them for no gain.)
 * 3. Exception: a name ending in a known-safe suffix is allowed whatever it contains, because
 *    it names a one-way digest, not the secret: `Fingerprint`, `Sha256`, `KeyCheckValue`
 *    (any case, optionally after `_` or `-`), e.g. `privateKeyFingerprint`, `materialSha256`.
 * 4. A string value that contains a PEM private-key header (`-----BEGIN … PRIVATE KEY-----`) is refused.
 */
import { selectedProblem } from '../errors';

const SENSITIVE_WORDS = /material|secret|private|plaintext|password|passphrase/i;
const SAFE_SUFFIX = /(?:fingerprint|sha256|keycheckvalue)$/i;
const PEM_PRIVATE = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

/** True when the last word of `name` is `sk`: `sk`, `SK`, `…_sk`, `…-SK`, `….sk`, camelCase `…Sk` / `…SK`. */
function endsWithSkWord(name: string): boolean {
  return /^sk$/i.test(name) || /[_.\-\s]sk$/i.test(name) || /[a-z0-9](?:Sk|SK)$/.test(name);
}

/** True when `name` is a key name the journal refuses (see the file comment for the rule). */
export function isSensitiveKeyName(name: string): boolean {
  if (SAFE_SUFFIX.test(name)) return false;
  return SENSITIVE_WORDS.test(name) || endsWithSkWord(name);
}

/**
 * Verdicts of `isSensitiveKeyName` by name: a journal entry repeats the same few field names for
 * every key (a 100-key entry holds each name 100 times), so each name is judged once. Bounded.
 */
const NAME_VERDICTS = new Map<string, boolean>();
const MAX_NAME_VERDICTS = 4096;

function sensitiveName(name: string): boolean {
  let verdict = NAME_VERDICTS.get(name);
  if (verdict === undefined) {
    verdict = isSensitiveKeyName(name);
    if (NAME_VERDICTS.size >= MAX_NAME_VERDICTS) NAME_VERDICTS.clear();
    NAME_VERDICTS.set(name, verdict);
  }
  return verdict;
}

function refuse(where: string, why: { reason: 'pem' | 'binary' } | { reason: 'name'; name: string }): never {
  throw selectedProblem('JOURNAL_SECRET_REFUSED', { where, ...why });
}

function check(value: unknown, where: string): void {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string' && PEM_PRIVATE.test(value)) refuse(where, { reason: 'pem' });
    return;
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) {
    refuse(where, { reason: 'binary' });
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => check(item, `${where}[${i}]`));
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const path = `${where}.${key}`;
    if (sensitiveName(key)) refuse(path, { reason: 'name', name: key });
    check(item, path);
  }
}

/** Throws KeyferryError JOURNAL_SECRET_REFUSED if `data` breaks the rule above; never echoes values. */
export function assertNoSecrets(data: unknown, where = 'data'): void {
  check(data, where);
}
