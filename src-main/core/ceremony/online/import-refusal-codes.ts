/**
 * Which failure codes of an import prove that the KMS refused that request, so the import did not
 * take effect (the journal's replay, import-answers.ts, then no longer counts the send as possibly landed).
 * Any other failure (a lost answer, KMS.0101, an HTTP 400 that names no cause) proves nothing.
 */

/** Refusals import-reconcile.ts gives after describe-key found the key still Pending import: no earlier send took effect. */
const PENDING_AFTER_SEND = new Set(['KMS_IMPORT_TOKEN_EXPIRED', 'KMS_IMPORT_NOT_APPLIED']);

/**
 * Codes only import-key-material answers with, saying the KMS refused that request (its token, its
 * material, a key not external): KMS.26xx, KMS.0309 and KMS.0311; and Keyferry's own refusals once
 * describe-key found the key still Pending import. Not KMS.0310 ("not in the Pending import
 * status"), which an earlier import of the same material taking effect also explains.
 */
export function refusedImportRequest(code: string): boolean {
  return /^KMS\.26\d\d$/.test(code) || code === 'KMS.0309' || code === 'KMS.0311' || PENDING_AFTER_SEND.has(code);
}
