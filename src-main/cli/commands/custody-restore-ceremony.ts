/**
 * `keyferry custody restore --bundle …`: the restore ceremony on the air-gapped workstation
 * (RestoreCeremony) for material that expired in the KMS: journaled, witnessed, the rebuilt
 * material proven and wrapped for a fresh import-parameters bundle of the same key, with a
 * receipt; no plaintext is written. The material comes from the shares (here) or from the HSM
 * token that holds it (custody-restore-hsm.ts).
 */
import { unfinishedSessionLines } from '../unfinished-session-lines';
import {
  bundleCeremonyOf,
  refuseJournalFileOfOtherCeremony,
  refuseJournalNamedForOtherCeremony,
} from '../../core/bundle/ceremony-facts';
import type { CeremonyFacts } from '../../core/bundle/import-parameters-manifest';
import { ceremonyTitle } from '../ceremony-title';
import { mediaFolderLine, onlineImportHint } from '../command-line';
import path from 'node:path';
import { cliAppIdentity } from '../software-identity';
import { restoredExpiries, type RestoredExpiries } from '../../core/ceremony/restore/restored-expiry';
import { kmsTimeAtLeast } from '../../core/ceremony/shared/kms-time';
import type { PlanExpiryOverride } from '../../core/ceremony/airgap/preflight';
import { expiryText } from '../../core/ceremony/shared/planned-expiry';
import { RestoreCeremony } from '../../core/ceremony/restore/workflow';

import { KeyferryError } from '../../core/errors';
import { isAsymmetric } from '../../core/crypto/key-spec';
import { problemCause } from '../../core/ceremony/airgap/session-stop';
import { refuseClosingTakenWrapIn } from '../../core/ceremony/airgap/named-journal';

import type { Journal } from '../../core/journal';
import { groupHex } from '../../core/hex-groups';

import { openCeremonyJournal } from '../ceremony-journal';
import { cliTranslator, sessionReceiptLanguage } from '../cli-locale';
import { networkCheckLine } from '../network-check-lines';
import { cliExpiry, cliWarnings, receiptWrittenLine } from '../cli-text';
import { custodyLine } from '../../i18n/custody-line';
import { resumeLines, stopCeremonyOnInterrupt, withdrawalLines } from '../session-stop-lines';
import type { CliIo } from '../command';
import { confirmAsEveryWitness } from '../witness-confirmations';
import { readShares, type ReadShare } from './custody-input';
import { backupFileFor, printBackup, printSetRestored } from './custody-restore-set';
import { readBackupFile, requireBackupFile } from '../../core/custody/backup-text';

import type { HsmRestoreRequest } from '../../core/ceremony/restore/workflow';

import { restoreFromToken } from './custody-restore-hsm';
import type { RestoreValues } from './custody-restore-options';
import { handoverWarnings, plannedHandovers } from './custody-restore-presenters';
import { journalRefusalBeforeStart } from './custody-restore-refusal';
import { refuseMissingReceiptFolder } from '../receipt-folder';
import { refuseOutputThroughLink } from '../../core/fs/linked-output';
import { pathExists } from '../../core/fs/path-exists';
import { pauseForTest } from '../test-pause';
import { isSetShare } from '../../core/custody/set-share';
import { requireEnoughSetShares } from '../../core/custody/set-restore';
import { listText } from '../../i18n/list';
import { namingShareFiles } from './refused-share-files';

export async function runCeremony(values: RestoreValues, io: CliIo, hsm: HsmRestoreRequest | null): Promise<number> {
  const read: ReadShare[] = [];
  try {
    const inputs = await journalRefusalBeforeStart(values, io, async () => {
      if (!hsm) read.push(...(await readShares(values.share ?? [], values.typed ?? [], io.cwd)));
      return namingShareFiles(read, io, () => beforeTheJournal(values, io, hsm, read));
    });
    const journal = await openCeremonyJournal(io.cwd, values.journal, true, io, 'air-gapped');
    try {
      return await ceremonySteps(values, read, io, journal, inputs);
    } finally {
      await journal.close();
    }
  } finally {
    for (const r of read) r.share.share.dispose();
  }
}

