/**
 * `online params` run a second time before any wrapped bundle came back (the trial ran it twice):
 * it warns that the first bundle's tokens may still be accepted, naming its folder and digest, and
 * its Next lines do not speak of an earlier wrap as a fact: this workstation has seen none.
 * Real simulator over HTTP, the CLI in process.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-params-twice-');

describe('online params a second time', () => {
  it('warns about the first bundle by folder and digest; the same-journal line is conditional', async () => {
    await writeFile(
      path.join(test.dir(), 'plan.json'),
      JSON.stringify({ title: 'Twice', operator: 'Ana', witnesses: ['Ben'], keys: [{ alias: 'a', spec: 'AES_256' }] }),
    );
    const { args, env } = onlineAt(test.kms().sim);
    const run = (...words: string[]) => keyferry([...words, ...args], { cwd: test.dir(), env });
    expect((await run('online', 'create-key', '--plan', 'plan.json')).code).toBe(0);
    const first = await run('online', 'params', '--out', 'params-1');
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('WARNING: This ceremony wrote');
    const digest = /^ {4}((?:[0-9A-F]{4} ){7}[0-9A-F]{4})\n {4}((?:[0-9A-F]{4} ){7}[0-9A-F]{4})$/m.exec(first.stdout);
    expect(digest).not.toBeNull();

    const second = await run('online', 'params', '--out', 'params-2');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      'WARNING: This ceremony has more than one import-parameters bundle whose import tokens the KMS may still accept for the same keys.',
    );
    expect(second.stdout).toContain(
      `${path.join(test.dir(), 'params-1')} (${digest?.[1]} ${digest?.[2]}) (folder and digest)`,
    );
    expect(second.stdout).toContain(
      'If the air-gapped side already wrapped for this ceremony (this workstation has seen none of its bundles), wrap in that SAME air-gapped journal',
    );
  });
});
