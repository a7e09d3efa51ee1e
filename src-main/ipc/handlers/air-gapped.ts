/**
 * The air-gapped workstation's channels, one workflow call each (src-main/core/ceremony/
 * airgap/workflow.ts). Material exists only inside the workflow; what comes back are
 * fingerprints, key check values, digests and file names. Runs in air-gapped mode, and in
 * rehearsal mode on the same machine (where a live network is allowed and journaled as such).
 */
import { refuseOtherThanRehearsalsBundle, refuseOtherThanRehearsalsKeys } from './rehearsal-bundle';
import fs from 'node:fs';
import type { ConsoleFilesInput } from '../../core/bundle';
import { AirGapCeremony } from '../../core/ceremony/airgap/workflow';
import { earliestExpiry } from '../../core/ceremony/airgap/no-backup-acknowledgement';
import { KeyferryError } from '../../core/errors';
import { checkCustodianNames } from '../../core/custody/custodian-names';
import { openJournal, startedOnJournal } from '../../core/journal';
import { refuseClosingUnchecked, type BeforeClosing } from '../../core/ceremony/airgap/unfinished-before-opening';
import type { ValidRequest } from '../contract';
import { materialExpiry } from './material-expiry';
import type { HandlersFor } from './channel-handler';
import { airGapStartOptions, artefactView, overviewView } from './airgap-views';
import { checkNetworkOn, writeCeremonyReceipt, writePlannedBundle } from './air-gapped-steps';
import { existingFolder, inputFilePath, readSmallFile } from './paths';
import { SMALL_INPUT_FILE_BYTES } from '../../core/fs/input-file';
import { bundleFolderFor, preflightView, sameVolumeAllowed } from './preflight';
import type { AirGapSide, CeremonySession } from './session';
import { closedWhenStopped, confirmOrStop } from './witnesses-stop';

type AirGapChannel =
  | 'checkAirGap'
  | 'readParametersBundle'
  | 'readConsoleFiles'
  | 'listConfirmations'
  | 'confirmAsWitness'
  | 'generateMaterial'
  | 'loadMaterialFile'
  | 'preflightAirGap'
  | 'wrapMaterial'
  | 'writeWrappedBundle'
  | 'writeAirGapReceipt';

/**
 * Starts the air-gapped workflow on its journal in the ceremony folder (once per session; a session
 * that stopped is closed first, its journal released, and a new one starts). A journal
 * whose last session is unfinished is first checked against `beforeClosing` (the parameters bundle
 * to wrap now, or console files): opening it closes that session and withdraws its custody shares.
 */
async function startAirGap(session: CeremonySession, beforeClosing?: BeforeClosingRequest): Promise<AirGapSide> {
  if (await closedWhenStopped(session.airGap)) session.airGap = undefined;
  if (session.airGap) return session.airGap;
  session.requireSetup();
  const file = session.journalPath('air-gapped');
  const checked = await refuseClosingUnchecked(file, await beforeClosingGiven(beforeClosing), session.now());
  const journal = await openJournal(file, { create: !fs.existsSync(file) });
  const { ceremony, rehearsal } = await startedOnJournal(journal, async () => {
    const options = {
      ...airGapStartOptions(session, journal, 'air-gapped'),
      ...(checked ? { closingChecked: checked } : {}),
    };
    return { ceremony: await AirGapCeremony.start(options), rehearsal: options.rehearsal };
  });
  const offered = checked?.against === 'parameters' ? { checkedParameters: checked.folder } : {};
  session.airGap = { ceremony, journal, rehearsal, ...offered };
  return session.airGap;
}

type BeforeClosingRequest = NonNullable<ValidRequest<'checkAirGap'>>['beforeClosing'];

/** The bundle folder given before an unfinished session is closed, as an existing folder (named as the officer gave it when not). */
async function beforeClosingGiven(given: BeforeClosingRequest): Promise<BeforeClosing | undefined> {
  if (!given || !('parametersFolder' in given)) return given;
  return { parametersFolder: await existingFolder(given.parametersFolder, 'parametersBundle') };
}

