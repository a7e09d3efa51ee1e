/**
 * `network.status`: what network the machine has, from `os.networkInterfaces()`. Whether the
 * network counts as live is decided by the air-gap check of the ceremony engine
 * (`findLiveInterfaces`), so the start screen and the air-gapped workflow never disagree: any
 * non-internal interface holding any address (even link-local) makes the machine `online`.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import { findLiveInterfaces } from '../core/ceremony/shared/network-check';
import type { NetworkStatus } from './contract';

type InterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>;

function familyOf(info: NetworkInterfaceInfo): 'IPv4' | 'IPv6' {
  // Node 18.0-18.3 reported the family as a number; accept both.
  const family: unknown = info.family;
  return family === 'IPv6' || family === 6 ? 'IPv6' : 'IPv4';
}

/** 169.254.0.0/16 and fe80::/10: not routable, but a sign that a cable or radio is live. */
function isLinkLocal(address: string, family: 'IPv4' | 'IPv6'): boolean {
  return family === 'IPv4' ? address.startsWith('169.254.') : /^fe[89ab][0-9a-f]:/i.test(address);
}

/** Summarises an interface table (as returned by `os.networkInterfaces()`). */
export function describeNetwork(table: InterfaceTable, checkedAt: Date): NetworkStatus {
  const interfaces = Object.entries(table)
    .map(([name, infos = []]) => {
      const addresses = infos.map((info) => {
        const family = familyOf(info);
        return { address: info.address, family, cidr: info.cidr ?? null, linkLocal: isLinkLocal(info.address, family) };
      });
      return {
        name,
        internal: infos.length > 0 && infos.every((info) => info.internal),
        up: addresses.length > 0,
        addresses,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const liveInterfaces = [...new Set(findLiveInterfaces(table).map((live) => live.name))];
  return {
    summary: liveInterfaces.length > 0 ? 'online' : 'offline',
    interfaces,
    liveInterfaces,
    checkedAt: checkedAt.toISOString(),
  };
}
