/**
 * The HSM material source through the real router and handlers (no browser) on a real SoftHSM
 * token: the module's tokens listed without a PIN; the capability result per spec before anything
 * exists (SoftHSM's OAEP-SHA-1 only, its zero-filled AES_KEY_WRAP_PAD refused unless a rehearsal
 * accepts it); a wrong PIN refused with its message and nothing written; custody shares refused
 * for HSM material; the material produced and wrapped in the token, its key check value and
 * public-key fingerprint from the HSM; and the PIN in no IPC answer, log line, journal or file.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesUnder } from '../../support/written-files';
import { generateAesKey } from '../../../src-main/core/hsm';
import { openSession } from '../../core/hsm/helpers/hsm-fixtures';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from '../../core/hsm/helpers/soft-tokens';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';
import { translator } from '../../../src-main/i18n/translate';
import { airGapConfirmed, call, journalEvents, value } from './airgap-session';
import { hsmMaterialLapsed } from './hsm-session';

const PIN = '73914628';
const WRONG_PIN = '55501234';

let dir: string;
let media: string;
let token: SoftToken;
let ipc: RecordedIpc;
const journal = () => path.join(dir, 'air-gapped-journal.jsonl');

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ipc-hsm-'));
  media = path.join(dir, 'media');
  await mkdir(media);
  token = await createSoftHsmToken('ipc-hsm-token', PIN);
  ipc = createRecordedIpc();
});
afterEach(async () => {
  await ipc.close();
  await token.cleanup();
  await rm(dir, { recursive: true, force: true });
});

interface SpecResult {
  spec: string;
  ok: boolean;
  mechanisms: string[];
  problem: { code: string; message: string; nextStep: string; values?: Record<string, unknown> } | null;
}
interface Capability {
  token: { label: string; serial: string; manufacturer: string; model: string; firmware: string };
  checks: { algorithm: string; keyWrapFraming: string; kcvMethod: string | null; specs: SpecResult[] }[];
  accepted: boolean;
  zeroFilledPadAccepted: boolean;
}

const hsmRequest = (extra: Record<string, unknown> = {}) => ({
  modulePath: SOFTHSM_MODULE,
  token: token.label,
  pin: PIN,
  ...extra,
});

/** Neither PIN in any IPC answer, log line or file under `dir` (the requests carried them, nothing else may). */
async function expectNoPinAnywhere(): Promise<void> {
  // The search can find it: the use-hsm requests carried it.
  expect(JSON.stringify(ipc.calls.filter((c) => c.channel === 'airgap.use-hsm').map((c) => c.request))).toContain(PIN);
  for (const pin of [PIN, WRONG_PIN]) {
    for (const c of ipc.calls)
      expect(JSON.stringify(c.response), `PIN in the answer of ${c.channel}`).not.toContain(pin);
    expect(ipc.logLines.join('\n')).not.toContain(pin);
    expect(JSON.stringify(ipc.events)).not.toContain(pin);
    for (const f of await filesUnder(dir)) expect(f.bytes.includes(Buffer.from(pin)), `PIN in ${f.file}`).toBe(false);
  }
}