export function airGapHandlers(session: CeremonySession): HandlersFor<AirGapChannel> {
  const side = () => {
    session.requireMode('air-gapped', 'rehearsal');
    return session.requireAirGap();
  };
  const workflow = () => side().ceremony;
  return {
    checkAirGap: async (request) => ({
      ...(await checkNetworkOn(session, (s) => startAirGap(s, request?.beforeClosing))),
      // The bundle the closing was checked against: the parameters step offers it.
      checkedParameters: session.requireAirGap().checkedParameters ?? null,
    }),

    readParametersBundle: async ({ folder }) => {
      const ceremony = workflow();
      // A file of the bundle that fails its check is named with the folder as the officer gave it.
      const dir = await existingFolder(folder, 'parametersBundle');
      await refuseOtherThanRehearsalsBundle(session, dir, folder.trim());
      return overviewView(await ceremony.readParametersBundle(dir, folder.trim()));
    },

    readConsoleFiles: async ({ keys }) => {
      const ceremony = workflow();
      refuseOtherThanRehearsalsKeys(
        session,
        keys.map((k) => k.keyId),
      );
      const inputs: ConsoleFilesInput[] = [];
      for (const key of keys) {
        inputs.push({
          keyId: key.keyId,
          keySpec: key.spec,
          wrappingAlgorithm: key.wrappingAlgorithm ?? 'RSAES_OAEP_SHA_256',
          wrappingKeyFile: await readSmallFile(key.wrappingKeyFile, 'wrappingKey', SMALL_INPUT_FILE_BYTES),
          importToken: (await readSmallFile(key.importTokenFile, 'importToken', SMALL_INPUT_FILE_BYTES)).toString(
            'ascii',
          ),
        });
      }
      return overviewView(await ceremony.readConsoleFiles(inputs));
    },

    listConfirmations: () => ({
      confirmations: workflow().artefactsToConfirm().map(artefactView),
    }),

    // The confirmation that ends the witnesses' tries stops the session (witnesses-stop.ts); its problem is the answer.
    confirmAsWitness: (request) => confirmOrStop(side(), request),

    /**
     * Before any material exists: the bundle's new folder inside `folder`, the receipt folder (the
     * ceremony folder) and every custodian folder pass the core's preflight; an AES expiry with no
     * custody needs the acknowledgement (journaled by the core). Repeatable until material exists.
     */
    preflightAirGap: async ({ folder, expiry, custody, acknowledgeNoBackup, materialFromHsm, wrapAgain }) => {
      const mode = session.requireMode('air-gapped', 'rehearsal');
      const side = session.requireAirGap();
      const ceremony = workflow();
      if (custody?.allowSameVolume) sameVolumeAllowed(mode);
      // A name the custody set cannot carry (one person twice, too long to write) is refused now, as the
      // command line refuses it, not by the split once the material exists (then nothing could go on).
      const custodians = custody ? checkCustodianNames(custody.custodians) : undefined;
      const planned = {
        wrappedBundle: await bundleFolderFor(folder, `wrapped-material-${ceremony.ceremonyId}`),
        receiptFolder: session.requireSetup().folder,
        ...(custody
          ? {
              custodianFolders: custody.folders,
              custodianNames: custodians,
              allowSameVolume: custody.allowSameVolume === true,
            }
          : {}),
        // No choice: each key's planned expiry; a choice overrides the plans that differ (journaled by the core).
        // A date past by the KMS's time only is refused by the preflight, naming that time (EXPIRY_IN_PAST).
        materialExpiry: expiry ? materialExpiry(expiry, session.now()) : ('plan' as const),
      };
      // HSM material is kept by the token (the core asks for no acknowledgement once the HSM is in use).
      const unbacked = materialFromHsm ? [] : ceremony.unbackedAesKeys(planned);
      if (unbacked.length > 0 && !acknowledgeNoBackup)
        throw new KeyferryError('MATERIAL_NO_BACKUP_UNACKNOWLEDGED', {
          count: unbacked.length,
          expiresAt: Date.parse(earliestExpiry(unbacked)),
        });
      // Refused (a folder, or a step already past the preflight): the plan that passed stays, as the core's does.
      const expiryOverrides = await ceremony.preflight(planned, wrapAgain === undefined ? {} : { wrapAgain });
      side.plan = undefined;
      if (unbacked.length > 0) await ceremony.acknowledgeNoBackup([...new Set(unbacked.map((k) => k.expiresAt))]);
      side.plan = {
        ...planned,
        ...(custody && custodians ? { custody: { ...custody, custodians } } : {}),
        noBackupKeyIds: unbacked.map((k) => k.keyId),
        expiryOverrides,
        ...(materialFromHsm ? { materialFromHsm } : {}),
      };
      return preflightView(side.plan);
    },

    generateMaterial: () => session.track('air-gapped', async () => ({ keys: await workflow().generateMaterial() })),

    loadMaterialFile: ({ keyId, file, passphrase }) =>
      session.track('air-gapped', async () => {
        const ceremony = workflow();
        return ceremony.loadMaterialFile(keyId, inputFilePath(file, 'materialFile'), passphrase);
      }),

    wrapMaterial: () => session.track('air-gapped', async () => ({ keys: await workflow().wrap() })),

    writeWrappedBundle: () =>
      session.track('air-gapped', async () => {
        const { written, view } = await writePlannedBundle(workflow(), session.requireAirGap().plan);
        session.lastWrappedDigest = written.manifestSha256;
        return view;
      }),

    writeAirGapReceipt: () =>
      session.track('air-gapped', () => writeCeremonyReceipt(session, 'air-gapped', workflow())),
  };
}
