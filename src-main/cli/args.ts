/** Argument parsing for commands, on node:util parseArgs, with errors as KeyferryError. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { KeyferryError } from '../core/errors';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<T extends OptionSpec>(
  commandName: string,
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new KeyferryError(
      'CLI_BAD_ARGUMENTS',
      `Bad arguments: ${error instanceof Error ? error.message : String(error)}.`,
      `Run "keyferry ${commandName} --help" for the usage.`,
    );
  }
}

interface MissingOption {
  readonly reason:
    | 'option'
    | 'withBundle'
    | 'journal'
    | 'witness'
    | 'parameters'
    | 'materialKeyId'
    | 'noKeys'
    | 'consoleFiles'
    | 'region'
    | 'projectId';
  readonly option?: string;
  readonly command?: string;
}

/** CLI_MISSING_OPTION: `reason` says which option or which kind of input is missing. */
export function missingOption(values: MissingOption): KeyferryError {
  return new KeyferryError('CLI_MISSING_OPTION', { option: '', command: '', ...values });
}

/** Reads a required string option or fails with a plain message. */
export function requireOption(commandName: string, value: string | undefined, flag: string): string {
  if (value === undefined || value === '') {
    throw missingOption({ reason: 'option', option: flag, command: commandName });
  }
  return value;
}
