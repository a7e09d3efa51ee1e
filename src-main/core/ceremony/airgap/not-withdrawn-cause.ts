/**
 * Why a crashed session's custody files were not withdrawn from a custodian folder: the `cause` of a
 * `custody.withdraw-failed` entry (crashed-session-custody.ts); `receiptWritten`: kept on purpose, its
 * session wrote its receipt before its bundle's manifest (keepCustodyOfReceiptSession); `closingCut`:
 * the files are gone, and the closing cut short before it journaled a removal may have removed them
 * (closing-resume.ts). Imports nothing: the journal screen and
 * the receipts' Deviations say it in the reader's words (i18n/data-fields.ts), never as this code.
 */
export const NOT_WITHDRAWN_CAUSES = [
  'unreadable',
  'shareMissing',
  'notRemoved',
  'unknownSet',
  'receiptWritten',
  'closingCut',
] as const;
export type NotWithdrawnCause = (typeof NOT_WITHDRAWN_CAUSES)[number];

export const isNotWithdrawnCause = (value: string): value is NotWithdrawnCause =>
  (NOT_WITHDRAWN_CAUSES as readonly string[]).includes(value);
