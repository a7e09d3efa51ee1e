/** The online workstation's results, one per step, as the main process answered them. */
import type {
  CheckedBundleView,
  Connection,
  CredentialsStatus,
  IssuedView,
  KeyStateFilter,
  KmsKeyView,
  PlanFileView,
  Request,
  Response,
  SimulatorClockView,
  WrittenBundleView,
} from '../../src-main/ipc/contract';
import { api } from '../api';
import { stepRunner } from './step';
import type { SliceCreator } from './store';
import { uiAction } from './ui-action';

export interface OnlineSlice {
  connection: Connection | null;
  /** Remembered credentials on this computer (never the secret) and whether the vault works. */
  credentialsStatus: CredentialsStatus | null;
  keyList: { filter: KeyStateFilter; keys: KmsKeyView[]; checkedAt: string } | null;
  createdKeys: Response<'createKeys'>['keys'];
  issued: IssuedView[];
  parametersBundle: WrittenBundleView | null;
  /** The wrapped bundle as checked, and where the digest it was checked against came from. */
  checkedBundle: (CheckedBundleView & { readonly digestSource: Request<'checkWrappedBundle'>['digestSource'] }) | null;
  /** How many times parameters were fetched in this session: forms tied to the old ones start afresh. */
  parameterFetches: number;
  imported: Response<'importMaterial'>['keys'];
  proofs: Response<'verifyKeys'> | null;
  keyStates: Response<'keyStatus'>['keys'];
  /** Rehearsal: the built-in simulator's clock, and the last move made from this screen. */
  simulatorClock: SimulatorClockView | null;
  lastClockMove: { hours: number; now: string } | null;
  /** What the officer typed to narrow every key list of the online screen (alias, key ID, spec or state). */
  keyFilter: string;
  setKeyFilter(filter: string): void;
  startRehearsal(): Promise<void>;
  readSimulatorClock(): Promise<void>;
  moveSimulatorClock(hours: number): Promise<void>;
  connect(request: Request<'connectKms'>): Promise<boolean>;
  readCredentialsStatus(): Promise<void>;
  forgetCredentials(): Promise<void>;
  listKeys(filter: KeyStateFilter): Promise<void>;
  /** Reads a plan file in main (checked with the CLI's schema); its keys, or null when refused (the problem is shown). */
  readPlanFile(file: string): Promise<PlanFileView | null>;
  createKeys(request: Request<'createKeys'>): Promise<void>;
  /** `request.wrappingAlgorithm`: ask for this one from now on (the ceremony journals the change). */
  fetchParameters(request?: Request<'fetchParameters'>): Promise<void>;
  writeParameters(folder: string): Promise<void>;
  checkWrapped(request: Request<'checkWrappedBundle'>): Promise<void>;
  importMaterial(request: Request<'importMaterial'>): Promise<void>;
  verifyKeys(): Promise<void>;
  readKeyStates(): Promise<void>;
  deleteMaterial(keyId: string): Promise<void>;
  writeOnlineReceipt(): Promise<void>;
}

