/** Reading one bundle file: never more than its cap, and never a file other than the one scanned. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readBundleFile } from '../../../src-main/core/bundle/bundle-file-reader';
import { tempDir } from './bundle-fixtures';

it('stops reading at the cap whatever lstat said', async () => {
  const dir = await tempDir();
  await fs.writeFile(path.join(dir, 'f'), Buffer.alloc(5000));
  const stat = await fs.stat(path.join(dir, 'f'));
  await expect(readBundleFile(dir, 'f', { size: 10, dev: stat.dev, ino: stat.ino }, 4096)).rejects.toMatchObject({
    code: 'BUNDLE_FILE_TOO_LARGE',
  });
  await expect(readBundleFile(dir, 'f', { size: 10, dev: stat.dev, ino: stat.ino + 1 }, 8192)).rejects.toMatchObject({
    code: 'BUNDLE_CHANGED_WHILE_READING',
  });
  expect((await readBundleFile(dir, 'f', { size: 10, dev: stat.dev, ino: stat.ino }, 8192)).length).toBe(5000);
});
