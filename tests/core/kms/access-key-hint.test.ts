/**
 * The access key as the journal and the online screen show it: its first and last four
 * characters, enough to recognise which key was used, never enough to use it. A short key shows
 * nothing of itself.
 */
import { describe, expect, it } from 'vitest';
import { accessKeyHint } from '../../../src-main/core/kms/access-key-hint';

describe('the access key hint', () => {
  it('shows the first and last four characters of a real-length AK, and not the middle', () => {
    const ak = 'HPUAQTWAOYTTINDUT2QV7QZK';
    const hint = accessKeyHint(ak);
    expect(hint).toBe('HPUA…7QZK');
    expect(hint).not.toContain(ak.slice(4, -4));
  });

  it('tells two keys apart that differ at either end', () => {
    expect(accessKeyHint('AAAA1234567890ZZZZ')).not.toBe(accessKeyHint('BAAA1234567890ZZZZ'));
    expect(accessKeyHint('AAAA1234567890ZZZZ')).not.toBe(accessKeyHint('AAAA1234567890ZZZY'));
  });

  it('shows none of a key of eight characters or fewer (the ends would be all of it)', () => {
    for (const ak of ['', 'AK', 'ABCDEFGH']) expect(accessKeyHint(ak)).toBe('****');
    expect(accessKeyHint('ABCDEFGHI')).toBe('ABCD…FGHI');
  });
});
