/** Reads the console's raw files named on the command line into a ConsoleFilesInput. */
import { missingOption } from './args';
import path from 'node:path';
import type { ConsoleFilesInput } from '../core/bundle';
import { DEFAULT_WRAPPING_ALGORITHM } from '../core/crypto/key-spec';
import { readInputFile, SMALL_INPUT_FILE_BYTES } from '../core/fs/input-file';
import { listValue } from '../i18n/list';

/** --console-wrapping-key FILE --key-id ID --spec SPEC --import-token FILE [--wrapping-algorithm ALG] */
export async function readConsoleFilesInput(
  cwd: string,
  values: {
    'console-wrapping-key'?: string;
    'key-id'?: string;
    spec?: string;
    'import-token'?: string;
    'wrapping-algorithm'?: string;
  },
): Promise<ConsoleFilesInput> {
  const missing = (['console-wrapping-key', 'key-id', 'spec', 'import-token'] as const).filter((k) => !values[k]);
  if (missing.length > 0) {
    throw missingOption({ reason: 'consoleFiles', optionsList: listValue(missing.map((m) => `--${m}`)) });
  }
  return {
    wrappingKeyFile: await readInputFile(
      path.resolve(cwd, values['console-wrapping-key'] as string),
      'wrappingKey',
      SMALL_INPUT_FILE_BYTES,
    ),
    keyId: values['key-id'] as string,
    keySpec: values.spec as string,
    wrappingAlgorithm: values['wrapping-algorithm'] ?? DEFAULT_WRAPPING_ALGORITHM,
    importToken: (
      await readInputFile(path.resolve(cwd, values['import-token'] as string), 'importToken', SMALL_INPUT_FILE_BYTES)
    ).toString('ascii'),
  };
}
