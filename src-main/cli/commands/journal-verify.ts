/** `keyferry journal verify FILE [--expect-head HEX] [--expect-count N] [--allow-later]`: checks a ceremony journal. */
import path from 'node:path';
import { KeyferryError } from '../../core/errors';
import { normalizeHeadHash, type ExpectedHead, type JournalEntry } from '../../core/journal';
import { inspectJournal, readJournalFile } from '../../core/journal/verify';
import { groupHex } from '../../core/hex-groups';
import { parseCommandArgs } from '../args';
import type { CliCommand } from '../command';

const NAME = 'journal verify';

export const JOURNAL_VERIFY_OPTIONS = {
  'expect-head': { type: 'string' },
  'expect-count': { type: 'string' },
  'allow-later': { type: 'boolean' },
} as const;

function parseCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) {
    throw new KeyferryError(
      'CLI_BAD_ARGUMENTS',
      `--expect-count must be a whole number, not "${value.slice(0, 40)}".`,
      'Copy the entry count from the receipt.',
    );
  }
  return Number(value);
}

/**
 * The entries after the expected head that the receipt did not seal. The one `receipt.written`
 * entry recording the receipt that printed this head (its `journalHeadAtReceipt`) is part of
 * writing that receipt, so it is not counted.
 */
export function unsealedLaterEntries(entries: readonly JournalEntry[], headAt: number): JournalEntry[] {
  const later = entries.slice(headAt);
  const head = entries[headAt - 1]?.hash;
  const first = later[0];
  if (first?.event === 'receipt.written' && first.data.journalHeadAtReceipt === head) return later.slice(1);
  return later;
}

function describeLater(later: readonly JournalEntry[]): string {
  const shown = later.slice(0, 10).map((e) => `entry ${e.seq} ${e.event}`);
  return `${shown.join(', ')}${later.length > shown.length ? `, and ${later.length - shown.length} more` : ''}`;
}

export const journalVerifyCommand: CliCommand = {
  name: NAME,
  summary: 'Verify a ceremony journal (hash chain, and the head hash printed on a receipt)',
  usage: [
    'Usage: keyferry journal verify FILE [--expect-head HEX] [--expect-count N] [--allow-later]',
    '',
    'Checks every line of the journal: canonical JSON, numbering, the hash chain and each hash.',
    'Prints "OK <count> entries, head <hash>" and exits 0, or "line N: <reason>" and exits 1.',
    '',
    '  --expect-head HEX   the journal head hash printed on the receipt (spaces allowed).',
    '                      Without it, entries cut off the end of the journal cannot be noticed.',
    '  --expect-count N    the entry count printed on the receipt.',
    '  --allow-later       accept entries after the expected head (a later session of the same',
    '                      ceremony); without it they fail the check and are listed. The entry',
    '                      recording the receipt itself (receipt.written) is always accepted.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(NAME, args, JOURNAL_VERIFY_OPTIONS, true);
    if (positionals.length !== 1 || positionals[0] === undefined) {
      throw new KeyferryError(
        'CLI_BAD_ARGUMENTS',
        'Give exactly one journal file.',
        `Run "keyferry ${NAME} --help" for the usage.`,
      );
    }
    const head = values['expect-head'];
    const expected: ExpectedHead = {
      expectedHead: head === undefined ? undefined : normalizeHeadHash(head),
      expectedCount: parseCount(values['expect-count']),
    };
    const { verification: result, entries } = inspectJournal(
      await readJournalFile(path.resolve(io.cwd, positionals[0])),
      expected,
    );
    if (!result.ok) {
      io.stdout(`line ${result.line}: ${result.reason}`);
      return 1;
    }
    const at = result.expectedHeadAt;
    const later = at === undefined ? [] : unsealedLaterEntries(entries, at);
    if (later.length > 0 && values['allow-later'] !== true) {
      io.stdout(
        `NOT OK: ${later.length} ${later.length === 1 ? 'entry follows' : 'entries follow'} the expected head (entry ${at}): ${describeLater(later)}. ` +
          'The receipt does not vouch for them. If they are a later session of this ceremony, check them against its later receipt, or run again with --allow-later.',
      );
      return 1;
    }
    const note = later.length ? `; the expected head is entry ${at}, ${later.length} later entries accepted` : '';
    io.stdout(`OK ${result.count} entries, head ${groupHex(result.headHash)}${note}`);
    return 0;
  },
};
