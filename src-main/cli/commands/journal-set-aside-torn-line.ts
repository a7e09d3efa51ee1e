/**
 * `keyferry journal set-aside-torn-line FILE --operator NAME`: after a power loss (or a crash, or a
 * medium pulled out) cut the journal's last append short, sets that incomplete line aside
 * (core/journal/torn-line.ts) so the ceremony can go on with the same journal; anything else wrong
 * with the journal is refused as before.
 */
import path from 'node:path';
import { groupHex } from '../../core/hex-groups';
import { setAsideJournalTornLine } from '../../core/journal/journal';
import { requireOption } from '../args';
import { cliTranslator } from '../cli-locale';
import { defineCommand } from '../command';
import { optionTable } from '../options';

const NAME = 'journal set-aside-torn-line';

export const journalSetAsideTornLineCommand = defineCommand({
  name: NAME,
  synopsis: ['FILE --operator NAME'],
  options: optionTable({
    operator: { type: 'string', arg: 'NAME', help: 'cli.opt.journal-set-aside-torn-line.operator' },
  }),
  positional: { arg: 'FILE' },
  async run({ values, positional }, io) {
    const operator = requireOption(NAME, values.operator, '--operator');
    const file = path.resolve(io.cwd, positional as string);
    const done = await setAsideJournalTornLine(file, operator);
    io.stdout(
      cliTranslator(io).t('journal.cli.torn-set-aside', {
        journal: file,
        line: done.line,
        bytes: done.fragmentBytes,
        sha256: groupHex(done.fragmentSha256),
        sideFile: path.join(path.dirname(file), done.sideFile),
        count: done.count,
      }),
    );
    return 0;
  },
});
