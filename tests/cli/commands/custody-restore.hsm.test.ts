/**
 * `keyferry custody restore --hsm-module …` as an officer runs it, every step a keyferry command
 * against the KMS simulator (clock control on) and a real SoftHSM token: `online create-key` with
 * a material expiry, `online params`, `airgap wrap --hsm-*` (the AES key generated in the token),
 * `online import`; data encrypted; `kms-sim advance` past the expiry (the key is back in Pending
 * import); `online params` again; then the restore from the token, continuing the air-gapped
 * journal: the same token object re-wrapped (same KCV), `online import` of that bundle, and the
 * ciphertext made before the expiry decrypts. Shares with the HSM options, a wrong PIN, another
 * token and a second object under the journaled label are refused with their messages and write no bundle. The PIN is in no file
 * and no output.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KmsClient } from '../../../src-main/core/kms/client';
import { AkSkCredentials } from '../../../src-main/core/kms/credentials';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from '../../core/hsm/helpers/soft-tokens';
import { keyferry, type InProcessRun } from '../../integration/cli-in-process';
import { paramsDigestFrom } from './witness-args';

const PIN = '83920174';
const PLAINTEXT = 'treasury ledger 2026-12';
let dir: string | undefined;
let sim: KmsSimulator | undefined;
let kms: KmsClient | undefined;
let token: SoftToken | undefined;
afterAll(async () => {
  kms?.close();
  await sim?.close();
  await token?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Entry {
  readonly event: string;
  readonly data: Record<string, unknown>;
}
async function entries(file: string): Promise<Entry[]> {
  return (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Entry);
}

const digestOf = (run: InProcessRun) => /bundle digest ([0-9A-F ]{79})/.exec(run.stdout)?.[1] as string;

describe('keyferry custody restore --hsm-module (SoftHSM, simulator clock)', () => {
  it('re-wraps the journaled token object after the material expired; the re-import decrypts what was encrypted before', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-hsm-restore-'));
    token = await createSoftHsmToken('vault-a', PIN);
    sim = await startKmsSimulator({ clockControl: true });
    kms = new KmsClient({
      endpoint: sim.endpoint,
      projectId: sim.projectId,
      credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
      retry: { maxAttempts: 1 },
    });
    const outputs: InProcessRun[] = [];
    const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
      const result = await keyferry(args, { cwd: dir as string, env });
      outputs.push(result);
      return result;
    };
    const online = ['--journal', 'online.jsonl', '--endpoint', sim.endpoint, '--region', sim.region];
    const creds = { KEYFERRY_AK: sim.ak, KEYFERRY_SK: sim.sk };
    const expiresAt = new Date(Math.floor((Date.now() + 3_600_000) / 1000) * 1000);
    await writeFile(
      path.join(dir, 'plan.json'),
      JSON.stringify({
        title: 'HSM restore drill',
        operator: 'Ana',
        witnesses: ['Ben'],
        wrappingAlgorithm: 'RSAES_OAEP_SHA_1',
        materialExpiry: expiresAt.toISOString(),
        keys: [{ alias: 'vault/aes', spec: 'AES_256' }],
      }),
    );
    const created = await run(
      ['online', 'create-key', '--plan', 'plan.json', '--project-id', sim.projectId, ...online],
      creds,
    );
    expect(created.stderr).toBe('');
    const keyId = /([0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12})/.exec(created.stdout)?.[1] as string;
    const params1 = await run(['online', 'params', ...online, '--out', 'params-1'], creds);
    expect(params1.code).toBe(0);
    const people = ['--operator', 'Ana', '--witness', 'Ben'];
    const hsm = ['--hsm-module', SOFTHSM_MODULE, '--hsm-token', 'vault-a', '--hsm-pin-env', 'HSM_PIN'];
    const wrap = await run(
      [
        'airgap',
        'wrap',
        '--bundle',
        'params-1',
        '--out',
        'wrapped-1',
        '--journal',
        'airgap.jsonl',
        ...people,
        '--witness-confirms',
        `Ben=${paramsDigestFrom(params1.stdout)}`,
        '--expires',
        expiresAt.toISOString(),
        '--allow-network',
        ...hsm,
      ],
      { HSM_PIN: PIN },
    );
    expect(wrap.stderr).toBe('');
    expect(wrap.code).toBe(0);
    const generated = (await entries(path.join(dir, 'airgap.jsonl'))).find((e) => e.event === 'material.generated');
    expect(generated?.data).toMatchObject({ keyId, source: 'hsm', hsmTokenSerial: token.serial });
    const kcv = generated?.data.keyCheckValue as string;
    expect(kcv).toMatch(/^[0-9A-F]{6}$/);
    const imported = await run(
      ['online', 'import', ...online, '--bundle', 'wrapped-1', '--expect-digest', digestOf(wrap)],
      creds,
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const { cipherText } = await kms.encryptData({ keyId, plainText: PLAINTEXT });

    // Two hours pass for the KMS: the material expired and was deleted.
    const advanced = await run(['kms-sim', 'advance', '--endpoint', sim.endpoint, '--by', '2h']);
    expect(advanced.code).toBe(0);
    expect((await kms.describeKey(keyId)).stateName).toBe('Pending import');
    const params2 = await run(['online', 'params', ...online, '--out', 'params-2'], creds);
    expect(params2.code).toBe(0);
    // The printed restore names the air-gapped journal that recorded the token's objects, so it
    // also works into a new journal (as the refusals below are run).
    expect(params2.stdout).toMatch(
      /keyferry custody restore --hsm-module PKCS11-MODULE --hsm-token \S+ --hsm-journal airgap\.jsonl /,
    );
    const restoreArgs = (out: string, journal = 'airgap.jsonl') => [
      'custody',
      'restore',
      '--bundle',
      'params-2',
      '--wrapped-out',
      out,
      '--journal',
      journal,
      ...people,
      '--witness-confirms',
      `Ben=${paramsDigestFrom(params2.stdout)}`,
      '--allow-network',
      // The material had an expiry (now past): the restore chooses one explicitly.
      '--expires',
      'never',
    ];

    // Refusals first: shares with the HSM options; a wrong PIN; another token.
    const withShares = await run([...restoreArgs('wrapped-x'), ...hsm, '--share', 'any.json'], { HSM_PIN: PIN });
    expect(withShares.code).toBe(1);
    expect(withShares.stderr).toMatch(/HSM material has no custody shares: it never left the HSM in plaintext/);
    const wrongPin = await run(
      [...restoreArgs('wrapped-x', 'restore-wrong-pin.jsonl'), ...hsm, '--hsm-journal', 'airgap.jsonl'],
      { HSM_PIN: '11111111' },
    );
    expect(wrongPin.code).toBe(1);
    expect(wrongPin.stderr).toMatch(/CKR_PIN_INCORRECT/);
    execFileSync(
      'softhsm2-util',
      ['--init-token', '--free', '--label', 'vault-b', '--so-pin', '55667788', '--pin', PIN],
      {
        stdio: 'pipe',
      },
    );
    const otherToken = await run(
      [
        ...restoreArgs('wrapped-x', 'restore-other-token.jsonl'),
        ...hsm.slice(0, 2),
        '--hsm-token',
        'vault-b',
        '--hsm-pin-env',
        'HSM_PIN',
        '--hsm-journal',
        'airgap.jsonl',
      ],
      { HSM_PIN: PIN },
    );
    expect(otherToken.code).toBe(1);
    expect(otherToken.stderr).toContain(
      `the air-gapped journal recorded the material in the token with serial ${token.serial}`,
    );
    // A second key object under the journaled label: the restore does not choose, and says what a
    // restore can do (find the one with the journaled check value, remove the others), not the
    // wrap's --hsm-key-label.
    const label = generated?.data.objectLabel as string;
    const pkcs11 = ['--module', SOFTHSM_MODULE, '--token-label', 'vault-a', '--login', '--pin', PIN];
    execFileSync('pkcs11-tool', [...pkcs11, '--keygen', '--key-type', 'AES:32', '--label', label, '--id', '99'], {
      stdio: 'pipe',
    });
    const ambiguous = await run(
      [...restoreArgs('wrapped-x', 'restore-ambiguous.jsonl'), ...hsm, '--hsm-journal', 'airgap.jsonl'],
      { HSM_PIN: PIN },
    );
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain(`Token "vault-a" has 2 keys with label "${label}"`);
    expect(ambiguous.stderr).toContain(
      'Find which object holds the material this ceremony recorded (its key check value or public-key fingerprint equals the one the air-gapped journal recorded when it was generated; compare with the HSM vendor’s tools), then delete the others (pkcs11-tool … --login --delete-object --id … --label …) or give them another label with the vendor’s tools; then restore again.',
    );
    expect(ambiguous.stderr).not.toContain('--hsm-key-label');
    execFileSync('pkcs11-tool', [...pkcs11, '--delete-object', '--type', 'secrkey', '--id', '99'], { stdio: 'pipe' });
    await expect(stat(path.join(dir, 'wrapped-x'))).rejects.toMatchObject({ code: 'ENOENT' });
    for (const [journal, code] of [
      ['restore-wrong-pin.jsonl', 'HSM_PIN_INCORRECT'],
      ['restore-other-token.jsonl', 'HSM_RESTORE_TOKEN_DIFFERS'],
      ['restore-ambiguous.jsonl', 'HSM_KEY_AMBIGUOUS'],
    ] as const) {
      const events = await entries(path.join(dir, journal));
      expect(events.find((e) => e.event === 'custody.restore-refused')?.data).toMatchObject({ code });
      expect(events.at(-1)?.event).toBe('ceremony.abandoned');
    }

    // The restore continues the air-gapped journal: the token object it recorded, proven, re-wrapped.
    const restored = await run([...restoreArgs('wrapped-2'), ...hsm], { HSM_PIN: PIN });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`HSM token "vault-a": SoftHSM project SoftHSM v2, serial ${token.serial}`);
    expect(restored.stdout).toMatch(
      new RegExp(
        `Key ${keyId} \\(AES_256\\): token object "keyferry \\S+ ${keyId}" found, KCV ${kcv} equals journal entry \\d+`,
      ),
    );
    expect(restored.stdout).toContain('Proven: the token object holds the material the air-gapped journal recorded');
    expect(restored.stdout).toContain(`Custody copy: the HSM token "vault-a" (serial ${token.serial}).`);
    const reimported = await run(
      ['online', 'import', ...online, '--bundle', 'wrapped-2', '--expect-digest', digestOf(restored)],
      creds,
    );
    expect(reimported.stderr).toBe('');
    expect(reimported.code).toBe(0);
    expect((await kms.describeKey(keyId)).stateName).toBe('Enabled');
    expect((await kms.decryptData({ cipherText })).plainText).toBe(PLAINTEXT);
    const airgapEvents = await entries(path.join(dir, 'airgap.jsonl'));
    expect(airgapEvents.filter((e) => e.event === 'material.wrapped').map((e) => e.data.keyCheckValue)).toEqual([
      kcv,
      kcv,
    ]);

    // The PIN is in no file and in no output (the wrong one neither).
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    for (const f of files) {
      const bytes = await readFile(path.join(f.parentPath, f.name));
      expect(bytes.includes(Buffer.from(PIN)), `PIN in ${f.name}`).toBe(false);
      expect(bytes.includes(Buffer.from('11111111')), `wrong PIN in ${f.name}`).toBe(false);
    }
    for (const o of outputs) expect(`${o.stdout}\n${o.stderr}`).not.toMatch(/83920174|11111111/);
  }, 240_000);
});
