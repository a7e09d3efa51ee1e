/** The custody restore ceremony's results, step by step, as the main process answered them. */
import type {
  FingerprintView,
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
import type { SliceCreator } from './store';

export interface RestoreSlice {
  restoreNetwork: Response<'restoreCheckNetwork'> | null;
  restoreParameters: RestoreParametersView | null;
  presentedShares: PresentedShareView[];
  restored: RestoredKeyView | null;
  restoreFingerprints: FingerprintView[];
  restoreWrapped: WrappedKeyView[];
  restoreBundle: WrittenWrappedView | null;
  restoreCheckNetwork(): Promise<void>;
  restoreReadBundle(folder: string): Promise<void>;
  presentShare(request: Request<'presentShare'>): Promise<boolean>;
  rebuildMaterial(): Promise<void>;
  restoreConfirmFingerprint(request: Request<'restoreConfirmFingerprint'>): Promise<boolean>;
  restoreWrap(): Promise<void>;
  restoreWriteBundle(request: Request<'restoreWriteBundle'>): Promise<void>;
  writeRestoreReceipt(): Promise<void>;
  abandonRestore(): Promise<void>;
}

const EMPTY = {
  restoreNetwork: null,
  restoreParameters: null,
  presentedShares: [],
  restored: null,
  restoreFingerprints: [],
  restoreWrapped: [],
  restoreBundle: null,
} as const;

export const createRestoreSlice: SliceCreator<RestoreSlice> = (set, get) => {
  const step = stepRunner(get);
  return {
    ...EMPTY,
    presentedShares: [],
    restoreFingerprints: [],
    restoreWrapped: [],
    restoreCheckNetwork: async () => {
      // A finished or abandoned restore ceremony is followed by a new one: start from a clean slate.
      const state = get().ceremony?.restore?.state;
      if (state === undefined || state === 'finished')
        set({ ...EMPTY, presentedShares: [], restoreFingerprints: [], restoreWrapped: [] });
      await step(
        'restore-network',
        'Checking the network',
        () => api().restoreCheckNetwork(),
        (restoreNetwork) => set({ restoreNetwork }),
      );
      await get().loadNetwork();
    },
    restoreReadBundle: async (folder) => {
      await step(
        'restore-parameters',
        'Reading the fresh import-parameters bundle',
        () => api().restoreReadBundle({ folder }),
        (restoreParameters) => set({ restoreParameters }),
      );
    },
    presentShare: (request) =>
      step(
        'restore-shares',
        `Checking the share presented by ${request.presentedBy}`,
        () => api().presentShare(request),
        (share) => set({ presentedShares: [...get().presentedShares, share] }),
      ),
    rebuildMaterial: async () => {
      await step(
        'restore-rebuild',
        'Rebuilding the material from the shares',
        () => api().rebuildMaterial(),
        (restored) => set({ restored, restoreFingerprints: restored.fingerprints }),
      );
    },
    restoreConfirmFingerprint: (request) =>
      step(
        'restore-fingerprint',
        `Recording ${request.witness}'s confirmation`,
        () => api().restoreConfirmFingerprint(request),
        ({ confirmed }) =>
          set({
            restoreFingerprints: get().restoreFingerprints.map((f) =>
              f.fingerprint === confirmed.fingerprint ? confirmed : f,
            ),
          }),
      ),
    restoreWrap: async () => {
      await step(
        'restore-wrap',
        'Wrapping the rebuilt material',
        () => api().restoreWrap(),
        ({ keys }) => set({ restoreWrapped: keys }),
      );
    },
    restoreWriteBundle: async (request) => {
      await step(
        'restore-wrap',
        'Writing the wrapped-material bundle',
        () => api().restoreWriteBundle(request),
        (restoreBundle) => set({ restoreBundle }),
      );
    },
    writeRestoreReceipt: async () => {
      await step(
        'restore-receipt',
        'Writing the restore receipt',
        () => api().writeRestoreReceipt(),
        (receipt) => get().storeReceipt(receipt),
      );
    },
    abandonRestore: async () => {
      await step(
        'restore-network',
        'Abandoning the restore ceremony',
        () => api().abandonRestore(),
        () => set({ ...EMPTY, presentedShares: [], restoreFingerprints: [], restoreWrapped: [] }),
      );
    },
  };
};
