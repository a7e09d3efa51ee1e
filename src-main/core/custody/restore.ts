/**
 * Rebuilding key material from M custody shares, in memory only. Every share is checked before
 * anything is combined, and the result is proven against the recorded check value before it is
 * returned, so a wrong-but-valid-looking share is caught. Nothing is ever written here.
 */
import type { KeyMaterial } from '../crypto/key-material';
import type { KeySpec } from '../crypto/key-spec';
import { KeyferryError } from '../errors';
import {
  custodyShareFieldsSchema,
  describeMaterialCheck,
  shareChecksumMatches,
  shareFields,
  type CustodyShare,
} from './custody-share';
import { proveRebuiltMaterial } from './material-check';
import { combineShares, shareXCoordinate } from './shamir';

export interface RestoreOptions {
  /** When given, every share must belong to this ceremony, key and spec (each field that is set). */
  readonly expected?: { readonly ceremonyId?: string; readonly keyId?: string; readonly spec?: KeySpec };
}

/** How many M-subsets to try when looking for the share that spoils a restore. */
const MAX_SUBSETS_TRIED = 256;

function refuse(code: string, message: string, nextStep: string): never {
  throw new KeyferryError(code, message, nextStep);
}

const FIELD_NAMES = { ceremonyId: 'ceremony', keyId: 'key', spec: 'key spec' } as const;

function checkEachShare(shares: readonly CustodyShare[], options: RestoreOptions): void {
  for (const share of shares) {
    const label = `Share ${share.index} (custodian ${share.custodian})`;
    if (!custodyShareFieldsSchema.safeParse(shareFields(share)).success || !shareChecksumMatches(share)) {
      refuse(
        'CUSTODY_SHARE_CORRUPTED',
        `Share ${share.index} is corrupted: its checksum does not match its contents.`,
        `Ask the custodian of share ${share.index} for an intact copy (the share file or the printed slip), or use another custodian's share.`,
      );
    }
    const expected = options.expected;
    if (expected) {
      for (const field of ['ceremonyId', 'keyId', 'spec'] as const) {
        if (expected[field] !== undefined && share[field] !== expected[field]) {
          refuse(
            'CUSTODY_SHARE_FOREIGN',
            `${label} belongs to ${FIELD_NAMES[field]} "${share[field]}", not the expected "${expected[field]}".`,
            'Use only shares of this ceremony and key.',
          );
        }
      }
    }
  }
}

function checkTogether(shares: readonly CustodyShare[]): void {
  const first = shares[0] as CustodyShare;
  for (const share of shares.slice(1)) {
    for (const field of ['ceremonyId', 'keyId', 'spec'] as const) {
      if (share[field] !== first[field]) {
        refuse(
          'CUSTODY_SHARES_MIXED',
          `The shares are from different ${field === 'ceremonyId' ? 'ceremonies' : field === 'keyId' ? 'keys' : 'key specs'}: share ${first.index} has "${first[field]}", share ${share.index} has "${share[field]}".`,
          'Gather shares of one ceremony and key only.',
        );
      }
    }
    if (share.m !== first.m || share.n !== first.n) {
      refuse(
        'CUSTODY_SHARES_MIXED',
        `The shares are from different splits: share ${first.index} is ${first.m}-of-${first.n}, share ${share.index} is ${share.m}-of-${share.n}.`,
        'Gather shares of one split only.',
      );
    }
    if (share.materialCheck.value !== first.materialCheck.value || share.share.length !== first.share.length) {
      refuse(
        'CUSTODY_SHARES_MIXED',
        `Shares ${first.index} and ${share.index} record different material (${describeMaterialCheck(first.materialCheck)} vs ${describeMaterialCheck(share.materialCheck)}, or a different length).`,
        'Gather shares of one split only.',
      );
    }
  }
  const byIndex = new Map<number, CustodyShare>();
  const byX = new Map<number, CustodyShare>();
  for (const share of shares) {
    if (byIndex.has(share.index))
      refuse(
        'CUSTODY_SHARE_DUPLICATE',
        `Share ${share.index} was given more than once.`,
        `Give each share once; bring a different custodian's share instead of the second copy of share ${share.index}.`,
      );
    byIndex.set(share.index, share);
    const x = share.share.use(shareXCoordinate);
    const twin = byX.get(x);
    if (twin)
      refuse(
        'CUSTODY_SHARES_MIXED',
        `Shares ${twin.index} and ${share.index} are not from the same split (they carry the same Shamir coordinate).`,
        'Gather shares of one split only.',
      );
    byX.set(x, share);
  }
}

async function combineAndProve(shares: readonly CustodyShare[]): Promise<KeyMaterial | string> {
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
    if (typeof result === 'string') continue;
    result.dispose();
    const odd: number[] = [];
    for (const share of shares.filter((s) => !subset.includes(s))) {
      const check = await combineAndProve([...subset.slice(0, m - 1), share]);
      if (typeof check === 'string') odd.push(share.index);
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
  if (shares.length === 0)
    refuse('CUSTODY_TOO_FEW_SHARES', 'No shares were given.', 'Gather the custodians and their shares.');
  checkEachShare(shares, options);
  checkTogether(shares);
  const first = shares[0] as CustodyShare;
  if (shares.length < first.m) {
    const missing = first.m - shares.length;
    refuse(
      'CUSTODY_TOO_FEW_SHARES',
      `${shares.length} of the ${first.m} shares needed were given: ${missing} more ${missing === 1 ? 'is' : 'are'} needed.`,
      `Gather ${missing} more custodian${missing === 1 ? '' : 's'} of this key with their shares.`,
    );
  }
  const result = await combineAndProve(shares);
  if (typeof result !== 'string') return result;
  const odd = shares.length > first.m ? await findOddShares(shares, first.m) : undefined;
  const blame =
    odd && odd.length > 0
      ? ` Share${odd.length === 1 ? '' : 's'} ${odd.join(', ')} disagree${odd.length === 1 ? 's' : ''} with the others.`
      : '';
  return refuse(
    'CUSTODY_RESTORE_MISMATCH',
    `The shares did not rebuild the recorded key material: ${result}.${blame} At least one share is wrong though its checksum is intact.`,
    "Nothing was written. Check each share against its custodian's printed slip, or use other custodians' shares.",
  );
}
