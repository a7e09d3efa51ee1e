/** `keyferry journal verify FILE [--expect-head HEX] [--expect-count N] [--allow-later]`: checks a ceremony journal. */
import { normalizeHeadHash, type ExpectedHead, type JournalEntry } from '../../core/journal';
import { compareTypedDigest, differenceValues } from '../../core/crypto/typed-digest';
import { inspectJournal, isTornLastLine, readJournalFile } from '../../core/journal/verify';
import { foreignCeremonyLine, journalCeremony } from '../../core/journal/foreign-line';
import { misplacedLine } from '../../core/journal/misplaced-line';
import { terminalText } from '../../core/terminal-text';
import { unrecordedSideFileRefusal, unrecordedSideFiles } from '../../core/journal/torn-line';
import { groupHex } from '../../core/hex-groups';
import { cliTranslator } from '../cli-locale';
import { defineCommand, type CliIo } from '../command';
import { acquireJournalLockToRead } from '../../core/journal/lock';
import type { Translator } from '../../i18n/translate';
import { parseWholeNumberOption } from '../number-option';
import { optionTable } from '../options';
import { listText } from '../../i18n/list';
import { isLookEntry, laterLooks } from '../../core/ceremony/online/status-looks';
import { requireJournalToVerify } from '../ceremony-journal';

const NAME = 'journal verify';

const JOURNAL_VERIFY_OPTIONS = optionTable({
  'expect-head': { type: 'string', arg: 'HEX', help: 'cli.opt.journal-verify.expect-head', grouped: true },
  'expect-count': { type: 'string', arg: 'N', help: 'cli.opt.journal-verify.expect-count' },
  'allow-later': { type: 'boolean', help: 'cli.opt.journal-verify.allow-later' },
});

/**
 * The entries after the expected head that the receipt did not seal. Two entries that follow the
 * head are part of what the receipt printed, so they are not counted: the one `receipt.written`
 * recording the receipt that printed this head (its `journalHeadAtReceipt`), and, on the
 * air-gapped side, right after it the `wrapped-bundle.completed` of a wrapped bundle the sealed
 * entries staged (same folder and manifest digest as their `wrapped-bundle.written`, the digest
 * the receipt prints): its manifest is written only once the receipt exists.
 */
function unsealedLaterEntries(entries: readonly JournalEntry[], headAt: number): JournalEntry[] {
  const later = entries.slice(headAt);
  const head = entries[headAt - 1]?.hash;
  const [first, second] = later;
  if (first?.event !== 'receipt.written' || first.data.journalHeadAtReceipt !== head) return later;
  const staged = entries
    .slice(0, headAt)
    .some(
      (e) =>
        e.event === 'wrapped-bundle.written' &&
        e.data.folder === second?.data.folder &&
        e.data.manifestSha256 === second?.data.manifestSha256,
    );
  return later.slice(second?.event === 'wrapped-bundle.completed' && staged ? 2 : 1);
}

/**
 * The later entries by number and event: at most ten. When there are more, the ones that did more
 * than look at the keys, if ten or fewer, and the looks counted (a trial's list buried the failed
 * step among "6 more"); else the first six and the last four (a re-trial's list stopped before the
 * last entry, the deletion that made it fail).
 */
function describeLater(t: Translator['t'], later: readonly JournalEntry[]): string {
  const said = (e: JournalEntry) => t('journal.cli.entry', { seq: e.seq, event: e.event });
  if (later.length <= 10) return listText({ t }, later.map(said));
  const doing = later.filter((e) => !isLookEntry(e));
  if (doing.length > 0 && doing.length <= 10)
    return listText({ t }, [...doing.map(said), t('journal.cli.more-looks', { count: later.length - doing.length })]);
  const left = later.length - 10;
  return listText({ t }, [
    ...later.slice(0, 6).map(said),
    t('journal.cli.more', { count: left }),
    ...later.slice(-4).map(said),
  ]);
}

