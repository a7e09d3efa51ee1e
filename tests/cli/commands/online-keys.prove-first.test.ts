/**
 * Verify first: with one key's material deleted and another holding material whose proof fails,
 * the ceremony stands at "material imported", where no import-parameters bundle can be written.
 * `online delete-material` and `online status` name both next steps, in order (prove the key, then
 * `online params` for the deleted one) instead of sending the officer to a `online params` that would
 * fetch and then be refused. A real simulator over HTTP, the CLI as the officer runs it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';

let dir: string;
let kms: SimSetup;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-prove-first-'));
  kms = await startSimWithClient();
});
afterAll(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a deleted key behind a key whose proof fails', () => {
  it('delete-material and status name both next steps: prove the key first, then fetch fresh parameters', async () => {
    const { online, env, journal, importCommand } = await wrappedCliCeremony(path.join(dir, 'c'), kms.sim, [
      { alias: 'pf/one', spec: 'AES_256' },
      { alias: 'pf/two', spec: 'AES_256' },
    ]);
    expect((await keyferry(importCommand, { cwd: online, env })).code).toBe(0);
    const created = (await journalFileEntries(journal)).filter((e) => e.event === 'key.created');
    const [lost, kept] = created.map((e) => e.data.keyId as string) as [string, string];
    const run = (args: string[], lang = 'en') =>
      keyferry(['--lang', lang, 'online', ...args, '--journal', 'online.jsonl'], { cwd: online, env });

    // Somebody disables pf/two at the console: its proof fails, the ceremony stands at its proof.
    await kms.client.disableKey(kept);
    expect((await run(['status'])).code).toBe(1);
    const deleted = await run([
      'delete-material',
      '--key-id',
      lost,
      '--yes',
      '--acknowledge-loss',
      '--confirm-key-id',
      lost,
    ]);
    expect(deleted.code).toBe(0);
    const proveFirst = `Verify first: 1 key holds imported material not proven yet (pf/two (${kept})), so the ceremony stands at step “material imported”, where no import-parameters bundle can be written; 1 key waits for fresh import parameters (pf/one (${lost})). Next: 1. prove it: keyferry online status --journal online.jsonl (it proves every key holding material and journals each proof; a proof that fails says what to mend); 2. then fetch and write the fresh parameters: keyferry online params --journal online.jsonl --out MEDIA/import-parameters-`;
    expect(deleted.stdout).toContain(proveFirst);
    expect(deleted.stdout).not.toContain('Next: fetch new import parameters');
    const status = await run(['status']);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain(proveFirst);
    const zh = await run(['status'], 'zh-CN');
    expect(zh.stdout).toContain(
      `先校验：1 个密钥持有尚未证明的已导入密钥材料（pf/two（${kept}）），因此仪式处于“已导入密钥材料”步骤，此步骤不能写出导入参数包；1 个密钥在等待新的导入参数（pf/one（${lost}））。下一步：1. 证明这些密钥：keyferry online status --journal online.jsonl（`,
    );

    // online params now is refused before it fetches: no fresh import token spent on a bundle it cannot write.
    const fetchedBefore = (await journalFileEntries(journal)).filter((e) => e.event === 'parameters.fetched').length;
    const early = await run(['params', '--out', 'params-early']);
    expect(early.code).toBe(1);
    expect(early.stderr).toBe(
      `keyferry online params: Fresh import parameters cannot be written yet: 1 key holds imported material not proven yet (pf/two (${kept})), so the ceremony stands at step “material imported”. Nothing was fetched. Prove it first (keyferry online status, or “Read the key states from the KMS” in the app, proves every key holding material and says what to mend), then fetch the fresh parameters again.`,
    );
    expect((await journalFileEntries(journal)).filter((e) => e.event === 'parameters.fetched')).toHaveLength(
      fetchedBefore,
    );

    // Enabled again: status proves it, and the deleted key's fresh parameters come next, written.
    await kms.client.enableKey(kept);
    const proven = await run(['status']);
    expect(proven.stdout).not.toContain('Verify first');
    const params = await run(['params', '--out', 'params-2']);
    expect(params.stderr).toBe('');
    expect(params.code).toBe(0);
  }, 180_000);
});
