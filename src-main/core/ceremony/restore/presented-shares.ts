/**
 * The shares presented at a restore ceremony, checked one by one as each custodian hands theirs
 * over: intact (checksum), for a key the import-parameters bundle holds, of that key's spec, of
 * the same split as the shares before it, and not presented twice. A refused share is wiped at
 * once; the accepted ones are held (as SecretBytes) until the restore, then wiped.
 */
import type { ImportParameters } from '../../bundle';
import {
  custodyShareFieldsSchema,
  shareChecksumMatches,
  shareFields,
  type CustodyShare,
} from '../../custody/custody-share';
import { mixedSharesRefusal, setShareIntact, type SetShare } from '../../custody/set-share';
import { refuseMixedShares } from '../../custody/restore';
import { KeyferryError } from '../../errors';
import { listValue } from '../../../i18n/list';

/** Where a share came from: its share file, or the lines typed from its printed slip. */
export type ShareSource = 'file' | 'typed';

/** One presented share as journaled and shown: never its bytes. */
export interface PresentedShare {
  readonly ceremonyId: string;
  /** The key of a per-key share; null for a share of a ceremony custody set (it covers every key). */
  readonly keyId: string | null;
  readonly shareIndex: number;
  readonly threshold: number;
  readonly total: number;
  /** The custodian the share was issued to (recorded in the share). */
  readonly custodian: string;
  /** The person who handed it over (the custodian, or someone on their behalf). */
  readonly presentedBy: string;
  readonly source: ShareSource;
  /** The share's checksum as printed on its slip (a truncated hash, not the share). */
  readonly shareChecksum: string;
}

export class PresentedShares {
  readonly #parameters: readonly ImportParameters[];
  readonly #shares: CustodyShare[] = [];
  readonly #setShares: SetShare[] = [];
  readonly #records: PresentedShare[] = [];

  /** `parameters`: the keys of the import-parameters bundle the material will be wrapped for. */
  constructor(parameters: readonly ImportParameters[]) {
    this.#parameters = parameters;
  }

  /**
   * Checks `share` and holds it. On refusal the share is wiped and a KeyferryError says why;
   * the shares presented before stay held.
   */
  add(share: CustodyShare | SetShare, presentedBy: string, source: ShareSource): PresentedShare {
    try {
      if ('kind' in share) this.#checkSet(share);
      else this.#check(share);
    } catch (error) {
      share.share.dispose();
      throw error;
    }
    const record: PresentedShare = {
      ceremonyId: share.ceremonyId,
      // A set share covers every key of the ceremony; a per-key share names its key.
      keyId: 'kind' in share ? null : share.keyId,
      shareIndex: share.index,
      threshold: share.m,
      total: share.n,
      custodian: share.custodian,
      presentedBy,
      source,
      shareChecksum: share.checksum,
    };
    if ('kind' in share) this.#setShares.push(share);
    else this.#shares.push(share);
    this.#records.push(record);
    return record;
  }

  #checkSet(share: SetShare): void {
    if (this.#shares.length > 0)
      throw new KeyferryError('CUSTODY_SET_SHARES_MIXED', {
        first: this.#shares[0]?.index ?? 0,
        other: share.index,
        firstCeremony: this.#shares[0]?.ceremonyId ?? '',
        otherCeremony: share.ceremonyId,
      });
    if (!setShareIntact(share)) throw new KeyferryError('CUSTODY_SET_SHARE_CORRUPTED', { index: share.index });
    const first = this.#setShares[0];
    if (
      first &&
      (share.ceremonyId !== first.ceremonyId ||
        share.m !== first.m ||
        share.n !== first.n ||
        share.backupDigest !== first.backupDigest ||
        share.backupKeyCheck !== first.backupKeyCheck)
    )
      throw mixedSharesRefusal(first, share);
    if (this.#setShares.some((s) => s.index === share.index))
      throw new KeyferryError('CUSTODY_SET_SHARE_DUPLICATE', { index: share.index });
  }

  #check(share: CustodyShare): void {
    const set = this.#setShares[0];
    if (set)
      throw new KeyferryError('CUSTODY_SET_SHARES_MIXED', {
        first: set.index,
        other: share.index,
        firstCeremony: set.ceremonyId,
        otherCeremony: share.ceremonyId,
      });
    if (!custodyShareFieldsSchema.safeParse(shareFields(share)).success || !shareChecksumMatches(share))
      throw new KeyferryError('CUSTODY_SHARE_CORRUPTED', { index: share.index });
    const key = this.#parameters.find((p) => p.keyId === share.keyId);
    const foreign = { index: share.index, custodian: share.custodian, heldList: listValue([]) };
    if (!key)
      throw new KeyferryError('CUSTODY_SHARE_FOREIGN', {
        ...foreign,
        field: 'bundleKey',
        found: share.keyId,
        expected: '',
        heldList: listValue(this.#parameters.map((p) => p.keyId)),
      });
    if (key.keySpec !== share.spec)
      throw new KeyferryError('CUSTODY_SHARE_FOREIGN', {
        ...foreign,
        field: 'spec',
        found: share.spec,
        expected: key.keySpec,
      });
    const first = this.#shares[0];
    if (first) refuseMixedShares(first, share);
    if (this.#shares.some((s) => s.index === share.index))
      throw new KeyferryError('CUSTODY_SHARE_DUPLICATE', { index: share.index });
  }

  /** The shares held, for restoreMaterial (still owned here). */
  get shares(): readonly CustodyShare[] {
    return this.#shares;
  }

  get records(): readonly PresentedShare[] {
    return this.#records;
  }

  /** The set shares held (shares of a ceremony custody set), still owned here. */
  get setShares(): readonly SetShare[] {
    return this.#setShares;
  }

  /** Shares needed (M), once a share was presented. */
  get threshold(): number | undefined {
    return this.#shares[0]?.m ?? this.#setShares[0]?.m;
  }

  /** Wipes every share held; safe to call more than once. */
  disposeAll(): void {
    for (const share of [...this.#shares, ...this.#setShares]) share.share.dispose();
  }
}
