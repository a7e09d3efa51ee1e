import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AirGapCeremony } from '../../../../src-main/core/ceremony/airgap/workflow';
import { APP, airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';
import { confirmEveryWitness, parametersDigestOf } from '../witness-helpers';
import { LIVE_WLAN } from '../../../helpers/workstation';

const OUT_OF_ORDER = { code: 'CEREMONY_STEP_OUT_OF_ORDER' };
const ANY_DIGEST = { expectedDigest: 'ab'.repeat(32), source: 'air-gapped-receipt' } as const;

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('online workflow: guarded transitions', () => {
  it('refuses every step out of order, and KMS steps before connecting', async () => {
    const plan = f.plan(['AES_256']);
    const online = await f.online(await f.journal('online.jsonl'), plan);
    expect(online.step).toBe('new');
    await expect(online.fetchParameters()).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(online.writeParametersBundle(path.join(f.dir, 'p'))).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(online.checkWrappedBundle(path.join(f.dir, 'w'), ANY_DIGEST)).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(online.importMaterial()).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(online.verifyKeys()).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(online.deleteMaterial('x')).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(online.writeReceipt(f.dir)).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(online.createKeys(plan.keys)).rejects.toThrow(/before connecting/);
    await expect(online.status()).rejects.toThrow(/before connecting/);
    await online.connect();
    await online.createKeys(plan.keys);
    await expect(online.createKeys(plan.keys)).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(online.writeParametersBundle(path.join(f.dir, 'p'))).rejects.toMatchObject(OUT_OF_ORDER);
    await online.fetchParameters();
    await expect(online.checkWrappedBundle(path.join(f.dir, 'w'), ANY_DIGEST)).rejects.toMatchObject(OUT_OF_ORDER);
    await online.writeParametersBundle(path.join(f.dir, 'p'));
    await expect(online.importMaterial()).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(online.verifyKeys()).rejects.toMatchObject(OUT_OF_ORDER);
    // Nothing was created twice in the KMS.
    expect((await f.kms.listKeys()).length).toBe(1);
  });

  it('continues from the journal in a new session, and refuses import before the bundle check', async () => {
    const plan = f.plan(['AES_256', 'EC_P256']);
    const { created } = await onlineDayOne(f, plan);
    await airGapSide(f, plan, path.join(f.dir, 'params'));
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    expect(day2.step).toBe('parameters-written');
    expect(day2.keys().map((k) => k.keyId)).toEqual(created.map((k) => k.keyId));
    await day2.connect();
    await expect(day2.importMaterial()).rejects.toMatchObject(OUT_OF_ORDER);
    await day2.checkWrappedBundle(path.join(f.dir, 'wrapped'), await receiptDigestOf(path.join(f.dir, 'wrapped')));
    await expect(day2.writeReceipt(f.dir)).rejects.toMatchObject(OUT_OF_ORDER);
    await day2.importMaterial();
    const proofs = await day2.verifyKeys();
    expect(proofs.map((p) => [p.keyState, p.ok])).toEqual([
      ['Enabled', true],
      ['Enabled', true],
    ]);
    await expect(day2.deleteMaterial(created[1]?.keyId as string, { lossAcknowledged: true })).rejects.toMatchObject({
      code: 'MATERIAL_NOT_DELETABLE',
    });
    const aes = created[0]?.keyId as string;
    const deleted = await day2.deleteMaterial(aes, { lossAcknowledged: true, confirmedKeyId: aes });
    expect(deleted.keyState).toBe('Pending import');
  });
});

describe('air-gapped workflow: guarded transitions', () => {
  it('refuses every step out of order, and wrapping before the witnesses confirmed', async () => {
    const plan = f.plan(['EC_P256']);
    const { params, issued } = await onlineDayOne(f, plan);
    const digest = await parametersDigestOf(params);
    const air = await f.airgap(await f.journal('airgap.jsonl'), plan);
    await expect(air.readParametersBundle(params)).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(air.generateMaterial()).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(air.wrap()).rejects.toMatchObject(OUT_OF_ORDER);
    await air.checkNetwork();
    expect(() => air.artefactsToConfirm()).toThrow(/Cannot show what the witnesses confirm now/);
    await air.readParametersBundle(params);
    await expect(air.generateMaterial()).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(air.wrap()).rejects.toMatchObject({
      ...OUT_OF_ORDER,
      message: expect.stringMatching(/at step “import parameters read”/),
    });
    await expect(air.writeWrappedBundle(path.join(f.dir, 'w'))).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(air.confirmArtefact('Ben', 'ab'.repeat(32))).rejects.toMatchObject({
      code: 'WITNESS_DIGEST_MISMATCH',
    });
    // The wrapping-key fingerprint is not what a witness confirms for a bundle: its digest is.
    await expect(air.confirmArtefact('Ben', issued[0]?.wrappingKeyFingerprint as string)).rejects.toMatchObject({
      code: 'WITNESS_TYPED_FINGERPRINT',
    });
    await expect(air.confirmArtefact('Mallory', digest)).rejects.toMatchObject({ code: 'WITNESS_UNKNOWN' });
    // Only a rehearsal may confirm with the online side's own value; here nobody is credited.
    await expect(air.confirmArtefact('Ben', digest, { source: 'rehearsal-online-side' })).rejects.toMatchObject({
      code: 'WITNESS_SOURCE_REFUSED',
    });
    // Chloé's, not Ben's: a third wrong value of one witness stops the confirmations (witness-confirmations.ts).
    await expect(air.confirmArtefact('Chloé', '')).rejects.toMatchObject({ code: 'DIGEST_TYPED_EMPTY' });
    // One witness's confirmation is not credited to the other: the ceremony waits for Ben.
    const chloe = await air.confirmArtefact('Chloé', digest);
    expect(chloe.remaining).toBe(1);
    expect(chloe.confirmed.pending).toEqual(['Ben']);
    expect(chloe.confirmed.shown).toBeNull();
    await expect(air.generateMaterial()).rejects.toMatchObject(OUT_OF_ORDER);
    const { remaining, confirmed } = await air.confirmArtefact('Ben', digest.replace(/ /g, '').toLowerCase());
    expect(remaining).toBe(0);
    expect(confirmed.shown).toBe(digest);
    await expect(air.wrap()).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(air.writeReceipt(f.dir)).rejects.toMatchObject(OUT_OF_ORDER);
    // The core itself refuses material before the preflight (not only a disabled button).
    await expect(air.generateMaterial()).rejects.toMatchObject({ code: 'PREFLIGHT_REQUIRED' });
    await expect(air.loadMaterialFile('any', path.join(f.dir, 'any.pem'))).rejects.toMatchObject({
      code: 'PREFLIGHT_REQUIRED',
    });
    expect(air.state).toBe('fingerprints-confirmed');
    await air.preflight({ wrappedBundle: path.join(f.dir, 'w'), receiptFolder: f.dir });
    await air.generateMaterial();
    await expect(air.writeWrappedBundle(path.join(f.dir, 'w'))).rejects.toMatchObject(OUT_OF_ORDER);
    await air.wrap();
    await expect(air.wrap()).rejects.toMatchObject(OUT_OF_ORDER);
    await expect(air.splitCustody({ m: 2, n: 2, folders: [f.dir, f.dir] })).rejects.toMatchObject(OUT_OF_ORDER);
    // Only the folders the preflight checked are written to.
    await expect(air.writeWrappedBundle(path.join(f.dir, 'elsewhere'))).rejects.toMatchObject({
      code: 'PREFLIGHT_FOLDER_DIFFERS',
    });
    await air.writeWrappedBundle(path.join(f.dir, 'w'));
    await expect(air.writeReceipt(path.join(f.dir, 'w'))).rejects.toMatchObject({ code: 'PREFLIGHT_FOLDER_DIFFERS' });
    const receipt = await air.writeReceipt(f.dir);
    expect(air.state).toBe('finished');
    const events = (await fs.readFile(path.join(f.dir, 'airgap.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; actor: string });
    expect(events.filter((e) => e.event === 'witness.confirmed').map((e) => e.actor)).toEqual(['Chloé', 'Ben']);
    expect(events.filter((e) => e.event === 'witness.refused').map((e) => e.actor)).toEqual(['Ben', 'Ben', 'Chloé']);
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining([
        'network.checked',
        'parameters.read',
        'material.generated',
        'material.wrapped',
        'material.wiped',
        'wrapped-bundle.written',
        'receipt.written',
      ]),
    );
    // The bundle's manifest is written after the receipt, and journaled last.
    expect(events.slice(-2).map((e) => e.event)).toEqual(['receipt.written', 'wrapped-bundle.completed']);
    expect(receipt.journalCount).toBe(events.length - 2);
  });

  it('refuses a live network, journals it, and journals an override as a warning', async () => {
    const plan = f.plan(['AES_256']);
    const journal = await f.journal('airgap.jsonl');
    const air = await AirGapCeremony.start({
      journal,
      title: plan.title,
      operator: plan.operator,
      witnesses: plan.witnesses,
      app: APP,
      interfaces: LIVE_WLAN,
    });
    await expect(air.checkNetwork()).rejects.toMatchObject({
      code: 'AIRGAP_NETWORK_LIVE',
      message: expect.stringMatching(/wlan0 10\.1\.2\.3/),
    });
    expect(air.state).toBe('new');
    const result = await air.checkNetwork({ allowNetwork: true });
    expect(result.overridden).toBe(true);
    expect(air.record.workstation.network).toMatch(/^WARNING: network present/);
    expect(journal.entries.map((e) => e.event)).toEqual([
      'ceremony.session-started',
      'network.refused',
      'network.checked',
      'warning.network-allowed',
    ]);
  });

  it('wipes the material when abandoned and refuses to wrap afterwards', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const air = await f.airgap(await f.journal('airgap.jsonl'), plan);
    await air.checkNetwork();
    await air.readParametersBundle(params);
    await confirmEveryWitness(air, ['Ben', 'Chloé'], params);
    await air.preflight({ wrappedBundle: path.join(f.dir, 'w'), receiptFolder: f.dir });
    await air.generateMaterial();
    await air.abandon('operator stopped');
    await expect(air.wrap()).rejects.toMatchObject({ code: 'CEREMONY_STOPPED' });
  });
});
