/**
 * A whole ceremony rehearsed on one machine against the built-in KMS simulator: the online
 * side (create keys, fetch parameters, write the bundle), the air-gapped side on its own code
 * path and journal (media = a folder), then the online side again in a new session (check,
 * import, verify), both receipts, both journals verified against their receipts.
 *
 *   DIR/plan.json                          the ceremony plan rehearsed
 *   DIR/online/journal.jsonl, receipt-online-<id>.{html,txt}
 *   DIR/airgap/journal.jsonl, receipt-air-gapped-<id>.{html,txt}
 *   DIR/media/import-parameters/, DIR/media/wrapped-material/   the two bundles
 *   DIR/custodian-<i>/                     custody shares (with --custody M/N)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JournalEntry } from '../../journal/entry';
import { countHumanActions, type HumanActions } from '../shared/human-actions';
import type { KeySpec, WrappingAlgorithm } from '../../crypto/key-spec';
import { KeyferryError } from '../../errors';
import type { HsmSourceRequest } from '../airgap/hsm-source-request';
import { createFreshFolder, writeFileExclusive } from '../../fs/durable-file';
import { refuseOutputThroughLink } from '../../fs/linked-output';
import { openJournal, verifyJournal, type Journal } from '../../journal';
import { KmsClient } from '../../kms/client';
import { AkSkCredentials } from '../../kms/credentials';
import { startKmsSimulator, type KmsSimulator } from '../../kms-simulator/index';
import { AirGapCeremony } from '../airgap/workflow';
import type { WrittenCeremonyReceipt } from '../shared/journaled-receipt';
import type { AppIdentity } from '../shared/ceremony-record';
import { parseCeremonyPlan, type CeremonyPlan, type MaterialExpiry } from '../shared/ceremony-plan';
import type { MaterialAuditObserver } from '../airgap/material-vault';
import type { KeyProofPhrase } from '../online/key-proof';
import { onlineStartOf } from '../online/open-journal';
import { OnlineCeremony } from '../online/workflow';
import type { ProgressListener } from '../shared/progress';
import type { ReceiptLanguage } from '../../receipt/language';

interface RehearsalOptions {
  /** A folder that must not exist yet; everything is written under it. */
  readonly outDir: string;
  readonly specs: readonly KeySpec[];
  readonly app: AppIdentity;
  readonly custody?: { readonly m: number; readonly n: number; readonly custodians?: readonly string[] };
  readonly operator?: string;
  readonly witnesses?: readonly string[];
  /** The ceremony title (default: rehearsalTitle's English); the CLI gives it in the officer's language. */
  readonly title?: string;
  readonly onProgress?: ProgressListener;
  /** When imported AES material expires in the KMS (default never). */
  readonly materialExpiry?: MaterialExpiry;
  /** A running simulator to rehearse against (left running, so its keys outlive the rehearsal); default: a fresh one, closed at the end. */
  readonly simulator?: KmsSimulator;
  /** TEST ONLY (see MaterialVault): copies of the plaintext material. Never wired in the CLI. */
  readonly onMaterialForAudit?: MaterialAuditObserver;
  /** Generate and wrap the material inside this HSM token instead of in software. */
  readonly hsm?: HsmSourceRequest;
  /** The wrapping algorithm to ask the KMS for (default RSAES_OAEP_SHA_256; SoftHSM 2.6 needs RSAES_OAEP_SHA_1). */
  readonly wrappingAlgorithm?: WrappingAlgorithm;
  /** The language of the receipts and custody slips (journaled on both sides; default English). */
  readonly receiptLanguage?: ReceiptLanguage;
}

interface RehearsalRow {
  readonly spec: KeySpec;
  readonly alias: string;
  readonly keyId: string;
  readonly finalState: string;
  /** What the online side proved (or why it failed), rendered from the catalogue. */
  readonly proof: KeyProofPhrase;
  readonly ok: boolean;
}

export interface RehearsalResult {
  readonly ok: boolean;
  readonly ceremonyId: string;
  readonly outDir: string;
  readonly rows: readonly RehearsalRow[];
  readonly files: {
    readonly plan: string;
    readonly onlineJournal: string;
    readonly airGapJournal: string;
    readonly parametersBundle: string;
    readonly wrappedBundle: string;
    /** Null when a key failed verification (the online receipt is written only for verified keys). */
    readonly onlineReceipt: WrittenCeremonyReceipt | null;
    readonly airGapReceipt: WrittenCeremonyReceipt;
    readonly custodianFolders: readonly string[];
  };
  readonly journals: { readonly online: boolean; readonly airGap: boolean };
  /** What people did, counted from both journals (human-actions.ts). */
  readonly humanActions: HumanActions;
}

