/** Where the officer is: the screen, the mode chosen, the ceremony setup and its overview. */
import type {
  AppInfo,
  CeremonySetup,
  CeremonyState,
  KeyferryMode,
  LeftCeremonyView,
  NetworkStatus,
  Request,
} from '../../src-main/ipc/contract';
import { api } from '../api';
import type { AppState, SliceCreator } from './store';
import { uiAction } from './ui-action';
import { emptyAirGap } from './airgap';
import { emptyRestore } from './restore';

export type Screen = 'start' | 'setup' | 'online' | 'air-gapped' | 'custody' | 'restore' | 'journal';

/** The air-gapped ceremonies a person can leave half-way, and the screens that belong to each. */
export type LeavableSide = 'air-gapped' | 'custody-restore';
const SIDE_SCREENS: Readonly<Record<LeavableSide, readonly Screen[]>> = {
  'air-gapped': ['air-gapped', 'custody', 'journal'],
  'custody-restore': ['restore', 'journal'],
};
const SIDE_SECTIONS: Readonly<Record<LeavableSide, RegExp>> = {
  'air-gapped': /^(air-|custody-split)/,
  'custody-restore': /^restore-/,
};

/** Leaving the screens of an unfinished ceremony: asked first, journaled when confirmed. */
interface PendingLeave {
  readonly target: Screen;
  readonly sides: readonly { side: LeavableSide; state: string; running: boolean }[];
}

/** What leaving a side did (wiped, withdrew, left to delete by hand), shown on the screen the officer lands on. */
export interface LeftSide {
  readonly side: LeavableSide;
  readonly report: LeftCeremonyView;
}

/** What the screens of a side showed, cleared once that ceremony was abandoned. */
function resetOf(side: LeavableSide): Partial<AppState> {
  return side === 'air-gapped' ? emptyAirGap() : emptyRestore();
}

export interface SessionSlice {
  screen: Screen;
  appInfo: AppInfo | null;
  network: NetworkStatus | null;
  mode: KeyferryMode | null;
  setup: CeremonySetup | null;
  ceremony: CeremonyState | null;
  /** Set while the officer is asked whether to abandon an unfinished ceremony to go to another screen. */
  leaving: PendingLeave | null;
  /** What the last confirmed leave did, side by side, until the officer dismisses it or goes elsewhere. */
  left: readonly LeftSide[];
  dismissLeft(): void;
  /** Goes to `screen`; asks first (leaving) when that leaves an unfinished air-gapped ceremony. */
  goTo(screen: Screen): void;
  /** The officer confirmed: each unfinished ceremony is abandoned (journaled), then the screen changes. */
  confirmLeave(): Promise<void>;
  cancelLeave(): void;
  loadStart(): Promise<void>;
  refreshNetwork(): Promise<void>;
  /** Reads the network status without touching the activity state (after another step). */
  loadNetwork(): Promise<void>;
  chooseMode(mode: KeyferryMode): Promise<boolean>;
  saveSetup(request: Request<'setupCeremony'>): Promise<boolean>;
  refreshCeremony(): Promise<void>;
}

/**
 * How many ceremony overviews were asked for. Only the answer to the latest is kept: two reads can
 * overlap (a step's read and a screen's), and the older one's answer, arriving last, would put back
 * a ceremony from before the step (a step that just became available shown as not yet).
 */
let overviewsAsked = 0;

/** The screen of the side a ceremony held in main stands on (the setup when no side started yet). */
function resumedScreen(state: CeremonyState): Screen {
  if (state.restore) return 'restore';
  if (state.airGap) return 'air-gapped';
  return state.online ? 'online' : 'setup';
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => ({
  screen: 'start',
  appInfo: null,
  network: null,
  mode: null,
  setup: null,
  ceremony: null,
  leaving: null,
  left: [],
  goTo: (screen) => {
    const { ceremony, busy } = get();
    const sides: PendingLeave['sides'][number][] = [];
    const sessions = { 'air-gapped': ceremony?.airGap, 'custody-restore': ceremony?.restore } as const;
    for (const side of ['air-gapped', 'custody-restore'] as const) {
      if (SIDE_SCREENS[side].includes(screen)) continue;
      const running = busy !== null && SIDE_SECTIONS[side].test(busy.section);
      const session = sessions[side];
      if (running || session?.unfinished) sides.push({ side, state: session?.state ?? 'new', running });
    }
    if (sides.length > 0) {
      set({ leaving: { target: screen, sides } });
      return;
    }
    set({ screen, problem: null, notice: null, leaving: null, left: [] });
  },
  confirmLeave: async () => {
    const leaving = get().leaving;
    if (!leaving) return;
    const left: LeftSide[] = [];
    for (const { side } of leaving.sides) {
      const report = await get().run('leave', uiAction('action.leaving-ceremony'), () =>
        api().leaveCeremony({ side, reason: 'ceremony-left' }),
      );
      if (!report) return;
      left.push({ side, report });
      set({ ...resetOf(side), left: [...left] });
    }
    await get().refreshCeremony();
    set({ screen: leaving.target, leaving: null });
  },
  cancelLeave: () => set({ leaving: null }),
  dismissLeft: () => set({ left: [] }),
  loadStart: async () => {
    const [info, network, state] = await Promise.all([api().appInfo(), api().networkStatus(), api().ceremonyState()]);
    set({
      appInfo: info.ok ? info.value : null,
      network: network.ok ? network.value : null,
      mode: info.ok ? info.value.mode : null,
    });
    if (!info.ok) set({ problem: { ...info.problem, section: 'start', action: uiAction('action.reading-app-info') } });
    // A reloaded window: the ceremony main still holds comes back, on the screen of its side.
    const resumed = state.ok ? state.value : null;
    if (resumed?.setup) set({ setup: resumed.setup, ceremony: resumed, screen: resumedScreen(resumed) });
    // And what its online steps showed: the parameters fetched, the digest to read aloud, the checked bundle.
    const shown = resumed?.online?.shown;
    if (shown)
      set({ issued: shown.issued, parametersBundle: shown.parametersBundle, checkedBundle: shown.checkedBundle });
    // The air-gapped parameters read, with who has confirmed them: a witness still to type finds the field.
    const overview = resumed?.airGap?.overview;
    if (overview) set({ overview, confirmations: overview.confirmations });
    const restoring = resumed?.restore?.parameters;
    if (restoring) set({ restoreParameters: restoring, restoreConfirmations: restoring.confirmations });
    // The receipts main wrote in this session: their preview, Print and Save as PDF come back too.
    const { online, airGap, custodyRestore } = resumed?.receipts ?? {};
    const written = { online, 'air-gapped': airGap, 'custody-restore': custodyRestore };
    for (const side of ['online', 'air-gapped', 'custody-restore'] as const) {
      if (!written[side]) continue;
      const receipt = await api().viewReceipt({ side });
      if (receipt.ok) get().storeReceipt(receipt.value);
    }
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
    const asked = ++overviewsAsked;
    const state = await api().ceremonyState();
    if (state.ok && asked === overviewsAsked) set({ ceremony: state.value });
  },
});
