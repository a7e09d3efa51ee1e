/**
 * The answer bookkeeping of the imports a ceremony sends, as the journal replay keeps it per key: an
 * import sent (key.import-sending) may have reached the KMS with its answer lost, until the journal
 * records it taken (key.imported) or refused; a failure whose code proves no refusal is on record
 * as that send's answer, and a send its session ended without answering gets none later.
 */
import { refusedImportRequest } from './import-refusal-codes';

/**
 * Failures of an attempt that sent nothing and say nothing of an earlier send: a key found holding
 * the material another bundle's earlier send brought, and an import stopped before its request went
 * out. The earlier send (or this attempt's journaled one, never sent) stays as it was: the next run
 * asks the KMS first.
 */
const NOT_AN_ANSWER: ReadonlySet<string> = new Set(['IMPORT_LANDED_FROM_OTHER_BUNDLE', 'IMPORT_STOPPED']);

/** A failure on record as the answer to an import sent (entry `sentSeq`; null: no send on record), at entry `seq`. */
export interface ImportAnswer {
  readonly code: string;
  readonly seq: number;
  readonly sentSeq: number | null;
}

/** What a key's replay keeps of the imports sent to it. */
export interface ImportSends {
  /**
   * An import of this ceremony was sent to the key (key.import-sending) or ended with its outcome
   * unknown (KMS_IMPORT_OUTCOME_UNKNOWN), and neither key.imported nor the KMS's refusal of that
   * request followed: it may have reached the KMS with its entry lost (the process killed, or the
   * answer lost, after the KMS took it). A key found Enabled is then compared with this import
   * (import-reconcile.ts) instead of refused as imported by someone else. Only a request sent sets
   * it: checking a bundle, or a refusal before anything was sent, never does.
   */
  importMayHaveLanded?: boolean;
  /** The import token of the last request journaled as sent (key.import-sending), and that entry. */
  importSentTokenSha256?: string;
  importSentSeq?: number;
  /**
   * While importMayHaveLanded: the answer on record to the last import sent (entry `sentSeq`, null
   * in a journal that records no send), a failure whose code does not prove a refusal and its
   * entry: KMS.0101, or KMS_IMPORT_OUTCOME_UNKNOWN (its answer lost and the key's state unreadable:
   * a failure whose outcome is unknown); null: none will come (its session ended without one);
   * undefined: none yet.
   */
  importAnswer?: ImportAnswer | null;
}

/** Whether an import of `key` with the token `importTokenSha256` was sent and neither recorded nor refused. */
export function importSentWithToken(
  key: Pick<ImportSends, 'importMayHaveLanded' | 'importSentTokenSha256'>,
  importTokenSha256: string,
): boolean {
  return !!key.importMayHaveLanded && key.importSentTokenSha256 === importTokenSha256;
}

/** key.import-sending at entry `seq`: the request goes out with that token, no answer yet. */
export function recordImportSending(key: ImportSends, importTokenSha256: string, seq: number): void {
  key.importMayHaveLanded = true;
  key.importSentTokenSha256 = importTokenSha256;
  key.importSentSeq = seq;
  key.importAnswer = undefined;
}

/** A failed import-key-material step with `code` at entry `seq`. */
export function recordImportFailure(key: ImportSends, code: string, seq: number): void {
  if (NOT_AN_ANSWER.has(code)) return;
  const answer = key.importAnswer;
  const sentSeq = key.importMayHaveLanded ? (key.importSentSeq ?? null) : null;
  const answered = { code, seq, sentSeq };
  // No answer to the send, and its state unreadable: a failure whose outcome is unknown, on
  // record as such (an answer already on record, a code, stays the one said).
  if (code === 'KMS_IMPORT_OUTCOME_UNKNOWN') {
    key.importMayHaveLanded = true;
    key.importAnswer = answer ?? answered;
  }
  // The KMS refused the request itself (its token or material): that import did not take effect.
  else if (refusedImportRequest(code)) {
    key.importMayHaveLanded = false;
    key.importAnswer = undefined;
  }
  // The first failure after the send answers it (a later one failed before sending anything).
  else if (key.importMayHaveLanded && answer === undefined) key.importAnswer = answered;
}

/** key.imported: the import took effect; nothing sent is outstanding. */
export function recordImportTaken(key: ImportSends): void {
  key.importMayHaveLanded = false;
  key.importAnswer = undefined;
}

/** A new session began: a send its own session recorded no answer to gets none later. */
export function recordSessionEnded(keys: Iterable<ImportSends>): void {
  for (const key of keys) if (key.importMayHaveLanded) key.importAnswer ??= null;
}
