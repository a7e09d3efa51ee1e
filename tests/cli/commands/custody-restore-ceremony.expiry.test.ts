/**
 * `keyferry custody restore --bundle` with a format-4 import-parameters bundle whose two AES keys
 * carry their own planned material expiry (40 and 90 days): `--expires original` requests each
 * key's own (wrapped bundle, receipt, terminal); nothing chosen is refused naming the earlier one;
 * `--expires 30d` requests 30 days for both, journaled as two overrides (one per plan) that the
 * receipt lists. The wrapped material unwraps to each key's own bytes.
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import {
  importParametersFromKmsAnswer,
  readBundle,
  writeImportParametersBundle,
  type ImportParameters,
} from '../../../src-main/core/bundle';
import { createKeyMaterial } from '../../../src-main/core/crypto/key-material';
import { SecretBytes } from '../../../src-main/core/crypto/secret-bytes';
import { unwrapKeyMaterial } from '../../../src-main/core/crypto/unwrap';
import { testRsaKeyPair } from '../../core/crypto/helpers/test-rsa-keys';
import { writeCustodySet } from '../../../src-main/core/custody/custodian-folders';
import { splitCustodySet } from '../../../src-main/core/custody/set-split';
import { formatUtc } from '../../../src-main/i18n/moment';
import { shareFileIn } from '../../helpers/custody-files';

const CEREMONY = 'reimport-2026-12';
const KEY_IDS = ['0d0466b0-e727-4d9c-b35d-f84bb474a37f', '7c2e91f4-3b5a-4d6e-8f01-a2b3c4d5e6f7'];
const CUSTODIANS = ['Alice', 'Bob', 'Carol'];
const DAY = 86_400_000;

let dir: string;
let wrapping: { publicKey: KeyObject; privateKey: KeyObject };
const materials = KEY_IDS.map(() => randomBytes(32));
const now = new Date();
now.setUTCMilliseconds(0);
/** Each key's own planned expiry, as the online side writes it into a format-4 bundle. */
const planned = [new Date(now.getTime() + 40 * DAY), new Date(now.getTime() + 90 * DAY)];
let digest: string;
/** After a lapse: the first key's planned moment passed 10 days ago, the second's is 90 days ahead. */
const lapsedPlan = [new Date(now.getTime() - 10 * DAY), planned[1] as Date];
let lapsedDigest: string;
/**
 * The KMS's clock 20 days ahead of this machine's (a lagging air-gapped clock, or a rehearsal's moved
 * simulator): the fresh tokens were issued then (they expire 24 hours later). The first key's plan,
 * 10 days ahead here, has passed there; the second's, 90 days ahead, has not.
 */
const kmsAhead = now.getTime() + 20 * DAY;
const kmsAheadPlan = [new Date(now.getTime() + 10 * DAY), planned[1] as Date];
let kmsAheadDigest: string;

/** `keyferry argv` in this file's folder, in this process. */
const run = (argv: string[]) => keyferry(argv, { cwd: dir });

