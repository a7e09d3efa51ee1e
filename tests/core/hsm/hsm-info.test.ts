/**
 * What `keyferry hsm info` and the app's HSM source show of a module (core/hsm/hsm-info.ts), held
 * against what OpenSC's pkcs11-tool reads from the same SoftHSM module on its own: every token with
 * its label, serial and PIN state (one ready, one whose user PIN was never set, the free slot
 * SoftHSM keeps uninitialized), and for each ceremony mechanism whether the token has it and the
 * key sizes it takes, so an officer choosing an HSM sees what the token itself says. It needs no
 * PIN and changes nothing on the token. (The command's output: tests/cli/commands/hsm-info.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeHsm, type HsmInfoReport } from '../../../src-main/core/hsm/hsm-info';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from './helpers/soft-tokens';

/** pkcs11-tool's name of each ceremony mechanism (SoftHSM 2.6 names 0x210A by number). */
const PKCS11_TOOL_NAMES: Record<string, string> = {
  'CKM_AES_KEY_GEN (0x1080)': 'AES-KEY-GEN',
  'CKM_RSA_PKCS_KEY_PAIR_GEN (0x0000)': 'RSA-PKCS-KEY-PAIR-GEN',
  'CKM_EC_KEY_PAIR_GEN (0x1040)': 'ECDSA-KEY-PAIR-GEN',
  'CKM_RSA_PKCS_OAEP (0x0009)': 'RSA-PKCS-OAEP',
  'CKM_AES_KEY_WRAP_KWP (0x210B)': 'mechtype-0x210B',
  'CKM_AES_KEY_WRAP_PAD (0x210A)': 'mechtype-0x210A',
  'CKM_AES_KEY_WRAP (0x2109)': 'AES-KEY-WRAP',
  'CKM_RSA_AES_KEY_WRAP (0x1091)': 'RSA-AES-KEY-WRAP',
  'CKM_AES_ECB (0x1081)': 'AES-ECB',
};

const tool = (...args: string[]) =>
  execFileSync('pkcs11-tool', ['--module', SOFTHSM_MODULE, ...args], { encoding: 'utf8', stdio: 'pipe' });

/** pkcs11-tool -M of one slot: each mechanism's name and key-size range ("{min,max}", or null). */
function mechanismsByTool(slotId: string): Map<string, [number, number] | null> {
  const out = tool('--slot', slotId, '-M');
  const lines = out.split('\n').filter((l) => /^ {2}\S/.test(l));
  return new Map(
    lines.map((l) => {
      const name = l.trim().split(',')[0] as string;
      const size = /keySize=\{(\d+),(\d+)\}/.exec(l);
      return [name, size ? [Number(size[1]), Number(size[2])] : null];
    }),
  );
}

describe('describeHsm on SoftHSM, held against pkcs11-tool', () => {
  let ready: SoftToken;
  let report: HsmInfoReport;
  let listedBefore: string;

  beforeAll(async () => {
    ready = await createSoftHsmToken('info-ready');
    // A second token whose user PIN was never set (initialized by the security officer only).
    const free = /Slot \d+ \((0x[0-9a-f]+)\)[^\n]*\n\s+token state:\s+uninitialized/.exec(tool('-L'))?.[1];
    if (!free) throw new Error('SoftHSM shows no free slot');
    tool('--init-token', '--slot', free, '--label', 'info-no-pin', '--so-pin', ready.soPin);
    listedBefore = tool('-L');
    report = describeHsm(SOFTHSM_MODULE);
  });
  afterAll(async () => {
    await ready.cleanup();
  });

  it('lists every token with the label, serial and PIN state the token reports', () => {
    const byLabel = new Map(report.tokens.map((t) => [t.label, t]));
    expect(byLabel.get('info-ready')).toMatchObject({
      serial: ready.serial,
      manufacturer: 'SoftHSM project',
      model: 'SoftHSM v2',
      initialized: true,
      pin: 'ok',
    });
    expect(byLabel.get('info-no-pin')).toMatchObject({ initialized: true, pin: 'notSet' });
    // SoftHSM always keeps one free slot with an uninitialized token.
    expect(report.tokens.filter((t) => !t.initialized)).toHaveLength(1);
    expect(report.tokens).toHaveLength(3);
    // Every slot pkcs11-tool lists, by the id it shows.
    const shown = [...listedBefore.matchAll(/^Slot \d+ \((0x[0-9a-f]+)\)/gm)].map((m) => Number(m[1]));
    expect(report.tokens.map((t) => Number(t.slotId)).sort()).toEqual(shown.sort());
    expect(report.modulePath).toBe(SOFTHSM_MODULE);
  });

  it('says of each ceremony mechanism what pkcs11-tool reads: present or not, and its key sizes', () => {
    const token = report.tokens.find((t) => t.label === 'info-ready');
    if (!token) throw new Error('no token');
    const byTool = mechanismsByTool(token.slotId);
    expect(token.mechanismCount).toBe(byTool.size);
    expect(token.mechanisms.map((m) => m.name)).toEqual(Object.keys(PKCS11_TOOL_NAMES));
    for (const m of token.mechanisms) {
      const name = PKCS11_TOOL_NAMES[m.name] as string;
      expect(m.present, m.name).toBe(byTool.has(name));
      const range = byTool.get(name);
      if (m.present && range) expect([m.minKeySize, m.maxKeySize], m.name).toEqual(range);
      if (!m.present) expect([m.minKeySize, m.maxKeySize], m.name).toEqual([null, null]);
    }
    // What the wrap needs on SoftHSM 2.6: OAEP and the padded AES wrap, but no KWP.
    const present = token.mechanisms.filter((m) => m.present).map((m) => m.name);
    expect(present).toContain('CKM_RSA_PKCS_OAEP (0x0009)');
    expect(present).toContain('CKM_AES_KEY_WRAP_PAD (0x210A)');
    expect(present).not.toContain('CKM_AES_KEY_WRAP_KWP (0x210B)');
  });

  it('needs no PIN and changes nothing on the tokens', () => {
    expect(tool('-L')).toBe(listedBefore);
    const objects = tool(
      '--slot',
      report.tokens.find((t) => t.label === 'info-ready')?.slotId ?? '',
      '-O',
      '--login',
      '--pin',
      ready.pin,
    );
    expect(objects.trim()).toBe('');
  });
});
