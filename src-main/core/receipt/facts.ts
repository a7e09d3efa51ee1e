/**
 * The facts a receipt states, derived once so the HTML and the plain-text twin say exactly the
 * same things. Values are raw (unescaped) strings; `hex: true` marks a digest to print grouped.
 */
import os from 'node:os';
import { KEY_SPEC_INFO, isAsymmetric } from '../crypto/key-spec';
import type { CeremonySide, ReceiptClock, ReceiptInput, ReceiptKey, ReceiptPerson } from './types';

export interface Fact {
  readonly label: string;
  readonly value: string;
  readonly hex?: boolean;
}

export const RECEIPT_TITLE = 'Keyferry ceremony receipt';
export const NOT_APPLICABLE = 'not applicable on this side';

export const SIDE_LABEL: Record<CeremonySide, string> = {
  online: 'Online workstation',
  'air-gapped': 'Air-gapped workstation',
};

/** `2025-03-01 09:30:00 UTC` */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `2025-03-01 10:30:00 UTC+01:00 (Europe/Berlin)`: the workstation's wall clock and offset. */
export function formatLocal(clock: ReceiptClock): string {
  const offset = clock.utcOffsetMinutes;
  const wall = new Date(clock.at.getTime() + offset * 60_000).toISOString().slice(0, 19).replace('T', ' ');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return clock.timeZone ? `${wall} ${zone} (${clock.timeZone})` : `${wall} ${zone}`;
}

