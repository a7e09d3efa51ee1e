/**
 * After a lapse, the only way back is the material imported first, and Keyferry says so before a
 * witnessed session is spent: a rehearsal imports AES_256 material with an expiry and splits it
 * 2-of-3; the simulator's clock passes the expiry; `online status` sees the lapse and `online
 * params` writes fresh parameters that carry the key's bound KCV (format 3, covered by the digest
 * the witness types); `keyferry airgap wrap` with them is refused before anything is generated,
 * naming the key, the KCV and `custody restore` (journaled, no bundle written); `keyferry custody
 * restore` from shares 1 and 3 proves the rebuilt material is the bound one, its receipt says so,
 * and the online side imports it: the key is Enabled again.
 */
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyferry } from './cli-in-process';
import { runCli } from './cli-process';
import { journalLines as journalEntries, lapsingRehearsal, type LapsingRehearsal } from './lapsing-rehearsal';
import { paramsDigestFrom } from '../cli/commands/witness-args';
import { airgapWrapArgs, onlineAt } from '../helpers/cli-sides';
import { shareFileIn } from '../helpers/custody-files';

let t: LapsingRehearsal | undefined;
afterAll(async () => {
  await t?.close();
});

describe('a lapsed key takes back only its bound material', () => {
  it('fresh parameters carry the bound KCV; airgap wrap is refused before generating; custody restore proves it and the key imports', async () => {
    t = await lapsingRehearsal('kf-bound-', { m: 2, n: 3, custodians: ['Alice', 'Bob', 'Carol'] });
    const { ceremony, sim, kms, rehearsal, keyId, splitKcv } = t;
    expect(rehearsal.ok).toBe(true);
    const onlineJournal = path.join(ceremony, 'online/journal.jsonl');
    expect(splitKcv).toMatch(/^[0-9A-F]{6}$/);
    const importedSeq = (await journalEntries(onlineJournal)).find((e) => e.event === 'key.imported')?.seq;

    // The material lapses in the KMS; the online side notices and fetches fresh parameters.
    t.lapse();
    const { args: online, env } = onlineAt(sim, 'online/journal.jsonl');
    expect((await keyferry(['online', 'status', ...online], { cwd: ceremony, env })).stdout).toContain(
      'Pending import',
    );
    const params = await keyferry(['online', 'params', ...online, '--out', 'media/params-2'], { cwd: ceremony, env });
    expect(params.stderr).toBe('');
    expect(params.code).toBe(0);
    const digest = paramsDigestFrom(params.stdout);
    const manifest = JSON.parse(await readFile(path.join(ceremony, 'media/params-2/manifest.json'), 'utf8')) as {
      formatVersion: number;
      keys: { keyId: string; boundMaterial?: unknown }[];
    };
    // Format 6: bound material (format 3), each key's own material expiry (4), the ceremony's people (5) and its air-gapped journal.
    expect(manifest.formatVersion).toBe(6);
    expect(manifest.keys).toMatchObject([
      {
        keyId,
        boundMaterial: { kind: 'key-check-value', method: 'aes-ecb-zero-block', keyCheckValue: splitKcv, importedSeq },
      },
    ]);

    // The usual air-gapped command with these parameters: refused before any material exists.
    await mkdir(path.join(ceremony, 'fresh'));
    const fresh = await runCli(
      airgapWrapArgs(
        { bundle: 'media/params-2', out: 'media/wrapped-fresh', journal: 'fresh/airgap.jsonl', digest },
        '--allow-network',
        '--no-backup',
      ),
      { cwd: ceremony },
    );
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toContain(
      `(${keyId}) is bound to the material imported at online journal entry ${importedSeq} (its own first import`,
    );
    expect(fresh.stderr).toContain(`KCV ${splitKcv}`);
    expect(fresh.stderr).toContain('Nothing was generated.');
    expect(fresh.stderr).toContain('keyferry custody restore');
    const refused = await journalEntries(path.join(ceremony, 'fresh/airgap.jsonl'));
    expect(refused.find((e) => e.event === 'material.refused')?.data).toMatchObject({
      source: 'generate',
      code: 'MATERIAL_BOUND_GENERATE_REFUSED',
      values: { keyId, bound: splitKcv },
    });
    expect(refused.some((e) => e.event === 'material.generated' || e.event === 'material.wrapped')).toBe(false);
    // Refused as soon as the parameters were read: no witness typed a digest for a session that cannot import.
    expect(refused.some((e) => e.event === 'witness.confirmed')).toBe(false);
    await expect(readdir(path.join(ceremony, 'media/wrapped-fresh'))).rejects.toMatchObject({ code: 'ENOENT' });

    // The custody restore from shares 1 and 3: proven to be the bound material, wrapped, receipted.
    const share = (i: number) => shareFileIn(`custodian-${i}`, i, ceremony);
    const restored = await runCli(
      [
        'custody',
        'restore',
        '--bundle',
        'media/params-2',
        '--wrapped-out',
        'media/wrapped-restored',
        '--journal',
        'airgap/restore.jsonl',
        '--operator',
        'Ana',
        '--witness',
        'Ben',
        '--witness-confirms',
        `Ben=${digest}`,
        '--allow-network',
        '--expires',
        'never',
        '--share',
        share(1),
        '--share',
        share(3),
        '--receipt-dir',
        'airgap',
      ],
      { cwd: ceremony },
    );
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const restoreJournal = await journalEntries(path.join(ceremony, 'airgap/restore.jsonl'));
    const matched = restoreJournal.findIndex((e) => e.event === 'material.bound-matched');
    expect(restoreJournal[matched]?.data).toMatchObject({ keyId, value: splitKcv, importedSeq, source: 'restore' });
    expect(matched).toBeLessThan(restoreJournal.findIndex((e) => e.event === 'material.wrapped'));
    const receiptName = (await readdir(path.join(ceremony, 'airgap'))).find((n) =>
      /^receipt-air-gapped-.*-session-2\.txt$/.test(n),
    ) as string;
    expect(await readFile(path.join(ceremony, 'airgap', receiptName), 'utf8')).toMatch(
      new RegExp(
        `Bound material \\.+ Matched: the material first imported into this key \\(online journal entry ${importedSeq}\\)`,
      ),
    );
    const bundleDigest = /bundle digest ([0-9A-F ]{79})/.exec(restored.stdout)?.[1] as string;
    const reimport = await keyferry(
      ['online', 'import', ...online, '--bundle', 'media/wrapped-restored', '--expect-digest', bundleDigest],
      { cwd: ceremony, env },
    );
    expect(reimport.stderr).toBe('');
    expect(reimport.code).toBe(0);
    expect((await kms.describeKey(keyId)).stateName).toBe('Enabled');
    // The online receipt of the re-import says it is the first import's material again, as the air-gapped one does.
    // The second online receipt of the ceremony: receipt-online-<id>-2.txt.
    const second = (await readdir(path.join(ceremony, 'online'))).find((n) => /^receipt-online-.*-2\.txt$/.test(n));
    const latest = await readFile(path.join(ceremony, 'online', second as string), 'utf8');
    expect(latest).toMatch(
      new RegExp(
        `Bound material \\.+ Matched: the material first imported into this key \\(online journal entry ${importedSeq}\\)`,
      ),
    );
  }, 300_000);
});
