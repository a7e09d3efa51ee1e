import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { appInfoSchema, modeChoiceSchema, networkStatusSchema, volumeListSchema } from '../../../src-main/ipc/contract';
import { createHandlers } from '../../../src-main/ipc/handlers/index';
import { describeNetwork } from '../../../src-main/ipc/network-status';
import { testContext } from '../test-context';
import { LOOPBACK } from '../../helpers/workstation';

const loopback: os.NetworkInterfaceInfo[] = [
  LOOPBACK,
  {
    address: '::1',
    netmask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    family: 'IPv6',
    mac: '00:00:00:00:00:00',
    internal: true,
    cidr: '::1/128',
    scopeid: 0,
  },
];
const ethernet: os.NetworkInterfaceInfo[] = [
  {
    address: '192.168.1.20',
    netmask: '255.255.255.0',
    family: 'IPv4',
    mac: '52:54:00:12:34:56',
    internal: false,
    cidr: '192.168.1.20/24',
  },
];
const linkLocalOnly: os.NetworkInterfaceInfo[] = [
  {
    address: 'fe80::5054:ff:fe12:3456',
    netmask: 'ffff:ffff:ffff:ffff::',
    family: 'IPv6',
    mac: '52:54:00:12:34:57',
    internal: false,
    cidr: 'fe80::5054:ff:fe12:3456/64',
    scopeid: 2,
  },
];
const at = new Date('2030-01-02T03:04:05.000Z');

describe('network.status', () => {
  it('is offline with loopback only', () => {
    const status = describeNetwork({ lo: loopback }, at);
    expect(status).toMatchObject({ summary: 'offline', liveInterfaces: [], checkedAt: '2030-01-02T03:04:05.000Z' });
    expect(status.interfaces).toEqual([expect.objectContaining({ name: 'lo', internal: true, up: true })]);
    expect(networkStatusSchema.safeParse(status).success).toBe(true);
  });

  it('is online with a routable address, and names the interface', () => {
    const status = describeNetwork({ lo: loopback, eth0: ethernet }, at);
    expect(status.summary).toBe('online');
    expect(status.liveInterfaces).toEqual(['eth0']);
  });

  it('counts a link-local-only interface as online (a live cable is a live network)', () => {
    const status = describeNetwork({ lo: loopback, enp1s0: linkLocalOnly }, at);
    expect(status.summary).toBe('online');
    const nic = status.interfaces.find((item) => item.name === 'enp1s0');
    expect(nic?.addresses).toEqual([expect.objectContaining({ family: 'IPv6', linkLocal: true })]);
  });

  it('describes this machine in a contract-valid answer', async () => {
    const { context } = testContext();
    const status = await createHandlers(context).networkStatus(undefined);
    expect(
      networkStatusSchema
        .parse(status)
        .interfaces.map((item) => item.name)
        .sort(),
    ).toEqual(Object.keys(os.networkInterfaces()).sort());
  });
});

describe('app.info', () => {
  it('reports identity, platform and the chosen mode', async () => {
    const { context } = testContext();
    const handlers = createHandlers(context);
    const before = appInfoSchema.parse(await handlers.appInfo(undefined));
    expect(before).toMatchObject({
      name: 'Keyferry',
      version: '0.1.0',
      build: 'test',
      platform: process.platform,
      mode: null,
    });
    expect(before.runtime).toEqual({ node: process.versions.node, electron: null, chrome: null });
    await handlers.chooseMode({ mode: 'online' });
    expect((await handlers.appInfo(undefined)).mode).toBe('online');
  });
});

describe('mode.choose', () => {
  it('applies the guard before answering, and says which guard is in place', async () => {
    const { context, applied, lines } = testContext();
    const handlers = createHandlers(context);
    expect(modeChoiceSchema.parse(await handlers.chooseMode({ mode: 'rehearsal' }))).toEqual({
      mode: 'rehearsal',
      networkGuard: 'app-only',
    });
    expect(await handlers.chooseMode({ mode: 'air-gapped' })).toEqual({ mode: 'air-gapped', networkGuard: 'offline' });
    expect(applied).toEqual(['rehearsal', 'air-gapped']);
    expect(lines.filter((line) => line.includes('mode.chosen'))).toHaveLength(2);
  });
});

describe('media.listVolumes', () => {
  it('lists this machine’s removable volumes in a contract-valid answer', async () => {
    const { context } = testContext();
    const answer = volumeListSchema.parse(await createHandlers(context).listVolumes(undefined));
    expect(answer.checkedAt).toBe('2030-01-02T03:04:05.000Z');
    for (const volume of answer.volumes) expect(volume.totalBytes).toBeGreaterThanOrEqual(volume.freeBytes);
  });

  it('passes on the named facts of each volume and nothing else', async () => {
    const { context } = testContext();
    const volume = {
      label: 'KEYFERRY-1',
      mountPoint: '/media/officer/KEYFERRY-1',
      freeBytes: 1000,
      totalBytes: 4000,
      writable: true,
      device: '/dev/sdb1',
    };
    const handlers = createHandlers(context, {
      listVolumes: async () => [{ ...volume, internalNote: 'x' } as typeof volume],
    });
    expect(await handlers.listVolumes(undefined)).toEqual({ volumes: [volume], checkedAt: '2030-01-02T03:04:05.000Z' });
  });
});
