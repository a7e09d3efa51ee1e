/**
 * The officer's word for a bundle of another air-gapped journal than the ceremony's, or of none:
 * on the command line it is the flag; on the app's screen the ceremony's journal's file name typed,
 * which counts only when it is that name (a tired officer's slip, or another journal's name, is no
 * word at all, so the bundle stays refused).
 */
import { describe, expect, it } from 'vitest';
import { officerAccepts } from '../../../../src-main/core/ceremony/online/officers-word';

const ceremony = { seq: 12, file: 'airgap-E.jsonl', firstEntrySha256: 'e'.repeat(64) };

describe('officerAccepts', () => {
  it('takes the command line’s flag, and the ceremony’s journal typed (spaces around it ignored)', () => {
    expect(officerAccepts(true, ceremony)).toBe(true);
    expect(
      officerAccepts({ typedCeremonyJournal: ' airgap-E.jsonl ', refusedBundleSha256: 'a'.repeat(64) }, ceremony),
    ).toBe(true);
  });

  it('is no word when nothing is given, another name is typed, or the ceremony has no journal yet', () => {
    expect(officerAccepts(undefined, ceremony)).toBe(false);
    for (const typed of ['airgap-F.jsonl', 'AIRGAP-E.JSONL', 'airgap-E', ''])
      expect(officerAccepts({ typedCeremonyJournal: typed, refusedBundleSha256: 'a'.repeat(64) }, ceremony)).toBe(
        false,
      );
    expect(officerAccepts({ typedCeremonyJournal: '', refusedBundleSha256: 'a'.repeat(64) }, undefined)).toBe(false);
  });
});
