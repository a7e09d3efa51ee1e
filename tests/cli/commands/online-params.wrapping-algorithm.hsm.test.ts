/**
 * The officer's way out when the air-gapped HSM does OAEP only with SHA-1 (SoftHSM 2.6) and the
 * ceremony's plan asked for RSAES_OAEP_SHA_256: `airgap wrap --hsm-*` refuses before anything is
 * generated and names `online params --wrapping-algorithm RSAES_OAEP_SHA_1`; that command fetches
 * new parameters for the same keys with SHA-1 (journaled, kept for later fetches), and the HSM
 * ceremony and the import then go through. Every step a keyferry command against the simulator
 * and a real SoftHSM token.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from '../../core/hsm/helpers/soft-tokens';
import { keyferry } from '../../integration/cli-in-process';
import { paramsDigestFrom } from './witness-args';

const PIN = '61839027';
let dir: string | undefined;
let sim: KmsSimulator | undefined;
let token: SoftToken | undefined;
afterAll(async () => {
  await sim?.close();
  await token?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('online params --wrapping-algorithm (SoftHSM does OAEP only with SHA-1)', () => {
  it('refuses the SHA-256 bundle in the HSM, names the command, and the SHA-1 bundle of the same keys imports', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-oaep-sha1-'));
    token = await createSoftHsmToken('vault-b', PIN);
    sim = await startKmsSimulator();
    const cwd = dir;
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) => keyferry(args, { cwd, env });
    const online = ['--journal', 'online.jsonl', '--endpoint', sim.endpoint, '--region', sim.region];
    const creds = { KEYFERRY_AK: sim.ak, KEYFERRY_SK: sim.sk };
    const created = await run(
      [
        'online',
        'create-key',
        ...['--alias', 'vault/aes', '--spec', 'AES_256', '--operator', 'Ana', '--witness', 'Ben'],
        ...['--project-id', sim.projectId, ...online],
      ],
      creds,
    );
    expect(created.stderr).toBe('');
    const keyId = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/.exec(created.stdout)?.[1] as string;
    const wrapWith = (params: string, out: string, paramsOutput: string) =>
      run(
        [
          ...['airgap', 'wrap', '--bundle', params, '--out', out, '--journal', 'airgap.jsonl'],
          ...['--operator', 'Ana', '--witness', 'Ben', '--witness-confirms', `Ben=${paramsDigestFrom(paramsOutput)}`],
          ...['--allow-network', '--hsm-module', SOFTHSM_MODULE, '--hsm-token', 'vault-b', '--hsm-pin-env', 'HSM_PIN'],
        ],
        { HSM_PIN: PIN },
      );

    const sha256 = await run(['online', 'params', ...online, '--out', 'params-1'], creds);
    expect(sha256.code).toBe(0);
    const refused = await wrapWith('params-1', 'wrapped-1', sha256.stdout);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('it does OAEP only with SHA-1');
    expect(refused.stderr).toContain('Fetch new import parameters for the same keys with RSAES_OAEP_SHA_1');
    const airgapEvents = async () =>
      (await readFile(path.join(cwd, 'airgap.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { event: string }).event);
    expect(await airgapEvents()).not.toContain('material.generated');

    const badValue = await run(
      ['online', 'params', ...online, '--out', 'params-x', '--wrapping-algorithm', 'RSAES_PKCS1_V1_5'],
      creds,
    );
    expect(badValue.code).toBe(1);
    const sha1 = await run(
      ['online', 'params', ...online, '--out', 'params-2', '--wrapping-algorithm', 'rsaes_oaep_sha_1'],
      creds,
    );
    expect(sha1.stderr).toBe('');
    expect(sha1.code).toBe(0);
    // Said on screen too, not only on the later receipt.
    expect(sha1.stdout).toMatch(
      /The wrapping algorithm is now RSAES_OAEP_SHA_1 instead of RSAES_OAEP_SHA_256, for these import parameters and every later fetch \(journal entry \d+\); the online receipt lists it as a deviation\./,
    );
    const manifest = JSON.parse(await readFile(path.join(cwd, 'params-2', 'manifest.json'), 'utf8')) as {
      keys: { keyId: string; wrappingAlgorithm: string }[];
    };
    expect(manifest.keys).toEqual([expect.objectContaining({ keyId, wrappingAlgorithm: 'RSAES_OAEP_SHA_1' })]);

    const wrapped = await wrapWith('params-2', 'wrapped-2', sha1.stdout);
    expect(wrapped.stderr).toBe('');
    expect(wrapped.code).toBe(0);
    const digest = /bundle digest ([0-9A-F ]{79})/.exec(wrapped.stdout)?.[1] as string;
    const imported = await run(
      ['online', 'import', ...online, '--bundle', 'wrapped-2', '--expect-digest', digest],
      creds,
    );
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/AES_256\s+Enabled\s+OK: /);

    const onlineEntries = (await readFile(path.join(cwd, 'online.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
    expect(onlineEntries.filter((e) => e.event === 'wrapping-algorithm.chosen').map((e) => e.data)).toEqual([
      { from: 'RSAES_OAEP_SHA_256', to: 'RSAES_OAEP_SHA_1' },
    ]);
    // The online receipt lists the switch from the plan's algorithm among its deviations.
    const receipt = (await readdir(cwd)).find((f) => /^receipt-online-.*\.txt$/.test(f)) as string;
    const paper = (await readFile(path.join(cwd, receipt), 'utf8')).replace(/\s+/g, ' ');
    expect(paper).toContain(
      'The wrapping algorithm was changed from RSAES_OAEP_SHA_256 to RSAES_OAEP_SHA_1: the import parameters fetched after this entry are for RSAES_OAEP_SHA_1.',
    );
  }, 120_000);
});
