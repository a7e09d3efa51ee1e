/**
 * An air-gapped session whose material was generated in a real SoftHSM token and that stops before
 * it finished destroys the token objects it generated (listed afterwards by OpenSC's pkcs11-tool,
 * not by Keyferry) and journals `hsm.objects-destroyed`; what cannot be destroyed is journaled
 * `hsm.objects-left` with pkcs11-tool commands that do delete it. A finished session keeps its
 * objects (the custody copy), also when a stop comes after its receipt. A later session's receipt
 * lists the cleanup under Deviations.
 */
import { execSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HsmModule, selectToken } from '../../../../src-main/core/hsm';
import { generateAesTokenKey, openSession, WRAPPABLE } from '../../hsm/helpers/hsm-fixtures';
import { AirGapHsmMaterial } from '../../../../src-main/core/ceremony/airgap/hsm-material';
import { readImportParametersBundle } from '../../../../src-main/core/ceremony/airgap/steps';
import { discardTokenObjectsJournaled } from '../../../../src-main/core/ceremony/airgap/token-objects-cleanup';
import type { AirGapCeremony } from '../../../../src-main/core/ceremony/airgap/workflow';
import type { CeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import type { Journal } from '../../../../src-main/core/journal';
import { listTokenObjects } from '../../hsm/helpers/soft-tokens';
import { onlineDayOne } from '../ceremony-fixture';
import { hsmPlan, softHsmCeremonies, softHsmRequest } from '../hsm-ceremony';
import { confirmEveryWitness } from '../witness-helpers';

const t = softHsmCeremonies('stop-hsm', '61829304');

interface Entry {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

async function journalEntries(name = 'airgap.jsonl'): Promise<Entry[]> {
  return (await readFile(path.join(t.f.dir, name), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Entry);
}

/** The air-gapped side on `journal` up to the material generated in the token (AES_256 and RSA_2048). */
async function generatedInToken(plan: CeremonyPlan, params: string, journal: Journal): Promise<AirGapCeremony> {
  const air = await t.f.airgap(journal, plan);
  await air.checkNetwork();
  await air.readParametersBundle(params);
  await air.preflight({ wrappedBundle: path.join(t.f.dir, 'wrapped'), receiptFolder: t.f.dir });
  await air.useHsm(softHsmRequest(t.token, { acceptZeroFilledPad: true }));
  await confirmEveryWitness(air, plan.witnesses, params);
  await air.generateMaterial();
  return air;
}

/** The three objects the ceremony generated, as pkcs11-tool lists them. */
function ceremonyObjects(ceremonyId: string, keyIds: readonly string[]): string[] {
  const [aes, rsa] = keyIds.map((id) => [`keyferry ${ceremonyId} ${id}`, Buffer.from(id).toString('hex')]);
  return [`private ${rsa![0]} ${rsa![1]}`, `public ${rsa![0]} ${rsa![1]}`, `secret ${aes![0]} ${aes![1]}`].sort();
}

describe('HSM token objects of a session that stops before it finished (SoftHSM)', () => {
  it('a stop after the bundle was written destroys the AES key and the RSA pair it generated, and journals hsm.objects-destroyed', async () => {
    const { f } = t;
    const plan = hsmPlan(f, ['AES_256', 'RSA_2048']);
    const { params, created } = await onlineDayOne(f, plan);
    const journal = await f.journal('airgap.jsonl');
    const air = await generatedInToken(plan, params, journal);
    const keyIds = created.map((c) => c.keyId);
    expect(listTokenObjects(t.token)).toEqual(ceremonyObjects(air.ceremonyId, keyIds));
    await air.wrap();
    await air.writeWrappedBundle(path.join(f.dir, 'wrapped'), { expiry: plan.materialExpiry });
    const report = await air.abandon({ reason: 'stopped by SIGINT', signal: 'SIGINT' });
    await journal.close();

    expect(listTokenObjects(t.token)).toEqual([]);
    expect(report.tokenObjects?.left).toEqual([]);
    expect(report.tokenObjects?.destroyed.map((o) => o.objectClass).sort()).toEqual([
      'CKO_PRIVATE_KEY',
      'CKO_PUBLIC_KEY',
      'CKO_SECRET_KEY',
    ]);
    const entries = await journalEntries();
    const events = entries.map((e) => e.event);
    expect(events.slice(-4)).toEqual([
      'ceremony.interrupted',
      'wrapped-bundle.withdrawn',
      'hsm.objects-destroyed',
      'ceremony.abandoned',
    ]);
    const destroyed = entries.find((e) => e.event === 'hsm.objects-destroyed')!;
    expect(destroyed.data).toMatchObject({ hsmTokenSerial: t.token.serial, hsmTokenLabel: 'stop-hsm' });
    expect(destroyed.data.objects).toContainEqual({
      keyId: keyIds[0],
      label: `keyferry ${air.ceremonyId} ${keyIds[0]}`,
      objectId: Buffer.from(keyIds[0]!).toString('hex'),
      objectClass: 'CKO_SECRET_KEY',
    });
  }, 120_000);

  it('a failure right after the generation (before any wrap) destroys the objects too', async () => {
    const { f } = t;
    const plan = hsmPlan(f, ['AES_256', 'RSA_2048']);
    const { params } = await onlineDayOne(f, plan);
    const journal = await f.journal('airgap.jsonl');
    const air = await generatedInToken(plan, params, journal);
    const report = await air.abandon('the wrapped-bundle media failed');
    await journal.close();
    expect(listTokenObjects(t.token)).toEqual([]);
    expect(report.tokenObjects?.destroyed).toHaveLength(3);
    expect((await journalEntries()).map((e) => e.event)).toContain('hsm.objects-destroyed');
  }, 120_000);

  it('objects the token no longer lets this session destroy are journaled hsm.objects-left with pkcs11-tool commands that delete them', async () => {
    const { f, token } = t;
    const plan = hsmPlan(f, ['AES_256', 'RSA_2048']);
    const { params } = await onlineDayOne(f, plan);
    const journal = await f.journal('airgap.jsonl');
    const air = await generatedInToken(plan, params, journal);
    // The token ends every session of this process (as one pulled out and put back would).
    const module = HsmModule.open(token.modulePath);
    module.binding.C_CloseAllSessions(selectToken(module, token.label).slot);
    module.close();
    const report = await air.abandon('test stop');
    await journal.close();
    expect(report.tokenObjects?.destroyed).toEqual([]);
    const left = report.tokenObjects?.left ?? [];
    expect(left.map((o) => o.objectClass).sort()).toEqual(['CKO_PRIVATE_KEY', 'CKO_PUBLIC_KEY', 'CKO_SECRET_KEY']);
    for (const o of left)
      expect(o.command).toBe(
        `pkcs11-tool --module /usr/lib/softhsm/libsofthsm2.so --token-label stop-hsm --login --delete-object --type ${
          { CKO_SECRET_KEY: 'secrkey', CKO_PRIVATE_KEY: 'privkey', CKO_PUBLIC_KEY: 'pubkey' }[o.objectClass]
        } --id ${o.objectId} --label 'keyferry ${air.ceremonyId} ${o.keyId}'`,
      );
    expect(listTokenObjects(token)).toHaveLength(3);
    const entry = (await journalEntries()).find((e) => e.event === 'hsm.objects-left')!;
    expect(entry.data).toMatchObject({
      code: 'HSM_TOKEN_GONE',
      hsmTokenSerial: token.serial,
      modulePath: token.modulePath,
    });
    expect((entry.data.objects as { command: string }[]).map((o) => o.command)).toEqual(left.map((o) => o.command));
    // The journaled commands, as the officer pastes them (the PIN typed at the prompt, here given on the line).
    for (const o of left) execSync(`${o.command} --pin ${token.pin}`, { stdio: 'pipe' });
    expect(listTokenObjects(token)).toEqual([]);
  }, 120_000);

  it('a finished session keeps its objects, also when a stop comes after its receipt; a later receipt lists a stopped session’s cleanup', async () => {
    const { f } = t;
    const plan = hsmPlan(f, ['AES_256', 'RSA_2048']);
    const { params, created } = await onlineDayOne(f, plan);
    // Session 1 stops after generating: its objects are destroyed.
    const first = await f.journal('airgap.jsonl');
    await (await generatedInToken(plan, params, first)).abandon('test stop');
    await first.close();
    expect(listTokenObjects(t.token)).toEqual([]);
    // Session 2 finishes: the objects stay, the stop after the receipt changes nothing.
    const second = await f.journal('airgap.jsonl');
    const air = await generatedInToken(plan, params, second);
    await air.wrap();
    await air.writeWrappedBundle(path.join(f.dir, 'wrapped'), { expiry: plan.materialExpiry });
    const receipt = await air.writeReceipt(f.dir);
    const report = await air.abandon({ reason: 'stopped by SIGINT', signal: 'SIGINT' });
    await second.close();
    expect(report.state).toBe('finished');
    expect(report.tokenObjects).toBeUndefined();
    const keyIds = created.map((c) => c.keyId);
    expect(listTokenObjects(t.token)).toEqual(ceremonyObjects(air.ceremonyId, keyIds));
    const events = (await journalEntries()).map((e) => e.event);
    expect(events.filter((e) => e === 'hsm.objects-destroyed')).toHaveLength(1);
    const text = await readFile(receipt.textFile, 'utf8');
    expect(text).toContain('HSM token objects of the stopped attempt destroyed');
    expect(text).toContain(`keyferry ${air.ceremonyId} ${keyIds[1]}`);
  }, 180_000);

  it('a key whose material failed is cleaned up alone: only its objects are destroyed, the others stay for the ceremony', async () => {
    const { f, token } = t;
    const plan = hsmPlan(f, ['AES_256', 'RSA_2048']);
    const { params, created } = await onlineDayOne(f, plan);
    const { keys } = await readImportParametersBundle(params, new Date(), 'airgap');
    const journal = await f.journal('airgap.jsonl');
    const context = { journal, operator: plan.operator };
    const hsm = await AirGapHsmMaterial.open(softHsmRequest(token, { acceptZeroFilledPad: true }), keys, context);
    try {
      await hsm.produce(keys, 'KF-20261204-single', context);
      const rsa = created[1]!.keyId;
      const cleanup = await discardTokenObjectsJournaled(hsm, journal, plan.operator, rsa);
      expect(cleanup?.destroyed.map((o) => `${o.keyId} ${o.objectClass}`)).toEqual([
        `${rsa} CKO_PRIVATE_KEY`,
        `${rsa} CKO_PUBLIC_KEY`,
      ]);
      expect(listTokenObjects(token)).toEqual([
        `secret keyferry KF-20261204-single ${created[0]!.keyId} ${Buffer.from(created[0]!.keyId).toString('hex')}`,
      ]);
      expect(hsm.holdsCreated).toBe(true);
    } finally {
      hsm.close();
      await journal.close();
    }
    expect((await journalEntries()).map((e) => e.event).at(-1)).toBe('hsm.objects-destroyed');
  }, 120_000);

  it('a stop never destroys a key that was already in the token (chosen by label)', async () => {
    const { f, token } = t;
    const own = openSession(token);
    try {
      generateAesTokenKey(own.session, 'payments-kek', WRAPPABLE);
    } finally {
      own.close();
    }
    const plan = hsmPlan(f, ['AES_256']);
    const { params, created } = await onlineDayOne(f, plan);
    const journal = await f.journal('airgap.jsonl');
    const air = await f.airgap(journal, plan);
    await air.checkNetwork();
    await air.readParametersBundle(params);
    await air.preflight({ wrappedBundle: path.join(f.dir, 'wrapped'), receiptFolder: f.dir });
    await air.useHsm(softHsmRequest(token, { existingKeys: { labels: { [created[0]!.keyId]: 'payments-kek' } } }));
    await confirmEveryWitness(air, plan.witnesses, params);
    await air.generateMaterial();
    await air.wrap();
    const report = await air.abandon({ reason: 'stopped by SIGINT', signal: 'SIGINT' });
    await journal.close();
    expect(report.tokenObjects).toBeUndefined();
    expect(listTokenObjects(token)).toEqual(['secret payments-kek ']);
    expect((await journalEntries()).map((e) => e.event)).not.toContain('hsm.objects-destroyed');
  }, 120_000);
});
