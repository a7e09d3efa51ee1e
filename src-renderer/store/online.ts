/** The online workstation's results, one per step, as the main process answered them. */
import type {
  CheckedBundleView,
  Connection,
  CredentialsStatus,
  DeletionWarningView,
  IssuedView,
  KeyStateFilter,
  KmsKeyView,
  PlanFileView,
  Request,
  Response,
  SimulatorClockView,
  WrittenParametersView,
} from '../../src-main/ipc/contract';
import { api } from '../api';
import { withoutReadStates, withReadStates, type KmsStateReadings } from './kms-states';
import { stepMaker } from './step';
import type { SliceCreator } from './store';
import { uiAction } from './ui-action';

export interface OnlineSlice {
  connection: Connection | null;
  /** Remembered credentials on this computer (never the secret) and whether the vault works. */
  credentialsStatus: CredentialsStatus | null;
  keyList: { filter: KeyStateFilter; keys: KmsKeyView[]; checkedAt: string } | null;
  createdKeys: Response<'createKeys'>['keys'];
  issued: IssuedView[];
  parametersBundle: WrittenParametersView | null;
  /** The wrapped bundle as checked, and where the digest it was checked against came from. */
  checkedBundle: (CheckedBundleView & { readonly digestSource: Request<'checkWrappedBundle'>['digestSource'] }) | null;
  /** How many times parameters were fetched in this session: forms tied to the old ones start afresh. */
  parameterFetches: number;
  imported: Response<'importMaterial'>['keys'];
  proofs: Response<'verifyKeys'> | null;
  /** The keys' states as the KMS answered, the keys holding material proven, and what is next (as online status says it). */
  keyStatus: Response<'keyStatus'> | null;
  /** Each key's KMS state as last read (key list, key states, verify) and when; none for a key imported since. */
  kmsStates: KmsStateReadings;
  /** What deleting one key's material would lose, as main read it from the journal (asked before the deletion is offered). */
  deletionWarning: DeletionWarningView | null;
  /** Rehearsal: the built-in simulator's clock, and the last move made from this screen. */
  simulatorClock: SimulatorClockView | null;
  lastClockMove: { hours: number; now: string } | null;
  /** What the officer typed to narrow every key list of the online screen (alias, key ID, spec or state). */
  keyFilter: string;
  setKeyFilter(filter: string): void;
  startRehearsal(): Promise<boolean>;
  readSimulatorClock(): Promise<void>;
  moveSimulatorClock(request: Request<'moveSimulatorClock'>): Promise<boolean>;
  connect(request: Request<'connectKms'>): Promise<boolean>;
  readCredentialsStatus(): Promise<void>;
  forgetCredentials(): Promise<boolean>;
  listKeys(request: Request<'listKeys'>): Promise<boolean>;
  /** Reads a plan file in main (checked with the CLI's schema); its keys, or null when refused (the problem is shown). */
  readPlanFile(file: string): Promise<PlanFileView | null>;
  createKeys(request: Request<'createKeys'>): Promise<boolean>;
  /** `request.wrappingAlgorithm`: ask for this one from now on (the ceremony journals the change). */
  fetchParameters(request?: Request<'fetchParameters'>): Promise<boolean>;
  writeParameters(request: Request<'writeParametersBundle'>): Promise<boolean>;
  checkWrapped(request: Request<'checkWrappedBundle'>): Promise<boolean>;
  /** The import expiry as typed, resolved by main at the session's clock; null when refused (the problem is shown). */
  resolveImportExpiry(text: string): Promise<Response<'resolveImportExpiry'> | null>;
  importMaterial(request: Request<'importMaterial'>): Promise<boolean>;
  verifyKeys(): Promise<boolean>;
  readKeyStates(): Promise<boolean>;
  readDeletionWarning(keyId: string): Promise<boolean>;
  /** `confirmedKeyId`: the key ID as the person typed it to confirm (when the warning asks for it). */
  deleteMaterial(keyId: string, confirmedKeyId?: string): Promise<boolean>;
  writeOnlineReceipt(): Promise<boolean>;
}

