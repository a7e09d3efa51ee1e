/**
 * `keyferry journal set-aside-torn-line FILE --operator NAME`: after a power loss (or a crash, or a
 * medium pulled out) cut the journal's last append short, sets that incomplete line aside
 * (core/journal/torn-line.ts) so the ceremony can go on with the same journal, and journals a side
 * file an earlier run left unrecorded (a second power loss before its entry); says what each dropped
 * line held, as far as it reads. Anything else wrong with the journal is refused as before.
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
    const { t } = cliTranslator(io);
    const sideFilePath = (name: string) => path.join(path.dirname(file), name);
    if (done.completed)
      io.stdout(t('journal.cli.torn-completed', { journal: file, line: done.completed.line, count: done.count }));
    if (done.setAside)
      io.stdout(
        t('journal.cli.torn-set-aside', {
          journal: file,
          line: done.setAside.line,
          bytes: done.setAside.fragmentBytes,
          sha256: groupHex(done.setAside.fragmentSha256),
          sideFile: sideFilePath(done.setAside.sideFile),
          count: done.count,
        }),
      );
    for (const late of done.recordedLate)
      io.stdout(
        t('journal.cli.torn-recorded-late', {
          journal: file,
          bytes: late.fragmentBytes,
          sha256: groupHex(late.fragmentSha256),
          sideFile: sideFilePath(late.sideFile),
          cutLine: late.looksLikeCutLine ? 'yes' : 'no',
          count: done.count,
        }),
      );
    // What each dropped line held; a side file that does not read as this journal's line is said to be
    // none (it may have been put there by hand: nothing of it is shown as if a line were cut).
    for (const dropped of [...(done.setAside ? [done.setAside] : []), ...done.recordedLate])
      io.stdout(
        'looksLikeCutLine' in dropped && !dropped.looksLikeCutLine
          ? t('journal.cli.torn-not-a-line', { sideFile: dropped.sideFile })
          : t('journal.cli.torn-fragment', {
              sideFile: dropped.sideFile,
              event: dropped.fragmentEvent ?? 'none',
              keyId: dropped.fragmentKeyId ?? 'none',
            }),
      );
    return 0;
  },
});