describe('the HSM material source through the channels, on a SoftHSM token', () => {
  it('lists the tokens of a module without a PIN: label, serial, manufacturer, model, firmware, mechanisms', async () => {
    await value(ipc, 'mode.choose', { mode: 'air-gapped' });
    const list = await value<{
      modulePath: string;
      module: { manufacturer: string };
      tokens: {
        label: string;
        serial: string;
        manufacturer: string;
        model: string;
        firmware: string;
        pin: string;
        mechanisms: { name: string; present: boolean }[];
      }[];
    }>(ipc, 'hsm.tokens', { modulePath: SOFTHSM_MODULE });
    expect(list.modulePath).toBe(SOFTHSM_MODULE);
    expect(list.module.manufacturer).toBe('SoftHSM');
    const shown = list.tokens.find((t) => t.serial === token.serial);
    expect(shown).toMatchObject({
      label: 'ipc-hsm-token',
      manufacturer: 'SoftHSM project',
      model: 'SoftHSM v2',
      pin: 'ok',
    });
    expect(shown?.firmware).toMatch(/^\d+\.\d+$/);
    const present = (name: string) => shown?.mechanisms.find((m) => m.name.startsWith(name))?.present;
    expect(present('CKM_RSA_PKCS_OAEP')).toBe(true);
    expect(present('CKM_AES_KEY_GEN')).toBe(true);
    expect(present('CKM_AES_KEY_WRAP_KWP')).toBe(false);

    const missing = await call(ipc, 'hsm.tokens', { modulePath: path.join(dir, 'libnothing.so') });
    expect(missing).toMatchObject({ ok: false, problem: { code: 'HSM_MODULE_MISSING' } });
    if (!missing.ok)
      expect(missing.problem.message).toBe(`There is no PKCS#11 module at ${path.join(dir, 'libnothing.so')}.`);
    expect(await call(ipc, 'hsm.tokens', { modulePath: 'libsofthsm2.so' })).toMatchObject({
      ok: false,
      problem: { code: 'IPC_BAD_REQUEST' },
    });
    // Main loads the module as native code: only a shared library's name is accepted.
    const notLibrary = await call(ipc, 'hsm.tokens', { modulePath: path.join(dir, 'payload.sh') });
    expect(notLibrary).toMatchObject({ ok: false, problem: { code: 'IPC_BAD_REQUEST' } });
    if (!notLibrary.ok) expect(notLibrary.problem.message).toContain('must be a PKCS#11 shared library');
  });

  it('shows SoftHSM refusing OAEP-SHA-256 per spec, naming SHA-1, before anything exists', async () => {
    await airGapConfirmed(ipc, dir, ['AES_256']);
    await value(ipc, 'airgap.preflight', { folder: media, materialFromHsm: true });
    const result = await value<Capability>(ipc, 'airgap.use-hsm', hsmRequest());
    expect(result.accepted).toBe(false);
    expect(result.token).toMatchObject({ label: 'ipc-hsm-token', serial: token.serial });
    const spec = result.checks[0]?.specs[0];
    expect(spec).toMatchObject({
      spec: 'AES_256',
      ok: false,
      problem: {
        code: 'HSM_OAEP_HASH_UNSUPPORTED',
        values: { worksWith: 'SHA-1', worksWithAlgorithm: 'RSAES_OAEP_SHA_1', algorithm: 'RSAES_OAEP_SHA_256' },
      },
    });
    expect(spec?.problem?.message).toContain('it does OAEP only with SHA-1');
    const events = await journalEvents(journal());
    expect(events.map((e) => e.event)).toContain('hsm.capability-checked');
    expect(events.find((e) => e.event === 'hsm.refused')?.data.code).toBe('HSM_OAEP_HASH_UNSUPPORTED');
    expect(events.map((e) => e.event)).not.toContain('material.generated');
    expect(await readdir(media)).toEqual([]);
    await expectNoPinAnywhere();
  }, 120_000);

  it('refuses a wrong PIN with its message and writes nothing; then checks, generates and wraps in the token', async () => {
    const { keyIds } = await airGapConfirmed(ipc, dir, ['AES_256', 'RSA_2048'], {
      wrappingAlgorithm: 'RSAES_OAEP_SHA_1',
    });
    await value(ipc, 'airgap.preflight', { folder: media, materialFromHsm: true });

    const wrong = await call(ipc, 'airgap.use-hsm', hsmRequest({ pin: WRONG_PIN }));
    expect(wrong).toMatchObject({ ok: false, problem: { code: 'HSM_PIN_INCORRECT' } });
    if (!wrong.ok)
      expect(wrong.problem.message).toBe(
        `Token "ipc-hsm-token" (serial ${token.serial}) refused the user PIN (CKR_PIN_INCORRECT).`,
      );
    let events = await journalEvents(journal());
    expect(events.find((e) => e.event === 'hsm.refused')?.data.code).toBe('HSM_PIN_INCORRECT');
    expect(events.map((e) => e.event)).not.toContain('material.generated');
    expect(await readdir(media)).toEqual([]);

    // SoftHSM's AES_KEY_WRAP_PAD zero-fills: the RSA key is refused with the reason, AES can be done.
    const padRefused = await value<Capability>(ipc, 'airgap.use-hsm', hsmRequest());
    expect(padRefused.accepted).toBe(false);
    const bySpec = new Map(padRefused.checks[0]?.specs.map((s) => [s.spec, s]));
    expect(bySpec.get('AES_256')).toMatchObject({ ok: true, problem: null });
    expect(bySpec.get('AES_256')?.mechanisms).toContain('CKM_AES_KEY_GEN (0x1080)');
    expect(bySpec.get('RSA_2048')).toMatchObject({ ok: false, problem: { code: 'HSM_WRAP_PAD_NOT_EXACT' } });
    expect(padRefused.checks[0]?.keyWrapFraming).toBe('zero-filled');

    const accepted = await value<Capability>(ipc, 'airgap.use-hsm', hsmRequest({ acceptZeroFilledPad: true }));
    expect(accepted).toMatchObject({ accepted: true, zeroFilledPadAccepted: true });
    expect(accepted.checks[0]?.specs.every((s) => s.ok)).toBe(true);
    events = await journalEvents(journal());
    expect(events.map((e) => e.event)).toContain('hsm.zero-filled-pad-accepted');
    expect(events.map((e) => e.event)).not.toContain('material.generated');

    const { keys } = await value<{
      keys: {
        keyId: string;
        spec: string;
        source: string;
        objectLabel?: string;
        keyCheckValue: string | null;
        publicKeyFingerprint: string | null;
      }[];
    }>(ipc, 'airgap.generate');
    expect(keys.map((k) => k.keyId).sort()).toEqual([...keyIds].sort());
    for (const k of keys) {
      expect(k.source).toBe('hsm');
      expect(k.objectLabel).toMatch(new RegExp(`^keyferry .+ ${k.keyId}$`));
    }
    const aes = keys.find((k) => k.spec === 'AES_256');
    const rsa = keys.find((k) => k.spec === 'RSA_2048');
    expect(aes?.keyCheckValue).toMatch(/^[0-9A-F]{6}$/);
    expect(rsa?.publicKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    // No custody split for HSM material, with the reason.
    expect(await call(ipc, 'custody.split')).toMatchObject({ ok: false });

    await value(ipc, 'airgap.wrap');
    await value(ipc, 'airgap.write-bundle');
    await value(ipc, 'airgap.receipt');
    events = await journalEvents(journal());
    const wrapped = events.filter((e) => e.event === 'material.wrapped');
    expect(wrapped.map((e) => [e.data.wrappedIn, e.data.hsmTokenSerial])).toEqual([
      ['hsm', token.serial],
      ['hsm', token.serial],
    ]);
    expect(events.map((e) => e.event)).toContain('wrapped-bundle.completed');
    expect(JSON.stringify(events)).toContain(token.serial);
    await expectNoPinAnywhere();
  }, 180_000);

  it('refuses HSM material when custody shares were planned, with the reason', async () => {
    await airGapConfirmed(ipc, dir, ['AES_256'], { wrappingAlgorithm: 'RSAES_OAEP_SHA_1' });
    const custodians = [path.join(dir, 'c1'), path.join(dir, 'c2')];
    for (const c of custodians) await mkdir(c);
    expect(
      await call(ipc, 'airgap.preflight', {
        folder: media,
        materialFromHsm: true,
        custody: { m: 2, n: 2, custodians: ['Cara', 'Dan'], folders: custodians, allowSameVolume: true },
      }),
    ).toMatchObject({ ok: false, problem: { code: 'IPC_BAD_REQUEST' } });
    await value(ipc, 'airgap.preflight', {
      folder: media,
      custody: { m: 2, n: 2, custodians: ['Cara', 'Dan'], folders: custodians, allowSameVolume: true },
    });
    const refused = await call(ipc, 'airgap.use-hsm', hsmRequest());
    expect(refused).toMatchObject({
      ok: false,
      problem: { code: 'HSM_CUSTODY_IS_TOKEN', values: { token: expect.stringContaining(`(serial ${token.serial})`) } },
    });
    if (!refused.ok) expect(refused.problem.message).toContain('Shamir custody shares are refused for HSM material');
    expect((await journalEvents(journal())).filter((e) => e.event === 'hsm.refused').map((e) => e.data.code)).toEqual([
      'HSM_CUSTODY_IS_TOKEN',
    ]);
    await expectNoPinAnywhere();
  }, 120_000);

  it('restores HSM material after expiry from the same token object, proven against the journal; a wrong PIN refused first', async () => {
    await airGapConfirmed(ipc, dir, ['AES_256'], { wrappingAlgorithm: 'RSAES_OAEP_SHA_1' });
    const { keyCheckValue, fresh } = await hsmMaterialLapsed(ipc, media, hsmRequest());

    await value(ipc, 'restore.check-network');
    await value(ipc, 'restore.read-bundle', { folder: fresh.dir });
    const restoreMedia = path.join(dir, 'restore-media');
    await mkdir(restoreMedia);
    // The material was imported with an expiry: the fresh bundle says so, and the restore chooses one explicitly.
    expect(await call(ipc, 'restore.preflight', { folder: restoreMedia })).toMatchObject({
      ok: false,
      problem: { code: 'CUSTODY_RESTORE_EXPIRY_REQUIRED' },
    });
    await value(ipc, 'restore.preflight', { folder: restoreMedia, expiry: { kind: 'never' } });
    // The HSM is opened only once the witness confirmed the fresh bundle.
    expect(await call(ipc, 'restore.from-hsm', hsmRequest())).toMatchObject({
      ok: false,
      problem: { code: 'CEREMONY_STEP_OUT_OF_ORDER' },
    });
    await value(ipc, 'restore.confirm-as-witness', { witness: 'Ben', typed: fresh.manifestSha256Grouped });
    const wrong = await call(ipc, 'restore.from-hsm', hsmRequest({ pin: WRONG_PIN }));
    expect(wrong).toMatchObject({ ok: false, problem: { code: 'HSM_PIN_INCORRECT' } });
    expect(await readdir(restoreMedia)).toEqual([]);

    const restored = await value<{
      token: { serial: string };
      keys: { keyId: string; objectLabel: string; keyCheckValue: string | null; recordedSeq: number }[];
      recordedIn: string;
      proof: { key: string; values: { count: number } };
    }>(ipc, 'restore.from-hsm', hsmRequest());
    expect(restored.token.serial).toBe(token.serial);
    expect(restored.recordedIn).toBe('air-gapped-journal.jsonl');
    expect(restored.keys).toHaveLength(1);
    expect(restored.keys[0]?.keyCheckValue).toBe(keyCheckValue);
    expect(restored.proof).toEqual({ key: 'hsm.restore.proven', values: { count: 1 } });
    await value(ipc, 'restore.wrap');
    const rewrapped = await value<{ dir: string; manifestSha256Grouped: string }>(ipc, 'restore.write-bundle');
    await value(ipc, 'restore.receipt');
    // The online side imports the re-wrapped token object again and the KMS proves it.
    await value(ipc, 'online.check-wrapped', {
      folder: rewrapped.dir,
      expectedDigest: rewrapped.manifestSha256Grouped,
      digestSource: 'air-gapped-receipt',
    });
    await value(ipc, 'online.import', {});
    expect(await value<{ allVerified: boolean }>(ipc, 'online.verify')).toMatchObject({ allVerified: true });
    const restoreEvents = await journalEvents(path.join(dir, 'custody-restore-journal.jsonl'));
    expect(restoreEvents.find((e) => e.event === 'custody.restored')?.data).toMatchObject({
      from: 'hsm-token',
      hsmTokenSerial: token.serial,
    });
    expect(restoreEvents.find((e) => e.event === 'custody.restore-refused')?.data.code).toBe('HSM_PIN_INCORRECT');
    await expectNoPinAnywhere();
  }, 240_000);

  it('wraps a key already in the token, chosen by its label; an unknown label is refused when the token is checked', async () => {
    // The officer's key, created earlier in the token (here with the core's own generator).
    const officer = openSession(token);
    try {
      generateAesKey(
        officer.session,
        { token: true, label: 'payments-kek-2026', id: Buffer.from('kek') },
        { encrypt: true },
      );
    } finally {
      officer.close();
    }
    const { keyIds } = await airGapConfirmed(ipc, dir, ['AES_256'], { wrappingAlgorithm: 'RSAES_OAEP_SHA_1' });
    const keyId = keyIds[0] as string;
    await value(ipc, 'airgap.preflight', { folder: media, materialFromHsm: true });
    const missing = await call(
      ipc,
      'airgap.use-hsm',
      hsmRequest({ existingKeys: { labels: { [keyId]: 'no-such-key' } } }),
    );
    expect(missing).toMatchObject({ ok: false, problem: { code: 'HSM_KEY_NOT_FOUND' } });
    if (!missing.ok)
      expect(missing.problem.message).toBe('Token "ipc-hsm-token" has no secret key with label "no-such-key".');
    expect((await journalEvents(journal())).filter((e) => e.event === 'hsm.refused').map((e) => e.data.code)).toEqual([
      'HSM_KEY_NOT_FOUND',
    ]);

    const chosen = await value<Capability & { existingKeys: boolean }>(
      ipc,
      'airgap.use-hsm',
      hsmRequest({ existingKeys: { labels: { [keyId]: 'payments-kek-2026' } } }),
    );
    expect(chosen).toMatchObject({ accepted: true, existingKeys: true });
    // The capability check needs no generator for existing keys.
    expect(chosen.checks[0]?.specs[0]?.mechanisms).not.toContain('CKM_AES_KEY_GEN (0x1080)');
    const { keys } = await value<{ keys: { objectLabel?: string; keyCheckValue: string | null; source: string }[] }>(
      ipc,
      'airgap.generate',
    );
    expect(keys).toMatchObject([{ objectLabel: 'payments-kek-2026', source: 'hsm' }]);
    expect(keys[0]?.keyCheckValue).toMatch(/^[0-9A-F]{6}$/);
    const events = await journalEvents(journal());
    expect(events.find((e) => e.event === 'material.hsm-selected')?.data).toMatchObject({
      objectLabel: 'payments-kek-2026',
      hsmTokenSerial: token.serial,
    });
    expect(events.map((e) => e.event)).not.toContain('material.generated');
    await value(ipc, 'airgap.wrap');
    await expectNoPinAnywhere();
  }, 120_000);

  it('refuses a label several key objects carry with the next step in the app’s words, not the CLI’s options (en, zh-CN)', async () => {
    const officer = openSession(token);
    try {
      for (const id of ['kek-a', 'kek-b'])
        generateAesKey(
          officer.session,
          { token: true, label: 'payments-kek-2026', id: Buffer.from(id) },
          { encrypt: true },
        );
    } finally {
      officer.close();
    }
    const { keyIds } = await airGapConfirmed(ipc, dir, ['AES_256'], { wrappingAlgorithm: 'RSAES_OAEP_SHA_1' });
    await value(ipc, 'airgap.preflight', { folder: media, materialFromHsm: true });
    const refused = await call(
      ipc,
      'airgap.use-hsm',
      hsmRequest({ existingKeys: { labels: { [keyIds[0] as string]: 'payments-kek-2026' } } }),
    );
    expect(refused).toMatchObject({ ok: false, problem: { code: 'HSM_KEY_AMBIGUOUS' } });
    if (refused.ok) return;
    const problem = refused.problem as Parameters<ReturnType<typeof translator>['problem']>[0];
    expect(translator('en').problem(problem).nextStep).toBe(
      'Keyferry does not choose between them. Find which object holds the key you mean (compare its check value or public key with the HSM vendor’s tools), then delete the others (pkcs11-tool … --login --delete-object --id … --label …), or give that key a label no other object has and type that label in its field “Token object label for key …” (under “Use keys already in the token”); then check the token again.',
    );
    expect(translator('zh-CN').problem(problem).nextStep).toBe(
      'Keyferry 不会在它们之间替您选择。请用 HSM 厂商工具找出哪个对象是您要用的密钥（核对其校验值或公钥），然后删除其余对象（pkcs11-tool … --login --delete-object --id … --label …），或给该密钥设置一个其他对象都没有的标签，并在其“密钥 …的令牌对象标签”字段中输入此标签（在“使用令牌中已有的密钥”下）；然后重新检查令牌。',
    );
    expect(refused.problem.nextStep).not.toContain('--hsm-key-label');
  }, 120_000);
});
