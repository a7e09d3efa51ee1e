/** The ceremony journal: hash-chained, append-only JSON lines (see entry.ts for the format). */
export { canonicalJson, type JsonObject, type JsonValue } from './canonical-json';
export { GENESIS_HASH, chainEntry, encodeEntryLine, stringList, type JournalEntry } from './entry';
export {
  listDeviations,
  problemData,
  INTERRUPTED_EVENT,
  CLOSING_FINISHED_EVENT,
  LATER_RUN_OPENED_BY,
  sealingEntries,
  SESSION_STOPPED_BY,
} from './deviations';
export { openJournal, readJournalOnly, startedOnJournal, type Journal, type JournalAppend } from './journal';
export { assertNoSecrets, isSensitiveKeyName } from './secret-guard';
export { normalizeHeadHash, verifyJournal, verifyJournalText, type ExpectedHead } from './verify';
