/**
 * A double click sends a step twice before the screen can disable its button. A review's app then
 * generated two materials for one key, wrote two custody sets (the manifest and receipt named one),
 * failed one of two bundle writes and journaled the good bundle as partly written, and printed two
 * receipts of one session. Only one step runs at a time (router.ts): the second call is refused
 * and changes nothing. Through the real router, handlers and ceremony, on real folders.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { airGapConfirmed, call, ceremonyFolder, journalEvents, type CeremonyFolder } from './airgap-session';

let folder: CeremonyFolder;
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-double-click-');
});
afterEach(() => folder.close());

describe('a step sent twice at once', () => {
  it('runs generate, custody split, bundle write and receipt once each; the second call is refused', async () => {
    const { ipc, dir, media } = folder;
    await airGapConfirmed(ipc, dir, ['AES_256']);
    const custodians = [path.join(dir, 'c1'), path.join(dir, 'c2')];
    for (const c of custodians) await mkdir(c);
    const custody = { m: 2, n: 2, custodians: ['Cara', 'Dan'], folders: custodians, allowSameVolume: true };
    const twice = async (channel: string, payload?: unknown) => {
      const answers = await Promise.all([call(ipc, channel, payload), call(ipc, channel, payload)]);
      expect(answers.map((a) => (a.ok ? 'ok' : a.problem.code)).sort(), channel).toEqual(['STEP_RUNNING', 'ok']);
    };
    await twice('airgap.preflight', { folder: media, custody });
    await twice('airgap.generate');
    await twice('custody.split');
    await twice('airgap.wrap');
    await twice('airgap.write-bundle');
    await twice('airgap.receipt');

    const events = await journalEvents(path.join(dir, 'air-gapped-journal.jsonl'));
    const count = (event: string) => events.filter((e) => e.event === event).length;
    expect(count('material.generated')).toBe(1);
    expect(count('custody.split')).toBe(1);
    expect(count('wrapped-bundle.written')).toBe(1);
    expect(count('receipt.written')).toBe(1);
    expect(events.some((e) => e.event.includes('partial'))).toBe(false);
    for (const c of custodians) expect((await readdir(c)).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  }, 60_000);
});
