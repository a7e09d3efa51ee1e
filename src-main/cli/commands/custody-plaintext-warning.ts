/**
 * What `keyferry custody restore --out` prints after it wrote plaintext key material: the line
 * saying what was written (with the mode the files really show), then the WARNING naming every
 * file and saying what the officer must do with it (keep it offline, hand it to the HSM, destroy
 * every copy). The restore without --bundle keeps no journal, so the warning says that nothing else
 * records the export. On a volume that keeps no permissions (FAT32, exFAT: most USB sticks) the
 * files are not owner-only whatever they were created with, and the warning says so. Written on a
 * networked machine (--allow-network overrode the network check), it says so, and that the files
 * are fit for a rehearsal with test material only.
 */
import { KeyferryError } from '../../core/errors';
import { modeText, ownerOnly, permissionsOf } from '../../core/fs/file-permissions';
import { listItems, listText } from '../../i18n/list';
import { cliTranslator } from '../cli-locale';
import type { CliIo } from '../command';
import { abortWriteOnStop, leaveToTheStop } from '../stoppable-write';

/** The mode values of the written-line messages (`kept`, `mode`) for `bits` (permissionsOf). */
function modeValues(bits: number): { kept: 'yes' | 'no'; mode: string } {
  return { kept: ownerOnly(bits) ? 'yes' : 'no', mode: modeText(bits) };
}

/**
 * The line `written` renders (given the mode values of the files just written, full paths), then
 * the WARNING for them; `networked`: the network check was overridden.
 */
async function plaintextWrittenLines(
  io: CliIo,
  files: readonly string[],
  networked: boolean,
  written: (mode: { kept: 'yes' | 'no'; mode: string }) => string,
): Promise<string[]> {
  const { t } = cliTranslator(io);
  const bits = await permissionsOf(files);
  return [
    written(modeValues(bits)),
    t('cli.custody.plaintext-warning', { count: files.length }),
    ...files.map((file) => t('cli.custody.plaintext-file', { file })),
    ...(ownerOnly(bits) ? [] : [t('cli.custody.plaintext-permissions', { count: files.length, mode: modeText(bits) })]),
    t('cli.custody.plaintext-next', { count: files.length, networked: networked ? 'yes' : 'no' }),
  ];
}

/**
 * Writes plaintext key material with `write` (given the stop's signal: it starts no further file
 * once stopped, and takes away what it wrote, writeAllOrNothing), then prints what was written and
 * the WARNING. A stop (Ctrl-C) never ends it without a word about the files: stopped part way, it
 * says what was taken away or names the files of key material left to destroy; stopped once they
 * are written, it prints the written lines and the WARNING, and the command ends 0 (its work is done).
 * A trial's stop left 41 files of key material with "nothing it was doing counts as done".
 */
export async function writePlaintextStoppably(
  io: CliIo,
  networked: boolean,
  write: (signal: AbortSignal) => Promise<readonly string[]>,
  written: (files: readonly string[], mode: { kept: 'yes' | 'no'; mode: string }) => string,
): Promise<void> {
  const { t } = cliTranslator(io);
  let done: readonly string[] | undefined;
  const stoppable = abortWriteOnStop(io, async (context, failure) => {
    if (done) {
      context.before.push(...(await plaintextWrittenLines(io, done, networked, (mode) => written(done ?? [], mode))));
      context.completed = true;
      context.line = t('cli.custody.plaintext-stopped', { signal: context.signal, state: 'written', files: '' });
      return;
    }
    const left = failure instanceof KeyferryError && failure.code === 'FILES_LEFT_BEHIND' ? failure : undefined;
    const files = [
      ...(listItems(left?.values?.['movedList']) ?? []),
      ...(listItems(left?.values?.['filesList']) ?? []),
    ];
    context.line = t('cli.custody.plaintext-stopped', {
      signal: context.signal,
      state: files.length > 0 ? 'left' : 'removed',
      files: listText({ t }, files),
    });
  });
  try {
    // `done` is set before the stop's handler hears that the write settled.
    const files = await stoppable.writing(write(stoppable.signal).then((f) => (done = f)));
    const lines = await plaintextWrittenLines(io, files, networked, (mode) => written(files, mode));
    // Stopped meanwhile: the stop's handler prints these lines and ends the process.
    if (!stoppable.signal.aborted) for (const line of lines) io.stdout(line);
  } catch (error) {
    // Stopped: the stop's handler says what happened to the files and ends the process.
    await leaveToTheStop(stoppable.signal);
    throw error;
  } finally {
    stoppable.unregister();
  }
}
