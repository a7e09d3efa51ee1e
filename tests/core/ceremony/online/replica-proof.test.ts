/**
 * Replica groups (issue 15) across three regions of one simulator, over real HTTP: the online side
 * creates and fetches in each region, the air-gapped side generates each group's material once
 * and wraps it under every region's wrapping key, the import reaches each region, and the
 * verification proves every replica holds the group's one material (public keys equal; for AES
 * the wrapped bundle's one KCV plus each replica's own import and round trip). A replica whose
 * public key differs is refused; an interrupted import continues where it stopped.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { readBundle } from '../../../../src-main/core/bundle';
import { parseCeremonyPlan, type CeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import type { KmsSimulator } from '../../../../src-main/core/kms-simulator/index';
import { KmsClient } from '../../../../src-main/core/kms/client';
import { AkSkCredentials } from '../../../../src-main/core/kms/credentials';
import { listDeviations } from '../../../../src-main/core/journal';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';

const REGIONS = { region: 'cn-north-4', regions: [{ region: 'cn-east-3' }, { region: 'ap-southeast-1' }] };

let f: Fixture | undefined;
const clients: KmsClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await f?.close();
  f = undefined;
});

/** What the KMS of `region` holds, asked through its own endpoint and project: alias and state per key. */
async function regionKeys(sim: KmsSimulator, region: string): Promise<{ alias: string; state: number }[]> {
  const place = sim.regions.find((r) => r.region === region) as KmsSimulator['regions'][number];
  const client = new KmsClient({
    endpoint: place.endpoint,
    projectId: place.projectId,
    credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
    retry: { maxAttempts: 1 },
  });
  clients.push(client);
  const keys = await client.listKeys();
  return keys.map((k) => ({ alias: k.alias ?? '', state: k.state })).sort((a, b) => a.alias.localeCompare(b.alias));
}

/** A plan whose every key has a replica in each of the simulator's other regions. */
function replicaPlan(sim: KmsSimulator, specs: readonly ('AES_256' | 'EC_P256' | 'RSA_2048')[]): CeremonyPlan {
  const others = sim.regions.slice(1).map((r) => ({ region: r.region, projectId: r.projectId }));
  return parseCeremonyPlan({
    title: 'Replica groups',
    operator: 'Ana',
    witnesses: ['Ben', 'Chloé'],
    keys: specs.map((spec, i) => ({ alias: `dr/${spec.toLowerCase()}-${i}`, spec, replicas: others })),
  });
}

async function journalEvents(f: Fixture, name: string) {
  const journal = await f.journal(name);
  const entries = [...journal.entries];
  await journal.close();
  return entries;
}

