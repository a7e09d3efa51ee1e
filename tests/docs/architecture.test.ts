/** docs/ARCHITECTURE.md stays true: every path it names exists, and the README points to it. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const doc = readFileSync(path.join(root, 'docs/ARCHITECTURE.md'), 'utf8');

/** Backticked repository paths (with a folder), e.g. `src-main/core/kms/` or `tests/layout.test.ts`. */
function namedPaths(text: string): string[] {
  const found = [...text.matchAll(/`((?:src-main|src-renderer|tests|docs|scripts)\/[A-Za-z0-9._/-]*)`/g)].map(
    (m) => m[1] ?? '',
  );
  return [...new Set(found)];
}

describe('docs/ARCHITECTURE.md', () => {
  it('names the layers and the ceremony folders', () => {
    const named = namedPaths(doc);
    expect(named.length).toBeGreaterThan(30);
    for (const folder of ['src-main/core/ceremony/online/', 'src-main/core/ceremony/airgap/', 'src-main/app/security/'])
      expect(named).toContain(folder);
  });

  it('every folder and file it names exists', () => {
    expect(namedPaths(doc).filter((p) => !existsSync(path.join(root, p)))).toEqual([]);
  });

  it('the README points to it with a link inside the repository', () => {
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain('](docs/ARCHITECTURE.md)');
  });
});
