/** `keyferry rehearse` with the material generated and wrapped in a SoftHSM token, the PIN from a named variable. */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from '../../core/hsm/helpers/soft-tokens';
import { keyferry } from '../../integration/cli-in-process';

let dir: string;
let token: SoftToken;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-rehearse-hsm-'));
  token = await createSoftHsmToken('rehearsal-token', '61829304');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await token.cleanup();
});

const HSM_ARGS = ['--hsm-module', SOFTHSM_MODULE, '--hsm-token', 'rehearsal-token', '--hsm-pin-env', 'HSM_PIN'];

describe('keyferry rehearse --hsm-module', () => {
  it('rehearses AES_256 with the material from the soft token: imported into the simulator and proven; the PIN is read once and written nowhere', async () => {
    const env: NodeJS.ProcessEnv = { HSM_PIN: token.pin };
    const out = path.join(dir, 'out');
    const run = await keyferry(
      ['rehearse', '--out', out, '--specs', 'AES_256', '--wrapping-algorithm', 'RSAES_OAEP_SHA_1', ...HSM_ARGS],
      { cwd: dir, env },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Rehearsal passed');
    expect(env.HSM_PIN).toBeUndefined();
    const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) {
      const bytes = await readFile(path.join(f.parentPath, f.name));
      expect(bytes.includes(Buffer.from(token.pin)), `PIN in ${f.name}`).toBe(false);
    }
    expect(run.stdout.includes(token.pin)).toBe(false);
    const journal = await readFile(path.join(out, 'airgap', 'journal.jsonl'), 'utf8');
    expect(journal).toContain(`"serial":"${token.serial}"`);
  }, 120_000);

  it('refuses OAEP-SHA-256 on SoftHSM before generating anything, naming RSAES_OAEP_SHA_1', async () => {
    const out = path.join(dir, 'out');
    const run = await keyferry(['rehearse', '--out', out, '--specs', 'AES_256', ...HSM_ARGS], {
      cwd: dir,
      env: { HSM_PIN: token.pin },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/does OAEP only with SHA-1/);
    expect(run.stderr).toMatch(
      /Fetch new import parameters for the same keys with RSAES_OAEP_SHA_1 on the online side/,
    );
    await expect(stat(path.join(out, 'media', 'wrapped-material'))).rejects.toMatchObject({ code: 'ENOENT' });
  }, 120_000);

  it('refuses a PIN variable that is not set, before anything is created', async () => {
    const out = path.join(dir, 'out');
    const run = await keyferry(['rehearse', '--out', out, '--specs', 'AES_256', ...HSM_ARGS], { cwd: dir, env: {} });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/The environment variable HSM_PIN named by --hsm-pin-env is not set/);
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
