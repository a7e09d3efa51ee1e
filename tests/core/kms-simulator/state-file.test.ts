/**
 * The simulator's state file on disk (core/kms-simulator/state-file.ts): saves that overlap (keys
 * created at once) are written one after the other, each whole, so the file ends with every key,
 * readable by its owner only, and no temporary file is left beside it. Loading: a file that does
 * not exist is a fresh start; one over 64 MiB, one that is a folder, or one that is not JSON is
 * refused naming the file and why. (Resuming and tampered fields: state.test.ts.)
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyferryError } from '../../../src-main/core/errors';
import { loadStateFile } from '../../../src-main/core/kms-simulator/state-file';
import { startSimWithClient } from '../kms/helpers/sim';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kf-sim-state-file-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function refusal(file: string): Promise<string> {
  const error = await loadStateFile(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof KeyferryError) || error.code !== 'SIM_STATE_INVALID') throw new Error(`not refused: ${file}`);
  return error.message;
}

describe('the simulator state file', () => {
  it('holds every key after overlapping saves, owner-only, with no temporary file left', async () => {
    const statePath = path.join(dir, 'sim-state.json');
    const setup = await startSimWithClient({ statePath });
    let keyIds: string[];
    try {
      const created = await Promise.all(
        Array.from({ length: 12 }, (_, i) => setup.client.createKey({ alias: `state/${i}`, spec: 'AES_256' })),
      );
      keyIds = created.map((k) => k.keyId);
    } finally {
      await setup.close();
    }
    expect(await fs.readdir(dir)).toEqual(['sim-state.json']);
    expect((await fs.stat(statePath)).mode & 0o777).toBe(0o600);
    const loaded = await loadStateFile(statePath);
    expect([...(loaded?.first.keys.keys() ?? [])].sort()).toEqual([...keyIds].sort());
    expect(loaded?.others).toEqual([]);
  });

  it('is a fresh start when missing, and refused when too large, a folder or not JSON', async () => {
    expect(await loadStateFile(path.join(dir, 'absent.json'))).toBeUndefined();

    const big = path.join(dir, 'big.json');
    await fs.writeFile(big, '{}');
    await fs.truncate(big, 64 * 1024 * 1024 + 1);
    expect(await refusal(big)).toBe(`The simulator state file ${big} cannot be used: it is larger than 64 MiB.`);

    const folder = path.join(dir, 'folder.json');
    await fs.mkdir(folder);
    expect(await refusal(folder)).toBe(
      `The simulator state file ${folder} cannot be used: it is a folder or another kind of special file, not a file.`,
    );

    const cut = path.join(dir, 'cut.json');
    await fs.writeFile(cut, '{"format":"keyferry-kms-simulator-state","keys":[');
    expect(await refusal(cut)).toBe(`The simulator state file ${cut} cannot be used: it is not JSON.`);
    const wrongFormat = path.join(dir, 'other.json');
    await fs.writeFile(wrongFormat, JSON.stringify({ format: 'something-else' }));
    expect(await refusal(wrongFormat)).toMatch(/cannot be used: field ".*" is not valid\.$/);
  });
});
