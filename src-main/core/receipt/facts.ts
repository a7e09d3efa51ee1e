/**
 * The facts a receipt states, derived once so the HTML and the plain-text twin, in every language,
 * say exactly the same things. Labels and sentences are catalogue phrases (i18n/catalogues/{en,zh-CN}/
 * receipts.ts); values (ids, names, hex) are raw, unescaped strings; `hex: true` marks a digest to
 * print grouped.
 */
import type { MessageKey, PlainValues } from '../../i18n/catalogue';
import { isMessageKey } from '../../i18n/catalogue';
import { KEY_SPEC_INFO, isAsymmetric } from '../crypto/key-spec';
import type { ReceiptPhrase } from './language';
import type { CeremonySide, ReceiptHsm, ReceiptInput, ReceiptKey, ReceiptNumbering } from './types';

export interface Fact {
  readonly label: ReceiptPhrase;
  /** A value printed as it is (escaped), or a phrase printed in the receipt's language. */
  readonly value: string | ReceiptPhrase;
  readonly hex?: boolean;
  /** "not applicable on this side" (printed greyed). */
  readonly na?: boolean;
  /** Printed in brackets after the value: the key spec's kind, "AES, 256 bits". */
  readonly kind?: ReceiptPhrase;
}

/** A phrase with its values (typed loosely: the catalogue test checks every key's placeholders). */
export function phrase(key: MessageKey, values?: PlainValues): ReceiptPhrase {
  return values ? { key, values } : { key };
}

const NOT_APPLICABLE = phrase('receipt.notApplicable');

import { formatUtc } from '../../i18n/moment';
import { isSimulatorEndpoint } from '../loopback-host';
import { listValue } from '../../i18n/list';
import { journalEventPhrase } from '../../i18n/journal-events';
export { formatLocalIn, workstationClock } from '../../i18n/moment';

/** The local time is a value that differs per language: a fact's value is then one phrase per locale. */
export const LOCAL_TIME = Symbol('local time');

/** The ceremony's title as printed: a rehearsal's carries the language's rehearsal mark. */
export function titleValue(input: ReceiptInput): string | ReceiptPhrase {
  return input.rehearsal ? phrase('receipt.rehearsal', { title: input.title }) : input.title;
}

/**
 * The side the receipt is from, as its header and Ceremony section say it: a custody restore's (its
 * keys rebuilt from shares) says so, beside the air-gapped receipts of the wraps it shares a journal with.
 */
export function sideValue(input: ReceiptInput): ReceiptPhrase {
  const restore = input.keys.some((key) => key.custody?.restoredFrom !== undefined);
  return restore ? phrase('receipt.side.restore') : phrase('receipt.side', { side: input.side });
}

export function ceremonyFacts(input: ReceiptInput): (Fact | typeof LOCAL_TIME)[] {
  return [
    { label: phrase('receipt.fact.ceremonyId'), value: input.ceremonyId },
    { label: phrase('receipt.fact.title'), value: titleValue(input) },
    { label: phrase('receipt.fact.side'), value: sideValue(input) },
    ...(input.numbering ? [numberingFact(input.numbering)] : []),
    { label: phrase('receipt.fact.timeUtc'), value: formatUtc(input.clock.at) },
    LOCAL_TIME,
    { label: phrase('receipt.fact.workstation'), value: input.workstation.hostname },
    { label: phrase('receipt.fact.os'), value: input.workstation.os },
    ...(input.workstation.network ? [{ label: phrase('receipt.fact.network'), value: input.workstation.network }] : []),
    // Which KMS and project hold the keys (the online side): an auditor reads it from the receipt.
    ...(input.kms
      ? [
          {
            label: phrase('receipt.fact.kms'),
            value: phrase('receipt.fact.kmsValue', {
              ...input.kms,
              accessKeyHint: input.kms.accessKeyHint ?? 'none',
              // A rehearsal says so (a trial's auditor could not tell a rehearsal's receipt from a real one).
              simulator: isSimulatorEndpoint(input.kms.endpoint) ? 'yes' : 'no',
            }),
          },
        ]
      : []),
    {
      label: phrase('receipt.fact.software'),
      value: phrase('receipt.fact.softwareValue', { version: input.app.version, build: input.app.build }),
    },
    { label: phrase('receipt.fact.code'), value: input.app.code ?? phrase('receipt.fact.codeUnknown') },
    { label: phrase('receipt.fact.keys'), value: String(input.keys.length) },
    // A slow import's cause on paper: the gateway's throttling, or retried failures (a trial saw 484 nowhere).
    ...(input.kmsRetries
      ? [{ label: phrase('receipt.fact.kmsRetries'), value: phrase('receipt.fact.kmsRetriesValue', input.kmsRetries) }]
      : []),
    {
      label: phrase('receipt.fact.deviations'),
      value:
        input.deviations.length === 0
          ? phrase('receipt.fact.deviationsNone')
          : phrase('receipt.fact.deviationsCount', { count: input.deviations.length }),
    },
  ];
}