function parametersOf(
  keyId: string,
  materialExpiry: Date,
  tokenExpiresAt = now.getTime() + 23 * 3600_000,
): ImportParameters {
  const p = importParametersFromKmsAnswer({
    region: 'ap-southeast-1',
    projectId: '0123456789abcdef0123456789abcdef',
    keyAlias: `restore-${keyId.slice(0, 4)}`,
    keySpec: 'AES_256',
    keyUsage: 'ENCRYPT_DECRYPT',
    wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
    answer: {
      key_id: keyId,
      public_key: wrapping.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      import_token: randomBytes(300).toString('base64'),
      expiration_time: Math.floor(tokenExpiresAt / 1000),
    },
  });
  return { ...p, materialExpiry: materialExpiry.toISOString() };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kf-restore-expiry-'));
  wrapping = testRsaKeyPair('rsa2048');
  const set = await splitCustodySet({
    ceremonyId: CEREMONY,
    m: 2,
    n: 3,
    custodians: CUSTODIANS,
    keys: KEY_IDS.map((keyId, i) => ({
      keyId,
      spec: 'AES_256' as const,
      material: createKeyMaterial('AES_256', SecretBytes.from(Buffer.from(materials[i] as Buffer))),
    })),
  });
  // Each custodian's folder as a ceremony's split writes it (three sticks, each its own volume).
  const folders = [1, 2, 3].map((i) => path.join(dir, `usb${i}`));
  for (const folder of folders) await mkdir(folder);
  await writeCustodySet(set, { m: 2, n: 3, folders, volumeIdOf: (folder) => folder });
  for (const share of set.shares) share.share.dispose();
  // Format 4: each key its own expiry; the bundle's one expiry (older readers) says never.
  await writeImportParametersBundle(
    path.join(dir, 'parameters'),
    {
      ceremonyId: CEREMONY,
      keys: KEY_IDS.map((keyId, i) => parametersOf(keyId, planned[i] as Date)),
      ceremony: { title: 'Two keys, two expiries', materialExpiry: 'never', onlineJournal: 'online.jsonl' },
    },
    { now },
  );
  const params = await readBundle(path.join(dir, 'parameters'), { now });
  expect(params.manifest.formatVersion).toBe(4);
  digest = params.digest;
  await writeImportParametersBundle(
    path.join(dir, 'parameters-lapsed'),
    {
      ceremonyId: CEREMONY,
      keys: KEY_IDS.map((keyId, i) => parametersOf(keyId, lapsedPlan[i] as Date)),
      ceremony: { title: 'Two keys, one plan lapsed', materialExpiry: 'never', onlineJournal: 'online.jsonl' },
    },
    { now },
  );
  lapsedDigest = (await readBundle(path.join(dir, 'parameters-lapsed'), { now })).digest;
  await writeImportParametersBundle(
    path.join(dir, 'parameters-kms-ahead'),
    {
      ceremonyId: CEREMONY,
      keys: KEY_IDS.map((keyId, i) => parametersOf(keyId, kmsAheadPlan[i] as Date, kmsAhead + DAY)),
      ceremony: { title: 'Two keys, the KMS clock ahead', materialExpiry: 'never', onlineJournal: 'online.jsonl' },
    },
    { now },
  );
  kmsAheadDigest = (await readBundle(path.join(dir, 'parameters-kms-ahead'), { now })).digest;
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const restoreArgs = (journal: string, out: string, bundle = 'parameters', confirms = digest) => [
  ...['custody', 'restore', '--bundle', bundle, '--wrapped-out', out],
  ...['--share', shareFileIn('usb1', 1, dir), '--share', shareFileIn('usb3', 3, dir)],
  ...['--journal', journal, '--operator', 'Olga', '--witness', 'Wes', '--witness-confirms', `Wes=${confirms}`],
  '--allow-network',
];

async function wrappedExpiries(folder: string): Promise<(string | null)[]> {
  const bundle = await readBundle(path.join(dir, folder), { now });
  if (bundle.kind !== 'wrapped-material') throw new Error('expected a wrapped-material bundle');
  for (const [i, keyId] of KEY_IDS.entries()) {
    const key = bundle.keys.find((k) => k.keyId === keyId);
    const unwrapped = unwrapKeyMaterial({
      spec: 'AES_256',
      algorithm: 'RSAES_OAEP_SHA_256',
      wrappingPrivateKey: wrapping.privateKey,
      encryptedKeyMaterial: key?.encryptedKeyMaterial as Buffer,
    });
    expect(unwrapped.secret.use((b) => Buffer.from(b)).equals(materials[i] as Buffer)).toBe(true);
    unwrapped.dispose();
  }
  return KEY_IDS.map((keyId) => bundle.keys.find((k) => k.keyId === keyId)?.materialExpiresAt ?? null);
}

async function journalEvents(file: string): Promise<{ event: string; data: Record<string, unknown> }[]> {
  return (await readFile(path.join(dir, file), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { event: string; data: Record<string, unknown> });
}

async function receiptText(journal: string): Promise<string> {
  const written = (await journalEvents(journal)).find((e) => e.event === 'receipt.written');
  return readFile(path.join(dir, path.basename(String(written?.data['textFile']))), 'utf8');
}

describe('custody restore of keys with their own planned expiry', () => {
  it('nothing chosen is refused, naming the earlier of the two expiries', async () => {
    const silent = await run(restoreArgs('silent.jsonl', 'wrapped-silent'));
    expect(silent.code).toBe(1);
    expect(silent.stderr).toContain('--expires original');
    expect(silent.stderr).toContain(formatUtc(planned[0] as Date).slice(0, 16));
    expect(await readdir(dir)).not.toContain('wrapped-silent');
  });

  it('--expires original requests each key its own expiry: bundle, terminal and receipt', async () => {
    const restored = await run([...restoreArgs('original.jsonl', 'wrapped-original'), '--expires', 'original']);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(await wrappedExpiries('wrapped-original')).toEqual(planned.map((d) => d.toISOString()));
    for (const [i, keyId] of KEY_IDS.entries())
      expect(restored.stdout).toContain(
        `Requested material expiry of key ${keyId}: ${formatUtc(planned[i] as Date).slice(0, 16)}`,
      );
    expect(restored.stdout).not.toContain('WARNING: the restored bundle');
    const events = await journalEvents('original.jsonl');
    expect(events.filter((e) => e.event === 'expiry.plan-overridden')).toEqual([]);
    expect(events.find((e) => e.event === 'wrapped-bundle.written')?.data['expiries']).toEqual(
      Object.fromEntries(KEY_IDS.map((k, i) => [k, (planned[i] as Date).toISOString()])),
    );
    const receipt = await receiptText('original.jsonl');
    for (const date of planned) expect(receipt).toContain(formatUtc(date));
  });

  it('--expires 30d requests 30 days for both keys: one journaled override per plan, listed on the receipt', async () => {
    const restored = await run([...restoreArgs('override.jsonl', 'wrapped-override'), '--expires', '30d']);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const expiries = await wrappedExpiries('wrapped-override');
    expect(expiries[0]).toBe(expiries[1]);
    const requested = Date.parse(expiries[0] as string);
    expect(Math.abs(requested - (Date.now() + 30 * DAY))).toBeLessThan(120_000);
    expect(restored.stdout).toContain(`Requested material expiry: ${formatUtc(new Date(requested)).slice(0, 16)}`);
    expect(restored.stdout.match(/^WARNING: the restored bundle requests the AES material expiry/gm)).toHaveLength(2);
    const overrides = (await journalEvents('override.jsonl')).filter((e) => e.event === 'expiry.plan-overridden');
    expect(overrides.map((e) => [e.data['planned'], e.data['requested'], e.data['keyIds']])).toEqual(
      KEY_IDS.map((k, i) => [(planned[i] as Date).toISOString(), new Date(requested).toISOString(), [k]]),
    );
    const receipt = await receiptText('override.jsonl');
    expect(receipt).toContain('expiry.plan-overridden');
  });

  it('after a lapse, --expires never: the passed plan is replaced (journaled, not a deviation), the plan still ahead is overridden', async () => {
    const args = restoreArgs('lapsed.jsonl', 'wrapped-lapsed', 'parameters-lapsed', lapsedDigest);
    const restored = await run([...args, '--expires', 'never']);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(await wrappedExpiries('wrapped-lapsed')).toEqual([null, null]);
    // One warning: the key whose planned moment still lies ahead.
    expect(restored.stdout.match(/^WARNING: the restored bundle requests/gm)).toHaveLength(1);
    expect(restored.stdout).toContain(`(${KEY_IDS[1]}), not the ceremony plan’s`);
    const events = await journalEvents('lapsed.jsonl');
    const summary = (event: string) =>
      events.filter((e) => e.event === event).map((e) => [e.data['planned'], e.data['requested'], e.data['keyIds']]);
    expect(summary('expiry.plan-overridden')).toEqual([[(lapsedPlan[1] as Date).toISOString(), 'never', [KEY_IDS[1]]]]);
    expect(summary('expiry.lapsed-plan-replaced')).toEqual([
      [(lapsedPlan[0] as Date).toISOString(), 'never', [KEY_IDS[0]]],
    ]);
    // The receipt's Deviations name the override only: a lapsed plan replaced is no officer's choice.
    const receipt = await receiptText('lapsed.jsonl');
    expect(receipt.match(/! Entry \d+: \w+, [^(\n]+\(expiry\.[a-z-]+\)/g)).toEqual([
      expect.stringContaining('Override, Planned expiry overridden (expiry.plan-overridden)'),
    ]);
    expect(receipt).not.toContain('expiry.lapsed-plan-replaced');
    // It prints, beside the first key's expiry, the plan moment that had passed and was replaced; the second key has none.
    const replacedLines = receipt.split('\n').filter((l) => l.includes('The plan’s expiry it replaces (passed)'));
    expect(replacedLines).toHaveLength(1);
    expect(replacedLines[0]).toContain(formatUtc(lapsedPlan[0] as Date));
    const firstKey = receipt.indexOf(KEY_IDS[0] as string);
    const secondKey = receipt.indexOf(KEY_IDS[1] as string, firstKey + 1);
    const at = receipt.indexOf(replacedLines[0] as string);
    expect(at).toBeGreaterThan(firstKey);
    expect(at).toBeLessThan(secondKey);
  });

  it("decides what lapsed at the KMS's time when the fresh tokens show it is ahead of this machine's clock", async () => {
    const args = (journal: string, out: string) => restoreArgs(journal, out, 'parameters-kms-ahead', kmsAheadDigest);
    // The first key's original moment is 10 days ahead here, but 10 days past for the KMS: refused here,
    // not by the online import after the ceremony.
    const original = await run([...args('ahead-original.jsonl', 'wrapped-ahead-original'), '--expires', 'original']);
    expect(original.code).toBe(1);
    expect(original.stderr).toContain(formatUtc(kmsAheadPlan[0] as Date).slice(0, 16));
    expect(await readdir(dir)).not.toContain('wrapped-ahead-original');
    // A new choice replaces that lapsed plan (no override) and overrides only the plan still ahead.
    const restored = await run([...args('ahead.jsonl', 'wrapped-ahead'), '--expires', 'never']);
    expect(restored.code).toBe(0);
    expect(restored.stdout.match(/^WARNING: the restored bundle requests/gm)).toHaveLength(1);
    const events = await journalEvents('ahead.jsonl');
    const keysOf = (event: string) => events.filter((e) => e.event === event).map((e) => e.data['keyIds']);
    expect(keysOf('expiry.lapsed-plan-replaced')).toEqual([[KEY_IDS[0]]]);
    expect(keysOf('expiry.plan-overridden')).toEqual([[KEY_IDS[1]]]);
  });
});
