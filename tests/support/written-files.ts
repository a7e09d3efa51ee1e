/** Every file a test's run wrote under a folder, with its bytes: for "this secret is in no file" checks. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export async function filesUnder(root: string): Promise<{ file: string; bytes: Buffer }[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => {
        const file = path.join(e.parentPath, e.name);
        return { file, bytes: await readFile(file) };
      }),
  );
}
