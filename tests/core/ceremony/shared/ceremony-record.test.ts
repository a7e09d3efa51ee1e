/**
 * The header of every journal and receipt: who, where and with what software a ceremony is held,
 * as plain journal data, with the air-gapped side's network state, and nothing a ceremony did not
 * choose (no paper size or receipt language it never set).
 */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  ceremonyRecordData,
  describeWorkstation,
  type CeremonyRecord,
} from '../../../../src-main/core/ceremony/shared/ceremony-record';
import { checkAirGap } from '../../../../src-main/core/ceremony/shared/network-check';
import { LIVE_WLAN, OFFLINE } from '../../../helpers/workstation';

const RECORD: CeremonyRecord = {
  id: 'KF-20261201-ABCD',
  title: 'Payments root keys',
  operator: 'Ana',
  witnesses: ['Ben', 'Chloé'],
  side: 'air-gapped',
  workstation: { hostname: 'vault-1', os: 'linux 6.1.0 x64' },
  app: { version: '1.2.3', build: 'dev' },
  rehearsal: false,
};

describe('describeWorkstation', () => {
  it("names this machine's host name, OS, release and architecture", () => {
    const workstation = describeWorkstation();
    expect(workstation.hostname).toBe(os.hostname());
    expect(workstation.os.startsWith(`${os.platform()} ${os.release()} ${os.arch()}`)).toBe(true);
    expect(workstation).not.toHaveProperty('network');
  });

  it("carries the air-gapped side's network check: none found, or the live interface that was allowed", () => {
    const offline = describeWorkstation(checkAirGap({ interfaces: OFFLINE }));
    expect(offline.network).toBe(checkAirGap({ interfaces: OFFLINE }).summary);
    const live = checkAirGap({ interfaces: LIVE_WLAN, allowNetwork: true });
    const allowed = describeWorkstation(live);
    expect(allowed.network).toMatch(/^WARNING: network present.*wlan0/);
    expect(allowed.networkMessage).toEqual(live.message);
  });
});

describe('ceremonyRecordData', () => {
  it('gives the record as plain journal data, leaving out what the ceremony never set', () => {
    const data = ceremonyRecordData(RECORD);
    expect(data).toEqual({
      ceremonyId: 'KF-20261201-ABCD',
      title: 'Payments root keys',
      operator: 'Ana',
      witnesses: ['Ben', 'Chloé'],
      side: 'air-gapped',
      hostname: 'vault-1',
      os: 'linux 6.1.0 x64',
      appVersion: '1.2.3',
      appBuild: 'dev',
      rehearsal: false,
    });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('adds the network found, the code digest, the paper and the receipt language when there are some', () => {
    const data = ceremonyRecordData({
      ...RECORD,
      workstation: { ...RECORD.workstation, network: 'WARNING: network present (wlan0 10.1.2.3)' },
      app: { ...RECORD.app, code: { kind: 'asar', digest: 'ab'.repeat(32) } },
      paperSize: 'Letter',
      receiptLanguage: 'both',
    });
    expect(data).toMatchObject({
      network: 'WARNING: network present (wlan0 10.1.2.3)',
      appCode: expect.stringContaining('ab'.repeat(32)) as unknown,
      paperSize: 'Letter',
      receiptLanguage: 'both',
    });
  });

  it('copies the witnesses, so the journaled list cannot change with the record', () => {
    const witnesses = ['Ben'];
    const data = ceremonyRecordData({ ...RECORD, witnesses });
    witnesses.push('Mallory');
    expect(data.witnesses).toEqual(['Ben']);
  });
});
