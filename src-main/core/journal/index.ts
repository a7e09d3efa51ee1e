/** The ceremony journal: hash-chained, append-only JSON lines (see entry.ts for the format). */
export { canonicalJson, type JsonObject, type JsonValue } from './canonical-json';
export {
  GENESIS_HASH,
  MAX_LINE_BYTES,
  chainEntry,
  computeEntryHash,
  encodeEntryLine,
  type JournalEntry,
} from './entry';
export {
  DEVIATION_EVENTS,
  DEVIATION_KINDS,
  deviationKindOf,
  listDeviations,
  problemData,
  type Deviation,
  type DeviationKind,
} from './deviations';
export { openJournal, type Journal, type JournalAppend, type OpenJournalOptions } from './journal';
export { assertNoSecrets, isSensitiveKeyName } from './secret-guard';
export {
  normalizeHeadHash,
  verifyJournal,
  verifyJournalText,
  type ExpectedHead,
  type JournalVerification,
} from './verify';
