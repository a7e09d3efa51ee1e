/** Where the officer is: the screen, the mode chosen, the ceremony setup and its overview. */
import type {
  AppInfo,
  CeremonySetup,
  CeremonyState,
  KeyferryMode,
  NetworkStatus,
  Request,
} from '../../src-main/ipc/contract';
import { api } from '../api';
import type { SliceCreator } from './store';
import { uiAction } from './ui-action';

export type Screen = 'start' | 'setup' | 'online' | 'air-gapped' | 'custody' | 'restore' | 'journal';

export interface SessionSlice {
  screen: Screen;
  appInfo: AppInfo | null;
  network: NetworkStatus | null;
  mode: KeyferryMode | null;
  setup: CeremonySetup | null;
  ceremony: CeremonyState | null;
  goTo(screen: Screen): void;
  loadStart(): Promise<void>;
  refreshNetwork(): Promise<void>;
  /** Reads the network status without touching the activity state (after another step). */
  loadNetwork(): Promise<void>;
  chooseMode(mode: KeyferryMode): Promise<boolean>;
  saveSetup(request: Request<'setupCeremony'>): Promise<boolean>;
  refreshCeremony(): Promise<void>;
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => ({
  screen: 'start',
  appInfo: null,
  network: null,
  mode: null,
  setup: null,
  ceremony: null,
  goTo: (screen) => set({ screen, problem: null, notice: null }),
  loadStart: async () => {
    const [info, network] = await Promise.all([api().appInfo(), api().networkStatus()]);
    set({
      appInfo: info.ok ? info.value : null,
      network: network.ok ? network.value : null,
      mode: info.ok ? info.value.mode : null,
    });
    if (!info.ok) set({ problem: { ...info.problem, section: 'start', action: uiAction('action.reading-app-info') } });
  },
  refreshNetwork: async () => {
    const network = await get().run('network', uiAction('action.checking-network'), () => api().networkStatus());
    if (network) set({ network });
  },
  loadNetwork: async () => {
    const network = await api().networkStatus();
    if (network.ok) set({ network: network.value });
  },
  chooseMode: async (mode) => {
    const choice = await get().run('start', uiAction('action.choosing-mode', { mode }), () =>
      api().chooseMode({ mode }),
    );
    if (!choice) return false;
    set({ mode: choice.mode });
    return true;
  },
  saveSetup: async (request) => {
    const setup = await get().run('setup', uiAction('action.saving-setup'), () => api().setupCeremony(request));
    if (!setup) return false;
    set({ setup });
    await get().refreshCeremony();
    return true;
  },
  refreshCeremony: async () => {
    const state = await api().ceremonyState();
    if (state.ok) set({ ceremony: state.value });
  },
});