/** The specs a rehearsal runs, as its title lists them: ["AES_256 x2", "EC_P256"] (joined as the language joins lists). */
export function rehearsalSpecList(specs: readonly KeySpec[]): string[] {
  const count = (spec: KeySpec) => specs.filter((s) => s === spec).length;
  return [...new Set(specs)].map((spec) => `${spec}${count(spec) > 1 ? ` x${count(spec)}` : ''}`);
}

/** The plan a rehearsal runs: one key per spec. */
export function rehearsalPlan(
  specs: readonly KeySpec[],
  operator = 'Rehearsal operator',
  witnesses: readonly string[] = ['Rehearsal witness'],
  materialExpiry: MaterialExpiry = { kind: 'never' },
  wrappingAlgorithm?: WrappingAlgorithm,
  title = `Keyferry rehearsal (${rehearsalSpecList(specs).join(', ')})`,
): CeremonyPlan {
  return parseCeremonyPlan({
    ...(wrappingAlgorithm ? { wrappingAlgorithm } : {}),
    title,
    operator,
    witnesses,
    materialExpiry: materialExpiry.kind === 'never' ? 'never' : materialExpiry.at.toISOString(),
    keys: specs.map((spec, i) => ({
      // A spec given more than once (a batch) numbers its aliases: rehearsal/aes_256-2, -3, ...
      alias: `rehearsal/${spec.toLowerCase()}${specs.indexOf(spec) === i ? '' : `-${specs.slice(0, i + 1).filter((s) => s === spec).length}`}`,
      spec,
      description: 'Keyferry rehearsal key (simulator)',
    })),
  });
}

async function onlineSession(
  journalPath: string,
  kms: KmsClient,
  region: string,
  options: RehearsalOptions,
  plan: CeremonyPlan,
  create: boolean,
) {
  const journal = await openJournal(journalPath, { create });
  const ceremony = await OnlineCeremony.open({
    journal,
    kms,
    region,
    app: options.app,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    start: {
      ...onlineStartOf(plan),
      rehearsal: true,
      ...(options.receiptLanguage ? { receiptLanguage: options.receiptLanguage } : {}),
    },
  });
  await ceremony.connect();
  return { journal, ceremony };
}

/** The rehearsal's fresh folder, its sub-folders and the plan it ran. */
async function prepareRehearsalFolder(out: string, plan: ReturnType<typeof rehearsalPlan>): Promise<void> {
  await refuseOutputThroughLink({ role: 'rehearsal', folder: out });
  await createFreshFolder(out);
  for (const sub of ['online', 'airgap', 'media']) await createFreshFolder(path.join(out, sub));
  await writeFileExclusive(
    path.join(out, 'plan.json'),
    `${JSON.stringify({ title: plan.title, operator: plan.operator, witnesses: plan.witnesses, wrappingAlgorithm: plan.wrappingAlgorithm, materialExpiry: plan.materialExpiry.kind === 'never' ? 'never' : plan.materialExpiry.at.toISOString(), keys: plan.keys }, null, 2)}\n`,
  );
}