/** An air-gapped receipt's number, with the rule that leaves a gap for a session without a receipt. */
function numberingFact(n: ReceiptNumbering): Fact {
  // Numbers below it that are neither this journal's receipts nor its sessions without one: taken in
  // the receipt folder already (a trial's receipt 3 with 'Earlier receipts: none' read as a gap).
  const ours = new Set([...n.earlierReceipts, ...n.withoutReceipt]);
  const skipped = Array.from({ length: n.number - 1 }, (_, i) => i + 1).filter((k) => !ours.has(k));
  return {
    label: phrase('receipt.fact.receiptNumber'),
    value: phrase('receipt.fact.receiptNumberValue', {
      number: n.number,
      journal: n.journalFile,
      earlier: n.earlierReceipts.length,
      earlierList: listValue(n.earlierReceipts),
      without: n.withoutReceipt.length,
      withoutList: listValue(n.withoutReceipt),
      skipped: skipped.length,
      skippedList: listValue(skipped),
    }),
  };
}

/** How a deviation kind is named on paper (the kind itself when the catalogue has no name for it). */
export function deviationKindPhrase(kind: string): ReceiptPhrase | string {
  const key = `receipt.deviationKind.${kind}`;
  return isMessageKey(key) ? phrase(key) : kind;
}

/**
 * Events whose kind on paper already names them (`step.failed` is a "Failed step"): a deviation's
 * line gives the kind and the event's code, not its name again ("步骤失败，步骤失败").
 */
const KIND_NAMES_EVENT: ReadonlySet<string> = new Set(['step.failed']);

/** The name a deviation's line gives its event beside its kind, or undefined when the kind names it. */
export function deviationEventPhrase(event: string): ReceiptPhrase | undefined {
  return KIND_NAMES_EVENT.has(event) ? undefined : journalEventPhrase(event);
}

/**
 * How the values on this receipt are computed, so an auditor can recompute them; on the online side
 * the key check value is the bundle's (that side never holds AES material), said after how it is computed.
 */
export function checkMethods(side: CeremonySide): readonly Fact[] {
  return [
    { label: phrase('receipt.methods.bundleDigest'), value: phrase('receipt.methods.bundleDigestHow') },
    { label: phrase('receipt.methods.fingerprints'), value: phrase('receipt.methods.fingerprintsHow') },
    { label: phrase('receipt.methods.kcv'), value: phrase('receipt.methods.kcvHow', { side }) },
    { label: phrase('receipt.methods.head'), value: phrase('receipt.methods.headHow') },
  ];
}

/** The seal of the import-parameters bundle, or why there is none. */
export function parametersSealAbout(input: ReceiptInput): ReceiptPhrase {
  return input.parametersBundle
    ? phrase('receipt.seals.parametersAbout', { name: input.parametersBundle.name })
    : phrase('receipt.seals.parametersNone');
}

/**
 * The check that ties the material to this key: public-key fingerprint, or key check value. The
 * online side never holds AES material (the KMS never shows it): its key check value is the one the
 * wrapped bundle states, and its label says so (a trial read it as checked on that side).
 */
function materialCheck(key: ReceiptKey, side: CeremonySide): Fact {
  if (isAsymmetric(key.spec))
    return { label: phrase('receipt.key.publicKeyFingerprint'), value: key.publicKeyFingerprint ?? '', hex: true };
  const label = side === 'online' ? phrase('receipt.key.kcvStated') : phrase('receipt.key.kcv');
  return { label, value: key.keyCheckValue ?? '', hex: true };
}

