/** Writes a side's receipt sealing the journal's current head, then journals the receipt itself. */
import path from 'node:path';
import type { Journal } from '../../journal';
import { writeReceipt, type ReceiptInput } from '../../receipt';
import { receiptLanguageSchema, type ReceiptLanguage, type ReceiptPhrase } from '../../receipt/language';
import type { JournalEntry } from '../../journal';
import { receiptDeviations } from '../../receipt/deviation-facts';
import { hsmOf, parametersBundleOf, receiptPeople } from '../../receipt/journal-facts';
import { sharePresenters } from '../../receipt/custodian-lines';
import { phrase } from '../../receipt/facts';
import { kmsRetriesIn } from './kms-retries';
import { kmsConnectionIn } from './kms-connection';
import type { AppIdentity } from './ceremony-record';

export interface WrittenCeremonyReceipt {
  readonly htmlFile: string;
  readonly textFile: string;
  readonly htmlSha256: string;
  readonly textSha256: string;
  /** The journal head and entry count printed on the receipt. */
  readonly journalHead: string;
  readonly journalCount: number;
}

/** What a receipt fills in from the journal itself, never from the caller. */
type JournalSections = 'journal' | 'people' | 'deviations' | 'parametersBundle' | 'hsm';

/** The receipt's software line: version, build and the code digest, said in the receipt's language. */
export function receiptApp(app: AppIdentity): ReceiptInput['app'] {
  const code = app.code;
  if (!code) return { version: app.version, build: app.build };
  const values =
    code.kind === 'asar'
      ? { kind: 'asar', commit: 'none', digest: code.digest }
      : { kind: 'sources', commit: code.commit?.slice(0, 12) ?? 'none', digest: code.digest };
  return { version: app.version, build: app.build, code: phrase('receipt.fact.codeValue', values) };
}

/**
 * The ceremony's receipt language as its journal records it: the last `receiptLanguage` a session
 * start (or ceremony start) names; undefined when none does (a new journal, or one from before it
 * was recorded).
 */
function recordedReceiptLanguage(entries: readonly JournalEntry[]): ReceiptLanguage | undefined {
  for (const entry of [...entries].reverse()) {
    const parsed = receiptLanguageSchema.safeParse(entry.data.receiptLanguage);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

/**
 * The receipt language a new session of a journal (`entries`) records and prints in: the one asked
 * for now (the CLI's `--receipt-lang`, a choice made on the app's setup screen) when given, else the
 * one the journal records for the ceremony, else `fallback` (the surface's own language). Each side
 * keeps its own journal: a first air-gapped session knows nothing of the online side's choice. A
 * trial's later air-gapped sessions printed English only, and journaled it, after the first had
 * chosen both languages; the CLI and the app both decide by this.
 */
export function receiptLanguageOfSession(
  asked: ReceiptLanguage | undefined,
  entries: readonly JournalEntry[],
  fallback: ReceiptLanguage,
): ReceiptLanguage {
  return asked ?? recordedReceiptLanguage(entries) ?? fallback;
}

/** recordedReceiptLanguage, English when the journal records none. */
function journaledReceiptLanguage(entries: readonly JournalEntry[]): ReceiptLanguage {
  return recordedReceiptLanguage(entries) ?? 'en';
}

/**
 * The receipt prints the journal's head and count as they are now, and the people, deviations and
 * import-parameters bundle the journal records up to that head, in `language` (else the one the
 * journal records for the ceremony); the `receipt.written` entry appended afterwards records the
 * receipt's files, digests and language (a later entry, which verification
 * against the printed head accepts).
 */
export async function writeJournaledReceipt(
  dir: string,
  journal: Journal,
  actor: string,
  {
    operatorNotes,
    ...input
  }: Omit<ReceiptInput, JournalSections> & {
    /** What the ceremony's own reading of the journal adds to the operator's records (a custody set to destroy). */
    readonly operatorNotes?: readonly ReceiptPhrase[];
  },
  suffix?: string,
  language?: ReceiptLanguage,
): Promise<WrittenCeremonyReceipt> {
  const journalHead = journal.head;
  const journalCount = journal.count;
  const entries = journal.entries;
  const printedIn = language ?? journaledReceiptLanguage(entries);
  const hsm = hsmOf(entries);
  const presenters = sharePresenters(entries);
  const retried = kmsRetriesIn(entries);
  const kmsRetries = retried.count > 0 ? { count: retried.count, throttled: retried.throttled } : undefined;
  const kms = kmsConnectionIn(entries);
  const written = await writeReceipt(
    dir,
    {
      ...input,
      parametersBundle: parametersBundleOf(entries),
      people: receiptPeople(entries, { ...input, notes: operatorNotes ?? [] }),
      deviations: receiptDeviations(entries),
      journal: { headHash: journalHead, count: journalCount, file: path.basename(journal.path) },
      ...(hsm ? { hsm } : {}),
      ...(kmsRetries ? { kmsRetries } : {}),
      ...(kms ? { kms } : {}),
      ...(presenters.length > 0 ? { presenters } : {}),
    },
    { language: printedIn, ...(suffix === undefined ? {} : { suffix }) },
  );
  await journal.append(actor, 'receipt.written', {
    htmlFile: path.basename(written.html.path),
    htmlSha256: written.html.sha256,
    textFile: path.basename(written.text.path),
    textSha256: written.text.sha256,
    journalHeadAtReceipt: journalHead,
    journalCountAtReceipt: journalCount,
    language: printedIn,
  });
  return {
    htmlFile: written.html.path,
    textFile: written.text.path,
    htmlSha256: written.html.sha256,
    textSha256: written.text.sha256,
    journalHead,
    journalCount,
  };
}
