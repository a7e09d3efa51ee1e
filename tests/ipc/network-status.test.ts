/**
 * What the air-gapped screen's network banner says about a check that found no live interface:
 * `network.status`'s `checkedAt` (describeNetwork) said as a moment, the date, the workstation's
 * zone and UTC, as every other moment on screen and on receipts; never a bare time of day.
 */
import { describe, expect, it } from 'vitest';
import { momentText } from '../../src-main/i18n/moment';
import { translator } from '../../src-main/i18n/translate';
import { describeNetwork } from '../../src-main/ipc/network-status';

const CHECKED = new Date('2026-12-01T23:45:10.000Z');
const loopback = {
  lo: [
    {
      address: '127.0.0.1',
      netmask: '255.0.0.0',
      family: 'IPv4' as const,
      mac: '00:00:00:00:00:00',
      internal: true,
      cidr: '127.0.0.1/8',
    },
  ],
};

describe('the network banner after an offline check', () => {
  it('says when the check ran with its date and UTC, in Chinese and English', () => {
    const status = describeNetwork(loopback, CHECKED);
    expect(status.summary).toBe('offline');
    // NetworkBanner.tsx: t('network.checked-at', { at: new Date(network.checkedAt).getTime() })
    const at = new Date(status.checkedAt).getTime();
    const zh = translator('zh-CN').t('network.checked-at', { at });
    expect(zh).toBe(`检查时间：${momentText('zh-CN', CHECKED)}。`);
    expect(zh).toContain('2026-12-01 23:45:10 UTC');
    expect(translator('en').t('network.checked-at', { at })).toBe(`Checked at ${momentText('en', CHECKED)}.`);
  });
});
