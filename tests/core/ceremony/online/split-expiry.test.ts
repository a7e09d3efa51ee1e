/**
 * splitExpiryRefusal: an import that goes on after a stop gives the keys still to import the expiry
 * the keys of the same bundle imported already took (the stopped run's --expires, or the bundle's
 * requests); another is refused before anything is sent, saying which to give, in both languages.
 * Keys imported from another bundle, RSA and EC keys, and keys that already took different expiries
 * leave the decision alone. The CLI test commands/online-import.stopped.test.ts runs it end to end.
 */
import { describe, expect, it } from 'vitest';
import { toProblem } from '../../../../src-main/core/errors';
import type { ExpiryDecision } from '../../../../src-main/core/ceremony/online/import-one-key';
import { splitExpiryRefusal } from '../../../../src-main/core/ceremony/online/split-expiry';
import type { CheckedSession } from '../../../../src-main/core/ceremony/online/wrapped-check-step';
import type { KeySpec } from '../../../../src-main/core/key-spec-table';
import { english, translator } from '../../../../src-main/i18n/translate';

const DIGEST = 'd'.repeat(64);
const REQUESTED = '2028-06-01T00:00:00.000Z';
const GIVEN = '2027-01-03T05:34:00.000Z';

interface KeyCase {
  readonly keyId: string;
  /** The expiry its import took, if it was imported (null: never), and from which bundle. */
  readonly imported?: { readonly expiresAt: string | null; readonly bundle?: string };
  readonly spec?: KeySpec;
  /** What the bundle requests for it (ISO or null: never). */
  readonly requested?: string | null;
}

function checkedOf(cases: readonly KeyCase[]): CheckedSession {
  const keys = cases.map(({ keyId, imported, spec, requested }) => ({
    key: {
      keyId,
      spec: spec ?? 'AES_256',
      ...(imported
        ? {
            imported: {
              expiresAt: imported.expiresAt,
              importTokenSha256: 'a'.repeat(64),
              wrappedBundleSha256: imported.bundle ?? DIGEST,
            },
          }
        : {}),
    },
    wrapped: { keyId, materialExpiresAt: requested === undefined ? REQUESTED : requested },
  }));
  return { dir: '/media/wrapped', digest: DIGEST, keys } as unknown as CheckedSession;
}

const decided = (keyId: string, effective: string, requested = REQUESTED): ExpiryDecision => ({
  keyId,
  requested,
  plan: requested,
  effective,
  source: effective === requested ? 'bundle' : 'override',
  planLapsed: false,
});

