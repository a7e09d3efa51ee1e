/**
 * The custody restore ceremony on the air-gapped workstation (src-main/core/ceremony/
 * restore/workflow.ts): when imported AES material lapsed, custodians present M shares (file or
 * typed slip lines) once every witness confirmed the fresh bundle's digest, the material is
 * rebuilt and proven in memory, and it is wrapped into a new bundle. One
 * workflow call per channel; its own journal in the ceremony folder.
 */
import { refuseOtherThanRehearsalsBundle } from './rehearsal-bundle';
import fs from 'node:fs';
import { RestoreCeremony } from '../../core/ceremony/restore/workflow';
import type { RestoreParametersOverview } from '../../core/ceremony/restore/restore-state';
import path from 'node:path';
import { backupBeside, backupFileName, readBackupFile } from '../../core/custody/backup-text';
import { readAnyShareFile } from '../../core/custody/share-file';
import { isSetShare } from '../../core/custody/set-share';
import { parseBackupOrQrText } from '../../core/custody/backup-print';
import type { RestoreExpiryChoice } from '../contract';
import type { RestoreParametersView } from '../schemas/restore';
import { parseTypedAnyShare } from '../../core/custody/typed-share';
import { KeyferryError } from '../../core/errors';
import { openJournal, startedOnJournal } from '../../core/journal';
import { phraseOf } from '../../i18n/phrase';
import type { HandlersFor } from './channel-handler';
import { airGapStartOptions, artefactView } from './airgap-views';
import { checkNetworkOn, writeCeremonyReceipt, writePlannedBundle } from './air-gapped-steps';
import { existingFolder, inputFilePath } from './paths';
import { bundleFolderFor, preflightView } from './preflight';
import type { CeremonySession, RestoreSide } from './session';
import { closedWhenStopped, confirmOrStop, refuseWhenStopped } from './witnesses-stop';

type RestoreChannel =
  | 'restoreCheckNetwork'
  | 'restoreReadBundle'
  | 'restorePreflight'
  | 'presentShare'
  | 'presentBackup'
  | 'rebuildMaterial'
  | 'restoreConfirmAsWitness'
  | 'restoreWrap'
  | 'restoreWriteBundle'
  | 'writeRestoreReceipt'
  | 'abandonRestore';

/** Starts a restore ceremony, or returns the running one (a finished one is replaced by a new one). */
async function startRestore(session: CeremonySession): Promise<RestoreSide> {
  // A restore its witnesses stopped is put aside, its journal closed: the new ceremony opens it again.
  if (await closedWhenStopped(session.restore)) session.restore = undefined;
  const running = session.restore;
  if (running && !running.abandoned && running.ceremony.state !== 'finished') return running;
  session.requireSetup();
  const earlier = session.restore?.journal;
  const journal = earlier ?? (await openRestoreJournal(session.journalPath('custody-restore')));
  const start = () => RestoreCeremony.start(airGapStartOptions(session, journal, 'custody-restore'));
  // A journal this call opened is closed again if the start fails; one a running restore holds stays with it.
  const ceremony = earlier ? await start() : await startedOnJournal(journal, start);
  session.restore = { ceremony, journal };
  // The receipt of the restore this one follows is not this one's: its receipt step shows and prints none until it writes its own.
  session.receipts.delete('custody-restore');
  return session.restore;
}

function openRestoreJournal(file: string) {
  return openJournal(file, { create: !fs.existsSync(file) });
}

/**
 * The fresh parameters the restore ceremony read, with who has confirmed them, without the bundle
 * digest (the witnesses type it as heard from the online workstation): the read step's answer.
 */
function parametersReadView(
  ceremony: Pick<RestoreCeremony, 'artefactsToConfirm'>,
  overview: RestoreParametersOverview,
): RestoreParametersView {
  return {
    ceremonyId: overview.ceremonyId,
    keys: overview.keys.map((k) => ({ ...k })),
    warnings: [...overview.warnings],
    materialExpiry: overview.materialExpiry,
    confirmations: ceremony.artefactsToConfirm().map(artefactView),
  };
}

/** The same for the ceremony view (null before the read): a reloaded window lets a witness still to type confirm. */
export function restoreParametersView(
  ceremony: Pick<RestoreCeremony, 'parametersOverview' | 'artefactsToConfirm'>,
): RestoreParametersView | null {
  const overview = ceremony.parametersOverview;
  return overview ? parametersReadView(ceremony, overview) : null;
}

