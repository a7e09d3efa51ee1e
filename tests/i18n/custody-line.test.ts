import { describe, expect, it } from 'vitest';
import { custodyLine } from '../../src-main/i18n/custody-line';
import { translator } from '../../src-main/i18n/translate';

describe('custodyLine: who keeps a copy of the material, as the CLI and the online screen print it', () => {
  const en = translator('en').t;
  const zh = translator('zh-CN').t;

  it('names every holder of a share set, in both languages', () => {
    const shares = { kind: 'shares' as const, threshold: 2, total: 3, custodians: ['Ana', 'Bo', 'Cy'] };
    expect(custodyLine(en, shares)).toBe('Custody copy: 2 of 3 shares, held by Ana, Bo, Cy.');
    expect(custodyLine(zh, shares)).toBe('保管副本：3 份中任意 2 份，由 Ana、Bo、Cy 保管。');
  });

  it('names the custody set by the tag its share files carry, when the bundle names it (format version 5)', () => {
    const set = {
      kind: 'shares' as const,
      threshold: 2,
      total: 3,
      custodians: ['Ana', 'Bo', 'Cy'],
      backupDigest: '0123abcd'.repeat(8),
    };
    expect(custodyLine(en, set)).toBe(
      'Custody copy: 2 of 3 shares, held by Ana, Bo, Cy, custody set 0123ABCD (the tag in its share files’ names).',
    );
    expect(custodyLine(zh, set)).toBe(
      '保管副本：3 份中任意 2 份，由 Ana、Bo、Cy 保管，托管集 0123ABCD（即其份额文件名中的标记）。',
    );
  });

  it('tells an acknowledged loss from an unacknowledged one, and an older bundle from both', () => {
    expect(custodyLine(en, { kind: 'none', acknowledged: true })).toContain('acknowledged on the air-gapped side');
    expect(custodyLine(en, { kind: 'none', acknowledged: false })).toBe(
      'No custody copy: after import this material exists only in the KMS.',
    );
    expect(custodyLine(en, null)).toContain('older Keyferry');
    expect(custodyLine(en, { kind: 'hsm-token', label: 'vault-1', serial: '0042' })).toBe(
      'Custody copy: the HSM token "vault-1" (serial 0042).',
    );
  });

  it('says an HSM token left its label or serial blank, never printing "" or an empty serial', () => {
    expect(custodyLine(en, { kind: 'hsm-token', label: '   ', serial: '0042' })).toBe(
      'Custody copy: the HSM token with no label (serial 0042).',
    );
    expect(custodyLine(en, { kind: 'hsm-token', label: 'vault-1', serial: '' })).toBe(
      'Custody copy: the HSM token "vault-1" (no serial number).',
    );
    expect(custodyLine(zh, { kind: 'hsm-token', label: '', serial: '0042' })).toBe(
      '保管副本：HSM 令牌（无标签）（序列号 0042）。',
    );
    expect(custodyLine(zh, { kind: 'hsm-token', label: 'vault-1', serial: '0042' })).toBe(
      '保管副本：HSM 令牌“vault-1”（序列号 0042）。',
    );
  });
});
