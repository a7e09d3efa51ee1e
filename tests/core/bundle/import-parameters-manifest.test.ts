/**
 * manifest.json of an import-parameters bundle (core/bundle/import-parameters-manifest.ts): what the
 * air-gapped side trusts of the online side's words. A bundle written by an earlier Keyferry
 * (fixtures/params-v3, byte for byte) is copied onto "the medium", then edited the way a deliberate
 * tamperer would (canonical JSON, checksum recomputed, so only the schema can catch it): a title or
 * journal name that would mislead the officer on the receipt or in the printed command, a bound
 * material or expiry in a form the wrap cannot honour, a field no Keyferry writes. Each is refused
 * when the bundle is read, with the sentence the officer sees naming the field; what a real
 * ceremony may write (a Chinese title, an emoji, a Chinese journal name) still reads.
 */
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../src-main/core/bundle';
import {
  editedFixture,
  FIXTURE_READ_TIME,
  refusesEachEdit,
  type EditableManifest,
  type ManifestEdit,
} from './fixture-copies';

const edited = (edit: (m: EditableManifest) => void) => editedFixture('params-v3', edit);

const key = (m: EditableManifest, i = 0) => m.keys[i] as Record<string, unknown>;
const token = (m: EditableManifest) => key(m).importToken as Record<string, unknown>;
const bound = (m: EditableManifest) => key(m).boundMaterial as Record<string, unknown>;

describe('an import-parameters manifest the online side could have written', () => {
  it('reads with a Chinese title and journal name, an emoji, and a key expiry in UTC (version 4)', async () => {
    const dir = await edited((m) => {
      m.ceremony = { title: '支付密钥 2030 🔑', materialExpiry: 'never', onlineJournal: '在线日志.jsonl' };
      m.formatVersion = 4;
      for (const k of m.keys) k.materialExpiry = k.keySpec === 'AES_256' ? '2030-06-30T00:00:00.000Z' : 'never';
    });
    const bundle = await readBundle(dir, { now: FIXTURE_READ_TIME });
    if (bundle.kind !== 'import-parameters') throw new Error(bundle.kind);
    expect(bundle.manifest.ceremony).toEqual({
      title: '支付密钥 2030 🔑',
      materialExpiry: 'never',
      onlineJournal: '在线日志.jsonl',
    });
    expect(bundle.keys.map((k) => k.materialExpiry)).toEqual([
      '2030-06-30T00:00:00.000Z',
      '2030-06-30T00:00:00.000Z',
      'never',
    ]);
  });
});

describe('an import-parameters manifest edited on the medium', () => {
  const edits: ManifestEdit[] = [
    [
      'a title that turns the receipt line around (U+202E)',
      (m) => (m.ceremony = { ...m.ceremony, title: 'Payments \u202egnp.exe' }),
      'ceremony.title',
    ],
    [
      'a title with a line break (a second receipt line)',
      (m) => (m.ceremony = { ...m.ceremony, title: 'Payments\nDigest 0000 0000' }),
      'ceremony.title',
    ],
    [
      'an online journal named with a folder (the printed import command would write elsewhere)',
      (m) => (m.ceremony = { ...m.ceremony, onlineJournal: '../../etc/online.jsonl' }),
      'ceremony.onlineJournal',
    ],
    [
      'a plan expiry in local time',
      (m) => (m.ceremony = { ...m.ceremony, materialExpiry: '2030-04-02T11:04:05+08:00' }),
      'ceremony.materialExpiry',
    ],
    [
      "a key's own expiry in words",
      (m) => {
        m.formatVersion = 4;
        key(m).materialExpiry = 'in 90 days';
      },
      'keys[0].materialExpiry',
    ],
    [
      'a bound key check value in lower case',
      (m) => (bound(m).keyCheckValue = '5f1c0a'),
      'keys[0].boundMaterial.keyCheckValue',
    ],
    [
      'a bound key check value by another method',
      (m) => (bound(m).method = 'aes-cmac'),
      'keys[0].boundMaterial.method',
    ],
    [
      'a token whose expiration time is not whole seconds',
      (m) => (token(m).expirationTime = 1893553445.5),
      'keys[0].importToken.expirationTime',
    ],
    ['a key usage the KMS does not have', (m) => (key(m).keyUsage = 'WRAP_UNWRAP'), 'keys[0].keyUsage'],
    ['a provider Keyferry does not talk to', (m) => (key(m).provider = 'aws'), 'keys[0].provider'],
    ['a field no Keyferry writes', (m) => (key(m, 2).note = 'trust me'), 'keys[2].note'],
  ];

  refusesEachEdit('params-v3', 'keyferry.import-parameters', [1, 2, 3, 4, 5, 6], edits);
});
