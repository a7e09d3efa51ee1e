/**
 * After `online delete-material` the key is Pending import again and the ceremony's way back starts
 * with fresh parameters: every command that says where the ceremony stands must say so, and none
 * may call it finished (two folders as two machines, one simulator over real HTTP on 127.0.0.1).
 * Two AES keys imported and the receipt written, then one key's material deleted: the create step
 * run again is refused at "keys created" with "Fetch the import parameters next", the other key's
 * material can still be deleted, and fresh parameters go on from there.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { airGappedThenImport, nextCommand, onPrintedMedia, twoMachines } from '../../integration/pasted-shell';
import { onlineAt } from '../../helpers/cli-sides';
import { journalFileEntries } from '../../helpers/journal-entries';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';

let dir: string;
let kms: SimSetup;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-delete-step-'));
  kms = await startSimWithClient();
});
afterAll(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the ceremony after delete-material needs new parameters, in every command', () => {
  it('refuses the create step at "keys created", not "finished", and lets the other key be deleted', async () => {
    await mkdir(path.join(dir, 'c'));
    const { online, airgap } = await twoMachines(path.join(dir, 'c'));
    await writeFile(
      path.join(online, 'plan.json'),
      JSON.stringify({
        title: 'Step after delete',
        operator: 'Ana',
        witnesses: ['Ben'],
        keys: [
          { alias: 's/deleted', spec: 'AES_256' },
          { alias: 's/other', spec: 'AES_256' },
        ],
      }),
    );
    const { args: connection, env } = onlineAt(kms.sim);
    const on = (args: string[]) => keyferry([...args, ...connection], { cwd: online, env });
    expect((await on(['online', 'create-key', '--plan', 'plan.json'])).code).toBe(0);
    const params = await on(['online', 'params', '--out', 'params-1']);
    await airGappedThenImport(nextCommand(onPrintedMedia(params.stdout)), params.stdout, { online, airgap, env }, [
      '--no-backup',
    ]);
    const created = (await journalFileEntries(path.join(online, 'online.jsonl'))).filter(
      (e) => e.event === 'key.created',
    );
    const idOf = (alias: string) => created.find((e) => e.data.alias === alias)?.data.keyId as string;
    const [deleted, other] = [idOf('s/deleted'), idOf('s/other')];
    const remove = (keyId: string) =>
      on(['online', 'delete-material', '--key-id', keyId, '--yes', '--acknowledge-loss', '--confirm-key-id', keyId]);
    expect((await remove(deleted)).code).toBe(0);

    const rerun = await on(['online', 'create-key', '--plan', 'plan.json']);
    expect(rerun.code).toBe(1);
    expect(rerun.stderr).toContain(
      'Cannot create keys now: the online ceremony is at step “keys created”. Fetch the import parameters next (keyferry online params).',
    );
    expect(rerun.stderr).not.toContain('finished');
    const rerunZh = await on(['online', 'create-key', '--plan', 'plan.json', '--lang', 'zh-CN']);
    expect(rerunZh.stderr).toContain('“已创建密钥”');
    expect(rerunZh.stderr).not.toContain('已完成');

    // The other key still holds its material: deleting it is not refused for the step.
    const second = await remove(other);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const fresh = await on(['online', 'params', '--out', 'params-2']);
    expect(fresh.stderr).toBe('');
    expect(fresh.code).toBe(0);
  });
});
