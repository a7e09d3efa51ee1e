/**
 * The online commands' progress (src-main/cli/online-session.ts): one counted line per key naming it
 * by its alias; its key id is printed where it tells something, the table of created keys and the
 * fingerprint list of the bundle, not again on every progress line (noise with a hundred keys).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../src-main/core/kms-simulator/index';
import { onlineAt } from '../helpers/cli-sides';
import { keyferry } from '../integration/cli-in-process';

let dir: string;
let sim: KmsSimulator;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-progress-'));
  sim = await startKmsSimulator();
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

const ALIASES = ['progress/aes', 'progress/ec'];
const KEY_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

describe('online progress lines', () => {
  it('name each key by its alias, counted, and its key id once where it is listed', async () => {
    const plan = {
      title: 'Progress',
      operator: 'Ana',
      witnesses: ['Ben'],
      keys: [
        { alias: ALIASES[0], spec: 'AES_256' },
        { alias: ALIASES[1], spec: 'EC_P256' },
      ],
    };
    await writeFile(path.join(dir, 'plan.json'), JSON.stringify(plan));
    const { args, env } = onlineAt(sim);
    const create = await keyferry(['online', 'create-key', ...args, '--plan', 'plan.json'], { cwd: dir, env });
    expect(create.stderr).toBe('');
    const keyIds = [...new Set(create.stdout.match(KEY_ID))];
    expect(keyIds).toHaveLength(2);

    const params = await keyferry(['online', 'params', ...args, '--out', 'params'], { cwd: dir, env });
    expect(params.stderr).toBe('');
    const progress = params.stdout.split('\n').filter((line) => /^ {2}\[\d\/2\] /.test(line));
    expect(progress.map((line) => line.slice(0, 8)).sort()).toEqual(['  [1/2] ', '  [2/2] ']);
    for (const alias of ALIASES) expect(progress.filter((line) => line.includes(alias))).toHaveLength(1);
    expect(progress.join('\n')).not.toMatch(KEY_ID);
    // Each key id once: in the list of wrapping-key fingerprints, beside its alias.
    for (const keyId of keyIds) expect(params.stdout.split(keyId)).toHaveLength(2);
  });
});
