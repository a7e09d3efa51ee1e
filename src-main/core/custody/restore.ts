/**
 * Rebuilding key material from M custody shares, in memory only. Every share is checked before
 * anything is combined, and the result is proven against the recorded check value before it is
 * returned, so a wrong-but-valid-looking share is caught. Nothing is ever written here.
 */
import type { KeyMaterial } from '../crypto/key-material';
import type { KeySpec } from '../crypto/key-spec';
import { KeyferryError, selectedProblem } from '../errors';
import { custodyShareFieldsSchema, shareChecksumMatches, shareFields, type CustodyShare } from './custody-share';
import { isMaterialProblem, proveRebuiltMaterial, type MaterialProblem } from './material-check';
import { combineShares, shareXCoordinate } from './shamir';
import { listValue } from '../../i18n/list';

interface RestoreOptions {
  /** When given, every share must belong to this ceremony, key and spec (each field that is set). */
  readonly expected?: { readonly ceremonyId?: string; readonly keyId?: string; readonly spec?: KeySpec };
}

/** How many M-subsets to try when looking for the share that spoils a restore. */
const MAX_SUBSETS_TRIED = 256;

function checkEachShare(shares: readonly CustodyShare[], options: RestoreOptions): void {
  for (const share of shares) {
    if (!custodyShareFieldsSchema.safeParse(shareFields(share)).success || !shareChecksumMatches(share)) {
      throw new KeyferryError('CUSTODY_SHARE_CORRUPTED', { index: share.index });
    }
    const expected = options.expected;
    if (expected) {
      for (const field of ['ceremonyId', 'keyId', 'spec'] as const) {
        if (expected[field] !== undefined && share[field] !== expected[field]) {
          throw new KeyferryError('CUSTODY_SHARE_FOREIGN', {
            index: share.index,
            custodian: share.custodian,
            field,
            found: share[field],
            expected: expected[field],
            heldList: '[]',
          });
        }
      }
    }
  }
}

/**
 * Refuses `share` when it is not of the same split as `first`: another ceremony, key or spec, another
 * M-of-N, or other material (check value or share length). CUSTODY_SHARES_MIXED names both shares.
 */
export function refuseMixedShares(first: CustodyShare, share: CustodyShare): void {
  for (const field of ['ceremonyId', 'keyId', 'spec'] as const) {
    if (share[field] !== first[field]) {
      throw selectedProblem('CUSTODY_SHARES_MIXED', {
        reason: 'field',
        field,
        first: first.index,
        firstValue: first[field],
        other: share.index,
        otherValue: share[field],
      });
    }
  }
  if (share.m !== first.m || share.n !== first.n) {
    throw selectedProblem('CUSTODY_SHARES_MIXED', {
      reason: 'split',
      first: first.index,
      firstM: first.m,
      firstN: first.n,
      other: share.index,
      otherM: share.m,
      otherN: share.n,
    });
  }
  if (share.materialCheck.value !== first.materialCheck.value || share.share.length !== first.share.length) {
    throw selectedProblem('CUSTODY_SHARES_MIXED', {
      reason: 'material',
      first: first.index,
      firstKind: first.materialCheck.kind,
      firstValue: first.materialCheck.value,
      other: share.index,
      otherKind: share.materialCheck.kind,
      otherValue: share.materialCheck.value,
    });
  }
}

function checkTogether(shares: readonly CustodyShare[]): void {
  const first = shares[0] as CustodyShare;
  for (const share of shares.slice(1)) refuseMixedShares(first, share);
  const byIndex = new Map<number, CustodyShare>();
  const byX = new Map<number, CustodyShare>();
  for (const share of shares) {
    if (byIndex.has(share.index)) throw new KeyferryError('CUSTODY_SHARE_DUPLICATE', { index: share.index });
    byIndex.set(share.index, share);
    const x = share.share.use(shareXCoordinate);
    const twin = byX.get(x);
    if (twin)
      throw selectedProblem('CUSTODY_SHARES_MIXED', { reason: 'coordinate', first: twin.index, other: share.index });
    byX.set(x, share);
  }
}

async function combineAndProve(shares: readonly CustodyShare[]): Promise<KeyMaterial | MaterialProblem> {
  const first = shares[0] as CustodyShare;
  const copies = shares.map((s) => s.share.use((b) => Buffer.from(b)));
  let rebuilt: Buffer;
  try {
    rebuilt = await combineShares(copies);
  } finally {
    for (const copy of copies) copy.fill(0);
  }
  return proveRebuiltMaterial(first.spec, rebuilt, first.materialCheck);
}

function* subsets<T>(items: readonly T[], size: number, start = 0, chosen: T[] = []): Generator<T[]> {
  if (chosen.length === size) {
    yield [...chosen];
    return;
  }
  for (let i = start; i <= items.length - (size - chosen.length); i++) {
    yield* subsets(items, size, i + 1, [...chosen, items[i] as T]);
  }
}

/**
 * With more than M shares and a failed proof: finds an M-subset that proves, then tests every
 * other share together with M-1 of the proven ones. Returns the indices of shares that disagree.
 */
async function findOddShares(shares: readonly CustodyShare[], m: number): Promise<number[] | undefined> {
  let tried = 0;
  for (const subset of subsets(shares, m)) {
    if (++tried > MAX_SUBSETS_TRIED) return undefined;
    const result = await combineAndProve(subset);
    if (isMaterialProblem(result)) continue;
    result.dispose();
    const odd: number[] = [];
    for (const share of shares.filter((s) => !subset.includes(s))) {
      const check = await combineAndProve([...subset.slice(0, m - 1), share]);
      if (isMaterialProblem(check)) odd.push(share.index);
      else check.dispose();
    }
    return odd.sort((a, b) => a - b);
  }
  return undefined;
}

/**
 * Rebuilds the key material from custody shares, in memory. Refuses (KeyferryError) fewer than M
 * shares, shares of mixed ceremonies, keys, specs or splits, a corrupted or duplicated share, and
 * a result whose key check value or public-key fingerprint differs from the recorded one.
 * The shares are not disposed; the caller disposes the returned material.
 */
export async function restoreMaterial(
  shares: readonly CustodyShare[],
  options: RestoreOptions = {},
): Promise<KeyMaterial> {
  if (shares.length === 0) throw selectedProblem('CUSTODY_TOO_FEW_SHARES', { given: 0 });
  checkEachShare(shares, options);
  checkTogether(shares);
  const first = shares[0] as CustodyShare;
  if (shares.length < first.m) {
    const missing = first.m - shares.length;
    throw new KeyferryError('CUSTODY_TOO_FEW_SHARES', { given: shares.length, needed: first.m, missing });
  }
  const result = await combineAndProve(shares);
  if (!isMaterialProblem(result)) return result;
  const odd = (shares.length > first.m ? await findOddShares(shares, first.m) : undefined) ?? [];
  throw selectedProblem('CUSTODY_RESTORE_MISMATCH', {
    spec: first.spec,
    ...result,
    odd: odd.length,
    oddSharesList: listValue(odd),
  });
}