export const journalVerifyCommand = defineCommand({
  name: NAME,
  synopsis: ['FILE [--expect-head HEX] [--expect-count N] [--allow-later]'],
  options: JOURNAL_VERIFY_OPTIONS,
  positional: { arg: 'FILE' },
  async run({ values, positional }, io) {
    const head = values['expect-head'];
    const expected: ExpectedHead = {
      expectedHead: head === undefined ? undefined : normalizeHeadHash(head),
      expectedCount:
        values['expect-count'] === undefined
          ? undefined
          : parseWholeNumberOption('--expect-count', values['expect-count'], { min: 0, max: 999_999_999 }, 0),
    };
    const file = await requireJournalToVerify(io.cwd, positional as string);
    // Under the lock every step takes, so a step's append in progress is never read as a torn line.
    const lock = await acquireJournalLockToRead(file);
    try {
      const code = await verifyLocked(file, expected, values['allow-later'] === true, io);
      // A writer's lock left behind (taken over here and put back at the release): a session without its end.
      const left = lock?.leftBehind;
      if (left)
        io.stdout(cliTranslator(io).t('journal.cli.left-behind', { pid: left.pid, since: Date.parse(left.since) }));
      return code;
    } finally {
      await lock?.release();
    }
  },
});

/** Reasons that compare the journal with a receipt's head and count (given by the officer): the typing may be wrong. */
const RECEIPT_MISMATCH: ReadonlySet<string> = new Set([
  'journal.verify.cutShort',
  'journal.verify.otherHead',
  'journal.verify.headMissing',
]);

/**
 * A copy whose last line is incomplete that lacks entries the receipt sealed: its whole entries are
 * fewer than the receipt's count, or none has the receipt's head. A power loss cuts only the line
 * being written, after what any receipt sealed; this is a copy cut short (a trial's `head -n`), and
 * setting its line aside would write to evidence that is not whole. Undefined when the receipt's
 * entries are all here (or nothing was expected).
 */
function sealedEntriesMissing(
  hashes: readonly EntryHash[],
  expected: ExpectedHead,
  whole: number,
): { by: 'count' | 'head'; expected: number; whole: number; missing: number } | undefined {
  const { expectedCount, expectedHead } = expected;
  if (expectedCount !== undefined && expectedCount > whole)
    return { by: 'count', expected: expectedCount, whole, missing: expectedCount - whole };
  if (expectedHead === undefined || expectedCount !== undefined) return undefined;
  const sealed = hashes.some((e) => e.line <= whole && e.hash === expectedHead);
  return sealed ? undefined : { by: 'head', expected: 0, whole, missing: 0 };
}

/** A line that parses as an entry: its line number (1-based), seq and hash. */
interface EntryHash {
  readonly line: number;
  readonly seq: number;
  readonly hash: string;
}

/** The seq and hash of each line of `content` that parses as an entry, with its line number (1-based). */
function entryHashes(content: Buffer): EntryHash[] {
  return content
    .toString('utf8')
    .split('\n')
    .flatMap((text, i) => {
      try {
        const entry = JSON.parse(text) as { seq?: unknown; hash?: unknown };
        return typeof entry.hash === 'string' && typeof entry.seq === 'number'
          ? [{ line: i + 1, seq: entry.seq, hash: entry.hash }]
          : [];
      } catch {
        return [];
      }
    });
}

/**
 * The entry whose hash the typed head `head` misses by a typing slip (up to half its groups of four: SLIP_GROUPS),
 * the last such; with the groups that differ and what was typed there. Undefined when none.
 */
function headSlip(hashes: readonly EntryHash[], head: string) {
  const last = hashes.at(-1)?.seq;
  for (const { seq, hash } of hashes.toReversed()) {
    const compared = compareTypedDigest(head, hash);
    if (!compared.matches && compared.slip)
      return { seq, last: seq === last ? 'yes' : 'no', ...differenceValues(compared) };
  }
  return undefined;
}

