/**
 * Test helper: the network interfaces of an air-gapped workstation, written once for every test
 * and bench that starts an air-gapped side (the machine running the tests is itself networked).
 */
import type os from 'node:os';

/** The IPv4 loopback interface, as `os.networkInterfaces()` lists it. */
export const LOOPBACK: os.NetworkInterfaceInfoIPv4 = {
  address: '127.0.0.1',
  netmask: '255.0.0.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal: true,
  cidr: '127.0.0.1/8',
};

/** Only loopback: what an air-gapped workstation shows, so its network check passes. */
export const OFFLINE: NodeJS.Dict<os.NetworkInterfaceInfo[]> = { lo: [LOOPBACK] };

/** Loopback and a live Wi-Fi interface (wlan0, 10.1.2.3): the air-gapped network check refuses it. */
export const LIVE_WLAN: NodeJS.Dict<os.NetworkInterfaceInfo[]> = {
  ...OFFLINE,
  wlan0: [
    {
      address: '10.1.2.3',
      netmask: '255.0.0.0',
      family: 'IPv4',
      mac: '02:00:00:00:00:01',
      internal: false,
      cidr: '10.1.2.3/8',
    },
  ],
};
