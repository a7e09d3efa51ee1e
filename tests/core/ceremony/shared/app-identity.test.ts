/**
 * The software identity every journal and receipt carries: the version of package.json, the build
 * packaging set (only a plain build name, so a journal never prints text smuggled in through the
 * environment) and, when asked, the digest of the code that runs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentAppIdentity } from '../../../../src-main/core/ceremony/shared/app-identity';

const ROOT = path.resolve(__dirname, '../../../..');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('currentAppIdentity', () => {
  it("names package.json's version and the build packaging set", () => {
    expect(currentAppIdentity({ KEYFERRY_BUILD: '1.4.0+ci.812' })).toEqual({ version: VERSION, build: '1.4.0+ci.812' });
  });

  it('says "dev" when no build was set, or the one set is not a plain build name', () => {
    expect(currentAppIdentity({})).toEqual({ version: VERSION, build: 'dev' });
    for (const build of ['', 'ci 812', '812\nreceipt: forged', 'x'.repeat(65), '../812', '812;rm'])
      expect(currentAppIdentity({ KEYFERRY_BUILD: build }).build, JSON.stringify(build)).toBe('dev');
    expect(currentAppIdentity({ KEYFERRY_BUILD: 'x'.repeat(64) }).build).toBe('x'.repeat(64));
  });

  it('adds the digest of the code that runs when told where it is: here, this checkout and its commit', () => {
    const withCode = currentAppIdentity({}, { root: ROOT });
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(withCode.code).toMatchObject({ kind: 'sources', commit, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(currentAppIdentity({})).not.toHaveProperty('code');
  });
});
