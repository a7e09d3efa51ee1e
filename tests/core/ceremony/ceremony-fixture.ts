/**
 * Test fixture: a real KMS simulator on 127.0.0.1, a real KmsClient, real journals and bundles
 * in a fresh temp folder, and helpers that run a ceremony up to a given step.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AirGapCeremony } from '../../../src-main/core/ceremony/airgap/workflow';
import { RestoreCeremony } from '../../../src-main/core/ceremony/restore/workflow';
import { parseCeremonyPlan, type CeremonyPlan } from '../../../src-main/core/ceremony/shared/ceremony-plan';
import { OnlineCeremony, type WrappedBundleProof } from '../../../src-main/core/ceremony/online/workflow';
import { readBundleDigest } from '../../../src-main/core/bundle';
import { groupHex } from '../../../src-main/core/hex-groups';
import type { KeySpec } from '../../../src-main/core/crypto/key-spec';
import { openJournal, type Journal } from '../../../src-main/core/journal';
import { KmsClient } from '../../../src-main/core/kms/client';
import { AkSkCredentials } from '../../../src-main/core/kms/credentials';
import {
  startKmsSimulator,
  type KmsSimulator,
  type KmsSimulatorOptions,
} from '../../../src-main/core/kms-simulator/index';
import type { RetryPolicy } from '../../../src-main/core/kms/retry';
import { replicaKmsClients } from '../../../src-main/core/ceremony/online/replica-connections';
import { OFFLINE } from '../../helpers/workstation';
import { airGapSteps, onlineDayOneSteps } from '../../helpers/ceremony-sides';
import { onlineStartOf } from '../../../src-main/core/ceremony/online/open-journal';

export const APP = { version: '0.1.0-test', build: 'test' };
export { OFFLINE };

type AirGapStart = Parameters<typeof AirGapCeremony.start>[0];

export interface Fixture {
  readonly dir: string;
  readonly sim: KmsSimulator;
  readonly kms: KmsClient;
  readonly journals: Journal[];
  plan(specs: KeySpec[]): CeremonyPlan;
  journal(name: string): Promise<Journal>;
  online(journal: Journal, plan: CeremonyPlan, clock?: () => Date): Promise<OnlineCeremony>;
  /** The online side with its KMS client and clock `aheadMs` ahead of this computer's, like the simulator's after `sim.clock.advance`. */
  onlineAhead(journal: Journal, plan: CeremonyPlan, aheadMs: number): Promise<OnlineCeremony>;
  /** The air-gapped side of `plan` on `journal`, offline; `extra` adds start options (e.g. onMaterialForAudit). */
  airgap(journal: Journal, plan: CeremonyPlan, extra?: Partial<AirGapStart>): Promise<AirGapCeremony>;
  /** A custody restore of `plan` on `journal`, offline. */
  restore(journal: Journal, plan: CeremonyPlan): Promise<RestoreCeremony>;
  close(): Promise<void>;
}

/** A fixture's simulator options, the client's retry policy and the online side's concurrency. */
export interface FixtureOptions {
  readonly simulator?: KmsSimulatorOptions;
  readonly retry?: Partial<RetryPolicy>;
  readonly concurrency?: number;
}

/** What both air-gapped ceremonies of `plan` start with on `journal`: its people and title, offline. */
function offlineStart(journal: Journal, plan: CeremonyPlan) {
  const { title, operator, witnesses } = plan;
  return { journal, title, operator, witnesses, app: APP, interfaces: OFFLINE };
}

