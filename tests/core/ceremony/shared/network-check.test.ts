import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { checkAirGap, findLiveInterfaces } from '../../../../src-main/core/ceremony/shared/network-check';
import { translator } from '../../../../src-main/i18n/translate';

function iface(address: string, family: 'IPv4' | 'IPv6', internal: boolean): os.NetworkInterfaceInfo {
  const base = { address, netmask: '', mac: '00:00:00:00:00:00', internal, cidr: null };
  return family === 'IPv4' ? { ...base, family } : { ...base, family, scopeid: 0 };
}

const loopbackOnly = { lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)] };
const wired = { ...loopbackOnly, eth0: [iface('192.168.1.20', 'IPv4', false), iface('fe80::1', 'IPv6', false)] };

describe('air-gap network check', () => {
  it('passes with loopback only', () => {
    const result = checkAirGap({ interfaces: loopbackOnly });
    expect(result).toMatchObject({ state: 'offline', overridden: false, liveInterfaces: [] });
  });

  it('refuses a live interface, naming it', () => {
    expect(() => checkAirGap({ interfaces: wired })).toThrow(/eth0 192\.168\.1\.20/);
    try {
      checkAirGap({ interfaces: wired });
    } catch (error) {
      expect(error).toMatchObject({ code: 'AIRGAP_NETWORK_LIVE' });
    }
  });

  it('treats a link-local-only interface as live too (the link is up)', () => {
    const linkLocal = { ...loopbackOnly, wlan0: [iface('fe80::abcd', 'IPv6', false)] };
    expect(findLiveInterfaces(linkLocal)).toEqual([
      { name: 'wlan0', family: 'IPv6', address: 'fe80::abcd', linkLocal: true },
    ]);
    expect(() => checkAirGap({ interfaces: linkLocal })).toThrow(/wlan0 fe80::abcd\)/);
  });

  it('accepts a live network only by override, and flags it loudly', () => {
    const result = checkAirGap({ interfaces: wired, allowNetwork: true });
    expect(result.state).toBe('network-present');
    expect(result.overridden).toBe(true);
    expect(result.summary).toMatch(/^WARNING: network present/);
    expect(result.liveInterfaces).toHaveLength(2);
    expect(result.message).toEqual({
      key: 'network.overridden',
      values: { interfacesList: '["eth0 192.168.1.20","eth0 fe80::1"]' },
    });
    expect(translator('zh-CN').message(result.message)).toBe(
      '警告：存在网络连接，已通过覆盖放行：eth0 192.168.1.20、eth0 fe80::1。',
    );
  });

  it("says the outcome and the refusal in the reader's language: codes and values, never a sentence", () => {
    expect(translator('zh-CN').message(checkAirGap({ interfaces: loopbackOnly }).message)).toBe(
      '无网络：只有回环接口处于启用状态。',
    );
    try {
      checkAirGap({ interfaces: wired });
      throw new Error('not refused');
    } catch (error) {
      const problem = translator('zh-CN').problem(error as { code: string; message: string; nextStep: string });
      expect(problem.message).toBe(
        '本机已连接网络（eth0 192.168.1.20、eth0 fe80::1）；离线工作站不得有任何处于启用状态的网络。',
      );
      expect(problem.nextStep).toContain('以 fe80: 或 169.254. 开头的地址是链路本地地址');
    }
  });
});