/** Runs the rehearsal; resolves with what happened (ok only if every key verified). */
export async function runRehearsal(options: RehearsalOptions): Promise<RehearsalResult> {
  const out = path.resolve(options.outDir);
  if (options.hsm && options.custody)
    throw new KeyferryError('HSM_CUSTODY_IS_TOKEN', { token: `"${options.hsm.token}"` });
  const plan = rehearsalPlan(
    options.specs,
    options.operator,
    options.witnesses,
    options.materialExpiry,
    options.wrappingAlgorithm,
    options.title,
  );
  // The simulator's wrapping keys (one RSA-2048 per key) start generating at once, in the
  // background on libuv's pool, while the folders are made and the online side starts.
  const sim =
    options.simulator ??
    (await startKmsSimulator({ wrappingKeyPoolSize: plan.keys.length, refillWrappingKeys: false }));
  try {
    await prepareRehearsalFolder(out, plan);
  } catch (error) {
    if (!options.simulator) await sim.close();
    throw error;
  }
  const files = {
    onlineJournal: path.join(out, 'online', 'journal.jsonl'),
    airGapJournal: path.join(out, 'airgap', 'journal.jsonl'),
    parametersBundle: path.join(out, 'media', 'import-parameters'),
    wrappedBundle: path.join(out, 'media', 'wrapped-material'),
  };
  const kms = new KmsClient({
    endpoint: sim.endpoint,
    projectId: sim.projectId,
    credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
  });
  const journals: Journal[] = [];
  try {
    // Day 1, online workstation.
    const day1 = await onlineSession(files.onlineJournal, kms, sim.region, options, plan, true);
    journals.push(day1.journal);
    await day1.ceremony.createKeys(plan.keys);
    await day1.ceremony.fetchParameters();
    const written = await day1.ceremony.writeParametersBundle(files.parametersBundle);
    await day1.journal.close();

    // Air-gapped workstation: its own code path and journal; the media is a folder.
    const airJournal = await openJournal(files.airGapJournal, { create: true });
    journals.push(airJournal);
    const air = await AirGapCeremony.start({
      journal: airJournal,
      title: plan.title,
      operator: plan.operator,
      witnesses: plan.witnesses,
      app: options.app,
      rehearsal: true,
      ...(options.receiptLanguage ? { receiptLanguage: options.receiptLanguage } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.onMaterialForAudit ? { onMaterialForAudit: options.onMaterialForAudit } : {}),
    });
    await air.checkNetwork({ allowNetwork: true });
    await air.readParametersBundle(files.parametersBundle);
    // Each witness confirms the bundle digest the online side wrote (journaled as the rehearsal's doing).
    for (const witness of plan.witnesses)
      await air.confirmArtefact(witness, written.manifestSha256, { source: 'rehearsal-online-side' });
    const custodianFolders = options.custody
      ? Array.from({ length: options.custody.n }, (_, i) => path.join(out, `custodian-${i + 1}`))
      : [];
    await air.preflight({
      wrappedBundle: files.wrappedBundle,
      receiptFolder: path.join(out, 'airgap'),
      custodianFolders,
      allowSameVolume: true,
    });
    if (options.hsm) await air.useHsm(options.hsm);
    await air.generateMaterial();
    if (options.custody) {
      await air.splitCustody({ ...options.custody, folders: custodianFolders, allowSameVolume: true });
    }
    await air.wrap();
    const wrapped = await air.writeWrappedBundle(files.wrappedBundle, { expiry: plan.materialExpiry });
    const airGapReceipt = await air.writeReceipt(path.join(out, 'airgap'));
    await airJournal.close();

    // Day 2, online workstation: a new session continues the journal.
    const day2 = await onlineSession(files.onlineJournal, kms, sim.region, options, plan, false);
    journals.push(day2.journal);
    // The rehearsal plays both machines: its own air-gapped side hands over the digest it wrote
    // (journaled as such); a real ceremony types it from the air-gapped receipt.
    await day2.ceremony.checkWrappedBundle(files.wrappedBundle, {
      expectedDigest: wrapped.manifestSha256,
      source: 'rehearsal-air-gapped-side',
    });
    await day2.ceremony.importMaterial();
    const proofs = await day2.ceremony.verifyKeys();
    const allVerified = proofs.every((p) => p.ok);
    const status = await day2.ceremony.status();
    const onlineReceipt = allVerified ? await day2.ceremony.writeReceipt(path.join(out, 'online')) : undefined;
    await day2.journal.close();

    const rows = day2.ceremony.keys().map((k) => {
      const proof = proofs.find((p) => p.keyId === k.keyId);
      return {
        spec: k.spec,
        alias: k.alias,
        keyId: k.keyId,
        finalState: status.find((s) => s.keyId === k.keyId)?.keyState ?? 'unknown',
        proof: proof?.proof ?? { key: 'proof.key.notVerified' },
        ok: proof?.ok ?? false,
      };
    });
    const onlineOk = onlineReceipt
      ? (
          await verifyJournal(files.onlineJournal, {
            expectedHead: onlineReceipt.journalHead,
            expectedCount: onlineReceipt.journalCount,
          })
        ).ok
      : false;
    const airOk = (
      await verifyJournal(files.airGapJournal, {
        expectedHead: airGapReceipt.journalHead,
        expectedCount: airGapReceipt.journalCount,
      })
    ).ok;
    const humanActions = countHumanActions(
      await Promise.all([files.onlineJournal, files.airGapJournal].map(journalEntriesOf)),
    );
    return {
      humanActions,
      ok: allVerified && onlineOk && airOk && rows.every((r) => r.ok && r.finalState === 'Enabled'),
      ceremonyId: day2.ceremony.ceremonyId,
      outDir: out,
      rows,
      files: {
        plan: path.join(out, 'plan.json'),
        ...files,
        onlineReceipt: onlineReceipt ?? null,
        airGapReceipt,
        custodianFolders,
      },
      journals: { online: onlineOk, airGap: airOk },
    };
  } finally {
    for (const journal of journals) await journal.close().catch(() => undefined);
    kms.close();
    if (!options.simulator) await sim.close();
  }
}

/** The entries of a journal this rehearsal wrote (verified above against its receipt). */
async function journalEntriesOf(file: string): Promise<JournalEntry[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JournalEntry);
}
