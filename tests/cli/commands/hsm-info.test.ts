import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../src-main/cli/commands/index';
import { runCli } from '../../../src-main/cli/run-cli';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from '../../core/hsm/helpers/soft-tokens';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(commands, argv, {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    env: {},
    cwd: process.cwd(),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('keyferry hsm info', () => {
  let token: SoftToken;
  beforeAll(async () => {
    token = await createSoftHsmToken('info-token');
  });
  afterAll(async () => {
    await token.cleanup();
  });

  it("lists the soft token's label, maker, model, serial and firmware, and which ceremony mechanisms it has", async () => {
    const result = await run(['hsm', 'info', '--module', SOFTHSM_MODULE]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('SoftHSM, Implementation of PKCS11 2.6');
    expect(result.out).toMatch(/label\s+info-token/);
    expect(result.out).toMatch(/manufacturer\s+SoftHSM project/);
    expect(result.out).toMatch(/model\s+SoftHSM v2/);
    expect(result.out).toContain(`serial        ${token.serial}`);
    expect(result.out).toMatch(/firmware\s+2\.6/);
    expect(result.out).toMatch(/CKM_RSA_PKCS_OAEP \(0x0009\)\s+yes/);
    expect(result.out).toMatch(/CKM_AES_KEY_WRAP_KWP \(0x210B\)\s+missing/);
    expect(result.out).toMatch(/CKM_AES_KEY_WRAP_PAD \(0x210A\)\s+yes/);
  });

  it('prints the same as JSON with --json', async () => {
    const result = await run(['hsm', 'info', '--module', SOFTHSM_MODULE, '--json']);
    const report = JSON.parse(result.out) as { tokens: { label: string; serial: string; pin: string }[] };
    expect(report.tokens.find((t) => t.label === 'info-token')).toMatchObject({ serial: token.serial, pin: 'ok' });
  });

  it('refuses a path that is not a module, saying where it looked, and exits 1', async () => {
    const result = await run(['hsm', 'info', '--module', '/nonexistent/libvendor-pkcs11.so']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('There is no PKCS#11 module at /nonexistent/libvendor-pkcs11.so');
  });

  it('refuses a file that is not a PKCS#11 library', async () => {
    const result = await run(['hsm', 'info', '--module', '/etc/hostname']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('could not be loaded as a PKCS#11 module');
  });
});
