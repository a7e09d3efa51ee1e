/**
 * What the screen's progress shows while the KMS calls of many keys run at once: each key as
 * started, then done (with the key id the KMS gave it), failed, or done in the KMS and not journaled
 * (unrecorded); the bar counting the keys
 * finished so far over the whole step; and, after a failure, no further key started.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { forEachKeyWithProgress } from '../../../../src-main/core/ceremony/online/key-concurrency';
import { progressLine, type CeremonyProgress } from '../../../../src-main/core/ceremony/shared/progress';

const ALIASES = ['payments-1', 'payments-2', 'payments-3', 'payments-4', 'payments-5'];
/** How long each key's calls take: uneven, so keys finish out of order. */
const DELAY_MS: Record<string, number> = {
  'payments-1': 30,
  'payments-2': 5,
  'payments-3': 20,
  'payments-4': 1,
  'payments-5': 10,
};

function run(
  aliases: readonly string[],
  options: { concurrency: number; count?: { before: number; total: number }; failing?: string },
) {
  const events: CeremonyProgress[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const result = forEachKeyWithProgress(
    {
      concurrency: options.concurrency,
      onProgress: (p) => events.push(p),
      step: 'fetch-parameters',
      ...(options.count ? { count: options.count } : {}),
    },
    aliases,
    (alias) => ({ line: progressLine('fetch-parameters', { alias, replica: 'no', region: '' }) }),
    async (alias) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await sleep(DELAY_MS[alias] ?? 1);
      inFlight -= 1;
      if (alias === options.failing) throw new Error(`KMS refused ${alias}`);
      return { keyId: `id-${alias}` };
    },
  );
  return { result, events, mostInFlight: () => mostInFlight };
}

describe('forEachKeyWithProgress', () => {
  it('shows each key started, then done with its key id, and counts the keys finished so far', async () => {
    const { result, events, mostInFlight } = run(ALIASES, { concurrency: 2 });
    expect(await result).toEqual(ALIASES.map((a) => ({ keyId: `id-${a}` })));
    expect(mostInFlight()).toBe(2);
    for (const alias of ALIASES) {
      const mine = events.filter((e) => e.values?.alias === alias);
      expect(mine.map((e) => [e.keyPhase, e.keyId])).toEqual([
        ['started', undefined],
        ['done', `id-${alias}`],
      ]);
      expect(mine[0]?.message).toBe(`Fetching import parameters for ${alias}`);
    }
    const done = events.filter((e) => e.keyPhase === 'done');
    expect(done.map((e) => e.done)).toEqual([1, 2, 3, 4, 5]);
    expect(events.every((e) => e.total === 5 && e.step === 'fetch-parameters')).toBe(true);
    // The keys finished in the order their calls ended, not in plan order.
    expect(done.map((e) => e.keyId)).not.toEqual(ALIASES.map((a) => `id-${a}`));
  });

  it('counts once over a step that runs in passes (primaries, then their replicas)', async () => {
    const { result, events } = run(['replica-a', 'replica-b'], { concurrency: 8, count: { before: 3, total: 5 } });
    await result;
    expect(events.filter((e) => e.keyPhase === 'started').map((e) => e.done)).toEqual([3, 3]);
    expect(events.filter((e) => e.keyPhase === 'done').map((e) => [e.done, e.total])).toEqual([
      [4, 5],
      [5, 5],
    ]);
  });

  it('shows a failed key as failed, uncounted, starts no further key and raises the failure', async () => {
    const { result, events } = run(ALIASES, { concurrency: 2, failing: 'payments-2' });
    await expect(result).rejects.toThrow('KMS refused payments-2');
    const phases = events.map((e) => `${String(e.values?.alias)}:${String(e.keyPhase)}`);
    expect(phases).toContain('payments-2:failed');
    // payments-1 was under way: it finishes and is counted; payments-3 onwards never start.
    expect(phases).toContain('payments-1:done');
    expect(phases.filter((p) => /payments-[345]/.test(p))).toEqual([]);
    expect(events.find((e) => e.keyPhase === 'failed')).toMatchObject({ done: 0, total: 5 });
  });

  it('shows a key whose KMS call went through and whose journal entry failed as unrecorded, with the key id the KMS gave', async () => {
    const events: CeremonyProgress[] = [];
    const result = forEachKeyWithProgress(
      { concurrency: 2, onProgress: (p) => events.push(p), step: 'create-keys' },
      ['before-the-kms', 'after-the-kms'],
      (alias) => ({ line: progressLine('create-key', { spec: 'AES_256', alias }) }),
      async (alias, _index, recording) => {
        if (alias === 'before-the-kms') throw new Error('the KMS refused');
        recording('id-after-the-kms');
        throw new Error('the journal could not be written');
      },
    );
    await expect(result).rejects.toThrow('the KMS refused');
    const ended = events.filter((e) => e.keyPhase !== 'started').map((e) => [e.values?.alias, e.keyPhase, e.keyId]);
    expect(ended).toEqual([
      ['before-the-kms', 'failed', undefined],
      ['after-the-kms', 'unrecorded', 'id-after-the-kms'],
    ]);
  });
});
