/**
 * Channel → use case. Each handler gets a validated request and returns a plain value that the
 * router checks against the channel's response schema. Failures are thrown as KeyferryError;
 * the router flattens them. No Electron here: everything the app layer provides comes in
 * through the context.
 */
import os from 'node:os';
import { listRemovableVolumes, type RemovableVolume } from '../../core/media';
import type { HandlerContext } from '../context';
import type { Handlers } from './channel-handler';
import { airGapHandlers } from './air-gapped';
import { ceremonySetupHandlers } from './ceremony-setup';
import { custodyHandlers } from './custody';
import { custodyRestoreHandlers } from './custody-restore';
import { hsmSourceHandlers } from './hsm-source';
import { journalHandlers } from './journal';
import { createLanguageController, languageHandlers } from './language';
import { leaveCeremonyHandlers } from './leave-ceremony';
import { mediaHandlers } from './media';
import { onlineHandlers } from './online';
import { receiptHandlers } from './receipt';
import { rehearsalClockHandlers } from './rehearsal-clock';
import { rememberedCredentialsHandlers } from './remembered-credentials';
import { CeremonySession, type CeremonyHooks } from './session';
import { describeNetwork } from '../network-status';
import { KeyferryError } from '../../core/errors';
import { DEFAULT_LOCALE } from '../../i18n/locale';

export type { Handlers } from './channel-handler';

interface HandlerOptions {
  /** Injectable for tests; defaults to `os.networkInterfaces`. */
  readonly networkInterfaces?: () => NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  /** Injectable for tests; defaults to the media module's `listRemovableVolumes`. */
  readonly listVolumes?: () => Promise<readonly RemovableVolume[]>;
  /** Hooks of the ceremony handlers (tests: material audit, simulator clock, rehearsal folder). */
  readonly ceremony?: CeremonyHooks;
  /** The ceremony session the handlers hold; pass one to close it on quit (`session.close()`). */
  readonly session?: CeremonySession;
}

export function createHandlers(context: HandlerContext, options: HandlerOptions = {}): Handlers {
  const networkInterfaces = options.networkInterfaces ?? os.networkInterfaces;
  const listVolumes = options.listVolumes ?? (() => listRemovableVolumes());
  // The air-gap check sees the same interfaces as network.status.
  const session =
    options.session ??
    new CeremonySession(context, {
      ...(options.networkInterfaces ? { interfaces: options.networkInterfaces } : {}),
      ...options.ceremony,
    });
  // The language the screens speak (they tell main at start): the setup's receipt language when none is chosen.
  const language = context.language ?? createLanguageController({ initial: DEFAULT_LOCALE });
  return {
    ...ceremonySetupHandlers(session, language),
    ...onlineHandlers(session),
    ...rehearsalClockHandlers(session),
    ...rememberedCredentialsHandlers(session),
    ...airGapHandlers(session),
    ...hsmSourceHandlers(session),
    ...custodyHandlers(session),
    ...custodyRestoreHandlers(session),
    ...leaveCeremonyHandlers(session),
    ...journalHandlers(session),
    ...receiptHandlers(session),
    ...mediaHandlers(session),
    ...languageHandlers(context, language),
    appInfo: () => ({
      name: context.identity.name,
      version: context.identity.version,
      build: context.identity.build,
      platform: process.platform,
      arch: process.arch,
      mode: context.mode.current(),
      runtime: {
        node: process.versions.node,
        electron: process.versions.electron ?? null,
        chrome: process.versions.chrome ?? null,
      },
    }),

    networkStatus: () => describeNetwork(networkInterfaces(), context.now()),

    chooseMode: async ({ mode }) => {
      // A review switched a rehearsal to air-gapped mid-ceremony: the bundle its rehearsal refused then read.
      const current = context.mode.current();
      if (current !== null && mode !== current && session.started())
        throw new KeyferryError('MODE_CEREMONY_STARTED', { mode: current });
      const chosen = await context.mode.choose(mode);
      context.log.info('mode.chosen', { mode: chosen });
      return { mode: chosen, networkGuard: chosen === 'air-gapped' ? 'offline' : 'app-only' };
    },

    listVolumes: async () => ({
      // Named fields only: whatever else the lister learns stays in the main process.
      volumes: (await listVolumes()).map(
        ({ label, mountPoint, freeBytes, totalBytes, writable, device, volumeId }) => ({
          label,
          mountPoint,
          freeBytes,
          totalBytes,
          writable,
          ...(device === undefined ? {} : { device }),
          ...(volumeId === undefined ? {} : { volumeId }),
        }),
      ),
      checkedAt: context.now().toISOString(),
    }),
  };
}
