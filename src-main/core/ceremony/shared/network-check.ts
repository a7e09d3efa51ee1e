/**
 * The air-gapped workstation's network check. Any interface that is not loopback and holds an
 * address counts as live (Node lists only interfaces that are up and addressed). The check
 * refuses a live network unless the operator overrides it, and then it says so loudly.
 */
import os from 'node:os';
import { KeyferryError } from '../../errors';
import { english } from '../../../i18n/translate';
import { listValue } from '../../../i18n/list';

export type InterfaceList = NodeJS.Dict<os.NetworkInterfaceInfo[]>;

interface LiveInterface {
  readonly name: string;
  readonly family: string;
  readonly address: string;
  /** fe80::/10 or 169.254/16: no route out, but the link is up. */
  readonly linkLocal: boolean;
}

export interface NetworkCheckResult {
  /** `offline`: only loopback; `network-present`: at least one live, non-loopback interface. */
  readonly state: 'offline' | 'network-present';
  readonly liveInterfaces: readonly LiveInterface[];
  /** True when a live network was accepted because the operator overrode the check. */
  readonly overridden: boolean;
  /** One plain line in English for the journal (and logs). */
  readonly summary: string;
  /** The same line as a catalogue message, for screens, the CLI and receipts in their language. */
  readonly message:
    | { readonly key: 'network.offline' }
    | { readonly key: 'network.overridden'; readonly values: { readonly interfacesList: string } };
}

function isLinkLocal(info: os.NetworkInterfaceInfo): boolean {
  return info.family === 'IPv6' ? /^fe[89ab]/i.test(info.address) : info.address.startsWith('169.254.');
}

/** Lists the live, non-loopback interfaces in `interfaces` (default: this machine's). */
export function findLiveInterfaces(interfaces: InterfaceList = os.networkInterfaces()): LiveInterface[] {
  const live: LiveInterface[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.internal || !info.address) continue;
      live.push({ name, family: String(info.family), address: info.address, linkLocal: isLinkLocal(info) });
    }
  }
  return live.sort((a, b) => a.name.localeCompare(b.name) || a.address.localeCompare(b.address));
}

/**
 * Checks the network. With live interfaces it throws AIRGAP_NETWORK_LIVE unless `allowNetwork`,
 * in which case the result is marked `overridden` (the workflow journals it as a warning).
 */
export function checkAirGap(options: { allowNetwork?: boolean; interfaces?: InterfaceList } = {}): NetworkCheckResult {
  const live = findLiveInterfaces(options.interfaces);
  if (live.length === 0) {
    return {
      state: 'offline',
      liveInterfaces: [],
      overridden: false,
      summary: english.t('network.offline'),
      message: { key: 'network.offline' },
    };
  }
  // Name and address only (no English marker): the next step says what a link-local address means.
  const list = listValue(live.map((l) => `${l.name} ${l.address}`));
  if (!options.allowNetwork) {
    throw new KeyferryError('AIRGAP_NETWORK_LIVE', { interfacesList: list });
  }
  return {
    state: 'network-present',
    liveInterfaces: live,
    overridden: true,
    summary: english.t('network.overridden', { interfacesList: list }),
    message: { key: 'network.overridden', values: { interfacesList: list } },
  };
}