/** What is checked before the journal opens: the output folder is new, the receipt folder exists, the title and the expiry agree with the bundle. */
async function beforeTheJournal(
  values: RestoreValues,
  io: CliIo,
  hsm: HsmRestoreRequest | null,
  read: readonly ReadShare[],
): Promise<CeremonyInputs> {
  const rel = (p: string) => path.resolve(io.cwd, p);
  const wrappedOut = rel(values['wrapped-out'] as string);
  // A link as --wrapped-out (or above it) is named as one, not taken for a bundle already there.
  await refuseOutputThroughLink({ role: 'bundle', folder: wrappedOut });
  if (await pathExists(wrappedOut)) throw new KeyferryError('OUTPUT_EXISTS', { what: 'wrappedOut', path: wrappedOut });
  await refuseMissingReceiptFolder(io.cwd, values['receipt-dir']);
  // A custody set's backup file: named, or beside a share file, and there, before any witness types
  // (a trial typed every slip and gave no --backup: refused only after the witnesses had typed).
  const backupFile = read.length > 0 ? await backupFileFor(values, read, io) : undefined;
  if (backupFile !== undefined) await requireBackupFile(backupFile);
  // Too few shares of a custody set to rebuild it: refused now, before any witness types the digest.
  // A share that looks wrong (corrupted, twice, of another set) is left to the ceremony, which refuses
  // it as it is presented and journals it: a swapped share is evidence, kept in the journal.
  const setShares = read.map((r) => r.share).filter(isSetShare);
  if (setShares.length > 0 && setShares.length === read.length) requireEnoughSetShares(setShares);
  // The fresh bundle carries the ceremony's title (refused if --title differs) and each key's planned expiry.
  const bundle = await bundleCeremonyOf(rel(values.bundle as string));
  const facts = bundle?.facts;
  // A journal named for, or recording, another ceremony than the bundle's: refused before it opens,
  // as airgap wrap refuses it. Opened, it would close a crashed session of that other ceremony and
  // withdraw its custody files first (a trial's older copy lost a set the KMS's material needed).
  if (bundle && values.journal !== undefined) {
    const dir = rel(values.bundle as string);
    refuseJournalNamedForOtherCeremony(values.journal, { dir, ceremonyId: bundle.ceremonyId, title: facts?.title });
    await refuseJournalFileOfOtherCeremony(rel(values.journal), bundle.ceremonyId);
    // Nor one whose last session the parameters name as the wrap the online side took, cut after its receipt.
    await refuseClosingTakenWrapIn(rel(values.journal), facts?.airGapJournal);
  }
  return {
    wrappedOut,
    backupFile,
    // Decided at the KMS's time when the fresh tokens show it is later than this machine's (kmsTimeAtLeast).
    expiries: restoredExpiries(
      values.expires,
      bundle?.keys ?? [],
      facts?.materialExpiry,
      kmsTimeAtLeast(new Date(), bundle?.keys ?? []),
      'cli',
    ),
    // Who hands over each share, checked before the journal opens and any witness types the digest.
    ...plannedHandovers(values, read),
    witnesses: values.witness ?? [],
    hsm,
    title: ceremonyTitle(values.title, facts, cliTranslator(io).t('cli.custody.restore.default-title')),
    facts,
  };
}

interface CeremonyInputs {
  readonly wrappedOut: string;
  /** A custody set's backup file (checked there before the journal opens); undefined for per-key shares or an HSM. */
  readonly backupFile: string | undefined;
  readonly expiries: RestoredExpiries;
  readonly presentedBy: ReadonlyMap<number, string>;
  /** The operator's reason to let one person hand over several shares (--one-person-several-shares). */
  readonly severalSharesReason: string | undefined;
  readonly witnesses: readonly string[];
  readonly hsm: HsmRestoreRequest | null;
  readonly title: string;
  readonly facts: CeremonyFacts | undefined;
}

