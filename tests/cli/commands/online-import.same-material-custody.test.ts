/**
 * A key imported from a wrap of a material file split into a custody set, its material lapsed, and
 * the same file wrapped again (no split: the material files are the custody copy) and imported: the
 * key holds that set's material still (the KMS takes only the material it bound the key to), so the
 * import must not name the set as backing no imported material, to be destroyed. Two folders as two
 * machines, one simulator over real HTTP.
 */
import { randomBytes } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { nextCommand, onPrintedMedia, twoMachines, withoutCustodyToFillIn } from '../../integration/pasted-shell';
import { CUSTODY_TWO_OF_TWO } from './wrapped-cli-ceremony';
import { airgapConfirmations } from './witness-args';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-same-material-');
const DAY = 86_400_000;

describe('online import of the same material wrapped again from its file, after a lapse', () => {
  it('does not name the custody set of the first wrap to be destroyed: it backs the material the key holds', async () => {
    const material = path.join(test.dir(), 'aes.bin');
    await writeFile(material, randomBytes(32));
    const { online, airgap } = await twoMachines(test.dir());
    const plan = { title: 'Same material', operator: 'Ana', witnesses: ['Ben'], materialExpiry: '1d' };
    await writeFile(
      path.join(online, 'plan.json'),
      JSON.stringify({ ...plan, keys: [{ alias: 'm/aes', spec: 'AES_256' }] }),
    );
    const { args: connection, env } = onlineAt(test.kms().sim);
    const on = (args: string[]) => keyferry([...args, ...connection], { cwd: online, env });
    expect((await on(['online', 'create-key', '--plan', 'plan.json'])).code).toBe(0);
    const params1 = await on(['online', 'params', '--out', 'params-1']);
    expect(params1.code).toBe(0);
    const wrapped = await keyferry(
      [
        ...withoutCustodyToFillIn(nextCommand(onPrintedMedia(params1.stdout))),
        ...airgapConfirmations(params1.stdout, ['Ben']),
        ...['--material', material, ...CUSTODY_TWO_OF_TWO, '--allow-network'],
      ],
      { cwd: airgap, env: {} },
    );
    expect(wrapped.stderr).toBe('');
    expect(wrapped.code).toBe(0);
    const first = await keyferry(nextCommand(onPrintedMedia(wrapped.stdout)), { cwd: online, env });
    expect(first.code).toBe(0);
    const set = /custody set ([0-9A-F]{8})/.exec(first.stdout)?.[1] as string;
    expect(set).toMatch(/^[0-9A-F]{8}$/);
    test.kms().sim.clock.advance(2 * DAY);
    const params = await on(['online', 'params', '--out', 'params-2']);
    expect(params.code).toBe(0);
    // The original file instead of the printed restore: the same material, no custody split.
    const journal = (await readdir(airgap)).find((f) => /^airgap-.*\.jsonl$/.test(f)) as string;
    const again = await keyferry(
      [
        ...['airgap', 'wrap', '--bundle', path.join(online, 'params-2'), '--out', path.join(online, 'wrapped-2')],
        ...['--journal', journal, '--operator', 'Ana', '--witness', 'Ben', '--material', material, '--expires', '30d'],
        ...airgapConfirmations(params.stdout, ['Ben']),
        '--allow-network',
      ],
      { cwd: airgap, env: {} },
    );
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Custody copy: the material files loaded on the air-gapped workstation.');
    const reimported = await keyferry(nextCommand(onPrintedMedia(again.stdout)), { cwd: online, env });
    expect(reimported.stderr).toBe('');
    expect(reimported.code).toBe(0);
    expect(reimported.stdout).toMatch(/AES_256\s+Enabled\s+OK: /);
    expect(reimported.stdout).not.toContain(`Custody set ${set}`);
    expect(reimported.stdout).not.toContain('must be destroyed');
    // Nor online status, nor the online receipt, which repeat that line from the same facts.
    const status = await keyferry(['online', 'status', ...connection], {
      cwd: online,
      env,
    });
    expect(status.stdout).toContain('The ceremony is finished');
    expect(status.stdout).not.toContain('must be destroyed');
    for (const receipt of (await readdir(online)).filter((f) => /^receipt-online-.*\.txt$/.test(f)))
      expect(await readFile(path.join(online, receipt), 'utf8')).not.toContain('must be destroyed');
  }, 120_000);
});
