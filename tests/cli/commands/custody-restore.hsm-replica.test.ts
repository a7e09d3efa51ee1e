/**
 * A replica group's material generated in an HSM token (SoftHSM), then one member's material
 * deleted: `online params` fetches for that replica alone and prints the HSM restore; the restore
 * recalls the token object the air-gapped journal recorded for the group's primary (not in this
 * bundle), wraps it under the replica's wrapping key, and `online import` brings the replica back,
 * Enabled with its own round trip. Every step a keyferry command; one simulator serving two regions.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from '../../core/hsm/helpers/soft-tokens';
import { keyferry, type InProcessRun } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { paramsDigestFrom } from './witness-args';
import { writeReplicaPlan } from '../../helpers/replica-plan';
import { journalFileEntries } from '../../helpers/journal-entries';

const PIN = '61728394';
let dir: string | undefined;
let sim: KmsSimulator | undefined;
let token: SoftToken | undefined;
afterAll(async () => {
  await sim?.close();
  await token?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const digestOf = (run: InProcessRun) => /bundle digest ([0-9A-F ]{79})/.exec(run.stdout)?.[1] as string;

describe('custody restore --hsm-module for one replica of a group', () => {
  it('recalls the primary’s token object and wraps it for the replica alone; the replica imports again', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-hsm-replica-'));
    token = await createSoftHsmToken('vault-r', PIN);
    sim = await startKmsSimulator({ regions: [{ region: 'sim-local-2' }] });
    await writeReplicaPlan(dir, sim, {
      title: 'HSM replica drill',
      alias: 'vault/aes',
      wrappingAlgorithm: 'RSAES_OAEP_SHA_1',
      materialExpiry: '90d',
    });
    const { args: connection, env } = onlineAt(sim);
    const run = (args: string[], extraEnv: NodeJS.ProcessEnv = env) =>
      keyferry(args, { cwd: dir as string, env: extraEnv });
    expect((await run(['online', 'create-key', '--plan', 'plan.json', ...connection])).code).toBe(0);
    const params1 = await run(['online', 'params', ...connection, '--out', 'params-1']);
    expect(params1.code).toBe(0);
    const people = ['--operator', 'Ana', '--witness', 'Ben', '--allow-network'];
    const hsm = ['--hsm-module', SOFTHSM_MODULE, '--hsm-token', 'vault-r', '--hsm-pin-env', 'HSM_PIN'];
    const wrap = await run(
      [
        ...['airgap', 'wrap', '--bundle', 'params-1', '--out', 'wrapped-1', '--journal', 'airgap.jsonl'],
        ...people,
        ...['--witness-confirms', `Ben=${paramsDigestFrom(params1.stdout)}`],
        ...hsm,
      ],
      { HSM_PIN: PIN },
    );
    expect(wrap.stderr).toBe('');
    expect(wrap.code).toBe(0);
    const imported = await run([
      ...['online', 'import', ...connection, '--bundle', 'wrapped-1', '--expect-digest', digestOf(wrap)],
    ]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout.match(/AES_256\s+Enabled\s+OK: /g)).toHaveLength(2);
    const replicaId = /^\s+([0-9a-f-]{36})\s+sim-local-2\s/m.exec(imported.stdout)?.[1] as string;

    const deleted = await run([
      ...['online', 'delete-material', ...connection, '--key-id', replicaId, '--yes', '--acknowledge-loss'],
    ]);
    expect(deleted.code).toBe(0);
    // The way back is the token, not custody shares (none were made), in the delete's line and in status.
    const wayBack =
      /Its custody copy can bring it back: the HSM token "vault-r \/ \w+" that holds it \(online journal entry \d+\)/;
    expect(deleted.stdout).toMatch(wayBack);
    expect(deleted.stdout).toContain(
      'then keyferry custody restore --hsm-module with that token on the air-gapped workstation',
    );
    const status = await run(['online', 'status', ...connection]);
    expect(status.stdout).toMatch(wayBack);
    expect(`${deleted.stdout}${status.stdout}`).not.toContain('custody shares');
    const params2 = await run(['online', 'params', ...connection, '--out', 'params-2']);
    expect(params2.stderr).toBe('');
    expect(params2.code).toBe(0);
    expect(params2.stdout).toMatch(/keyferry custody restore --hsm-module PKCS11-MODULE --hsm-token \S+ /);
    // The replica keeps the expiry its primary holds: the printed restore says original, not a choice.
    expect(params2.stdout).toMatch(/ --expires original\n/);
    // Its round at the air-gapped side: status names the token, not shares or a material file.
    const waiting = await run(['online', 'status', ...connection]);
    expect(waiting.stdout).toMatch(
      /run with that bundle the command keyferry online params printed: keyferry custody restore --bundle … --hsm-module …, with the HSM token vault-r \/ \w+ that holds the material \(online journal entry \d+\)/,
    );
    expect(waiting.stdout).not.toContain('custody shares');
    expect(params2.stdout).toContain(
      `--expires original keeps the expiry each key had: ${replicaId} of a replica group whose other members hold this material must keep the one the group holds`,
    );

    const restored = await run(
      [
        ...['custody', 'restore', '--bundle', 'params-2', '--wrapped-out', 'wrapped-2', '--journal', 'airgap.jsonl'],
        ...people,
        ...['--witness-confirms', `Ben=${paramsDigestFrom(params2.stdout)}`, '--expires', 'original'],
        ...hsm,
      ],
      { HSM_PIN: PIN },
    );
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const again = await run([
      ...['online', 'import', ...connection, '--bundle', 'wrapped-2', '--expect-digest', digestOf(restored)],
    ]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`${replicaId}\\s+sim-local-2\\s.*AES_256\\s+Enabled\\s+OK: `));
    // One material, one expiry: the replica took the one its primary holds.
    const expiries = (await journalFileEntries(path.join(dir as string, 'online.jsonl')))
      .filter((e) => e.event === 'key.imported')
      .map((e) => e.data.expiresAt);
    expect(new Set(expiries).size).toBe(1);
  }, 180_000);
});