async function ceremonySteps(
  values: RestoreValues,
  read: ReadShare[],
  io: CliIo,
  journal: Journal,
  inputs: CeremonyInputs,
): Promise<number> {
  const rel = (p: string) => path.resolve(io.cwd, p);
  const { wrappedOut, expiries, witnesses, title, facts } = inputs;
  let restore: RestoreCeremony | undefined;
  let unregisterStop = () => undefined as void;
  try {
    restore = await RestoreCeremony.start({
      journal,
      title,
      operator: values.operator as string,
      witnesses,
      app: cliAppIdentity(io.env),
      receiptLanguage: sessionReceiptLanguage(io, journal.entries),
    });
    for (const line of unfinishedSessionLines(io, restore.unfinishedEarlier)) io.stdout(line);
    unregisterStop = stopCeremonyOnInterrupt(io, restore, journal.path, '--wrapped-out');
    const network = await restore.checkNetwork({ allowNetwork: values['allow-network'] });
    io.stdout(networkCheckLine(io, network));
    const overview = await restore.readParametersBundle(rel(values.bundle as string), values.bundle);
    io.stdout(
      cliTranslator(io).t('cli.custody.restore.parameters', {
        ceremonyId: overview.ceremonyId,
        count: overview.keys.length,
        keys: listText(
          cliTranslator(io),
          overview.keys.map((k) => `${k.keyId} (${k.spec})`),
        ),
      }),
    );
    cliWarnings(io, overview.warnings).forEach((line) => io.stdout(line));
    const receiptDir = rel(values['receipt-dir'] ?? path.dirname(journal.path));
    const overrides = await restore.preflight({
      wrappedBundle: wrappedOut,
      receiptFolder: receiptDir,
      materialExpiry: expiries.request,
    });
    io.stdout(cliTranslator(io).t('cli.preflight-passed', { bundle: wrappedOut, receipts: receiptDir, custodians: 0 }));
    overrideLines(io, overrides).forEach((line) => io.stdout(line));
    // The witnesses confirm the fresh bundle before any share is presented or the HSM opened (rule 9).
    io.stdout(cliTranslator(io).t('witness.fingerprints.heading'));
    for (const a of restore.artefactsToConfirm())
      for (const k of a.fingerprints)
        io.stdout(cliTranslator(io).t('airgap.fingerprint-of', { grouped: k.grouped, keyId: k.keyId }));
    await confirmAsEveryWitness(restore, journal, values['witness-confirms'], io);
    if (inputs.hsm) await restoreFromToken(restore, inputs.hsm, io);
    else {
      const ceremony = restore;
      await namingShareFiles(read, io, () => restoreFromShares(ceremony, read, io, inputs));
    }
    await restore.wrapAll();
    const bundle = await restore.writeWrappedBundle(
      wrappedOut,
      expiries.request === 'plan' ? {} : { expiry: expiries.request },
    );
    const { t } = cliTranslator(io);
    io.stdout(t('airgap.bundle-staged', { dir: bundle.dir }));
    io.stdout(t('airgap.bundle-digest', { digest: groupHex(bundle.manifestSha256) }));
    io.stdout(`  ${custodyLine(t, bundle.custody)}`);
    const receipt = await restore.writeReceipt(receiptDir, {
      beforeManifest: () => pauseForTest(io, 'receipt-before-manifest'),
    });
    io.stdout(receiptWrittenLine(io, receipt));
    io.stdout(t('airgap.bundle-completed', { dir: bundle.dir }));
    requestedExpiryLines(io, expiries).forEach((line) => io.stdout(line));
    io.stdout(t('cli.custody.restore.no-plaintext', { hint: onlineImportHint(io, facts?.onlineJournal, bundle) }));
    io.stdout(mediaFolderLine(io, bundle.dir, 'online'));
    await pauseForTest(io, 'after-receipt');
    return 0;
  } catch (error) {
    const stopped = await restore?.abandon(problemCause(error)).catch(() => undefined);
    // After a stop the stop line says it (session-stop-lines.ts); printed here only for a failure.
    if (!io.interrupts?.stopping) {
      const translator = cliTranslator(io);
      for (const line of [
        ...withdrawalLines(stopped, translator),
        ...resumeLines(stopped, translator, '--wrapped-out'),
      ])
        io.stderr(line);
    }
    throw error;
  } finally {
    // The ceremony's stop handler stays until the journal is closed: a stop meanwhile is told the
    // ceremony's own state (finished: nothing to undo), never journaled as an interruption.
    await journal.close();
    unregisterStop();
  }
}

