/**
 * Material made in an HSM token (SoftHSM) by the first wrap, its bundle checked online but none of
 * it imported (the import's connection dropped), then the import tokens lapse: the next `online
 * params` prints the wrap of that same material from the token (`--hsm-existing-keys`), not a wrap
 * with custody shares (refused for HSM material) or fresh material; followed as printed, it wraps
 * the token's object again and the import goes through. Every step a keyferry command.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from '../../core/hsm/helpers/soft-tokens';
import { keyferry, type InProcessRun } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { paramsDigestFrom } from './witness-args';

const PIN = '52637481';
let dir: string | undefined;
let sim: KmsSimulator | undefined;
let token: SoftToken | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await sim?.close();
  await token?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const digestOf = (run: InProcessRun) => /bundle digest ([0-9A-F ]{79})/.exec(run.stdout)?.[1] as string;

describe('online params after HSM material was checked and never imported', () => {
  it('prints the wrap of the same material from the token, which then imports', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-params-hsm-'));
    token = await createSoftHsmToken('hsm-params', PIN);
    sim = await startKmsSimulator();
    const keys = [{ alias: 'vault/aes', spec: 'AES_256' }];
    await writeFile(
      path.join(dir, 'plan.json'),
      JSON.stringify({
        title: 'HSM again',
        operator: 'Ana',
        witnesses: ['Ben'],
        wrappingAlgorithm: 'RSAES_OAEP_SHA_1',
        keys,
      }),
    );
    const { args: connection, env } = onlineAt(sim);
    const run = (args: string[], extraEnv: NodeJS.ProcessEnv = env) =>
      keyferry(args, { cwd: dir as string, env: extraEnv });
    expect((await run(['online', 'create-key', '--plan', 'plan.json', ...connection])).code).toBe(0);
    const params1 = await run(['online', 'params', ...connection, '--out', 'params-1']);
    expect(params1.code).toBe(0);
    const people = ['--operator', 'Ana', '--witness', 'Ben', '--allow-network'];
    const wrap = await run(
      [
        ...['airgap', 'wrap', '--bundle', 'params-1', '--out', 'wrapped-1', '--journal', 'airgap.jsonl'],
        ...[...people, '--witness-confirms', `Ben=${paramsDigestFrom(params1.stdout)}`],
        ...['--hsm-module', SOFTHSM_MODULE, '--hsm-token', 'hsm-params', '--hsm-pin-env', 'HSM_PIN'],
      ],
      { HSM_PIN: PIN },
    );
    expect(wrap.stderr).toBe('');
    // Checked, then the import's connection drops before the KMS sees it: nothing imported.
    sim.faults.dropConnection('import-key-material', 'before', 1000);
    const cut = await run([
      'online',
      'import',
      ...connection,
      '--bundle',
      'wrapped-1',
      '--expect-digest',
      digestOf(wrap),
    ]);
    expect(cut.code).not.toBe(0);
    sim.faults.clear();

    // A day later, on this computer and in the KMS: the tokens lapsed, fresh parameters are next.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 25 * 3_600_000 });
    sim.clock.advance(25 * 3_600_000);
    const params2 = await run(['online', 'params', ...connection, '--out', 'params-2']);
    expect(params2.stderr).toBe('');
    expect(params2.code).toBe(0);
    expect(params2.stdout).toMatch(
      /had this material made in HSM token hsm-params, and none of it was imported: it is still in the token\./,
    );
    expect(params2.stdout).not.toContain('--custody M/N');
    const again = nextCommand(onPrintedMedia(params2.stdout));
    expect(again.slice(again.indexOf('--hsm-module'), again.indexOf('--hsm-module') + 5)).toEqual([
      '--hsm-module',
      'PKCS11-MODULE',
      '--hsm-token',
      'hsm-params',
      '--hsm-existing-keys',
    ]);
    const followed = again.map((w) => (w === 'PKCS11-MODULE' ? SOFTHSM_MODULE : w));
    const rewrapped = await run(
      [
        ...followed,
        ...[
          '--allow-network',
          '--witness-confirms',
          `Ben=${paramsDigestFrom(params2.stdout)}`,
          '--hsm-pin-env',
          'HSM_PIN',
        ],
      ],
      { HSM_PIN: PIN },
    );
    expect(rewrapped.stderr).toBe('');
    expect(rewrapped.code).toBe(0);
    // Not new material: the token's, wrapped again; no custody set to destroy.
    expect(rewrapped.stdout).toContain('This session wraps material that exists already (in the HSM token');
    expect(rewrapped.stdout).not.toContain('This session makes new material');
    expect(rewrapped.stdout).toContain('Where this material is the one the earlier bundles hold');
    const imported = await run([...nextCommand(onPrintedMedia(rewrapped.stdout)), ...connection.slice(2)]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/AES_256\s+Enabled\s+OK: /);
  }, 180_000);
});
