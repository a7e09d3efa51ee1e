/**
 * Stopping an air-gapped session that will not finish (session-stop.ts), on a real journal and real
 * folders: the stop waits for a bundle write under way and withdraws that bundle, journals an
 * interrupt as such with the custody files it removed, and leaves a finished session as it is.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  problemCause,
  stopAirGapSession,
  type StoppingSession,
} from '../../../../src-main/core/ceremony/airgap/session-stop';
import type { WrittenWrappedBundle } from '../../../../src-main/core/ceremony/airgap/wrap';
import { KeyferryError } from '../../../../src-main/core/errors';
import { openJournal, type Journal } from '../../../../src-main/core/journal';

let dir: string;
let journal: Journal;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-session-stop-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

function bundleIn(folder: string): WrittenWrappedBundle {
  return {
    dir: folder,
    custody: { kind: 'material-files' },
    manifestSha256: 'a'.repeat(64),
    files: [],
    warnings: [],
    expiries: {},
  };
}

/** A session in `state` whose bundle (if any) is set by the write `writing`. */
function session(
  state: string,
  held: { bundle?: WrittenWrappedBundle; writing?: Promise<unknown> },
  restore = false,
): StoppingSession & { stopped: boolean } {
  const guard = {
    stopped: false,
    state,
    stop() {
      this.stopped = true;
    },
  };
  return {
    guard,
    journal,
    operator: 'Officer',
    restore,
    now: () => new Date('2026-12-01T22:00:00Z'),
    writing: () => held.writing ?? Promise.resolve(),
    bundle: () => held.bundle,
    underWay: (at) => (at === 'fingerprints-confirmed' ? 'generating' : 'nothing'),
    get stopped() {
      return guard.stopped;
    },
  };
}

const events = (): string[] => journal.entries.map((e) => e.event);

describe('stopping an air-gapped session', () => {
  it('waits for the bundle write under way, then withdraws that bundle and journals the problem', async () => {
    const folder = path.join(dir, 'wrapped');
    await mkdir(folder);
    const held: { bundle?: WrittenWrappedBundle; writing?: Promise<unknown> } = {};
    held.writing = new Promise((resolve) =>
      setTimeout(() => {
        void writeFile(path.join(folder, 'manifest.json'), '{}').then(() => {
          held.bundle = bundleIn(folder);
          resolve(held.bundle);
        });
      }, 50),
    );
    const stopping = session('bundle-written', held);
    const cause = problemCause(new KeyferryError('PREFLIGHT_REQUIRED', { step: 'receipt' }));
    const report = await stopAirGapSession(stopping, cause, () => ({ materialIds: ['key-1', 'key-2'], keys: 2 }));

    expect(stopping.stopped).toBe(true);
    expect(report).toMatchObject({
      state: 'bundle-written',
      wipedKeys: 2,
      withdrawnBundle: folder,
      deleteByHand: null,
    });
    expect(existsSync(path.join(folder, 'ABANDONED.txt'))).toBe(true);
    expect(existsSync(path.join(folder, 'manifest.json'))).toBe(false);
    expect(events()).toEqual(['wrapped-bundle.withdrawn', 'ceremony.abandoned']);
    expect(journal.entries.at(-1)?.data).toMatchObject({
      code: 'PREFLIGHT_REQUIRED',
      reason: cause.reason,
      withdrawnBundle: folder,
      wipedKeys: 2,
    });
  });

  it("says in a restore's withdrawn bundle to run the restore again, not to wrap again", async () => {
    const folder = path.join(dir, 'restored');
    await mkdir(folder);
    await writeFile(path.join(folder, 'manifest.json'), '{}');
    const stopping = session('bundle-written', { bundle: bundleIn(folder) }, true);
    await stopAirGapSession(
      stopping,
      problemCause(new KeyferryError('PREFLIGHT_REQUIRED', { step: 'receipt' })),
      () => ({ materialIds: ['key-1'], keys: 1 }),
    );
    const marker = await readFile(path.join(folder, 'ABANDONED.txt'), 'utf8');
    expect(marker).toContain('Run the custody restore again on the air-gapped workstation into a fresh folder');
    expect(marker).toContain('请在离线工作站上再次运行托管恢复');
    expect(marker).not.toContain('Wrap again');
  });

  it('journals an interrupt with its signal and the custody files it removed', async () => {
    const custody = { withdrawnCustody: [path.join(dir, 'custodian-1')], custodyByHand: [] };
    const report = await stopAirGapSession(
      session('material-ready', {}),
      { reason: 'Interrupted', signal: 'SIGINT' },
      () => ({ materialIds: ['key-1'], keys: 1 }),
      { withdrawCustody: () => Promise.resolve(custody) },
    );
    expect(report).toEqual({
      state: 'material-ready',
      wipedKeys: 1,
      underWay: 'nothing',
      withdrawnBundle: null,
      deleteByHand: null,
      ...custody,
    });
    expect(events()).toEqual(['ceremony.interrupted', 'ceremony.abandoned']);
    expect(journal.entries[0]?.data).toEqual({
      signal: 'SIGINT',
      state: 'material-ready',
      wipedKeys: 1,
      wipedKeyIds: ['key-1'],
    });
  });

  it('names the step a stop found under way as reached: its entries went in before the stop', async () => {
    await journal.append('Officer', 'material.restored', {});
    // The wrap journals its key while the stop comes (Ctrl-C as the step ends): not awaited here.
    const wrapping = journal.append('Officer', 'material.wrapped', {});
    const report = await stopAirGapSession(
      session('material-ready', {}),
      { reason: 'Interrupted', signal: 'SIGINT' },
      () => ({ materialIds: ['key-1'], keys: 1 }),
    );
    await wrapping;
    expect(events()).toEqual(['material.restored', 'material.wrapped', 'ceremony.interrupted', 'ceremony.abandoned']);
    expect(report.lastStep).toEqual({ seq: 2, event: 'material.wrapped', actor: 'Officer' });
  });

  it('leaves a finished session as it is: nothing journaled, nothing withdrawn', async () => {
    const folder = path.join(dir, 'wrapped');
    await mkdir(folder);
    const report = await stopAirGapSession(
      session('finished', { bundle: bundleIn(folder) }),
      { reason: 'closed' },
      () => ({ materialIds: [], keys: 0 }),
    );
    expect(report.withdrawnBundle).toBeNull();
    expect(existsSync(path.join(folder, 'ABANDONED.txt'))).toBe(false);
    expect(events()).toEqual([]);
  });
});
