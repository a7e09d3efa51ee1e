/** The custody restore ceremony's results, step by step, as the main process answered them. */
import type {
  ArtefactToConfirmView,
  HsmRestoredView,
  PresentedBackupView,
  PresentedShareView,
  Request,
  Response,
  RestoredKeyView,
  RestoreParametersView,
  WrappedKeyView,
  WrittenWrappedView,
} from '../../src-main/ipc/contract';
import { stepMaker } from './step';
import { witnessStep } from './witness-step';
import { stepQuestions } from './step-questions';
import type { SliceCreator } from './store';
import { uiAction } from './ui-action';

export interface RestoreSlice {
  restoreNetwork: Response<'restoreCheckNetwork'> | null;
  restoreParameters: RestoreParametersView | null;
  presentedShares: PresentedShareView[];
  /** The custody backup presented (from its file or typed/pasted), or null. */
  presentedBackup: PresentedBackupView | null;
  restored: RestoredKeyView | null;
  /** HSM material restored from its token objects (instead of shares): objects found and proven. */
  hsmRestored: HsmRestoredView | null;
  restoreConfirmations: ArtefactToConfirmView[];
  restoreWrapped: WrappedKeyView[];
  restoreBundle: WrittenWrappedView | null;
  restoreCheckNetwork(): Promise<boolean>;
  restoreReadBundle(request: Request<'restoreReadBundle'>): Promise<boolean>;
  presentShare(request: Request<'presentShare'>): Promise<boolean>;
  presentBackup(request: Request<'presentBackup'>): Promise<boolean>;
  rebuildMaterial(): Promise<boolean>;
  /** Sends the PIN in this one request; the answer (and the store) never holds it. */
  restoreFromHsm(request: Request<'restoreFromHsm'>): Promise<boolean>;
  restoreConfirmAsWitness(request: Request<'restoreConfirmAsWitness'>): Promise<boolean>;
  restoreWrap(): Promise<boolean>;
  restorePreflight(request: Request<'restorePreflight'>): Promise<boolean>;
  restoreWriteBundle(): Promise<boolean>;
  writeRestoreReceipt(): Promise<boolean>;
  abandonRestore(): Promise<boolean>;
}

/** What the restore screen shows before anything ran, and again once the restore was abandoned. */
export function emptyRestore() {
  return {
    restoreNetwork: null,
    restoreParameters: null,
    presentedShares: [],
    presentedBackup: null,
    restored: null,
    hsmRestored: null,
    restoreConfirmations: [],
    restoreWrapped: [],
    restoreBundle: null,
  } satisfies Partial<RestoreSlice>;
}

export const createRestoreSlice: SliceCreator<RestoreSlice> = (set, get) => {
  const { step, into, keysInto, overviewOnly, followedBy } = stepMaker(set, get);
  const checkNetwork = followedBy(
    step('restoreCheckNetwork', 'restore-network', 'action.checking-network', into('restoreNetwork')),
    () => get().loadNetwork(),
  );
  return {
    ...emptyRestore(),
    restoreCheckNetwork: () => {
      // A finished, abandoned or stopped restore ceremony is followed by a new one: start from a clean slate.
      const steps = stepQuestions(get().ceremony?.restore);
      // Nor is the receipt of the restore before it: this one's receipt step shows none until it writes its own.
      if (!steps.inSession || steps.stopped || steps.isDone('writeReceipt'))
        set({ ...emptyRestore(), receipts: { ...get().receipts, 'custody-restore': undefined } });
      return checkNetwork();
    },
    restoreReadBundle: step(
      'restoreReadBundle',
      'restore-parameters',
      'action.reading-fresh-parameters-bundle',
      // The witnesses confirm the bundle before any share is presented: what they confirm comes with it.
      (restoreParameters) => set({ restoreParameters, restoreConfirmations: restoreParameters.confirmations }),
    ),
    presentShare: step(
      'presentShare',
      'restore-shares',
      ({ presentedBy }) => uiAction('action.checking-share', { person: presentedBy }),
      (share) => set({ presentedShares: [...get().presentedShares, share] }),
    ),
    presentBackup: step('presentBackup', 'restore-shares', 'action.checking-backup', into('presentedBackup')),
    rebuildMaterial: step('rebuildMaterial', 'restore-rebuild', 'action.rebuilding-material', into('restored')),
    restoreFromHsm: step('restoreFromHsm', 'restore-shares', 'action.restoring-from-hsm', into('hsmRestored')),
    restoreConfirmAsWitness: witnessStep({ step, followedBy }, set, get, 'restoreConfirmAsWitness'),
    restoreWrap: step('restoreWrap', 'restore-wrap', 'action.wrapping-rebuilt-material', keysInto('restoreWrapped')),
    restorePreflight: step('restorePreflight', 'restore-preflight', 'action.checking-folders', overviewOnly),
    restoreWriteBundle: step(
      'restoreWriteBundle',
      'restore-wrap',
      'action.writing-wrapped-bundle',
      into('restoreBundle'),
    ),
    writeRestoreReceipt: step('writeRestoreReceipt', 'restore-receipt', 'action.writing-restore-receipt', (receipt) =>
      get().storeReceipt(receipt),
    ),
    abandonRestore: step('abandonRestore', 'restore-network', 'action.abandoning-restore', () => set(emptyRestore())),
  };
};