/** This workstation's clock facts for `at` (for callers building a ReceiptInput). */
export function workstationClock(at: Date = new Date()): ReceiptClock {
  return { at, utcOffsetMinutes: -at.getTimezoneOffset(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}

/** This workstation's hostname and operating system, as a receipt prints them. */
export function workstationIdentity(): { hostname: string; os: string } {
  return { hostname: os.hostname(), os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})` };
}

/** `1,234 bytes` */
export function formatSize(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

export function ceremonyFacts(input: ReceiptInput): Fact[] {
  return [
    { label: 'Ceremony ID', value: input.ceremonyId },
    { label: 'Title', value: input.title },
    { label: 'Side', value: SIDE_LABEL[input.side] },
    { label: 'Time (UTC)', value: formatUtc(input.clock.at) },
    { label: 'Time (local)', value: formatLocal(input.clock) },
    { label: 'Workstation', value: input.workstation.hostname },
    { label: 'Operating system', value: input.workstation.os },
    ...(input.workstation.network ? [{ label: 'Network', value: input.workstation.network }] : []),
    { label: 'Software', value: `Keyferry ${input.app.version}, build ${input.app.build}` },
    { label: 'Code that wrote this receipt', value: input.app.code ?? 'not recorded (a test or development build)' },
    { label: 'Keys', value: String(input.keys.length) },
    {
      label: 'Deviations',
      value:
        input.deviations.length === 0
          ? 'none recorded in the journal'
          : `${input.deviations.length}: listed under "Deviations" below`,
    },
  ];
}

/** How each deviation kind is named on paper. */
export const DEVIATION_KIND_LABEL: Record<string, string> = {
  override: 'Override',
  refusal: 'Refusal',
  failure: 'Failed step',
  'possible-loss': 'Possible loss acknowledged',
  interrupt: 'Interrupted',
  abandoned: 'Abandoned attempt',
};

export const DEVIATIONS_LEAD =
  'Every journal entry up to the head sealed below in which something was refused, overridden, failed, acknowledged as a possible loss, interrupted or abandoned. Read them before signing.';

export function deviationsNone(count: number): string {
  return `None. The journal's ${count} entries record no refusal, override, failed step, acknowledged loss, interrupt or abandoned attempt.`;
}

export const ROLE_LABEL: Record<ReceiptPerson['role'], string> = {
  operator: 'Operator',
  witness: 'Witness',
  custodian: 'Custodian',
};

export const PEOPLE_LEAD =
  'Everyone named in the journal, and what the journal records of each; "entry N" is the journal line it comes from.';

/** How the values on this receipt are computed, so an auditor can recompute them. */
export const CHECK_METHODS: readonly Fact[] = [
  {
    label: 'Bundle digest',
    value: "SHA-256 of the bundle's manifest.json (which lists every file's size and SHA-256)",
  },
  {
    label: 'Fingerprints',
    value: "SHA-256 of the public key's DER SubjectPublicKeyInfo",
  },
  {
    label: 'Key check value (KCV)',
    value:
      'first 3 bytes of AES-256-ECB encryption of one all-zero 16-byte block under the key, in hex; it identifies an AES key without revealing it',
  },
  {
    label: 'Journal head',
    value:
      'SHA-256 of the last entry; each entry includes the hash of the one before, so the head vouches for every entry up to it',
  },
];

/** The seal of the import-parameters bundle, or why there is none. */
export function parametersSealAbout(input: ReceiptInput): string {
  return input.parametersBundle
    ? `SHA-256 of ${input.parametersBundle.name}/manifest.json, the import-parameters bundle (online → air-gapped)`
    : "no import-parameters bundle: the wrapping keys and tokens came from the console's own files";
}

/** The check that ties the material to this key: public-key fingerprint, or key check value. */
export function materialCheck(key: ReceiptKey): Fact {
  return isAsymmetric(key.spec)
    ? { label: 'Public-key fingerprint (SHA-256)', value: key.publicKeyFingerprint ?? '', hex: true }
    : { label: 'Key check value', value: key.keyCheckValue ?? '', hex: true };
}

export function keyFacts(key: ReceiptKey, side: CeremonySide): Fact[] {
  const info = KEY_SPEC_INFO[key.spec];
  const kind =
    info.kind === 'symmetric'
      ? `AES, ${info.bits} bits`
      : info.kind === 'rsa'
        ? `RSA, ${info.bits} bits`
        : `EC, ${info.namedCurve}`;
  return [
    { label: 'Key ID', value: key.keyId },
    { label: 'Alias', value: key.alias },
    { label: 'Key spec', value: `${key.spec} (${kind})` },
    { label: 'Usage', value: key.usage },
    { label: 'Wrapping algorithm', value: key.wrappingAlgorithm },
    { label: 'Wrapping-key fingerprint (SHA-256)', value: key.wrappingKeyFingerprint, hex: true },
    { label: 'Import token (SHA-256)', value: key.importTokenSha256, hex: true },
    materialCheck(key),
    { label: 'Material expiry', value: key.materialExpiry === 'never' ? 'never' : formatUtc(key.materialExpiry) },
    { label: 'Import result', value: side === 'online' ? (key.importResult ?? '') : NOT_APPLICABLE },
    { label: 'Verification result', value: side === 'online' ? (key.verificationResult ?? '') : NOT_APPLICABLE },
  ];
}

/** Custody holders sorted by share index. */
export function custodyRows(key: ReceiptKey): { shareIndex: number; custodian: string; presentedBy?: string }[] {
  return [...(key.custody?.holders ?? [])].sort((a, b) => a.shareIndex - b.shareIndex);
}

/** The custody heading: who holds the shares (split), or which shares rebuilt the material (restore). */
export function custodyHeading(custody: NonNullable<ReceiptKey['custody']>): string {
  return custody.restoredFrom
    ? `Custody restore: rebuilt from ${custody.holders.length} of ${custody.restoredFrom.total} shares (any ${custody.threshold} suffice)`
    : `Custody: any ${custody.threshold} of ${custody.holders.length} shares`;
}

/** Sign-off rows: the operator first, then each witness. */
export function signatories(input: ReceiptInput): { role: string; name: string }[] {
  return [
    { role: 'Operator', name: input.operator },
    ...input.witnesses.map((name, i) => ({ role: input.witnesses.length > 1 ? `Witness ${i + 1}` : 'Witness', name })),
  ];
}

/** How the seals are checked, printed above them (HTML adds SEALS_QR_NOTE, text SEALS_TEXT_NOTE). */
export const SEALS_LEAD =
  "One person reads each hash aloud, four digits at a time; another compares it with the screen and with the other side's receipt.";
export const SEALS_QR_NOTE = 'A phone can scan the QR code beside each hash to compare it too.';
export const SEALS_TEXT_NOTE = 'The printed (HTML) receipt also shows each hash as a QR code.';

/** What each signatory confirms by signing, per side. */
export const SIGN_OFF_STATEMENT: Record<CeremonySide, string> = {
  'air-gapped':
    'By signing, I confirm that I was present for this ceremony, that every fingerprint and hash above was read aloud and matched the screen, and that key material left this workstation only in wrapped form.',
  online:
    'By signing, I confirm that I was present for this ceremony, that every hash above was read aloud and matched the screen and the air-gapped receipt, and that the import and verification results above are what the KMS answered.',
};
