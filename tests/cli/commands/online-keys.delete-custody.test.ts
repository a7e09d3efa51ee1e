/**
 * `keyferry online delete-material` says what the online journal knows of the material's custody
 * copy (walker finding F14), two folders as two machines against a real simulator on 127.0.0.1:
 * a key wrapped with NO custody copy is named as such (the journal entry that says so) and needs its
 * key ID typed again besides --acknowledge-loss; a key with custody shares names them (M of N and
 * the holders); `online status` afterwards says "lost for ever" or who can bring it back.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import { paramsDigestFrom } from './witness-args';
import { airgapWrapArgs, onlineAt } from '../../helpers/cli-sides';

let dir: string;
let sim: KmsSimulator;

/** One AES ceremony `name` up to its import: the online journal's arguments and the key's id. */
async function importedCeremony(name: string, custody: readonly string[]) {
  const online = path.join(dir, name, 'online');
  const airgap = path.join(dir, name, 'airgap');
  await mkdir(online, { recursive: true });
  await mkdir(airgap, { recursive: true });
  const { args, env } = onlineAt(sim, `online-${name}.jsonl`);
  const run = (extra: string[]) => keyferry(['online', ...extra], { cwd: online, env });
  const people = ['--operator', 'Ana', '--witness', 'Ben'];
  const create = await run(['create-key', ...args, '--alias', `${name}/aes`, '--spec', 'AES_256', ...people]);
  expect(create.stderr).toBe('');
  const keyId = /[0-9a-f]{8}-[0-9a-f-]{27}/.exec(create.stdout)?.[0] as string;
  const params = await run(['params', ...args, '--out', path.join(dir, name, 'params')]);
  expect(params.code).toBe(0);
  const wrap = await keyferry(
    airgapWrapArgs(
      {
        bundle: path.join(dir, name, 'params'),
        out: path.join(dir, name, 'wrapped'),
        digest: paramsDigestFrom(params.stdout),
      },
      '--allow-network',
      ...custody,
    ),
    { cwd: airgap },
  );
  expect(wrap.stderr).toBe('');
  const digest = /bundle digest ([0-9A-F ]{79})/.exec(wrap.stdout)?.[1] as string;
  const imported = await run([
    'import',
    ...args,
    '--bundle',
    path.join(dir, name, 'wrapped'),
    '--expect-digest',
    digest,
  ]);
  expect(imported.code).toBe(0);
  const journal = (await readFile(path.join(online, `online-${name}.jsonl`), 'utf8')).trim().split('\n');
  const checked = journal
    .map((line) => JSON.parse(line) as { seq: number; event: string })
    .find((e) => e.event === 'wrapped-bundle.checked');
  const remove = (...extra: string[]) => run(['delete-material', ...args, '--key-id', keyId, '--yes', ...extra]);
  const status = () => run(['status', ...args]);
  // A custody set's tag: the first 8 hex digits of the backup digest the bundle names (upper case).
  const manifest = JSON.parse(await readFile(path.join(dir, name, 'wrapped', 'manifest.json'), 'utf8')) as {
    custody?: { backupDigest?: string };
  };
  const setTag = manifest.custody?.backupDigest?.slice(0, 8).toUpperCase();
  return { keyId, checkedSeq: checked?.seq as number, setTag, remove, status };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-delete-custody-'));
  sim = await startKmsSimulator();
}, 30_000);

afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('keyferry online delete-material: what the journal knows of the custody copy', () => {
  it('names a key with NO custody copy and needs its key ID typed again before destroying it', async () => {
    const c = await importedCeremony('none', []);
    const acknowledged = await c.remove('--acknowledge-loss');
    expect(acknowledged.code).toBe(1);
    expect(acknowledged.stderr).toContain(
      `Key ${c.keyId} has NO custody copy (online journal entry ${c.checkedSeq}: the air-gapped side kept none). Deleting its imported material destroys it for ever`,
    );
    expect(acknowledged.stderr).toContain(`--confirm-key-id followed by the key ID typed again (${c.keyId})`);
    expect(acknowledged.stderr).not.toContain('unless custody shares of the same material exist');
    const mistyped = await c.remove('--acknowledge-loss', '--confirm-key-id', c.keyId.slice(0, -1));
    expect(mistyped.code).toBe(1);
    expect(mistyped.stderr).toContain('is not the key whose material would be deleted');
    // Material without an expiry never expires (walker finding F18: the column said "-", as for no material).
    expect((await c.status()).stdout).toMatch(/none\/aes\s+AES_256\s+\S+\s+Enabled\s+never$/m);

    const deleted = await c.remove('--acknowledge-loss', '--confirm-key-id', c.keyId);
    expect(deleted.stderr).toBe('');
    expect(deleted.code).toBe(0);
    const afterDelete = await c.status();
    // Something is left to do (the key cannot be used until imported again): exit 1, as for a lapse.
    expect(afterDelete.code).toBe(1);
    const status = afterDelete.stdout;
    expect(status).toMatch(/none\/aes\s+AES_256\s+\S+\s+Pending import\s+-$/m);
    expect(status).toContain(
      `is in Pending import, and its material is lost for ever: it had NO custody copy (online journal entry ${c.checkedSeq}`,
    );
    expect(status).not.toContain('the air-gapped receipt says whether any were made');
  }, 120_000);

  it('names the custody shares (M of N, the holders) a key can be restored from', async () => {
    const custody = ['--custody', '2/2', '--custodian', 'Dana', '--custodian', 'Eli'];
    const folders = ['--custodian-folder', 'usb-a', '--custodian-folder', 'usb-b', '--shares-on-one-volume'];
    const c = await importedCeremony('shares', [...custody, ...folders]);
    const unacknowledged = await c.remove();
    expect(unacknowledged.code).toBe(1);
    expect(unacknowledged.stderr).toContain(
      `Online journal entry ${c.checkedSeq} records its custody copy: 2 of 2 shares, held by Dana, Eli, custody set ${c.setTag} (the tag in its share files’ names); without 2 of them every ciphertext under the key is unreadable for ever.`,
    );
    expect(unacknowledged.stderr).toContain('Make sure at least 2 of those custodians still hold their shares');

    const deleted = await c.remove('--acknowledge-loss');
    expect(deleted.stderr).toBe('');
    expect(deleted.code).toBe(0);
    // The delete says at once who can bring the material back and the step that starts it, as status does.
    const lines = deleted.stdout.trim().split('\n');
    expect(lines.at(-2)).toContain(
      `Its custody copy can bring it back: 2 of 2 shares, held by Dana, Eli, custody set ${c.setTag} (online journal entry ${c.checkedSeq}); run keyferry online params, then keyferry custody restore on the air-gapped workstation.`,
    );
    expect(lines.at(-1)).toMatch(
      /^Next, fresh wrapping keys and import tokens for the keys waiting for their material again .*: keyferry online params --journal online-shares\.jsonl --out MEDIA\/import-parameters-KF-[\w-]+-2$/,
    );
    expect((await c.status()).stdout).toContain(
      `Its custody copy can bring it back: 2 of 2 shares, held by Dana, Eli, custody set ${c.setTag} (online journal entry ${c.checkedSeq})`,
    );
  }, 120_000);
});