/** A result the online side states: a phrase, or (older callers) a sentence printed as it is. */
function resultValue(value: string | ReceiptPhrase | undefined): string | ReceiptPhrase {
  return value ?? '';
}

/** One replica group on a receipt: its primary first, then its replicas in receipt order. */
export interface ReceiptReplicaGroup {
  /** 1-based, in the order its primary appears on the receipt. */
  readonly n: number;
  readonly primary: ReceiptKey;
  readonly members: readonly ReceiptKey[];
}

/** The receipt's replica groups (a primary with at least one replica on this receipt). */
export function replicaGroups(keys: readonly ReceiptKey[]): ReceiptReplicaGroup[] {
  const replicas = new Map<string, ReceiptKey[]>();
  for (const k of keys)
    if (k.replicaOf !== undefined) replicas.set(k.replicaOf, [...(replicas.get(k.replicaOf) ?? []), k]);
  return keys
    .filter((k) => k.replicaOf === undefined && replicas.has(k.keyId))
    .map((primary, i) => ({ n: i + 1, primary, members: [primary, ...(replicas.get(primary.keyId) ?? [])] }));
}

/** The group `key` belongs to, if any. */
export function replicaGroupOf(
  groups: readonly ReceiptReplicaGroup[],
  key: ReceiptKey,
): ReceiptReplicaGroup | undefined {
  return groups.find((g) => g.members.includes(key));
}

/** The check value a key states: the public-key fingerprint (asymmetric) or the key check value. */
function checkValueOf(key: ReceiptKey): string | undefined {
  return isAsymmetric(key.spec) ? key.publicKeyFingerprint : key.keyCheckValue;
}

/** A member of `group` holds the group's one material as the receipt states it (same check value as the primary). */
function holdsGroupMaterial(group: ReceiptReplicaGroup, key: ReceiptKey): boolean {
  return checkValueOf(key) === checkValueOf(group.primary);
}

/**
 * The lines in a group member's own section: where it lives and its place in the group. A member
 * whose check value is the group's refers to the group's one value instead of repeating it.
 */
function replicaMemberFacts(key: ReceiptKey, group: ReceiptReplicaGroup | undefined): Fact[] {
  if (!group && key.replicaOf === undefined) return [];
  return [
    {
      label: phrase('receipt.replica.keyInGroup'),
      // A replica in a round of its own: its primary holds the same material and is not on this receipt.
      value: group
        ? phrase('receipt.replica.keyInGroupValue', {
            group: group.n,
            role: key === group.primary ? 'primary' : 'replica',
            primary: group.primary.keyId,
          })
        : phrase('receipt.replica.aloneValue', { primary: key.replicaOf ?? '' }),
    },
    ...(key.place
      ? [
          {
            label: phrase('receipt.replica.place'),
            value: phrase('receipt.replica.placeValue', { region: key.place.region, projectId: key.place.projectId }),
          },
        ]
      : []),
  ];
}

/** The group's facts printed once: its one check value and, online, how the group was proven. */
export function replicaGroupFacts(group: ReceiptReplicaGroup, side: CeremonySide): Fact[] {
  const differing = group.members.filter((k) => !holdsGroupMaterial(group, k));
  return [
    materialCheck(group.primary, side),
    ...differing.map((k) => ({
      ...materialCheck(k, side),
      label: phrase('receipt.replica.otherCheck', { keyId: k.keyId }),
    })),
    ...(side === 'online'
      ? [
          {
            label: phrase('receipt.replica.proofLabel'),
            value:
              group.primary.groupProof ?? phrase('receipt.replica.proof', { method: 'none', count: 0, bundles: 0 }),
          },
        ]
      : []),
  ];
}

