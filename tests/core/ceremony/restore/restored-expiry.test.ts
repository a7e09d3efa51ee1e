/**
 * restoredExpiry: what the restored bundle requests when the material had an expiry (choose
 * explicitly), had none (never), or the bundle does not say (original refused); a past original
 * refused; the refusal worded for the CLI (--expires) or the app (the screen's choice), en + zh-CN.
 */
import { describe, expect, it } from 'vitest';
import { restoredExpiries, restoredExpiry } from '../../../../src-main/core/ceremony/restore/restored-expiry';
import { toProblem } from '../../../../src-main/core/errors';
import { translator } from '../../../../src-main/i18n/translate';

const NOW = new Date('2026-12-01T10:00:00Z');
const AHEAD = '2027-03-01T00:00:00.000Z';
const PAST = '2026-11-30T00:00:00.000Z';

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return toProblem(error);
  }
  throw new Error('not refused');
}

describe('restoredExpiry', () => {
  it('takes the original, a new date, a duration or never; nothing given for material that had no expiry is never', () => {
    expect(restoredExpiry('original', AHEAD, NOW, 'app')).toEqual({ kind: 'at', at: new Date(AHEAD) });
    expect(restoredExpiry('2027-06-01T00:00:00Z', AHEAD, NOW, 'app')).toEqual({
      kind: 'at',
      at: new Date('2027-06-01T00:00:00Z'),
    });
    expect(restoredExpiry('90d', AHEAD, NOW, 'cli')).toEqual({
      kind: 'at',
      at: new Date(NOW.getTime() + 90 * 24 * 3600 * 1000),
    });
    expect(restoredExpiry('never', AHEAD, NOW, 'app')).toEqual({ kind: 'never' });
    expect(restoredExpiry(undefined, 'never', NOW, 'app')).toEqual({ kind: 'never' });
    expect(restoredExpiry(undefined, undefined, NOW, 'cli')).toEqual({ kind: 'never' });
    expect(restoredExpiry('original', 'never', NOW, 'cli')).toEqual({ kind: 'never' });
  });

  it('refuses to pick for the person, a past original and an original the bundle does not record', () => {
    expect(refusal(() => restoredExpiry(undefined, AHEAD, NOW, 'app'))).toMatchObject({
      code: 'CUSTODY_RESTORE_EXPIRY_REQUIRED',
      values: { past: 'no', where: 'app' },
    });
    expect(refusal(() => restoredExpiry('original', PAST, NOW, 'cli'))).toMatchObject({
      code: 'CUSTODY_RESTORE_EXPIRY_PASSED',
    });
    expect(refusal(() => restoredExpiry('original', undefined, NOW, 'app'))).toMatchObject({
      code: 'CUSTODY_RESTORE_EXPIRY_UNKNOWN',
    });
  });

  it('words the refusal for where it was asked: --expires on the CLI, the choice on the screen', () => {
    const required = (where: 'cli' | 'app') => refusal(() => restoredExpiry(undefined, AHEAD, NOW, where));
    const en = translator('en');
    expect(en.problemLine(required('cli'))).toContain('--expires original');
    expect(en.problemLine(required('app'))).not.toContain('--expires');
    expect(en.problemLine(required('app'))).toContain('2027-03-01 00:00 UTC');
    const zh = translator('zh-CN');
    expect(zh.problemLine(required('app'))).not.toContain('--expires');
    expect(zh.problemLine(required('app'))).toContain('原到期时间');
  });
});

describe('restoredExpiries: each key of a format-4 bundle against its own plan', () => {
  const LATER = '2027-06-01T00:00:00.000Z';
  const keys = [
    { keyId: 'a', keySpec: 'AES_256' as const, materialExpiry: AHEAD },
    { keyId: 'b', keySpec: 'AES_256' as const, materialExpiry: LATER },
    { keyId: 'c', keySpec: 'EC_P256' as const },
  ];
  const requested = (r: ReturnType<typeof restoredExpiries>) =>
    r.keys.map((k) => [k.keyId, k.requested.kind === 'at' ? k.requested.at.toISOString() : 'never', k.overridden]);

  it('original: each AES key its own, the asymmetric key never, nothing overridden', () => {
    const r = restoredExpiries('original', keys, 'never', NOW, 'cli');
    expect(requested(r)).toEqual([
      ['a', AHEAD, false],
      ['b', LATER, false],
      ['c', 'never', false],
    ]);
    // The keys disagree: the bundle's one expiry is not one of theirs.
    expect(r.common).toEqual({ kind: 'never' });
    expect(r.request).toBe('plan');
  });

  it('an explicit choice for every AES key: overridden where the plan differs, one override per plan', () => {
    const r = restoredExpiries(LATER, keys, 'never', NOW, 'app');
    expect(requested(r)).toEqual([
      ['a', LATER, true],
      ['b', LATER, false],
      ['c', 'never', false],
    ]);
    expect(r.common).toEqual({ kind: 'at', at: new Date(LATER) });
    expect(r.request).toEqual({ kind: 'at', at: new Date(LATER) });
    expect(requested(restoredExpiries('never', keys, undefined, NOW, 'cli'))).toEqual([
      ['a', 'never', true],
      ['b', 'never', true],
      ['c', 'never', false],
    ]);
  });

  it('after a lapse: a plan moment already past is replaced, not overridden; a plan still ahead or never is overridden', () => {
    const lapsed = [
      { keyId: 'a', keySpec: 'AES_256' as const, materialExpiry: PAST },
      { keyId: 'b', keySpec: 'AES_256' as const, materialExpiry: AHEAD },
      { keyId: 'd', keySpec: 'AES_256' as const, materialExpiry: 'never' },
    ];
    expect(requested(restoredExpiries('never', lapsed, undefined, NOW, 'cli'))).toEqual([
      ['a', 'never', false],
      ['b', 'never', true],
      ['d', 'never', false],
    ]);
    expect(requested(restoredExpiries(LATER, lapsed, undefined, NOW, 'app'))).toEqual([
      ['a', LATER, false],
      ['b', LATER, true],
      ['d', LATER, true],
    ]);
    // The moment itself counts as passed.
    expect(
      requested(restoredExpiries('never', [{ ...lapsed[1]!, materialExpiry: AHEAD }], null, new Date(AHEAD), 'cli')),
    ).toEqual([['b', 'never', false]]);
  });

  it('nothing chosen names the earliest expiry; an older bundle (one expiry, no per-key) decides as before', () => {
    expect(refusal(() => restoredExpiries(undefined, keys, 'never', NOW, 'cli'))).toMatchObject({
      code: 'CUSTODY_RESTORE_EXPIRY_REQUIRED',
      values: { at: Date.parse(AHEAD) },
    });
    const older = keys.map(({ keyId, keySpec }) => ({ keyId, keySpec }));
    expect(restoredExpiries('original', older, AHEAD, NOW, 'cli').common).toEqual({ kind: 'at', at: new Date(AHEAD) });
    expect(restoredExpiries(undefined, older, 'never', NOW, 'cli').common).toEqual({ kind: 'never' });
    expect(
      refusal(() => restoredExpiries('original', [{ ...keys[0]!, materialExpiry: PAST }], null, NOW, 'cli')),
    ).toMatchObject({
      code: 'CUSTODY_RESTORE_EXPIRY_PASSED',
    });
  });
});
