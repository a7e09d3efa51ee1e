/**
 * `online import` given a wrapped bundle one of whose files changed on the way (a byte added on
 * the stick): the refusal names the file with the bundle folder as the officer typed it
 * (`../usb/wrapped-…/keys/<key id>/…`), as the air-gapped side's commands do, so on a stick holding
 * several bundles the officer knows which one to write again. Two folders as two machines, a real
 * simulator; nothing is imported.
 */
import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { simAndFolderPerTest } from './sim-folder';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';

const test = simAndFolderPerTest('kf-cli-import-tampered-');

describe('online import of a bundle with a changed file', () => {
  it('names the file with the bundle folder as typed, and imports nothing', async () => {
    const { online, env, importCommand } = await wrappedCliCeremony(path.join(test.dir(), 'ceremony'), test.kms().sim, [
      { alias: 'app/one', spec: 'AES_256' },
    ]);
    // The officer types the stick's folder relative to where they are.
    const at = importCommand.indexOf('--bundle') + 1;
    const bundle = path.resolve(online, importCommand[at] as string);
    const typed = path.relative(online, bundle);
    expect(path.isAbsolute(typed)).toBe(false);
    const [keyId] = await readdir(path.join(bundle, 'keys'));
    const files = await readdir(path.join(bundle, 'keys', keyId as string));
    const changed = files[0] as string;
    await appendFile(path.join(bundle, 'keys', keyId as string, changed), 'A');

    const command = importCommand.map((arg, i) => (i === at ? typed : arg));
    const refused = await keyferry(command, { cwd: online, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(path.join(typed, 'keys', keyId as string, changed));
    expect(test.kms().sim.importRequestCount(keyId as string)).toBe(0);
  }, 120_000);
});
