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
import { api } from '../api';
import { stepRunner } from './step';
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
  restoreCheckNetwork(): Promise<void>;
  restoreReadBundle(folder: string): Promise<void>;
  presentShare(request: Request<'presentShare'>): Promise<boolean>;
  presentBackup(request: Request<'presentBackup'>): Promise<boolean>;
  rebuildMaterial(): Promise<void>;
  /** Sends the PIN in this one request; the answer (and the store) never holds it. */
  restoreFromHsm(request: Request<'restoreFromHsm'>): Promise<void>;
  restoreConfirmAsWitness(request: Request<'restoreConfirmAsWitness'>): Promise<boolean>;
  restoreWrap(): Promise<void>;
  restorePreflight(request: Request<'restorePreflight'>): Promise<void>;
  restoreWriteBundle(): Promise<void>;
  writeRestoreReceipt(): Promise<void>;
  abandonRestore(): Promise<void>;
}

type RestoreViews =
  | 'restoreNetwork'
  | 'restoreParameters'
  | 'presentedShares'
  | 'presentedBackup'
  | 'restored'
  | 'hsmRestored'
  | 'restoreConfirmations'
  | 'restoreWrapped'
  | 'restoreBundle';

/** What the restore screen shows before anything ran, and again once the restore was abandoned. */
export function emptyRestore(): Pick<RestoreSlice, RestoreViews> {
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
  };
}

export const createRestoreSlice: SliceCreator<RestoreSlice> = (set, get) => {
  const step = stepRunner(get);
  return {
    ...emptyRestore(),
    presentedShares: [],
    restoreConfirmations: [],
    restoreWrapped: [],
    restoreCheckNetwork: async () => {
      // A finished or abandoned restore ceremony is followed by a new one: start from a clean slate.
      const steps = stepQuestions(get().ceremony?.restore);
      if (!steps.inSession || steps.isDone('writeReceipt')) set(emptyRestore());
      await step(
        'restore-network',
        uiAction('action.checking-network'),
        () => api().restoreCheckNetwork(),
        (restoreNetwork) => set({ restoreNetwork }),
      );
      await get().loadNetwork();
    },
    restoreReadBundle: async (folder) => {
      await step(
        'restore-parameters',
        uiAction('action.reading-fresh-parameters-bundle'),
        () => api().restoreReadBundle({ folder }),
        (restoreParameters) => set({ restoreParameters }),
      );
    },
    presentShare: (request) =>
      step(
        'restore-shares',
        uiAction('action.checking-share', { person: request.presentedBy }),
        () => api().presentShare(request),
        (share) => set({ presentedShares: [...get().presentedShares, share] }),
      ),
    presentBackup: (request) =>
      step(
        'restore-shares',
        uiAction('action.checking-backup'),
        () => api().presentBackup(request),
        (presentedBackup) => set({ presentedBackup }),
      ),
    rebuildMaterial: async () => {
      await step(
        'restore-rebuild',
        uiAction('action.rebuilding-material'),
        () => api().rebuildMaterial(),
        (restored) => set({ restored, restoreConfirmations: restored.confirmations }),
      );
    },
    restoreFromHsm: async (request) => {
      await step(
        'restore-shares',
        uiAction('action.restoring-from-hsm'),
        () => api().restoreFromHsm(request),
        (hsmRestored) => set({ hsmRestored, restoreConfirmations: hsmRestored.confirmations }),
      );
    },
    restoreConfirmAsWitness: (request) =>
      step(
        'restore-fingerprint',
        uiAction('action.recording-confirmation', { witness: request.witness }),
        () => api().restoreConfirmAsWitness(request),
        ({ confirmed }) =>
          set({
            restoreConfirmations: get().restoreConfirmations.map((a) => (a.index === confirmed.index ? confirmed : a)),
          }),
      ),
    restoreWrap: async () => {
      await step(
        'restore-wrap',
        uiAction('action.wrapping-rebuilt-material'),
        () => api().restoreWrap(),
        ({ keys }) => set({ restoreWrapped: keys }),
      );
    },
    restorePreflight: async (request) => {
      await step(
        'restore-preflight',
        uiAction('action.checking-folders'),
        () => api().restorePreflight(request),
        () => undefined,
      );
    },
    restoreWriteBundle: async () => {
      await step(
        'restore-wrap',
        uiAction('action.writing-wrapped-bundle'),
        () => api().restoreWriteBundle(),
        (restoreBundle) => set({ restoreBundle }),
      );
    },
    writeRestoreReceipt: async () => {
      await step(
        'restore-receipt',
        uiAction('action.writing-restore-receipt'),
        () => api().writeRestoreReceipt(),
        (receipt) => get().storeReceipt(receipt),
      );
    },
    abandonRestore: async () => {
      await step(
        'restore-network',
        uiAction('action.abandoning-restore'),
        () => api().abandonRestore(),
        () => set(emptyRestore()),
      );
    },
  };
};