describe('a replica group across three simulated regions', () => {
  it('is created and fetched in each region, wrapped once per wrapping key, imported and proven', async () => {
    f = await createFixture({ simulator: REGIONS });
    const plan = replicaPlan(f.sim, ['AES_256', 'EC_P256']);
    const day1 = await onlineDayOne(f, plan);
    expect(day1.created).toHaveLength(6);
    const [aes, ec] = day1.created as [(typeof day1.created)[0], (typeof day1.created)[0]];
    const aesGroup = day1.created.filter((k) => k.keyId === aes.keyId || k.replicaOf === aes.keyId);
    expect(aesGroup.map((k) => k.region ?? 'cn-north-4')).toEqual(['cn-north-4', 'cn-east-3', 'ap-southeast-1']);
    // Each region's KMS holds its own key, Pending import (5), under its own project.
    for (const region of f.sim.regions) {
      expect(await regionKeys(f.sim, region.region)).toEqual([
        { alias: 'dr/aes_256-0', state: 5 },
        { alias: 'dr/ec_p256-1', state: 5 },
      ]);
    }
    // The parameters bundle is format 5 (replica groups, each key's own expiry, the ceremony's people) and names each replica's primary and place.
    const params = await readBundle(day1.params, { now: new Date() });
    if (params.kind !== 'import-parameters') throw new Error('not a parameters bundle');
    expect(params.manifest.formatVersion).toBe(5);
    const fingerprints = new Set(params.manifest.keys.map((k) => k.wrappingKeyFingerprint));
    expect(fingerprints.size).toBe(6);
    expect(params.manifest.keys.filter((k) => k.replicaOf === ec.keyId).map((k) => [k.region, k.projectId])).toEqual(
      f.sim.regions.slice(1).map((r) => [r.region, r.projectId]),
    );

    const { out } = await airGapSide(f, plan, day1.params);
    const airgap = await journalEvents(f, 'airgap.jsonl');
    // One material per group, generated once; wrapped once per key (six wrapping keys).
    const generated = airgap.filter((e) => e.event === 'material.generated');
    expect(generated.map((e) => e.data.keyId)).toEqual([aes.keyId, ec.keyId]);
    expect(airgap.filter((e) => e.event === 'material.wrapped')).toHaveLength(6);
    const wrapped = await readBundle(out, { now: new Date() });
    if (wrapped.kind !== 'wrapped-material') throw new Error('not a wrapped bundle');
    // Version 4: it names who wrapped it (madeBy) with the session and the journal's earlier wraps, replicas and all.
    expect(wrapped.manifest.formatVersion).toBe(4);
    const groupKcvs = new Set(wrapped.manifest.keys.filter((k) => k.keySpec === 'AES_256').map((k) => k.keyCheckValue));
    expect(groupKcvs).toEqual(new Set([generated[0]?.data.keyCheckValue]));
    const groupPublicKeys = new Set(
      wrapped.manifest.keys.filter((k) => k.keySpec === 'EC_P256').map((k) => k.publicKeyFingerprint),
    );
    expect(groupPublicKeys).toEqual(new Set([generated[1]?.data.publicKeyFingerprint]));
    // Every member's ciphertext differs: each is wrapped under its own region's wrapping key.
    expect(new Set(wrapped.keys.map((k) => k.encryptedKeyMaterial.toString('hex'))).size).toBe(6);

    const journal = await f.journal('online.jsonl');
    const online = await f.online(journal, plan);
    await online.connect();
    await online.checkWrappedBundle(out, await receiptDigestOf(out));
    const imported = await online.importMaterial();
    expect(imported).toHaveLength(6);
    for (const region of f.sim.regions) {
      expect((await regionKeys(f.sim, region.region)).map((k) => k.state)).toEqual([2, 2]);
    }
    const proofs = await online.verifyKeys();
    expect(proofs.every((p) => p.ok)).toBe(true);
    const proven = journal.entries.filter((e) => e.event === 'replica-group.proven');
    expect(proven.map((e) => [e.data.primaryKeyId, e.data.method])).toEqual([
      [aes.keyId, 'kcv-of-wrapped-material'],
      [ec.keyId, 'public-key-equal'],
    ]);
    expect(proven[0]?.data).toMatchObject({
      keyCheckValue: generated[0]?.data.keyCheckValue,
      publicKeyFingerprint: null,
    });
    expect(proven[1]?.data).toMatchObject({
      publicKeyFingerprint: generated[1]?.data.publicKeyFingerprint,
      keyCheckValue: null,
    });
    expect((proven[1]?.data.members as { region: string }[]).map((m) => m.region)).toEqual([
      'cn-north-4',
      'cn-east-3',
      'ap-southeast-1',
    ]);
    const status = await online.status();
    expect(status.filter((s) => s.replicaOf === ec.keyId).map((s) => [s.region, s.keyState])).toEqual([
      ['cn-east-3', 'Enabled'],
      ['ap-southeast-1', 'Enabled'],
    ]);
    expect(online.keys().every((k) => k.groupProof !== null)).toBe(true);
  });

  it('refuses an asymmetric group when a replica answers with another public key', async () => {
    f = await createFixture({ simulator: REGIONS });
    const plan = replicaPlan(f.sim, ['EC_P256']);
    const day1 = await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, day1.params);
    const journal = await f.journal('online.jsonl');
    const online = await f.online(journal, plan);
    await online.connect();
    await online.checkWrappedBundle(out, await receiptDigestOf(out));
    await online.importMaterial();
    const replica = day1.created.find((k) => k.region === 'ap-southeast-1');
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' });
    f.sim.faults.rewriteAnswer(
      'get-publickey',
      (body) => (body.key_id === replica?.keyId ? { ...body, public_key: other.toString('base64') } : body),
      10,
    );
    await expect(online.verifyKeys()).rejects.toMatchObject({
      code: 'REPLICA_GROUP_NOT_PROVEN',
      values: { keyId: replica?.keyId, region: 'ap-southeast-1' },
    });
    const refused = journal.entries.filter((e) => e.event === 'replica-group.refused');
    expect(refused).toHaveLength(1);
    expect(listDeviations(journal.entries).map((d) => d.entry.event)).toContain('replica-group.refused');
    expect(journal.entries.some((e) => e.event === 'replica-group.proven')).toBe(false);
    expect(online.step).toBe('imported');
  });

  it('continues an import that stopped part way through a group, importing no key twice', async () => {
    f = await createFixture({ simulator: REGIONS });
    const plan = replicaPlan(f.sim, ['AES_256']);
    const day1 = await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, day1.params);
    let journal = await f.journal('online.jsonl');
    let online = await f.online(journal, plan);
    await online.connect();
    await online.checkWrappedBundle(out, await receiptDigestOf(out));
    // One import goes through, the KMS refuses the others before they run: the step stops part way.
    f.sim.faults.failWith('import-key-material', 400, 'before', 2, 1);
    await expect(online.importMaterial()).rejects.toMatchObject({ code: 'KMS.0101' });
    f.sim.faults.clear();
    const status = await online.status();
    expect(status.map((s) => s.keyState).sort()).toEqual(['Enabled', 'Pending import', 'Pending import']);
    expect(status.map((s) => s.region)).toEqual(['cn-north-4', 'cn-east-3', 'ap-southeast-1']);
    await journal.close();

    // Another session: the group shows per replica; importing again finishes the group.
    journal = await f.journal('online.jsonl');
    online = await f.online(journal, plan);
    await online.connect();
    await online.checkWrappedBundle(out, await receiptDigestOf(out));
    await online.importMaterial();
    await online.verifyKeys();
    for (const k of day1.created) expect(f.sim.importCount(k.keyId)).toBe(1);
    expect(journal.entries.filter((e) => e.event === 'replica-group.proven')).toHaveLength(1);
  });
});
