/**
 * The refusals of an import whose next step is not the same import again (refused-imports.ts reads
 * them from the journal), by kind: `expiry`, the material expiry not ahead (Keyferry's own
 * EXPIRY_IN_PAST, or the KMS's KMS.2602 by its clock); `group`, another expiry than the one a
 * member of the key's replica group holds; `token`, the import tokens expired. Renderer-safe: the
 * app's answer schema takes its enumerations from here.
 */

/** Refusals that mean the import tokens lapsed before the import: new parameters are the way on. */
export const TOKEN_EXPIRED_CODES: ReadonlySet<string> = new Set([
  'KMS.2601',
  'IMPORT_TOKEN_EXPIRED',
  'KMS_IMPORT_TOKEN_EXPIRED',
]);

/** The refusals of an import for its material expiry: Keyferry's own before sending, and the KMS's by its clock. */
const EXPIRY_REFUSALS: ReadonlySet<string> = new Set(['EXPIRY_IN_PAST', 'KMS.2602']);

/** The kinds of refusal (see above), and whose clock an expiry refusal went by. */
export const REFUSED_IMPORT_KINDS = ['expiry', 'group', 'token'] as const;
export const REFUSAL_CLOCKS = ['kms', 'computer'] as const;

/** The kind of the refusal `code`, or undefined: one the same import may pass. */
export function refusalKindOf(code: string): (typeof REFUSED_IMPORT_KINDS)[number] | undefined {
  if (EXPIRY_REFUSALS.has(code)) return 'expiry';
  if (code === 'REPLICA_GROUP_EXPIRY_DIFFERS') return 'group';
  return TOKEN_EXPIRED_CODES.has(code) ? 'token' : undefined;
}

/** Whose clock a refusal of the expiry went by: the KMS's (KMS.2602) or this computer's (Keyferry's own check). */
export function refusalClockOf(code: string): (typeof REFUSAL_CLOCKS)[number] {
  return code === 'KMS.2602' ? 'kms' : 'computer';
}
