/** The air-gapped side's receipt: what was wrapped, under which wrapping key, into which bundle. */
import path from 'node:path';
import { boundMaterialFor, matchesBound, type ImportParameters } from '../../bundle';
import { KEY_SPEC_INFO, isAsymmetric } from '../../crypto/key-spec';
import { KeyferryError } from '../../errors';
import { stepOutOfOrder } from '../shared/step-guard';
import type { Journal } from '../../journal';
import { workstationClock, type ReceiptCustody, type ReceiptKey, type ReceiptNumbering } from '../../receipt';
import type { CustodyResult } from './custody-split';
import type { WrittenWrappedBundle, WrappedKeySummary } from './wrap';
import type { ReceiptLanguage } from '../../receipt/language';
import type { CeremonyRecord } from '../shared/ceremony-record';
import { receiptApp, writeJournaledReceipt, type WrittenCeremonyReceipt } from '../shared/journaled-receipt';

export interface AirGapReceiptFacts {
  readonly record: CeremonyRecord;
  readonly parameters: readonly ImportParameters[];
  readonly wrapped: readonly WrappedKeySummary[];
  readonly bundle: WrittenWrappedBundle;
  /** keyId → the custody section of that key (see `receiptCustodyOf` for a split). */
  readonly custody: ReadonlyMap<string, ReceiptCustody>;
  /** A custody restore: keyId → the plan's expiry moment that had passed and was replaced (restored-expiry.ts). */
  readonly replacedLapsedPlans?: ReadonlyMap<string, Date>;
  readonly journal: Journal;
  readonly now: Date;
  /** The language to print in (default: the one the journal records for the ceremony). */
  readonly language?: ReceiptLanguage;
  /** Names a later receipt of the same ceremony, e.g. `session-2` (receipt-session.ts; see receiptBaseName). */
  readonly nameSuffix?: string;
  /** The number in that name and the rule behind it, printed on the receipt (receipt-session.ts). */
  readonly numbering?: ReceiptNumbering;
}

/** The receipt's custody section for a split: every share index and who holds it. */
export function receiptCustodyOf(result: CustodyResult): ReceiptCustody {
  return {
    threshold: result.threshold,
    holders: result.holders.map((h) => ({ shareIndex: h.shareIndex, custodian: h.custodian })),
    backupDigest: result.backupDigest,
  };
}

/** A replica group member's place and primary, for the receipt (nothing for a key alone). */
function replicaFacts(p: ImportParameters, primaries: ReadonlySet<string>): Pick<ReceiptKey, 'place' | 'replicaOf'> {
  if (p.replicaOf === undefined && !primaries.has(p.keyId)) return {};
  return {
    ...(p.origin.kind === 'kms-answer' ? { place: { region: p.origin.region, projectId: p.origin.projectId } } : {}),
    ...(p.replicaOf !== undefined ? { replicaOf: p.replicaOf } : {}),
  };
}

function receiptKey(
  p: ImportParameters,
  w: WrappedKeySummary,
  facts: AirGapReceiptFacts,
  primaries: ReadonlySet<string>,
): ReceiptKey {
  if (!p.importToken) {
    throw new KeyferryError('RECEIPT_NEEDS_TOKEN', { keyId: p.keyId });
  }
  const prefix = `keys/${p.keyId}/`;
  const custody = facts.custody.get(p.keyId);
  const bound = boundMaterialFor(p, facts.parameters);
  const requested = facts.bundle.expiries[p.keyId] ?? 'never';
  const expiry = isAsymmetric(p.keySpec) || requested === 'never' ? 'never' : new Date(requested);
  const lapsed = facts.replacedLapsedPlans?.get(p.keyId);
  return {
    keyId: p.keyId,
    alias: p.origin.kind === 'kms-answer' ? p.origin.keyAlias : p.keyId,
    spec: p.keySpec,
    usage: p.origin.kind === 'kms-answer' ? p.origin.keyUsage : KEY_SPEC_INFO[p.keySpec].defaultUsage,
    wrappingAlgorithm: p.wrappingAlgorithm,
    wrappingKeyFingerprint: w.wrappingKeyFingerprint,
    importTokenSha256: p.importToken.sha256,
    outputFiles: facts.bundle.files
      .filter((f) => f.name.startsWith(prefix))
      .map((f) => ({ name: f.name, size: f.size, sha256: f.sha256 })),
    ...(w.publicKeyFingerprint ? { publicKeyFingerprint: w.publicKeyFingerprint } : {}),
    ...(w.keyCheckValue ? { keyCheckValue: w.keyCheckValue.toLowerCase() } : {}),
    ...(bound
      ? { boundMaterial: { matched: matchesBound(bound.bound, w), importedSeq: bound.bound.importedSeq } }
      : {}),
    materialExpiry: expiry,
    ...(lapsed ? { replacedLapsedPlan: lapsed } : {}),
    ...(custody ? { custody } : {}),
    ...replicaFacts(p, primaries),
  };
}

/** Writes the receipt into `dir`, then journals its file names and digests. */
export async function writeAirGapReceipt(dir: string, facts: AirGapReceiptFacts): Promise<WrittenCeremonyReceipt> {
  const { record, journal } = facts;
  const primaries = new Set(facts.parameters.flatMap((p) => (p.replicaOf !== undefined ? [p.replicaOf] : [])));
  const keys = facts.parameters.map((p) => {
    const w = facts.wrapped.find((k) => k.keyId === p.keyId);
    if (!w) throw stepOutOfOrder({ reason: 'notWrapped', keyId: p.keyId });
    return receiptKey(p, w, facts, primaries);
  });
  return writeJournaledReceipt(
    dir,
    journal,
    record.operator,
    {
      ceremonyId: record.id,
      title: record.title,
      rehearsal: record.rehearsal,
      side: 'air-gapped',
      clock: workstationClock(facts.now),
      workstation: {
        hostname: record.workstation.hostname,
        os: record.workstation.os,
        ...(record.workstation.network
          ? { network: record.workstation.networkMessage ?? record.workstation.network }
          : {}),
      },
      app: receiptApp(record.app),
      operator: record.operator,
      witnesses: record.witnesses,
      keys,
      bundle: { name: path.basename(facts.bundle.dir), digest: facts.bundle.manifestSha256 },
      ...(facts.numbering ? { numbering: facts.numbering } : {}),
    },
    facts.nameSuffix,
    facts.language,
  );
}
