/** The air-gapped workstation's results: network check, parameters, confirmations, material, wrap. */
import type {
  ArtefactToConfirmView,
  HsmCapabilityView,
  HsmTokenList,
  MaterialView,
  ParametersOverview,
  Request,
  Response,
  WrappedKeyView,
  WrittenWrappedView,
} from '../../src-main/ipc/contract';
import { api } from '../api';
import { stepRunner } from './step';
import type { SliceCreator } from './store';
import { uiAction } from './ui-action';

export interface AirGapSlice {
  airNetwork: Response<'checkAirGap'> | null;
  overview: ParametersOverview | null;
  /** What the witnesses confirm (the bundle, or each console wrapping key), with who has typed it. */
  confirmations: ArtefactToConfirmView[];
  materials: MaterialView[];
  custody: Response<'splitCustody'>['keys'];
  wrappedKeys: WrappedKeyView[];
  wrappedBundle: WrittenWrappedView | null;
  /** The tokens of the PKCS#11 module last listed (no PIN involved). */
  hsmTokens: HsmTokenList | null;
  /** The chosen token's capability check; the PIN that opened it is not kept anywhere here. */
  hsmCapability: HsmCapabilityView | null;
  checkAirGap(): Promise<void>;
  readParametersBundle(folder: string): Promise<void>;
  readConsoleFiles(request: Request<'readConsoleFiles'>): Promise<void>;
  confirmAsWitness(request: Request<'confirmAsWitness'>): Promise<boolean>;
  generateMaterial(): Promise<void>;
  loadMaterialFile(request: Request<'loadMaterialFile'>): Promise<boolean>;
  preflightAirGap(request: Request<'preflightAirGap'>): Promise<void>;
  /** Lists the tokens of a module for the step `section` (the material step, or the restore's). */
  listHsmTokens(modulePath: string, section: string): Promise<void>;
  /** Sends the PIN in this one request; the answer (and the store) never holds it. */
  checkHsmToken(request: Request<'useHsm'>): Promise<void>;
  splitCustody(): Promise<void>;
  wrapMaterial(): Promise<void>;
  writeWrappedBundle(): Promise<void>;
  writeAirGapReceipt(): Promise<void>;
}

type AirGapViews =
  | 'airNetwork'
  | 'overview'
  | 'confirmations'
  | 'materials'
  | 'custody'
  | 'wrappedKeys'
  | 'wrappedBundle'
  | 'hsmTokens'
  | 'hsmCapability';

/** What the air-gapped screens show before anything ran, and again once the ceremony was abandoned. */
export function emptyAirGap(): Pick<AirGapSlice, AirGapViews> {
  return {
    airNetwork: null,
    overview: null,
    confirmations: [],
    materials: [],
    custody: [],
    wrappedKeys: [],
    wrappedBundle: null,
    hsmTokens: null,
    hsmCapability: null,
  };
}

export const createAirGapSlice: SliceCreator<AirGapSlice> = (set, get) => {
  const step = stepRunner(get);
  const keepMaterial = (summary: MaterialView) =>
    set({ materials: [...get().materials.filter((m) => m.keyId !== summary.keyId), summary] });
  const keepOverview = (overview: ParametersOverview) => set({ overview, confirmations: overview.confirmations });
  return {
    ...emptyAirGap(),
    checkAirGap: async () => {
      set({ airNetwork: null });
      await step(
        'air-network',
        uiAction('action.checking-network'),
        () => api().checkAirGap(),
        (airNetwork) => set({ airNetwork }),
      );
      await get().loadNetwork();
    },
    readParametersBundle: async (folder) => {
      await step(
        'air-parameters',
        uiAction('action.reading-parameters-bundle'),
        () => api().readParametersBundle({ folder }),
        keepOverview,
      );
    },
    readConsoleFiles: async (request) => {
      await step(
        'air-parameters',
        uiAction('action.reading-console-files'),
        () => api().readConsoleFiles(request),
        keepOverview,
      );
    },
    confirmAsWitness: (request) =>
      step(
        'air-fingerprints',
        uiAction('action.recording-confirmation', { witness: request.witness }),
        () => api().confirmAsWitness(request),
        ({ confirmed }) =>
          set({ confirmations: get().confirmations.map((a) => (a.index === confirmed.index ? confirmed : a)) }),
      ),
    generateMaterial: async () => {
      await step(
        'air-material',
        uiAction('action.generating-material'),
        () => api().generateMaterial(),
        ({ keys }) => keys.forEach(keepMaterial),
      );
    },
    loadMaterialFile: (request) =>
      step(
        'air-material',
        uiAction('action.loading-material', { keyId: request.keyId }),
        () => api().loadMaterialFile(request),
        keepMaterial,
      ),
    preflightAirGap: async (request) => {
      await step(
        'air-preflight',
        uiAction('action.checking-folders'),
        () => api().preflightAirGap(request),
        () => undefined,
      );
    },
    listHsmTokens: async (modulePath, section) => {
      set({ hsmTokens: null });
      await get().run(section, uiAction('action.listing-hsm-tokens'), async () => {
        const answer = await api().listHsmTokens({ modulePath });
        if (answer.ok) set({ hsmTokens: answer.value });
        return answer;
      });
    },
    checkHsmToken: async (request) => {
      set({ hsmCapability: null });
      await step(
        'air-material',
        uiAction('action.checking-hsm'),
        () => api().useHsm(request),
        (hsmCapability) => set({ hsmCapability }),
      );
    },
    splitCustody: async () => {
      await step(
        'custody-split',
        uiAction('action.splitting-for-custody'),
        () => api().splitCustody(),
        ({ keys }) => set({ custody: keys }),
      );
    },
    wrapMaterial: async () => {
      await step(
        'air-wrap',
        uiAction('action.wrapping-material'),
        () => api().wrapMaterial(),
        ({ keys }) => set({ wrappedKeys: keys }),
      );
    },
    writeWrappedBundle: async () => {
      await step(
        'air-wrap',
        uiAction('action.writing-wrapped-bundle'),
        () => api().writeWrappedBundle(),
        (wrappedBundle) => set({ wrappedBundle }),
      );
    },
    writeAirGapReceipt: async () => {
      await step(
        'air-receipt',
        uiAction('action.writing-airgap-receipt'),
        () => api().writeAirGapReceipt(),
        (receipt) => get().storeReceipt(receipt),
      );
    },
  };
};
