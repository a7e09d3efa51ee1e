/** The code digest an auditor recomputes: the sources digest equals the documented shell line; the asar digest equals electron-builder's integrity value. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPackage, getRawHeader } from '@electron/asar';
import { describe, expect, it } from 'vitest';
import {
  asarHeaderDigest,
  checkoutCommit,
  currentCodeIdentity,
  sourceDigest,
} from '../../../src-main/core/software/code-identity';

const REPO = path.resolve(__dirname, '../../..');

/** The shell line the module's comment gives auditors. */
function shellDigest(root: string): string {
  return execFileSync(
    'bash',
    [
      '-c',
      'find src-main src-renderer package.json package-lock.json -type f -print0 2>/dev/null | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum',
    ],
    { cwd: root, encoding: 'utf8' },
  ).split(' ')[0] as string;
}

describe('code identity', () => {
  it('digests this checkout exactly as the documented shell line does, and names its commit', () => {
    expect(sourceDigest(REPO)).toBe(shellDigest(REPO));
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    expect(checkoutCommit(REPO)).toBe(head);
  });

  it('changes when one byte of one source file changes', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'kf-code-'));
    await fs.mkdir(path.join(root, 'src-main', 'cli'), { recursive: true });
    await fs.writeFile(path.join(root, 'src-main', 'cli', 'main.ts'), 'export const a = 1;\n');
    await fs.writeFile(path.join(root, 'src-main', 'Z-upper.ts'), 'export const z = 1;\n');
    await fs.writeFile(path.join(root, 'package.json'), '{"name":"keyferry"}\n');
    const before = sourceDigest(root);
    expect(before).toBe(shellDigest(root));
    await fs.writeFile(path.join(root, 'src-main', 'cli', 'main.ts'), 'export const a = 2;\n');
    expect(sourceDigest(root)).not.toBe(before);
    expect(sourceDigest(root)).toBe(shellDigest(root));
    expect(currentCodeIdentity({ root })).toEqual({ kind: 'sources', digest: sourceDigest(root), commit: null });
  });

  it("gives a packaged app's app.asar header SHA-256, the value Electron's ASAR integrity pins", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kf-asar-'));
    await fs.mkdir(path.join(dir, 'app'));
    await fs.writeFile(path.join(dir, 'app', 'index.js'), 'console.log(1);\n');
    await fs.writeFile(path.join(dir, 'app', 'package.json'), '{"name":"keyferry"}\n');
    const asar = path.join(dir, 'app.asar');
    await createPackage(path.join(dir, 'app'), asar);
    const expected = createHash('sha256').update(getRawHeader(asar).headerString).digest('hex');
    expect(asarHeaderDigest(asar)).toBe(expected);
    expect(currentCodeIdentity({ root: dir, asar })).toEqual({ kind: 'asar', digest: expected });
  });
});
