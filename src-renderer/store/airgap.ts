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
import { stepMaker } from './step';
import { witnessStep } from './witness-step';
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
  /** Opens the side; `request.beforeClosing` answers a journal that ends with a session unfinished (the bundle to wrap now, or console files). */
  checkAirGap(request?: Request<'checkAirGap'>): Promise<boolean>;
  /** A session that stopped (the witnesses could not confirm) is put aside: its screens emptied, the network check starts a new one. */
  startAirGapAgain(): Promise<boolean>;
  readParametersBundle(request: Request<'readParametersBundle'>): Promise<boolean>;
  readConsoleFiles(request: Request<'readConsoleFiles'>): Promise<boolean>;
  confirmAsWitness(request: Request<'confirmAsWitness'>): Promise<boolean>;
  generateMaterial(): Promise<boolean>;
  loadMaterialFile(request: Request<'loadMaterialFile'>): Promise<boolean>;
  preflightAirGap(request: Request<'preflightAirGap'>): Promise<boolean>;
  /** Lists the tokens of a module for the step `section` (the material step, or the restore's). */
  listHsmTokens(modulePath: string, section: string): Promise<void>;
  /** Sends the PIN in this one request; the answer (and the store) never holds it. */
  checkHsmToken(request: Request<'useHsm'>): Promise<boolean>;
  splitCustody(): Promise<boolean>;
  wrapMaterial(): Promise<boolean>;
  writeWrappedBundle(): Promise<boolean>;
  writeAirGapReceipt(): Promise<boolean>;
}

/** What the air-gapped screens show before anything ran, and again once the ceremony was abandoned. */
export function emptyAirGap() {
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
  } satisfies Partial<AirGapSlice>;
}

export const createAirGapSlice: SliceCreator<AirGapSlice> = (set, get) => {
  const { step, into, keysInto, overviewOnly, afresh, followedBy } = stepMaker(set, get);
  const keepMaterial = (summary: MaterialView) =>
    set({ materials: [...get().materials.filter((m) => m.keyId !== summary.keyId), summary] });
  const keepOverview = (overview: ParametersOverview) => set({ overview, confirmations: overview.confirmations });
  return {
    ...emptyAirGap(),
    checkAirGap: followedBy(
      afresh('airNetwork', step('checkAirGap', 'air-network', 'action.checking-network', into('airNetwork'))),
      () => get().loadNetwork(),
    ),
    startAirGapAgain: async () => {
      set(emptyAirGap());
      return get().checkAirGap();
    },
    readParametersBundle: step(
      'readParametersBundle',
      'air-parameters',
      'action.reading-parameters-bundle',
      keepOverview,
    ),
    readConsoleFiles: step('readConsoleFiles', 'air-parameters', 'action.reading-console-files', keepOverview),
    confirmAsWitness: witnessStep({ step, followedBy }, set, get, 'confirmAsWitness'),
    generateMaterial: step('generateMaterial', 'air-material', 'action.generating-material', ({ keys }) =>
      keys.forEach(keepMaterial),
    ),
    loadMaterialFile: step(
      'loadMaterialFile',
      'air-material',
      ({ keyId }) => uiAction('action.loading-material', { keyId }),
      keepMaterial,
    ),
    preflightAirGap: step('preflightAirGap', 'air-preflight', 'action.checking-folders', overviewOnly),
    listHsmTokens: async (modulePath, section) => {
      set({ hsmTokens: null });
      await get().run(section, uiAction('action.listing-hsm-tokens'), async () => {
        const answer = await api().listHsmTokens({ modulePath });
        if (answer.ok) set({ hsmTokens: answer.value });
        return answer;
      });
    },
    checkHsmToken: afresh('hsmCapability', step('useHsm', 'air-hsm', 'action.checking-hsm', into('hsmCapability'))),
    splitCustody: step('splitCustody', 'custody-split', 'action.splitting-for-custody', keysInto('custody')),
    wrapMaterial: step('wrapMaterial', 'air-wrap', 'action.wrapping-material', keysInto('wrappedKeys')),
    writeWrappedBundle: step('writeWrappedBundle', 'air-wrap', 'action.writing-wrapped-bundle', into('wrappedBundle')),
    writeAirGapReceipt: step('writeAirGapReceipt', 'air-receipt', 'action.writing-airgap-receipt', (receipt) =>
      get().storeReceipt(receipt),
    ),
  };
};
