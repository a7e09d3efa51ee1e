/** Reading request fields the way the KMS does: missing → KMS.0204, wrong type/format → KMS.0202. */
import { KEY_ID_PATTERN } from '../kms/api-schemas';
import { simError } from './sim-error';

export type Body = Record<string, unknown>;

/** A required string field; absent, null or empty → 0204; not a string → 0202. */
export function requiredString(body: Body, name: string): string {
  const value = body[name];
  if (value === undefined || value === null || value === '') throw simError('KMS.0204', `Missing ${name}.`);
  if (typeof value !== 'string') throw simError('KMS.0202', `${name} must be a string.`);
  return value;
}

/** An optional string field; not a string → 0202. */
export function optionalString(body: Body, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw simError('KMS.0202', `${name} must be a string.`);
  return value;
}

/** A string field that must match `pattern` (0202 otherwise). */
export function patternString(body: Body, name: string, pattern: RegExp, required: true): string;
export function patternString(body: Body, name: string, pattern: RegExp, required: false): string | undefined;
export function patternString(body: Body, name: string, pattern: RegExp, required: boolean): string | undefined {
  const value = required ? requiredString(body, name) : optionalString(body, name);
  if (value !== undefined && !pattern.test(value))
    throw simError('KMS.0202', `${name} does not match ${pattern.source}.`);
  return value;
}

/** key_id: required, in the KMS key ID format (0205 otherwise). */
export function keyIdField(body: Body): string {
  const value = requiredString(body, 'key_id');
  if (!KEY_ID_PATTERN.test(value)) throw simError('KMS.0205');
  return value;
}

/** A value among `allowed` (0308 otherwise). */
export function enumString<T extends string>(body: Body, name: string, allowed: readonly T[], fallback?: T): T {
  const value = fallback === undefined ? requiredString(body, name) : (optionalString(body, name) ?? fallback);
  if (!(allowed as readonly string[]).includes(value)) throw simError('KMS.0308', `Invalid ${name}.`);
  return value as T;
}

/** An optional integer given as a number or a digit string; `code` when it is neither. */
export function optionalInteger(
  body: Body,
  name: string,
  code: 'KMS.0202' | 'KMS.1601' | 'KMS.1602' | 'KMS.1401',
): number | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) return Number(value);
  throw simError(code, `Invalid ${name}.`);
}

/** The optional `sequence` (36 characters; 0206 otherwise). */
export function checkSequence(body: Body): void {
  const value = body.sequence;
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || value.length !== 36) throw simError('KMS.0206');
}

/** Decodes a base64 field strictly (0202 when it is not canonical base64). */
export function base64Field(value: string, name: string): Buffer {
  const bytes = Buffer.from(value, 'base64');
  if (value.length === 0 || bytes.toString('base64') !== value) throw simError('KMS.0202', `${name} is not base64.`);
  return bytes;
}