/** Verifies `file` against `expected` and prints the verdict (the caller holds the journal's lock). */
async function verifyLocked(file: string, expected: ExpectedHead, allowLater: boolean, io: CliIo): Promise<number> {
  const content = await readJournalFile(file);
  const { verification: result, entries } = inspectJournal(content, expected);
  const { t, message, problem } = cliTranslator(io);
  if (!result.ok) {
    const torn = isTornLastLine(result);
    const receiptMismatch = RECEIPT_MISMATCH.has(result.reason.key);
    // The lines' hashes, read once for both: a head up to half its groups off an entry's hash is a
    // typing slip, said by its groups (and never as a copy cut short).
    const hashes = torn || receiptMismatch ? entryHashes(content) : [];
    const slip = expected.expectedHead === undefined ? undefined : headSlip(hashes, expected.expectedHead);
    // A head not in the journal at all, but one slip off an entry's: the slip leads, not "entries were
    // removed" at a line past the end (a trial's auditor read a one-group typo as tampering first).
    if (!(slip && result.reason.key === 'journal.verify.headMissing'))
      io.stdout(t('journal.cli.bad-line', { line: result.line, reason: message(result.reason) }));
    // A line of another ceremony's journal put in: it says which ceremony (nothing else of it is shown).
    const foreign = foreignCeremonyLine(content, result.line);
    if (foreign)
      io.stdout(
        t('journal.cli.foreign-line', {
          line: result.line,
          ceremonyId: foreign.ceremonyId,
          hasTitle: foreign.title === undefined ? 'no' : 'yes',
          title: terminalText(foreign.title ?? ''),
          own: foreign.ownCeremonyId,
        }),
      );
    // Else an intact line in the wrong place says, by its own chain fields, where it came from.
    const misplaced = foreign ? undefined : misplacedLine(content, result.line);
    if (misplaced)
      io.stdout(
        t('journal.cli.misplaced-line', {
          line: result.line,
          kind: misplaced.kind,
          event: misplaced.event,
          previous: misplaced.kind === 'after' ? misplaced.previous : 0,
        }),
      );
    if (slip && (torn || receiptMismatch)) io.stdout(t('journal.cli.head-slip', slip));
    // An append a power loss cut short: the command that sets it aside (journal-set-aside-torn-line.ts).
    if (torn) {
      const cut = sealedEntriesMissing(
        hashes,
        slip ? { ...expected, expectedHead: undefined } : expected,
        result.line - 1,
      );
      io.stdout(cut ? t('journal.cli.torn-copy-short', cut) : t('journal.cli.torn-next', { file }));
    } else if (receiptMismatch) {
      // The ceremony this journal records: a receipt of another ceremony (two run the same day) is the likelier slip.
      // The first lines that record them (an air-gapped journal's id comes after its first entry).
      const own = journalCeremony(
        content
          .subarray(0, 64 * 1024)
          .toString('utf8')
          .split('\n'),
      );
      const ceremony = own.ceremonyId ?? 'none';
      const title = own.title === undefined ? '' : terminalText(own.title);
      io.stdout(t('journal.cli.receipt-next', { ceremony, hasTitle: title ? 'yes' : 'no', title }));
    }
    // A receipt, plan or bundle file given in the journal's place: no evidence, only the wrong path.
    else if (result.reason.key === 'journal.verify.noEntry') io.stdout(t('journal.cli.not-a-journal-next'));
    else io.stdout(t('journal.cli.bad-next', { line: result.line }));
    return 1;
  }
  const at = result.expectedHeadAt ?? 0;
  const later = result.expectedHeadAt === undefined ? [] : unsealedLaterEntries(entries, at);
  // A later `online status` only looked at the keys: said as such, and no failure of the receipt.
  const looks = laterLooks(later);
  // The receipt's own entries right after the head (not counted among the later ones: said, so the numbers add up).
  const sealed = entries.length - at - later.length;
  if (later.length > 0 && !allowLater && !looks) {
    io.stdout(
      t('journal.cli.later', {
        count: later.length,
        at,
        sealed,
        sealedFrom: at + 1,
        sealedTo: at + sealed,
        entries: describeLater(t, later),
      }),
    );
    return 1;
  }
  // A set-aside line the journal does not record (a power loss before its entry): every step refuses the journal.
  const [unrecorded] = await unrecordedSideFiles(file, entries);
  if (unrecorded === undefined) {
    io.stdout(
      t('journal.cli.ok', {
        count: result.count,
        head: groupHex(result.headHash),
        // The expected head, when it is not the last entry: what follows it is said.
        at: at === entries.length ? 0 : at,
        sealed,
        sealedFrom: at + 1,
        sealedTo: at + sealed,
        later: later.length,
        looks: looks ? 'yes' : 'no',
        sessions: looks?.sessions ?? 0,
        unfinished: looks?.unfinished ?? 0,
        entries: describeLater(t, later),
      }),
    );
    return 0;
  }
  // Not "OK": the chain verifies, but the journal cannot be used as it lies.
  io.stdout(t('journal.cli.ok-blocked', { count: result.count, head: groupHex(result.headHash) }));
  const refusal = problem(unrecordedSideFileRefusal(file, unrecorded.sideFile).toProblem());
  io.stdout(refusal.message);
  io.stdout(refusal.nextStep);
  return 1;
}
