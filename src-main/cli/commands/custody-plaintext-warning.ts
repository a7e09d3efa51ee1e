/**
 * The warning `keyferry custody restore --out` prints after it wrote plaintext key material: it
 * names every file and says what the officer must do with it (keep it offline, hand it to the
 * HSM, destroy every copy). The restore without --bundle keeps no journal, so the warning says that
 * nothing else records the export. Written on a networked machine (--allow-network overrode the
 * network check), it says so, and that the files are fit for a rehearsal with test material only.
 */
import { cliTranslator } from '../cli-locale';
import type { CliIo } from '../command';

/** Prints the WARNING for the plaintext files just written (full paths); `networked`: the network check was overridden. */
export function printPlaintextWarning(io: CliIo, files: readonly string[], networked: boolean): void {
  const { t } = cliTranslator(io);
  io.stdout(t('cli.custody.plaintext-warning', { count: files.length }));
  for (const file of files) io.stdout(t('cli.custody.plaintext-file', { file }));
  io.stdout(t('cli.custody.plaintext-next', { count: files.length, networked: networked ? 'yes' : 'no' }));
}