export function keyFacts(key: ReceiptKey, side: CeremonySide, group?: ReceiptReplicaGroup): Fact[] {
  const info = KEY_SPEC_INFO[key.spec];
  const kind =
    info.kind === 'symmetric'
      ? phrase('receipt.key.kindAes', { bits: info.bits })
      : info.kind === 'rsa'
        ? phrase('receipt.key.kindRsa', { bits: info.bits })
        : phrase('receipt.key.kindEc', { curve: info.namedCurve });
  const na = { value: NOT_APPLICABLE, na: true } as const;
  return [
    { label: phrase('receipt.key.keyId'), value: key.keyId },
    { label: phrase('receipt.key.alias'), value: key.alias },
    { label: phrase('receipt.key.spec'), value: key.spec, kind },
    { label: phrase('receipt.key.usage'), value: key.usage },
    ...(side === 'online' && key.importedFrom
      ? [{ label: phrase('receipt.key.importedFrom'), value: key.importedFrom }]
      : []),
    { label: phrase('receipt.key.wrappingAlgorithm'), value: key.wrappingAlgorithm },
    { label: phrase('receipt.key.wrappingKeyFingerprint'), value: key.wrappingKeyFingerprint, hex: true },
    { label: phrase('receipt.key.importToken'), value: key.importTokenSha256, hex: true },
    ...replicaMemberFacts(key, group),
    group && holdsGroupMaterial(group, key)
      ? { ...materialCheck(key, side), value: phrase('receipt.replica.sameCheck', { group: group.n }), hex: false }
      : materialCheck(key, side),
    ...(key.boundMaterial
      ? [
          {
            label: phrase('receipt.key.boundMaterial'),
            value: phrase('receipt.key.boundMaterialValue', {
              // A replica group holds one material: a member is bound to it whichever member took it first.
              holder: group || key.replicaOf !== undefined ? 'group' : 'key',
              matched: String(key.boundMaterial.matched),
              seq: key.boundMaterial.importedSeq,
            }),
          },
        ]
      : []),
    {
      label: phrase('receipt.key.materialExpiry'),
      value: key.materialExpiry === 'never' ? phrase('receipt.key.never') : formatUtc(key.materialExpiry),
    },
    ...(key.replacedLapsedPlan
      ? [{ label: phrase('receipt.key.replacedLapsedPlan'), value: formatUtc(key.replacedLapsedPlan) }]
      : []),
    side === 'online'
      ? { label: phrase('receipt.key.importResult'), value: resultValue(key.importResult) }
      : { label: phrase('receipt.key.importResult'), ...na },
    side === 'online'
      ? { label: phrase('receipt.key.verificationResult'), value: resultValue(key.verificationResult) }
      : { label: phrase('receipt.key.verificationResult'), ...na },
    ...(side === 'online' && key.custodyCopy
      ? [{ label: phrase('receipt.key.custodyCopy'), value: key.custodyCopy }]
      : []),
  ];
}

/** Sign-off rows: the operator first, then each witness. */
export function signatories(input: ReceiptInput): { role: ReceiptPhrase; name: string }[] {
  return [
    { role: phrase('receipt.role.operator'), name: input.operator },
    ...input.witnesses.map((name, i) => ({
      role:
        input.witnesses.length > 1
          ? phrase('receipt.role.witnessNumbered', { n: i + 1 })
          : phrase('receipt.role.witness'),
      name,
    })),
    // A restore's share presenters sign that they handed over their shares (the Chinese trial's point).
    ...(input.presenters ?? []).map((name) => ({ role: phrase('receipt.role.presenter'), name })),
  ];
}

/** The HSM section's rows: the token, then each key's object label and the mechanisms used for it. */
export function hsmFacts(hsm: ReceiptHsm): Fact[] {
  const t = hsm.token;
  return [
    { label: phrase('receipt.hsm.manufacturer'), value: t.manufacturer },
    { label: phrase('receipt.hsm.model'), value: t.model },
    { label: phrase('receipt.hsm.serial'), value: t.serial },
    { label: phrase('receipt.hsm.firmware'), value: t.firmware },
    { label: phrase('receipt.hsm.tokenLabel'), value: t.label },
    { label: phrase('receipt.hsm.module'), value: t.module },
    ...hsm.keys.flatMap((k): Fact[] => [
      { label: phrase('receipt.hsm.object', { keyId: k.keyId }), value: k.objectLabel },
      {
        label: phrase('receipt.hsm.origin', { keyId: k.keyId }),
        value: phrase('receipt.hsm.originValue', { origin: k.origin }),
      },
      {
        label: phrase('receipt.hsm.mechanisms', { keyId: k.keyId }),
        value: phrase('receipt.hsm.mechanismsValue', {
          mechanismsList: listValue(k.mechanisms),
          algorithm: k.wrappingAlgorithm,
        }),
      },
    ]),
  ];
}
