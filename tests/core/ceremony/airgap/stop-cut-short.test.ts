/**
 * What a stop cut short (killed after `ceremony.interrupted`, before `ceremony.abandoned`) journaled,
 * as the closing of its session reads it: its own interrupt, and a custody removal it finished; never
 * the journal handler's interrupt (no state, no keys wiped), nor a removal that left files.
 */
import { describe, expect, it } from 'vitest';
import { stopCutShort } from '../../../../src-main/core/ceremony/airgap/stop-cut-short';
import type { JournalEntry } from '../../../../src-main/core/journal';

const entry = (seq: number, event: string, data: Record<string, unknown> = {}) =>
  ({ seq, event, data, actor: 'Ana', at: '', prevHash: '', hash: '' }) as unknown as JournalEntry;
const started = entry(1, 'ceremony.session-started');
const written = entry(2, 'wrapped-bundle.written');

describe('stopCutShort', () => {
  it('reads the ceremony’s own interrupt and the custody folders its stop cleared', () => {
    const stop = stopCutShort([
      started,
      written,
      entry(3, 'ceremony.interrupted', { signal: 'SIGINT', state: 'bundle-written', wipedKeys: 0 }),
      entry(4, 'wrapped-bundle.withdrawn', { folder: '/m/wrapped', marker: 'ABANDONED.txt' }),
      entry(5, 'custody.withdrawn', { folders: ['/m/c1', '/m/c2'], removedFiles: 6 }),
    ]);
    expect(stop).toEqual({ interruptedSeq: 3, custody: { withdrawnCustody: ['/m/c1', '/m/c2'], custodyByHand: [] } });
  });

  it('a failure’s stop (no interrupt) is read from its withdrawals; one that left custody files is not taken', () => {
    const stop = stopCutShort([
      started,
      written,
      entry(3, 'wrapped-bundle.withdrawn', { folder: '/m/wrapped', marker: 'ABANDONED.txt' }),
      entry(4, 'custody.withdraw-failed', { folders: ['/m/c1'], removedFiles: 2, leftFiles: ['/m/c2/x'] }),
    ]);
    expect(stop).toEqual({ interruptedSeq: null, custody: null });
  });

  it('the journal handler’s interrupt, or no stop at all, is no stop cut short', () => {
    const handler = entry(3, 'ceremony.interrupted', { signal: 'SIGINT', stop: 'between-steps', sessionSeq: 1 });
    expect(stopCutShort([started, written, handler])).toBeNull();
    expect(stopCutShort([started, written])).toBeNull();
  });
});
