/**
 * `keyferry airgap wrap` is run by the people the ceremony names (walker finding F3): the
 * parameters bundle `online params` writes carries the online journal's operator and witnesses,
 * and a wrap naming anyone else (a misspelt witness, another operator) is refused with both lists
 * before its journal gets a session and before any material exists; the same people, the
 * witnesses in another order, wrap.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import { paramsDigestFrom } from './witness-args';
import { airgapWrapArgs, onlineAt } from '../../helpers/cli-sides';

let dir: string;
let sim: KmsSimulator;
let digest = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-airgap-people-'));
  await mkdir(path.join(dir, 'online'));
  await mkdir(path.join(dir, 'airgap'));
  sim = await startKmsSimulator();
  const { args, env } = onlineAt(sim, 'online-C.jsonl');
  const people = ['--operator', 'Ana Lima', '--witness', 'Ben Okafor', '--witness', 'Chloé Martin'];
  const create = await keyferry(
    ['online', 'create-key', ...args, '--alias', 'people/aes', '--spec', 'AES_256', ...people],
    {
      cwd: path.join(dir, 'online'),
      env,
    },
  );
  expect(create.code, create.stderr).toBe(0);
  const params = await keyferry(['online', 'params', ...args, '--out', path.join(dir, 'params-C')], {
    cwd: path.join(dir, 'online'),
    env,
  });
  expect(params.code, params.stderr).toBe(0);
  digest = paramsDigestFrom(params.stdout);
}, 120_000);

afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

const wrap = (operator: string, witnesses: string[], journal: string) =>
  keyferry(
    airgapWrapArgs(
      {
        bundle: path.join(dir, 'params-C'),
        out: path.join(dir, `wrapped-${journal}`),
        journal,
        operator,
        witnesses,
        digest,
      },
      '--allow-network',
    ),
    { cwd: path.join(dir, 'airgap') },
  );

describe('airgap wrap and the people the parameters bundle names', () => {
  it('refuses a misspelt witness (finding F3 a) and another operator, naming both lists, before the journal has a session', async () => {
    const misspelt = await wrap('Ana Lima', ['Ben Okafer', 'Chloé Martin'], 'airgap-C.jsonl');
    expect(misspelt.code).toBe(1);
    expect(misspelt.stderr).toContain(
      'This import-parameters bundle names the people of its ceremony, as the online journal holds them: operator Ana Lima, witnesses Ben Okafor, Chloé Martin. This run names operator Ana Lima, witnesses Ben Okafer, Chloé Martin: other witnesses.',
    );
    expect(misspelt.stderr).toContain('Run it again with the people the bundle names');
    expect(misspelt.stderr).not.toContain('only in case, accents or spacing');
    // Its accent left out (a trial): the name meant is said.
    const unaccented = await wrap('Ana Lima', ['Ben Okafor', 'Chloe Martin'], 'airgap-C3.jsonl');
    expect(unaccented.stderr.replace(/\s+/g, ' ')).toContain(
      '“Chloe Martin” differs from the bundle’s “Chloé Martin” only in case, accents or spacing, and names are matched exactly. Run it again',
    );
    const mallory = await wrap('Mallory', ['Chloé Martin'], 'airgap-C2.jsonl');
    expect(mallory.code).toBe(1);
    expect(mallory.stderr).toContain('This run names operator Mallory, witnesses Chloé Martin: another operator.');
    for (const journal of ['airgap-C.jsonl', 'airgap-C2.jsonl', 'airgap-C3.jsonl']) {
      expect(existsSync(path.join(dir, 'airgap', journal))).toBe(false);
      expect(existsSync(path.join(dir, `wrapped-${journal}`))).toBe(false);
    }
  }, 120_000);

  it('wraps with the ceremony’s people, the witnesses in another order', async () => {
    const run = await wrap('Ana Lima', ['Chloé Martin', 'Ben Okafor'], 'airgap-C3.jsonl');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await readdir(path.join(dir, 'wrapped-airgap-C3.jsonl'))).toContain('manifest.json');
  }, 120_000);
});
