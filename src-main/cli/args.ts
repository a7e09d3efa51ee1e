/** Required options and the one problem for a missing option or input (options are parsed by options.ts). */
import { KeyferryError } from '../core/errors';
import { listValue } from '../i18n/list';

interface MissingOption {
  readonly reason:
    | 'option'
    | 'withBundle'
    | 'journal'
    | 'journalExisting'
    | 'witness'
    | 'parameters'
    | 'materialKeyId'
    | 'noKeys'
    | 'consoleFiles'
    | 'region'
    | 'projectId'
    | 'shares'
    | 'empty';
  readonly option?: string;
  readonly command?: string;
  /** The options missing, as a list value (`listValue`), joined in the reader's language. */
  readonly optionsList?: string;
}

/** CLI_MISSING_OPTION: `reason` says which option or which kind of input is missing. */
export function missingOption(values: MissingOption): KeyferryError {
  return new KeyferryError('CLI_MISSING_OPTION', { option: '', command: '', optionsList: listValue([]), ...values });
}

/** Reads a required string option or fails with a plain message. */
export function requireOption(commandName: string, value: string | undefined, flag: string): string {
  if (value === undefined || value === '') {
    throw missingOption({ reason: 'option', option: flag, command: commandName });
  }
  return value;
}
