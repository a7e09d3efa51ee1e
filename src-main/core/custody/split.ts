/**
 * Splitting key material into M-of-N custody shares: no single custodian can rebuild the material,
 * any M of them can. The split is proven restorable before it is returned.
 */
import { timingSafeEqual } from 'node:crypto';
import type { KeyMaterial } from '../crypto/key-material';
import type { KeySpec } from '../crypto/key-spec';
import { SecretBytes } from '../crypto/secret-bytes';
import { KeyferryError, selectedProblem } from '../errors';
import { checkCustodianNames } from './custodian-names';
import {
  CEREMONY_ID_PATTERN,
  KEY_ID_PATTERN,
  MAX_CUSTODY_SHARES,
  MIN_CUSTODY_THRESHOLD,
  computeShareChecksum,
  type CustodyShare,
  type CustodyShareFields,
} from './custody-share';
import { materialCheckOf } from './material-check';
import { restoreMaterial } from './restore';
import { splitSecret } from './shamir';

interface SplitMaterialRequest {
  readonly material: KeyMaterial;
  /** Shares needed to rebuild (threshold). */
  readonly m: number;
  /** Shares handed out, one per custodian. */
  readonly n: number;
  readonly ceremonyId: string;
  readonly keyId: string;
  readonly spec: KeySpec;
  /** Exactly n distinct names (custodian-names.ts); share i goes to custodians[i - 1]. */
  readonly custodians: readonly string[];
}

type SplitRefusal =
  | {
      readonly reason: 'parameters';
      readonly m: number;
      readonly n: number;
      readonly min: number;
      readonly max: number;
    }
  | { readonly reason: 'spec'; readonly actual: string; readonly spec: string }
  | { readonly reason: 'ceremonyId' | 'keyId'; readonly value: string }
  | { readonly reason: 'custodians'; readonly count: number; readonly n: number };

function refuse(refusal: SplitRefusal): never {
  throw selectedProblem('CUSTODY_SPLIT_REFUSED', refusal);
}

function validate(request: SplitMaterialRequest): string[] {
  const { m, n, spec, material, ceremonyId, keyId } = request;
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < MIN_CUSTODY_THRESHOLD || m > n || n > MAX_CUSTODY_SHARES) {
    refuse({ reason: 'parameters', m, n, min: MIN_CUSTODY_THRESHOLD, max: MAX_CUSTODY_SHARES });
  }
  if (spec !== material.spec) refuse({ reason: 'spec', actual: material.spec, spec });
  if (!CEREMONY_ID_PATTERN.test(ceremonyId)) refuse({ reason: 'ceremonyId', value: ceremonyId });
  if (!KEY_ID_PATTERN.test(keyId)) refuse({ reason: 'keyId', value: keyId });
  if (request.custodians.length !== n) refuse({ reason: 'custodians', count: request.custodians.length, n });
  // The one check of custodian names (CUSTODY_SET_CUSTODIAN_INVALID, CUSTODY_SET_CUSTODIAN_TWICE).
  return checkCustodianNames(request.custodians);
}

/**
 * Splits `material` into n shares, any m of which rebuild it. Each share records the ceremony,
 * key, spec, its index, M and N, the material's check value and its custodian, with a checksum.
 * Before returning, the first M and the last M shares are each restored and compared with the
 * material. The material itself is left untouched (the caller disposes it).
 */
export async function splitMaterial(request: SplitMaterialRequest): Promise<CustodyShare[]> {
  const custodians = validate(request);
  const { m, n, ceremonyId, keyId, spec, material } = request;
  const materialCheck = await materialCheckOf(material);
  const fields: CustodyShareFields[] = custodians.map((custodian, i) => ({
    ceremonyId,
    keyId,
    spec,
    index: i + 1,
    m,
    n,
    materialCheck,
    custodian,
  }));
  const secret = material.secret.use((bytes) => {
    const copy = Buffer.alloc(bytes.length);
    bytes.copy(copy);
    return copy;
  });
  let raw: Buffer[];
  try {
    raw = await splitSecret(secret, m, n);
  } finally {
    secret.fill(0);
  }
  const shares = raw.map<CustodyShare>((bytes, i) => {
    const f = fields[i] as CustodyShareFields;
    return { ...f, checksum: computeShareChecksum(f, bytes), share: SecretBytes.from(bytes) };
  });
  try {
    await proveRestorable(shares, material);
  } catch (error) {
    for (const share of shares) share.share.dispose();
    throw error;
  }
  return shares;
}

async function proveRestorable(shares: CustodyShare[], material: KeyMaterial): Promise<void> {
  const m = shares[0]?.m ?? 0;
  for (const subset of [shares.slice(0, m), shares.slice(-m)]) {
    const rebuilt = await restoreMaterial(subset);
    try {
      const same = rebuilt.secret.use((a) =>
        material.secret.use((b) => a.length === b.length && timingSafeEqual(a, b)),
      );
      if (!same) {
        throw new KeyferryError('CUSTODY_SPLIT_UNVERIFIED');
      }
    } finally {
      rebuilt.dispose();
    }
  }
}
