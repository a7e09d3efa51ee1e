/**
 * Test helpers for a replica group whose members would end up with two materials: a group (one key
 * of `spec`, its replica in the simulator's second region) whose primary took the first wrap's
 * material while its replica's import was refused, with a wrap again of the same parameters (fresh
 * material) beside it; and a wrapped bundle cut down to one key, as an air-gapped side that did not
 * honour the group would write it for a replica alone.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { checkManifestSchema, sealManifest, serializeManifest } from '../../src-main/core/bundle/manifest-codec';
import { parseCeremonyPlan } from '../../src-main/core/ceremony/shared/ceremony-plan';
import { airGapSide, onlineDayOne, receiptDigestOf, type Fixture } from '../core/ceremony/ceremony-fixture';

/** Leaves in the wrapped bundle `folder` the key `keep` alone (the others' entries, files and folders removed), resealed. */
export async function keyAloneInBundle(folder: string, keep: string): Promise<void> {
  const file = path.join(folder, 'manifest.json');
  const manifest = JSON.parse(await fs.readFile(file, 'utf8')) as {
    keys: { keyId: string }[];
    files: { name: string }[];
  };
  const others = manifest.keys.filter((k) => k.keyId !== keep).map((k) => k.keyId);
  manifest.keys = manifest.keys.filter((k) => k.keyId === keep);
  manifest.files = manifest.files.filter((entry) => !others.some((id) => entry.name.includes(id)));
  for (const id of others) await fs.rm(path.join(folder, 'keys', id), { recursive: true, force: true });
  await fs.chmod(file, 0o600);
  await fs.writeFile(file, serializeManifest(sealManifest(checkManifestSchema(manifest))));
}

/**
 * On `f` (a simulator with a second region): the group created and fetched, wrapped twice (`first`,
 * then `again` with fresh material), `first` checked and imported with the replica's import refused
 * by its region's KMS (`answerLost`: the primary's import took effect with no answer, and its state
 * could not be read after, so the journal does not record it taken). Returns the open journal and
 * ceremony, the parameters folder and both key ids.
 */
export async function primaryTookFirstWrap(f: Fixture, spec: 'AES_256' | 'EC_P256', answerLost = false) {
  const other = f.sim.regions[1] as (typeof f.sim.regions)[number];
  const plan = parseCeremonyPlan({
    title: 'Group material',
    operator: 'Ana',
    witnesses: ['Ben', 'Chloé'],
    keys: [{ alias: 'dr/key', spec, replicas: [{ region: other.region, projectId: other.projectId }] }],
  });
  const { params, created } = await onlineDayOne(f, plan);
  const primaryId = created.find((k) => k.replicaOf === undefined)?.keyId as string;
  const replicaId = created.find((k) => k.replicaOf !== undefined)?.keyId as string;
  const first = await airGapSide(f, plan, params);
  const again = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped-again'), 'airgap.jsonl', 'lost stick');
  const journal = await f.journal('online.jsonl');
  const online = await f.online(journal, plan);
  await online.connect();
  await online.checkWrappedBundle(first.out, await receiptDigestOf(first.out));
  f.sim.faults.failWith('import-key-material', 400, 'before', 10, 0, replicaId);
  if (answerLost) {
    // The primary's import takes effect but its answer is lost, and so is every look at its state after.
    f.sim.faults.failWith('import-key-material', 500, 'after', 1, 0, primaryId);
    f.sim.faults.failWith('describe-key', 500, 'before', 50, 1, primaryId);
  }
  await expect(online.importMaterial()).rejects.toBeDefined();
  f.sim.faults.clear();
  return { plan, params, primaryId, replicaId, first, again, journal, online, other };
}
