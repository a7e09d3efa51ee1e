/**
 * `online params` when the keys waiting for parameters take their material from different custody
 * copies (tests/helpers/two-custody-copies.ts: key one's material in a 2-of-3 custody set, key two's
 * in none, both lapsed). Before, one bundle held both and named the restore from key one's shares,
 * which refuses key two (not in that custody backup): no way back for either. Now the mixed round
 * is refused with nothing fetched and one command per source; following the first brings key one
 * back through its restore, and the second (run before the first group is back) names the original
 * material for key two, and does not make the first group's import say its bundle was replaced.
 * Two folders as two machines, the real CLI against the simulator.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { lapsedFromTwoCustodyCopies } from '../../helpers/two-custody-copies';
import { keyferry } from '../../integration/cli-in-process';
import { airGappedThenImport, nextCommand, onPrintedMedia } from '../../integration/pasted-shell';

let dir: string;
let kms: SimSetup;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-params-sources-'));
  kms = await startSimWithClient();
});
afterAll(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

/** The online journal's events, in order. */
async function events(online: string): Promise<{ event: string; data: Record<string, unknown> }[]> {
  return (await readFile(path.join(online, 'online.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; data: Record<string, unknown> });
}

/** The codes of the fetches of import parameters refused on record (step.failed), in order. */
async function refusals(online: string): Promise<unknown[]> {
  return (await events(online))
    .filter((e) => e.event === 'step.failed' && e.data.step === 'get-parameters-for-import')
    .map((e) => e.data.code);
}

/** The numbered commands printed after a refused mixed round, as words after `keyferry`. */
function numberedCommands(stdout: string): string[][] {
  return stdout
    .split('\n')
    .filter((line) => /^ {2}\d\. keyferry online params /.test(line))
    .map((line) => line.replace(/^ {2}\d\. keyferry /, '').split(' '));
}

describe('online params with keys whose material lies in different custody copies', () => {
  it('refuses one bundle for both, then takes them one source at a time, and the restore brings key one back', async () => {
    const sides = await lapsedFromTwoCustodyCopies(dir, kms);
    const { on, one, two, online, airgap, env } = sides;
    const fetchedBefore = (await events(online)).filter((e) => e.event === 'parameters.fetched').length;

    const mixed = await on(['online', 'params', '--out', 'params-3']);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain(
      'keyferry online params: The keys waiting for import parameters take their material from 2 different places',
    );
    expect(mixed.stderr).toContain(
      `key custody/one (${one}): material imported before, whose custody copy is the 2-of-3 custody set`,
    );
    expect(mixed.stderr).toContain(`key custody/two (${two}): material imported before with NO custody copy`);
    expect(mixed.stderr).toContain('Nothing was fetched.');
    // Nothing fetched, so no token of the KMS's is spent, and no folder written; the refusal is on record.
    expect((await events(online)).filter((e) => e.event === 'parameters.fetched')).toHaveLength(fetchedBefore);
    expect(await refusals(online)).toEqual(['PARAMETERS_MATERIAL_SOURCES_DIFFER']);
    expect(await readdir(online)).not.toContain('params-3');
    const commands = numberedCommands(mixed.stdout);
    expect(commands).toEqual([
      ['online', 'params', '--journal', 'online.jsonl', '--key-id', one, '--out', 'params-3-1'],
      ['online', 'params', '--journal', 'online.jsonl', '--key-id', two, '--out', 'params-3-2'],
    ]);
    // The same refusal in Chinese.
    const zh = await on(['--lang', 'zh-CN', 'online', 'params', '--out', 'params-3']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('等待导入参数的密钥从 2 个不同的来源取得密钥材料');
    expect(zh.stderr).toContain('未获取任何参数。');
    expect(zh.stdout).toContain('请一次只为一组密钥获取参数');

    // The first command: key one alone, and its way back is the restore from its custody set.
    // As printed: the journal names the endpoint, region and project; the credentials come from the environment.
    const first = await keyferry(commands[0] as string[], { cwd: online, env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('custody/one (AES_256');
    expect(first.stdout).not.toContain('custody/two (AES_256');
    const chosen = (await events(online)).filter((e) => e.event === 'parameters.keys-chosen');
    expect(chosen.map((e) => e.data.keyIds)).toEqual([[one]]);
    // The second command, run before the first group is back: key two alone, whose only way back is its original material.
    const second = await keyferry(commands[1] as string[], { cwd: online, env });
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('No custody copy of this material was taken: only the original material');
    const wrap = nextCommand(second.stdout);
    expect(wrap.slice(0, 2)).toEqual(['airgap', 'wrap']);
    expect(wrap[wrap.indexOf('--key-id') + 1]).toBe(two);
    const restore = nextCommand(onPrintedMedia(first.stdout));
    expect(restore.slice(0, 6)).toEqual(['custody', 'restore', '--share', 'SHARE-1', '--share', 'SHARE-2']);
    const shares = await Promise.all(
      [1, 3].map(async (i) => {
        const folder = path.join(airgap, `custodian-${i}`);
        const file = (await readdir(folder)).find((f) => f.startsWith('keyferry-share-') && f.endsWith('.json'));
        return path.join(folder, file as string);
      }),
    );
    const followed = restore.map((w) =>
      w === 'SHARE-1' ? (shares[0] as string) : w === 'SHARE-2' ? (shares[1] as string) : w === 'EXPIRY' ? '30d' : w,
    );
    const { imported } = await airGappedThenImport(followed, first.stdout, { online, airgap, env });
    expect(imported.stdout).toMatch(/AES_256\s+Enabled\s+OK: /);
    // Made from the first group's bundle, not the last one written (the second group's): that one
    // holds other keys, replaced nothing, and is not to be destroyed.
    expect(imported.stdout).not.toContain('made from an earlier import-parameters bundle');
    // Key two still waits: no receipt yet, and the next step says so.
    expect(imported.stdout).toContain(
      `No receipt yet: it is written once every key of the ceremony holds imported material, and 1 key still waits for material (custody/two (${two})). Next, to see what it needs (new import parameters, or the air-gapped step for a bundle already written): keyferry online status --journal online.jsonl`,
    );

    // Key one holds material again: choosing it is refused, by name, and so is a key not of this ceremony.
    const holding = await on(['online', 'params', '--key-id', one, '--out', 'params-4']);
    expect(holding.code).toBe(1);
    expect(holding.stderr).toContain(`Key ${one} holds imported material, so there are no import parameters`);
    expect(holding.stderr).toContain(`Choose among the keys waiting for parameters: custody/two (${two}).`);
    const foreign = await on(['online', 'params', '--key-id', 'aes-1', '--out', 'params-4']);
    expect(foreign.stderr).toContain('Key aes-1 is not a key of this ceremony');
    // Each refused run is in the journal (and the receipt's deviations), not only a session that connected.
    expect((await refusals(online)).slice(-2)).toEqual(['PARAMETERS_KEY_NOT_WAITING', 'PARAMETERS_KEY_NOT_WAITING']);
  }, 240_000);
});
