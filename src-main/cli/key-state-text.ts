/** KMS key states in the CLI's language (online commands and the rehearsal only: it loads core/kms). */
import { keyStateOfName } from '../core/kms/types';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';

/** A KMS state name ("Enabled") in the CLI's language; unknown names stay as the KMS gave them. */
export function keyStateText(io: Pick<CliIo, 'env' | 'locale'>, name: string): string {
  const state = keyStateOfName(name);
  return state !== name ? cliTranslator(io).t('kms.state', { state }) : name;
}
