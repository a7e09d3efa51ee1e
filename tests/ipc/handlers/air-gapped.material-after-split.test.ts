/**
 * Once the custody split wrote its shares, the material they back is the material to wrap: a
 * review's app loaded other material after the split, the KMS imported it, and the receipt named
 * the shares for it (their restore would rebuild material the KMS refuses). Loading or generating
 * after the split is refused, nothing changes, and the wrap takes the material the shares hold.
 * Through the real router and handlers, on real folders.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { airGapConfirmed, call, ceremonyFolder, journalEvents, value, type CeremonyFolder } from './airgap-session';

let folder: CeremonyFolder;
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-after-split-');
});
afterEach(() => folder.close());

describe('airgap.load-material and airgap.generate after custody.split', () => {
  it('refuses other material once the shares are written, and wraps the material they back', async () => {
    const { ipc, dir, media } = folder;
    const { keyIds } = await airGapConfirmed(ipc, dir, ['AES_256']);
    const custodians = [path.join(dir, 'c1'), path.join(dir, 'c2')];
    for (const c of custodians) await mkdir(c);
    await value(ipc, 'airgap.preflight', {
      folder: media,
      custody: { m: 2, n: 2, custodians: ['Cara', 'Dan'], folders: custodians, allowSameVolume: true },
    });
    const generated = await value<{ keys: { keyCheckValue: string }[] }>(ipc, 'airgap.generate');
    await value(ipc, 'custody.split');

    const other = path.join(dir, 'other.hex');
    await writeFile(other, randomBytes(32).toString('hex'));
    const loaded = await call(ipc, 'airgap.load-material', { keyId: keyIds[0], file: other });
    expect(loaded).toMatchObject({ ok: false, problem: { code: 'MATERIAL_AFTER_CUSTODY_SPLIT' } });
    if (loaded.ok) return;
    expect(loaded.problem.message).toContain('loading other material now would leave those shares backing material');
    expect(loaded.problem.nextStep).toContain('Wrap the material the shares were split from');
    expect(await call(ipc, 'airgap.generate')).toMatchObject({
      ok: false,
      problem: { code: 'MATERIAL_AFTER_CUSTODY_SPLIT' },
    });

    const wrapped = await value<{ keys: { keyCheckValue: string }[] }>(ipc, 'airgap.wrap');
    expect(generated.keys[0]?.keyCheckValue).toMatch(/^[0-9A-F]{6}$/i);
    expect(wrapped.keys[0]?.keyCheckValue).toBe(generated.keys[0]?.keyCheckValue);
    const events = await journalEvents(path.join(dir, 'air-gapped-journal.jsonl'));
    expect(events.filter((e) => e.event === 'material.generated')).toHaveLength(1);
    expect(events.some((e) => e.event === 'material.loaded')).toBe(false);
  }, 60_000);
});