export function custodyRestoreHandlers(session: CeremonySession): HandlersFor<RestoreChannel> {
  const side = () => {
    session.requireMode('air-gapped', 'rehearsal');
    const restore = session.requireRestore();
    if (restore.abandoned) {
      throw new KeyferryError('RESTORE_ABANDONED');
    }
    // Stopped (its witnesses could not confirm): refused before a share file or folder is read.
    refuseWhenStopped(restore);
    return restore;
  };
  const workflow = () => side().ceremony;
  return {
    restoreCheckNetwork: () => checkNetworkOn(session, startRestore),

    restoreReadBundle: async ({ folder }) => {
      const ceremony = workflow();
      const dir = await existingFolder(folder, 'parametersBundle');
      await refuseOtherThanRehearsalsBundle(session, dir, folder.trim());
      return parametersReadView(ceremony, await ceremony.readParametersBundle(dir, folder.trim()));
    },

    /** Before the shares are rebuilt into material: the new bundle folder and the receipt folder pass the core's preflight. */
    restorePreflight: async ({ folder, expiry }) => {
      const ceremony = workflow();
      const side = session.requireRestore();
      // When the material had an expiry, the officer chose one: never a silent change of policy (as the CLI's
      // --expires). "Original" is each key's own; another choice overriding a key's plan is journaled by the preflight.
      const expiries = ceremony.requestedExpiries(expiry && expiryText(expiry), 'app');
      const planned = {
        wrappedBundle: await bundleFolderFor(folder, `wrapped-material-${ceremony.ceremonyId}-restored`),
        receiptFolder: session.requireSetup().folder,
        materialExpiry: expiries.request,
      };
      // Refused (a folder, or a step already past the preflight): the plan that passed stays, as the core's does.
      const expiryOverrides = await ceremony.preflight(planned);
      side.plan = { ...planned, noBackupKeyIds: [], expiryOverrides };
      return preflightView(side.plan);
    },

    presentShare: async ({ presentedBy, severalSharesReason, file, typed }) => {
      const ceremony = workflow();
      const shareFile = file ? inputFilePath(file, 'shareFile') : undefined;
      const share = shareFile ? await readAnyShareFile(shareFile) : parseTypedAnyShare(typed ?? '');
      // One person, one share unless the operator gave a reason; other presenters are journaled (presenters.ts).
      const override = { reason: severalSharesReason, where: 'app' as const };
      const presented = await ceremony.presentShare(share, presentedBy, file ? 'file' : 'typed', override);
      // A set share's file lies beside the ceremony's backup file: present the first copy found.
      if (shareFile && isSetShare(share) && !ceremony.hasBackup) {
        const backupFile = await backupBeside(shareFile, share);
        await ceremony.presentBackup(await readBackupFile(backupFile), path.basename(backupFile));
      }
      return { ...presented, severalShares: [...presented.severalShares] };
    },

    /** The custody backup from its file, or typed/pasted from its printout (checked line by line, a mistyped line named). */
    presentBackup: async (request) => {
      const ceremony = workflow();
      if (request.kind === 'file') {
        const file = inputFilePath(request.file, 'backupFile');
        return ceremony.presentBackup(await readBackupFile(file), path.basename(file), 'file');
      }
      // Typed from the printout of the ceremony's backup file: named as that file in every message.
      const label = backupFileName(ceremony.ceremonyId);
      return ceremony.presentBackup((await parseBackupOrQrText(request.typed, label)).backup, label, 'typed');
    },

    rebuildMaterial: () =>
      session.track('custody-restore', async () => {
        const restored = await workflow().restore();
        const { keyId, spec, keyCheckValue, publicKeyFingerprint } = restored;
        // Per-key shares rebuild one key; a custody set every key of the bundle (replicas named as such).
        const keys = restored.keys ?? [{ keyId, spec, keyCheckValue, publicKeyFingerprint }];
        return { ...restored, shareIndexes: [...restored.shareIndexes], keys: keys.map((k) => ({ ...k })) };
      }),

    // The confirmation that ends the witnesses' tries stops the restore, as `custody restore` stops (witnesses-stop.ts).
    restoreConfirmAsWitness: (request) => confirmOrStop(side(), request),

    restoreWrap: () => session.track('custody-restore', async () => ({ keys: await workflow().wrapAll() })),

    restoreWriteBundle: () =>
      session.track(
        'custody-restore',
        async () => (await writePlannedBundle(workflow(), session.requireRestore().plan)).view,
      ),

    writeRestoreReceipt: () =>
      session.track('custody-restore', () => writeCeremonyReceipt(session, 'custody-restore', workflow())),

    abandonRestore: async () => {
      const { ceremony } = session.requireRestore();
      await ceremony.abandon({
        reason: 'abandoned by the operator',
        phrase: phraseOf('journal.reason.operator-abandoned'),
      });
      // The journal stays open: the next network check starts a new restore ceremony in it.
      session.restore = { ...session.requireRestore(), abandoned: true };
      return { abandoned: true as const };
    },
  };
}

/** The screen's choice as the CLI's --expires text: "original", "never", a date-time or a duration. */
function expiryText(choice: RestoreExpiryChoice): string {
  switch (choice.kind) {
    case 'at':
      return choice.at;
    case 'in':
      return choice.duration;
    default:
      return choice.kind;
  }
}
