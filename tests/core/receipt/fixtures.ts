/** Receipt inputs for tests: every key spec, hostile names, both sides. */
import { KEY_SPECS, KEY_SPEC_INFO, isAsymmetric, type KeySpec } from '../../../src-main/core/crypto/key-spec';
import { sha256Hex } from '../../../src-main/core/fs/durable-file';
import type { CeremonySide, ReceiptInput, ReceiptKey } from '../../../src-main/core/receipt';
import type { JournalEntry } from '../../../src-main/core/journal';
import { receiptDeviations } from '../../../src-main/core/receipt/deviation-facts';
import type { ReceiptLanguage } from '../../../src-main/core/receipt/language';
import { renderReceiptText } from '../../../src-main/core/receipt/render-text';
import { KeyState } from '../../../src-main/core/kms/types';
import { dataFields } from '../../../src-main/i18n/data-fields';

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '"><img src=x onerror=alert(1)>',
  long: `kf/${'long-alias-'.repeat(27)}end`.slice(0, 300),
  rtlOverride: 'invoice\u202Etxt.exe',
  arabic: 'مفتاح التشفير الرئيسي',
  hebrew: 'מפתח הצפנה ראשי',
} as const;

export const HOSTILE_ALIASES: Record<KeySpec, string> = {
  AES_256: HOSTILE.script,
  RSA_2048: HOSTILE.img,
  RSA_3072: HOSTILE.long,
  RSA_4096: HOSTILE.rtlOverride,
  EC_P256: HOSTILE.arabic,
  EC_P384: HOSTILE.hebrew,
};

/** A receipt's HTML without keep-whole.ts's spans around its dates, times and ids: the words a reader sees. */
export function withoutKeptWhole(html: string): string {
  return html.replace(/<span class="nowrap">([^<]*)<\/span>/g, '$1');
}

/** A UUID-like key ID that differs per spec. */
export function keyIdFor(spec: KeySpec): string {
  const h = sha256Hex(`key-id:${spec}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function sampleKey(spec: KeySpec, side: CeremonySide, alias = HOSTILE_ALIASES[spec]): ReceiptKey {
  const asym = isAsymmetric(spec);
  const files = asym
    ? [
        { name: 'EncryptedKeyMaterial.bin', size: 256, sha256: sha256Hex(`ekm:${spec}`) },
        { name: KEY_SPEC_INFO[spec].wrappedPrivateKeyFile ?? 'out.der', size: 1224, sha256: sha256Hex(`epk:${spec}`) },
      ]
    : [{ name: 'EncryptedKeyMaterial.bin', size: 256, sha256: sha256Hex(`ekm:${spec}`) }];
  return {
    keyId: keyIdFor(spec),
    alias,
    spec,
    usage: KEY_SPEC_INFO[spec].defaultUsage,
    wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
    wrappingKeyFingerprint: sha256Hex(`wrapping:${spec}`),
    importTokenSha256: sha256Hex(`token:${spec}`),
    outputFiles: files,
    ...(asym
      ? { publicKeyFingerprint: sha256Hex(`pub:${spec}`) }
      : { keyCheckValue: sha256Hex(`kcv:${spec}`).slice(0, 6) }),
    materialExpiry: asym ? 'never' : new Date('2026-03-01T00:00:00Z'),
    ...(side === 'online'
      ? {
          // What an online import journals (core/ceremony/online/receipt.ts, key-proof.ts): phrases, never English.
          importResult: { key: 'receipt.key.imported', values: { state: String(KeyState.Enabled) } },
          verificationResult: asym ? { key: 'proof.key.signs' } : { key: 'proof.key.roundTrip' },
        }
      : {}),
    ...(spec === 'AES_256'
      ? {
          custody: {
            threshold: 2,
            holders: [
              { shareIndex: 3, custodian: HOSTILE.hebrew },
              { shareIndex: 1, custodian: HOSTILE.img },
              { shareIndex: 2, custodian: 'Grace Hopper' },
            ],
          },
        }
      : {}),
  };
}

export function sampleReceiptInput(side: CeremonySide, specs: readonly KeySpec[] = KEY_SPECS): ReceiptInput {
  return {
    ceremonyId: 'KF-2025-0301-a',
    title: `Quarterly key import ${HOSTILE.script}`,
    side,
    clock: { at: new Date('2025-03-01T09:30:05.123Z'), utcOffsetMinutes: 60, timeZone: 'Europe/Berlin' },
    workstation: {
      hostname: side === 'online' ? 'ops-ws-07' : 'vault-airgap-01',
      os: 'Linux 6.1.0-28-amd64 (linux/x64)',
    },
    app: { version: '0.1.0', build: 'a1b2c3d' },
    operator: `Ada Lovelace ${HOSTILE.img}`,
    witnesses: [HOSTILE.script, HOSTILE.arabic, 'Alan Turing'],
    keys: specs.map((spec) => sampleKey(spec, side)),
    parametersBundle: { name: 'params-2025-03-01', digest: sha256Hex('parameters-bundle') },
    bundle: {
      name: side === 'online' ? 'the wrapped-material bundle manifest (read)' : 'the wrapped-material bundle manifest',
      digest: sha256Hex(`bundle:${side}`),
    },
    people: [
      {
        role: 'operator',
        name: `Ada Lovelace ${HOSTILE.img}`,
        records: [{ key: 'receipt.people.ran', values: { own: 30, total: 42 } }],
      },
      {
        role: 'witness',
        name: HOSTILE.script,
        records: [
          {
            key: 'receipt.people.fingerprintConfirmed',
            values: {
              seq: 7,
              fingerprint: '3f2a 9c41 0be7 55d2 …',
              keyIdsList: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
            },
          },
        ],
      },
      {
        role: 'witness',
        name: HOSTILE.arabic,
        records: [{ key: 'receipt.people.noConfirmation' }],
      },
      {
        role: 'witness',
        name: 'Alan Turing',
        records: [{ key: 'receipt.people.event', values: { seq: 9, eventPhrase: HOSTILE.rtlOverride } }],
      },
      {
        role: 'custodian',
        name: 'Grace Hopper',
        records: [
          {
            key: 'receipt.people.holds',
            values: { seq: 20, share: '2', total: '3', keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f', threshold: '2' },
          },
        ],
      },
    ],
    deviations: [
      {
        seq: 5,
        time: '2025-03-01T09:10:00.000Z',
        actor: 'Alan Turing',
        event: 'fingerprint.refused',
        kind: 'refusal',
        fields: dataFields({ code: 'FINGERPRINT_MISMATCH', typed: HOSTILE.script }),
      },
      {
        seq: 12,
        time: '2025-03-01T09:20:00.000Z',
        actor: `Ada Lovelace ${HOSTILE.img}`,
        event: 'ceremony.abandoned',
        kind: 'abandoned',
        fields: dataFields({ wipedKeys: 1 }),
        reason: { recorded: 'operator stopped' },
      },
    ],
    journal: { headHash: sha256Hex(`journal:${side}`), count: 42 },
  };
}

/** An air-gapped text receipt of one AES key listing the deviations of `entries`, its whitespace made single spaces. */
export function airGapDeviationText(entries: readonly JournalEntry[], language: ReceiptLanguage): string {
  const input = { ...sampleReceiptInput('air-gapped', ['AES_256']), deviations: receiptDeviations(entries) };
  return renderReceiptText(input, { language }).replace(/\s+/g, ' ');
}
