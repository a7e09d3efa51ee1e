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
import { modeText, ownerOnly, permissionsOf } from '../../core/fs/file-permissions';
import { cliTranslator } from '../cli-locale';
import type { CliIo } from '../command';

/** The mode values of the written-line messages (`kept`, `mode`) for `bits` (permissionsOf). */
function modeValues(bits: number): { kept: 'yes' | 'no'; mode: string } {
  return { kept: ownerOnly(bits) ? 'yes' : 'no', mode: modeText(bits) };
}

/**
 * Prints the line `written` renders (given the mode values of the files just written, full paths),
 * then the WARNING for them; `networked`: the network check was overridden.
 */
export async function printPlaintextWritten(
  io: CliIo,
  files: readonly string[],
  networked: boolean,
  written: (mode: { kept: 'yes' | 'no'; mode: string }) => string,
): Promise<void> {
  const { t } = cliTranslator(io);
  const bits = await permissionsOf(files);
  io.stdout(written(modeValues(bits)));
  io.stdout(t('cli.custody.plaintext-warning', { count: files.length }));
  for (const file of files) io.stdout(t('cli.custody.plaintext-file', { file }));
  if (!ownerOnly(bits))
    io.stdout(t('cli.custody.plaintext-permissions', { count: files.length, mode: modeText(bits) }));
  io.stdout(t('cli.custody.plaintext-next', { count: files.length, networked: networked ? 'yes' : 'no' }));
}
