/**
 * SHA-256 over the names and contents of a build's inputs: every file under `dirs` (walked
 * whole) and each of `files` (a missing one counts as empty), relative to `root`, sorted. What the
 * test-time builds (tests/ui/build-renderer.ts, tests/support/app-build.ts) key their reuse on.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** The digest, plus `extra` strings (e.g. a git commit) hashed after the files. */
export async function inputsDigest(
  root: string,
  dirs: readonly string[],
  files: readonly string[],
  extra: readonly string[] = [],
): Promise<string> {
  const all = [
    ...(await Promise.all(dirs.map((d) => filesUnder(path.join(root, d))))).flat(),
    ...files.map((f) => path.join(root, f)),
  ].sort();
  const hash = createHash('sha256');
  for (const file of all) {
    hash.update(path.relative(root, file)).update('\0');
    hash.update(await readFile(file).catch(() => Buffer.alloc(0))).update('\0');
  }
  for (const value of extra) hash.update(value).update('\0');
  return hash.digest('hex');
}