/** The warning for each override of a key's planned expiry (journaled by the preflight). */
function overrideLines(io: CliIo, overrides: readonly PlanExpiryOverride[]): string[] {
  return overrides.map((o) =>
    cliTranslator(io).t('cli.custody.restore.expiry-overridden', {
      requested: cliExpiry(io, o.requested),
      planned: cliExpiry(io, o.planned),
      count: o.keyIds.length,
      keyIds: listText(cliTranslator(io), o.keyIds),
    }),
  );
}

/** What the restored bundle requests: one line when every AES key requests the same, else one line per AES key. */
function requestedExpiryLines(io: CliIo, expiries: RestoredExpiries): string[] {
  const { t } = cliTranslator(io);
  const aes = expiries.keys.filter((k) => !isAsymmetric(k.keySpec));
  const texts = new Set(aes.map((k) => expiryText(k.requested)));
  if (texts.size <= 1)
    return [t('cli.custody.restore.expiry', { expiry: cliExpiry(io, [...texts][0] ?? expiryText(expiries.common)) })];
  return aes.map((k) =>
    t('cli.custody.restore.expiry-of-key', { keyId: k.keyId, expiry: cliExpiry(io, expiryText(k.requested)) }),
  );
}

/** Presents the shares (and a set's backup), rebuilds and proves the material. */
async function restoreFromShares(
  restore: RestoreCeremony,
  read: ReadShare[],
  io: CliIo,
  {
    presentedBy,
    severalSharesReason,
    backupFile,
  }: Pick<CeremonyInputs, 'presentedBy' | 'severalSharesReason' | 'backupFile'>,
): Promise<void> {
  const { t } = cliTranslator(io);
  while (read.length > 0) {
    const { share, source, file } = read.shift() as ReadShare;
    const presented = await restore.presentShare(share, presentedBy.get(share.index) ?? share.custodian, source, {
      reason: severalSharesReason,
      where: 'cli',
    });
    io.stdout(
      t('cli.custody.restore.share-presented', {
        index: presented.shareIndex,
        total: presented.total,
        custodian: presented.custodian,
        presentedBy: presented.presentedBy,
        source: source === 'file' ? 'file' : 'typed',
        file: path.basename(file),
      }),
    );
    handoverWarnings(io, presented, severalSharesReason).forEach((line) => io.stdout(line));
  }
  if (backupFile) {
    const backup = await readBackupFile(backupFile);
    await restore.presentBackup(backup, path.basename(backupFile));
    printBackup(io, backup, backupFile);
  }
  const restored = await restore.restore();
  if (restored.keys) printSetRestored(io, restored.splitCeremonyId, restored.shareIndexes, restored);
  else
    io.stdout(
      t('cli.custody.restore.rebuilt', {
        spec: restored.spec,
        keyId: restored.keyId,
        shares: listText({ t }, restored.shareIndexes),
        total: restored.total,
        threshold: restored.threshold,
      }),
    );
  io.stdout(cliTranslator(io).message(restored.proof));
}