describe('splitExpiryRefusal', () => {
  it('after a run given --expires: refuses the bundle’s own request (no --expires) and never, names the moment to give', () => {
    const checked = checkedOf([
      { keyId: 'k1', imported: { expiresAt: GIVEN } },
      { keyId: 'k2', imported: { expiresAt: GIVEN } },
      { keyId: 'k3' },
      { keyId: 'k4' },
    ]);
    const without = splitExpiryRefusal([decided('k3', REQUESTED), decided('k4', REQUESTED)], checked);
    expect(without?.keyId).toBe('k3');
    const problem = toProblem(without?.error);
    expect(problem.code).toBe('EXPIRY_SPLITS_IMPORT');
    const { message, nextStep } = english.problem(problem);
    expect(message).toContain('The 2 AES keys of this wrapped-material bundle imported already expire at');
    expect(message).toContain(
      'the expiry given to the run that imported them (--expires, or the expiry chosen in the app)',
    );
    expect(message).toContain('but 2 keys still to import (the first: k3) would get the expiry');
    expect(message).toContain(
      ', as the bundle requests. One import would leave the keys of one bundle with two expiries.',
    );
    expect(message).toContain('Nothing was sent to the KMS.');
    expect(nextStep).toBe(`Run the import again with --expires ${GIVEN} (in the app: type that expiry).`);
    const zh = translator('zh-CN').problem(problem);
    expect(zh.message).toContain('已导入的 2 个 AES 密钥');
    expect(zh.nextStep).toContain(`请使用 --expires ${GIVEN} 再次运行导入`);

    const never = splitExpiryRefusal([decided('k3', 'never'), decided('k4', 'never')], checked);
    expect(english.problem(toProblem(never?.error)).message).toContain(
      'would get no expiry (never), given to this import.',
    );
    // The same moment again: taken.
    expect(splitExpiryRefusal([decided('k3', GIVEN), decided('k4', GIVEN)], checked)).toBeUndefined();
  });

  it('after a run that took the bundle’s requests: refuses an --expires now, says to leave it out', () => {
    const checked = checkedOf([{ keyId: 'k1', imported: { expiresAt: REQUESTED } }, { keyId: 'k2' }]);
    const refusal = splitExpiryRefusal([decided('k2', 'never')], checked);
    const { message, nextStep } = english.problem(toProblem(refusal?.error));
    expect(message).toContain('The AES key of this wrapped-material bundle imported already expires at');
    expect(message).toContain(', as the bundle requests, but key k2, still to import, would get no expiry (never)');
    expect(nextStep).toBe('Run the import again without --expires (in the app: as the bundle requests).');
    expect(splitExpiryRefusal([decided('k2', REQUESTED)], checked)).toBeUndefined();
    // The stopped run may have given --expires with the moment the imported key requested anyway: that moment again is taken.
    expect(
      splitExpiryRefusal(
        [decided('k2', REQUESTED, 'never')],
        checkedOf([
          { keyId: 'k1', imported: { expiresAt: REQUESTED } },
          { keyId: 'k2', requested: null },
        ]),
      ),
    ).toBeUndefined();
    // A key whose bundle requests another expiry than the first key's still takes its own request.
    const planned = checkedOf([
      { keyId: 'k1', imported: { expiresAt: REQUESTED } },
      { keyId: 'k2', requested: null },
    ]);
    expect(splitExpiryRefusal([decided('k2', 'never', 'never')], planned)).toBeUndefined();
  });

  it('a stopped run given never: the keys left get never too, not their bundle’s request', () => {
    const checked = checkedOf([{ keyId: 'k1', imported: { expiresAt: null } }, { keyId: 'k2' }]);
    const refusal = splitExpiryRefusal([decided('k2', REQUESTED)], checked);
    expect(refusal?.error).toMatchObject({ values: { held: 'never', heldIso: 'never', how: 'given', decided: 'at' } });
    expect(english.problem(toProblem(refusal?.error)).nextStep).toBe(
      'Run the import again with --expires never (in the app: type that expiry).',
    );
  });

  it('leaves alone: nothing imported yet, imports from another bundle, RSA and EC keys, keys that took different expiries', () => {
    const none = checkedOf([{ keyId: 'k1' }, { keyId: 'k2' }]);
    expect(splitExpiryRefusal([decided('k1', GIVEN), decided('k2', GIVEN)], none)).toBeUndefined();
    const otherBundle = checkedOf([
      { keyId: 'k1', imported: { expiresAt: GIVEN, bundle: 'e'.repeat(64) } },
      { keyId: 'k2' },
    ]);
    expect(splitExpiryRefusal([decided('k2', REQUESTED)], otherBundle)).toBeUndefined();
    const asymmetric = checkedOf([
      { keyId: 'k1', imported: { expiresAt: GIVEN } },
      { keyId: 'rsa', spec: 'RSA_3072', requested: null },
    ]);
    expect(splitExpiryRefusal([decided('rsa', 'never', 'never')], asymmetric)).toBeUndefined();
    const mixed = checkedOf([
      { keyId: 'k1', imported: { expiresAt: GIVEN } },
      { keyId: 'k2', imported: { expiresAt: null } },
      { keyId: 'k3' },
    ]);
    expect(splitExpiryRefusal([decided('k3', REQUESTED)], mixed)).toBeUndefined();
  });
});
