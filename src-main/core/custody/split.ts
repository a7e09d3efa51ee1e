/**
 * Splitting key material into M-of-N custody shares: no single custodian can rebuild the material,
 * any M of them can. The split is proven restorable before it is returned.
 */
import { timingSafeEqual } from 'node:crypto';
import type { KeyMaterial } from '../crypto/key-material';
import type { KeySpec } from '../crypto/key-spec';
import { SecretBytes } from '../crypto/secret-bytes';
import { KeyferryError } from '../errors';
import { IDENTIFIERS } from '../identifiers';
import {
  CEREMONY_ID_PATTERN,
  KEY_ID_PATTERN,
  MAX_CUSTODY_SHARES,
  MIN_CUSTODY_THRESHOLD,
  computeShareChecksum,
  custodyShareFieldsSchema,
  type CustodyShare,
  type CustodyShareFields,
} from './custody-share';
import { materialCheckOf } from './material-check';
import { restoreMaterial } from './restore';
import { splitSecret } from './shamir';

export interface SplitMaterialRequest {
  readonly material: KeyMaterial;
  /** Shares needed to rebuild (threshold). */
  readonly m: number;
  /** Shares handed out, one per custodian. */
  readonly n: number;
  readonly ceremonyId: string;
  readonly keyId: string;
  readonly spec: KeySpec;
  /** Exactly n distinct names; share i goes to custodians[i - 1]. */
  readonly custodians: readonly string[];
}

function refuse(message: string, nextStep: string): never {
  throw new KeyferryError('CUSTODY_SPLIT_REFUSED', message, nextStep);
}

function validate(request: SplitMaterialRequest): string[] {
  const { m, n, spec, material, ceremonyId, keyId } = request;
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < MIN_CUSTODY_THRESHOLD || m > n || n > MAX_CUSTODY_SHARES) {
    refuse(
      `${m}-of-${n} custody is not allowed: it needs ${MIN_CUSTODY_THRESHOLD} <= M <= N <= ${MAX_CUSTODY_SHARES}.`,
      'Choose M of at least 2 and N between M and 16.',
    );
  }
  if (spec !== material.spec)
    refuse(
      `The key material is ${material.spec} but ${spec} was requested.`,
      'Give the key spec of the material being split.',
    );
  if (!CEREMONY_ID_PATTERN.test(ceremonyId))
    refuse(
      `The ceremony id "${ceremonyId}" is not valid.`,
      `Use the ceremony's own id: ${IDENTIFIERS.ceremonyId.rule}.`,
    );
  if (!KEY_ID_PATTERN.test(keyId))
    refuse(`The key id "${keyId}" is not valid.`, `Use the KMS key id: ${IDENTIFIERS.keyId.rule}.`);
  if (request.custodians.length !== n)
    refuse(
      `${request.custodians.length} custodians were named for ${n} shares.`,
      `Name exactly ${n} custodians, one per share.`,
    );
  const names = request.custodians.map((c) => c.normalize('NFC').trim());
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const key = name.toLocaleLowerCase('en');
    const earlier = seen.get(key);
    if (earlier !== undefined)
      refuse(
        `Custodian "${name}" is named for shares ${earlier + 1} and ${i + 1}: one person holding two shares weakens M-of-N.`,
        'Name a different person for each share.',
      );
    seen.set(key, i);
  });
  return names;
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
  const materialCheck = materialCheckOf(material);
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
  fields.forEach((f) => {
    const parsed = custodyShareFieldsSchema.safeParse(f);
    if (!parsed.success)
      refuse(
        `Custodian name "${f.custodian}" is not usable (1-100 printable characters).`,
        'Give each custodian a plain name.',
      );
  });
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
        throw new KeyferryError(
          'CUSTODY_SPLIT_UNVERIFIED',
          'The shares just made did not rebuild the key material exactly.',
          'Nothing was written. Try the split again; if it fails again, report it.',
        );
      }
    } finally {
      rebuilt.dispose();
    }
  }
}
