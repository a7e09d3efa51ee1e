/** KMS key states in the CLI's language (online commands and the rehearsal). */
import { kmsStateText } from '../i18n/kms-state';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';

/** A KMS state name ("Enabled") in the CLI's language; unknown names stay as the KMS gave them. */
export function keyStateText(io: Pick<CliIo, 'env' | 'locale'>, name: string): string {
  return kmsStateText(cliTranslator(io), name);
}