export async function createFixture(options: FixtureOptions = {}): Promise<Fixture> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ceremony-'));
  const sim = await startKmsSimulator(options.simulator);
  const kmsClient = (now?: () => Date) =>
    new KmsClient({
      endpoint: sim.endpoint,
      projectId: sim.projectId,
      credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
      retry: options.retry ?? { maxAttempts: 1 },
      ...(now ? { now } : {}),
    });
  const kms = kmsClient();
  // Replica groups: one client per region/project, beside the simulator's first region.
  const replicas = replicaKmsClients({
    endpoint: sim.endpoint,
    projectId: sim.projectId,
    credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
    retry: options.retry ?? { maxAttempts: 1 },
  });
  const journals: Journal[] = [];
  const laterClients: KmsClient[] = [];
  const openOnline = (journal: Journal, plan: CeremonyPlan, client: KmsClient, clock?: () => Date) =>
    OnlineCeremony.open({
      journal,
      kms: client,
      region: sim.region,
      app: APP,
      replicaKms: replicas.open,
      ...(clock ? { clock } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      start: { ...onlineStartOf(plan), rehearsal: true },
    });
  return {
    dir,
    sim,
    kms,
    journals,
    plan: (specs) =>
      parseCeremonyPlan({
        title: 'Test ceremony',
        operator: 'Ana',
        witnesses: ['Ben', 'Chloé'],
        keys: specs.map((spec, i) => ({ alias: `test-${i}-${spec.toLowerCase()}`, spec })),
      }),
    async journal(name) {
      const file = path.join(dir, name);
      const exists = await import('node:fs/promises').then((fs) =>
        fs.stat(file).then(
          () => true,
          () => false,
        ),
      );
      const journal = await openJournal(file, { create: !exists });
      journals.push(journal);
      return journal;
    },
    online: (journal, plan, clock) => openOnline(journal, plan, kms, clock),
    onlineAhead(journal, plan, aheadMs) {
      const later = () => new Date(Date.now() + aheadMs);
      const client = kmsClient(later);
      laterClients.push(client);
      return openOnline(journal, plan, client, later);
    },
    airgap: (journal, plan, extra = {}) => AirGapCeremony.start({ ...offlineStart(journal, plan), ...extra }),
    restore: (journal, plan) => RestoreCeremony.start(offlineStart(journal, plan)),
    async close() {
      for (const j of journals) await j.close().catch(() => undefined);
      kms.close();
      replicas.close();
      for (const c of laterClients) c.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Online day 1: connect, create, fetch, write the parameters bundle. Returns the bundle folder. */
export async function onlineDayOne(f: Fixture, plan: CeremonyPlan, journalName = 'online.jsonl') {
  const journal = await f.journal(journalName);
  const online = await f.online(journal, plan);
  const params = path.join(f.dir, 'params');
  const { created, issued, written } = await onlineDayOneSteps(online, plan, params);
  await journal.close();
  return { online, created, issued, params, written };
}

/** Online day 1 with the session kept open: connect, create, fetch, write params-1; returns the journal, the ceremony and that bundle. */
export async function onlineWithFirstBundle(f: Fixture, plan: CeremonyPlan) {
  const journal = await f.journal('online.jsonl');
  const online = await f.online(journal, plan);
  await online.connect();
  await online.createKeys(plan.keys);
  await online.fetchParameters();
  const first = await online.writeParametersBundle(path.join(f.dir, 'params-1'));
  return { journal, online, first };
}

/** The whole air-gapped side on `params` (`wrapAgain`: the officer's reason after an earlier wrap); returns the wrapped bundle folder and digest. */
export async function airGapSide(
  f: Fixture,
  plan: CeremonyPlan,
  params: string,
  out = path.join(f.dir, 'wrapped'),
  journalName = 'airgap.jsonl',
  wrapAgain?: string,
) {
  // Another journal than the ceremony's is kept in a folder of its own (beside this ceremony's
  // journal, one that records no ceremony yet is refused) and wraps a copy of the parameters on a
  // medium of its own, writing its bundle there too (beside this ceremony's wrap, whether beside the
  // parameters or the output folder, parameters naming no journal are held to its journal).
  const own = journalName === 'airgap.jsonl' || journalName.includes('/');
  if (!own) await mkdir(path.join(f.dir, `desk-${journalName}`));
  const journal = await f.journal(own ? journalName : path.join(`desk-${journalName}`, journalName));
  const air = await f.airgap(journal, plan);
  const receipts = await mkdtemp(path.join(f.dir, 'airgap-receipt-'));
  const given =
    journalName === 'airgap.jsonl'
      ? params
      : path.join(await mkdtemp(path.join(f.dir, 'other-medium-')), path.basename(params));
  if (given !== params) await cp(params, given, { recursive: true });
  const written = given === params ? out : path.join(path.dirname(given), path.basename(out));
  // The bundle's manifest is written after its receipt: only then is the folder a bundle.
  const run = { params: given, out: written, receipts, witnesses: plan.witnesses };
  const { bundle, receipt } = await airGapSteps(air, wrapAgain === undefined ? run : { ...run, wrapAgain });
  await journal.close();
  return { air, bundle, out: written, receipt };
}

/**
 * Both days up to the import: online day 1 (params), the whole air-gapped side, then online day 2
 * on `online.jsonl` connected, the wrapped bundle checked against its receipt's digest and imported.
 * Returns the open journal, the day-2 ceremony, the imported keys and the wrapped bundle.
 */
export async function importedOnDayTwo(f: Fixture, plan: CeremonyPlan) {
  const { params } = await onlineDayOne(f, plan);
  const { out } = await airGapSide(f, plan, params);
  const journal = await f.journal('online.jsonl');
  const day2 = await f.online(journal, plan);
  await day2.connect();
  await day2.checkWrappedBundle(out, await receiptDigestOf(out));
  const imported = await day2.importMaterial();
  return { journal, day2, imported, out };
}

/**
 * Online day 2 on the wrapped bundle `out` (its receipt written): checked against the receipt's
 * digest, imported and verified; then the first key's material deleted (the loss acknowledged) and
 * fresh parameters written into params-2, which carry that key as bound to its material.
 */
export async function materialDeletedAfterImport(f: Fixture, plan: CeremonyPlan, out: string) {
  const online = await f.online(await f.journal('online.jsonl'), plan);
  await online.connect();
  await online.checkWrappedBundle(out, await receiptDigestOf(out));
  const [imported] = await online.importMaterial();
  const keyId = imported?.keyId as string;
  await online.verifyKeys();
  await online.deleteMaterial(keyId, { lossAcknowledged: true, confirmedKeyId: keyId });
  await online.fetchParameters();
  const params = path.join(f.dir, 'params-2');
  await online.writeParametersBundle(params);
  return { online, keyId, params };
}

/**
 * The power went after the wrapped bundle's manifest was written and read back, before its
 * `wrapped-bundle.completed` reached the air-gapped journal `file` (its last entry): that entry dropped.
 */
export async function completedEntryLost(file: string): Promise<void> {
  const lines = (await readFile(file, 'utf8')).trim().split('\n');
  // Thrown, not expect()ed: bench/online-scale.bench.ts loads this fixture outside Vitest.
  const last = (JSON.parse(lines.at(-1) as string) as { event: string }).event;
  if (last !== 'wrapped-bundle.completed')
    throw new Error(`the journal's last entry is ${last}, not wrapped-bundle.completed`);
  await writeFile(file, `${lines.slice(0, -1).join('\n')}\n`);
}

/** The proof `online import` needs: the digest as typed from the air-gapped receipt of the bundle in `dir`. */
export async function receiptDigestOf(dir: string): Promise<WrappedBundleProof> {
  return { expectedDigest: groupHex(await readBundleDigest(dir)), source: 'air-gapped-receipt' };
}