export const createOnlineSlice: SliceCreator<OnlineSlice> = (set, get) => {
  const { step, into, keysInto, afresh, followedBy, quiet } = stepMaker(set, get);
  const deleteMaterial = step(
    'deleteMaterial',
    'online-verify',
    ({ keyId }) => uiAction('action.deleting-material', { keyId }),
    // The key's material is gone: what was read or proven of it before no longer holds.
    (_, { keyId }) =>
      set({
        proofs: null,
        deletionWarning: null,
        keyStatus: null,
        kmsStates: withoutReadStates(get().kmsStates, [keyId]),
      }),
  );
  const readDeletionWarning = afresh(
    'deletionWarning',
    step(
      'deletionWarning',
      'online-verify',
      ({ keyId }) => uiAction('action.reading-deletion-warning', { keyId }),
      into('deletionWarning'),
    ),
  );
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
    keyStatus: null,
    kmsStates: {},
    deletionWarning: null,
    simulatorClock: null,
    lastClockMove: null,
    keyFilter: '',
    setKeyFilter: (keyFilter) => set({ keyFilter }),
    startRehearsal: followedBy(
      step('startRehearsal', 'online-connect', 'action.starting-simulator', into('connection')),
      () => get().readSimulatorClock(),
    ),
    // Refused outside a rehearsal: no clock line then.
    readSimulatorClock: quiet('simulatorClock', () => api().simulatorClock()),
    moveSimulatorClock: step(
      'moveSimulatorClock',
      'online-clock',
      'action.moving-simulator-clock',
      (simulatorClock, { hours }) => set({ simulatorClock, lastClockMove: { hours, now: simulatorClock.now } }),
    ),
    connect: followedBy(
      step('connectKms', 'online-connect', 'action.testing-connection', into('connection')),
      async ({ remember }) => {
        if (remember) await get().readCredentialsStatus();
      },
    ),
    readCredentialsStatus: quiet('credentialsStatus', () => api().credentialsStatus()),
    forgetCredentials: step(
      'forgetCredentials',
      'online-connect',
      'action.forgetting-credentials',
      into('credentialsStatus'),
    ),
    listKeys: step('listKeys', 'online-keys', 'action.listing-keys', (keyList) =>
      set({ keyList, kmsStates: withReadStates(get().kmsStates, keyList.keys, keyList.checkedAt) }),
    ),
    readPlanFile: async (file) =>
      (await get().run('online-create', uiAction('action.reading-plan-file'), () => api().readPlanFile({ file }))) ??
      null,
    createKeys: step('createKeys', 'online-create', 'action.creating-external-keys', keysInto('createdKeys')),
    // New parameters replace the old: a bundle written or checked for the old ones is no longer this ceremony's.
    fetchParameters: step('fetchParameters', 'online-parameters', 'action.fetching-import-parameters', ({ keys }) =>
      set({ issued: keys, parametersBundle: null, checkedBundle: null, parameterFetches: get().parameterFetches + 1 }),
    ),
    writeParameters: step(
      'writeParametersBundle',
      'online-parameters',
      'action.writing-parameters-bundle',
      into('parametersBundle'),
    ),
    checkWrapped: afresh(
      'checkedBundle',
      step('checkWrappedBundle', 'online-check', 'action.checking-wrapped-bundle', (checked, request) =>
        set({ checkedBundle: { ...checked, digestSource: request.digestSource } }),
      ),
    ),
    resolveImportExpiry: async (text) =>
      (await get().run('online-import', uiAction('action.resolving-import-expiry'), () =>
        api().resolveImportExpiry({ text }),
      )) ?? null,
    // Whether it succeeded or stopped part way, the import changed what the KMS holds: the states and
    // facts read before it no longer stand for the bundle's keys (read again, or verify).
    importMaterial: followedBy(
      step('importMaterial', 'online-import', 'action.importing-material', keysInto('imported')),
      async () => {
        const sent = get().checkedBundle?.keys.map((k) => k.keyId) ?? [];
        set({ keyStatus: null, kmsStates: withoutReadStates(get().kmsStates, sent) });
      },
    ),
    // The proofs read each key's state afresh: the key states' facts read before them are replaced by those.
    verifyKeys: step('verifyKeys', 'online-verify', 'action.verifying-imported-keys', (proofs) =>
      set({
        proofs,
        keyStatus: null,
        kmsStates: withReadStates(
          get().kmsStates,
          proofs.keys.map((p) => ({ keyId: p.keyId, state: p.keyState })),
          proofs.checkedAt,
        ),
      }),
    ),
    readKeyStates: step('keyStatus', 'online-verify', 'action.reading-key-states', (keyStatus) =>
      set({
        keyStatus,
        kmsStates: withReadStates(
          get().kmsStates,
          keyStatus.keys.map((k) => ({ keyId: k.keyId, state: k.keyState, materialExpiresAt: k.materialExpiresAt })),
          keyStatus.checkedAt,
        ),
      }),
    ),
    readDeletionWarning: (keyId) => readDeletionWarning({ keyId }),
    deleteMaterial: (keyId, confirmedKeyId) =>
      deleteMaterial({ keyId, acknowledgeLoss: true, ...(confirmedKeyId !== undefined ? { confirmedKeyId } : {}) }),
    writeOnlineReceipt: step('writeOnlineReceipt', 'online-receipt', 'action.writing-online-receipt', (receipt) =>
      get().storeReceipt(receipt),
    ),
  };
};