export const createOnlineSlice: SliceCreator<OnlineSlice> = (set, get) => {
  const step = stepRunner(get);
  return {
    connection: null,
    credentialsStatus: null,
    keyList: null,
    createdKeys: [],
    issued: [],
    parametersBundle: null,
    checkedBundle: null,
    parameterFetches: 0,
    imported: [],
    proofs: null,
    keyStates: [],
    simulatorClock: null,
    lastClockMove: null,
    keyFilter: '',
    setKeyFilter: (keyFilter) => set({ keyFilter }),
    startRehearsal: async () => {
      await step(
        'online-connect',
        uiAction('action.starting-simulator'),
        () => api().startRehearsal(),
        (connection) => set({ connection }),
      );
      await get().readSimulatorClock();
    },
    readSimulatorClock: async () => {
      // A quiet read for the clock line: no busy state, no notice (refused outside a rehearsal).
      const result = await api()
        .simulatorClock()
        .catch(() => null);
      set({ simulatorClock: result?.ok ? result.value : null });
    },
    moveSimulatorClock: async (hours) => {
      await step(
        'online-clock',
        uiAction('action.moving-simulator-clock'),
        () => api().moveSimulatorClock({ hours }),
        (simulatorClock) => set({ simulatorClock, lastClockMove: { hours, now: simulatorClock.now } }),
      );
    },
    connect: async (request) => {
      const ok = await step(
        'online-connect',
        uiAction('action.testing-connection'),
        () => api().connectKms(request),
        (connection) => set({ connection }),
      );
      if (request.remember) await get().readCredentialsStatus();
      return ok;
    },
    readCredentialsStatus: async () => {
      // A quiet read for the connection form: no busy state, no notice.
      const result = await api()
        .credentialsStatus()
        .catch(() => null);
      set({ credentialsStatus: result?.ok ? result.value : null });
    },
    forgetCredentials: async () => {
      await step(
        'online-connect',
        uiAction('action.forgetting-credentials'),
        () => api().forgetCredentials(),
        (credentialsStatus) => set({ credentialsStatus }),
      );
    },
    listKeys: async (filter) => {
      await step(
        'online-keys',
        uiAction('action.listing-keys'),
        () => api().listKeys({ filter }),
        (keyList) => set({ keyList }),
      );
    },
    readPlanFile: async (file) =>
      (await get().run('online-create', uiAction('action.reading-plan-file'), () => api().readPlanFile({ file }))) ??
      null,
    createKeys: async (request) => {
      await step(
        'online-create',
        uiAction('action.creating-external-keys'),
        () => api().createKeys(request),
        ({ keys }) => set({ createdKeys: keys }),
      );
    },
    fetchParameters: async (request) => {
      await step(
        'online-parameters',
        uiAction('action.fetching-import-parameters'),
        () => api().fetchParameters(request),
        // New parameters replace the old: a bundle written or checked for the old ones is no longer this ceremony's.
        ({ keys }) =>
          set({
            issued: keys,
            parametersBundle: null,
            checkedBundle: null,
            parameterFetches: get().parameterFetches + 1,
          }),
      );
    },
    writeParameters: async (folder) => {
      await step(
        'online-parameters',
        uiAction('action.writing-parameters-bundle'),
        () => api().writeParametersBundle({ folder }),
        (parametersBundle) => set({ parametersBundle }),
      );
    },
    checkWrapped: async (request) => {
      set({ checkedBundle: null });
      await step(
        'online-check',
        uiAction('action.checking-wrapped-bundle'),
        () => api().checkWrappedBundle(request),
        (checked) => set({ checkedBundle: { ...checked, digestSource: request.digestSource } }),
      );
    },
    importMaterial: async (request) => {
      await step(
        'online-import',
        uiAction('action.importing-material'),
        () => api().importMaterial(request),
        ({ keys }) => set({ imported: keys }),
      );
    },
    verifyKeys: async () => {
      await step(
        'online-verify',
        uiAction('action.verifying-imported-keys'),
        () => api().verifyKeys(),
        (proofs) => set({ proofs }),
      );
    },
    readKeyStates: async () => {
      await step(
        'online-verify',
        uiAction('action.reading-key-states'),
        () => api().keyStatus(),
        ({ keys }) => set({ keyStates: keys }),
      );
    },
    deleteMaterial: async (keyId) => {
      await step(
        'online-verify',
        uiAction('action.deleting-material', { keyId }),
        () => api().deleteMaterial({ keyId, acknowledgeLoss: true }),
        () => set({ proofs: null }),
      );
    },
    writeOnlineReceipt: async () => {
      await step(
        'online-receipt',
        uiAction('action.writing-online-receipt'),
        () => api().writeOnlineReceipt(),
        (receipt) => get().storeReceipt(receipt),
      );
    },
  };
};
