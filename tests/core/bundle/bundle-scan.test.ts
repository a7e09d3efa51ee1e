/** Scanning a bundle folder: a path that is a file, or leads through one, is refused before any file is read. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from './bundle-fixtures';
import { refusal } from './tamper-setup';

it('refuses a path that is not a folder', async () => {
  const file = path.join(await tempDir(), 'file');
  await fs.writeFile(file, 'x');
  expect((await refusal(file)).code).toBe('BUNDLE_NOT_A_FOLDER');
  expect((await refusal(path.join(file, 'nope'))).code).toBe('BUNDLE_UNREADABLE');
});
