/** `keyferry journal verify FILE [--expect-head HEX] [--expect-count N]`: checks a ceremony journal. */
import path from 'node:path';
import { KeyferryError } from '../../core/errors';
import { normalizeHeadHash, verifyJournal, type ExpectedHead } from '../../core/journal';
import { groupHex } from '../../core/receipt/hex';
import { parseCommandArgs } from '../args';
import type { CliCommand } from '../command';

const NAME = 'journal verify';

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

export const journalVerifyCommand: CliCommand = {
  name: NAME,
  summary: 'Verify a ceremony journal (hash chain, and the head hash printed on a receipt)',
  usage: [
    'Usage: keyferry journal verify FILE [--expect-head HEX] [--expect-count N]',
    '',
    'Checks every line of the journal: canonical JSON, numbering, the hash chain and each hash.',
    'Prints "OK <count> entries, head <hash>" and exits 0, or "line N: <reason>" and exits 1.',
    '',
    '  --expect-head HEX   the journal head hash printed on the receipt (spaces allowed).',
    '                      Without it, entries cut off the end of the journal cannot be noticed.',
    '  --expect-count N    the entry count printed on the receipt.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      NAME,
      args,
      { 'expect-head': { type: 'string' }, 'expect-count': { type: 'string' } },
      true,
    );
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
    const result = await verifyJournal(path.resolve(io.cwd, positionals[0]), expected);
    if (!result.ok) {
      io.stdout(`line ${result.line}: ${result.reason}`);
      return 1;
    }
    const later = result.laterEntries
      ? `; the expected head is entry ${result.expectedHeadAt}, ${result.laterEntries} entries were added after it`
      : '';
    io.stdout(`OK ${result.count} entries, head ${groupHex(result.headHash)}${later}`);
    return 0;
  },
};
