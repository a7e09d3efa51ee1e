/**
 * Where the online commands write, checked and journaled, against a real simulator on 127.0.0.1:
 * `online params --out` naming a folder that already holds something is refused before any KMS
 * call (no token issued, nothing journaled as fetched; the refusal journaled, on the receipt), and `online import --receipt-dir` naming a
 * folder that does not exist imports and verifies the keys, journals the failed receipt
 * (receipt.failed, a deviation), prints the command that writes it, and that command, run as
 * printed, imports nothing again and writes the receipt listing the failure. The Next line after
 * `online params` writes the wrapped bundle beside the parameters bundle (the same media).
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import { airgapWrapArgs, onlineAt } from '../../helpers/cli-sides';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { paramsDigestFrom } from './witness-args';

let dir: string;
let online: string;
let sim: KmsSimulator;
let connection: string[];
let env: NodeJS.ProcessEnv;
let keyId = '';
let paramsOutput = '';

async function journalEvents(): Promise<{ event: string; data: Record<string, unknown> }[]> {
  return (await readFile(path.join(online, 'online.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-online-destinations-'));
  online = path.join(dir, 'online');
  await mkdir(online);
  sim = await startKmsSimulator();
  ({ args: connection, env } = onlineAt(sim));
  const created = await keyferry(
    [
      'online',
      'create-key',
      ...connection,
      '--alias',
      'dest/aes',
      '--spec',
      'AES_256',
      '--operator',
      'Ana',
      '--witness',
      'Ben',
    ],
    { cwd: online, env },
  );
  expect(created.stderr).toBe('');
  keyId = /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/.exec(created.stdout)?.[1] as string;
}, 60_000);

afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('online params --out', () => {
  it('refuses a folder that already holds something before any KMS call, then writes into a new one', async () => {
    const taken = path.join(online, 'taken');
    await mkdir(taken);
    await writeFile(path.join(taken, 'notes.txt'), 'mine');
    const requestsBefore = sim.trafficStats().requests;
    const refused = await keyferry(['online', 'params', ...connection, '--out', 'taken'], { cwd: online, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `The import-parameters bundle folder ${taken} already holds 1 item, e.g. notes.txt; Keyferry writes only into a new or empty folder.`,
    );
    // Not even the connection test: no token was issued for a bundle that could not be written.
    expect(sim.trafficStats().requests).toBe(requestsBefore);
    expect(refused.stderr).toContain('Nothing was written.');
    expect((await journalEvents()).map((e) => e.event)).not.toContain('parameters.fetched');
    // The refused attempt is journaled, so the ceremony's receipt shows it among the deviations.
    expect((await journalEvents()).at(-1)).toMatchObject({
      event: 'step.failed',
      data: { step: 'write-parameters-bundle', keyId: null, code: 'PREFLIGHT_FOLDER_NOT_EMPTY' },
    });
    expect(await readdir(taken)).toEqual(['notes.txt']);

    const params = await keyferry(['online', 'params', ...connection, '--out', 'params'], { cwd: online, env });
    expect(params.stderr).toBe('');
    expect(params.code).toBe(0);
    paramsOutput = params.stdout;
    // The Next line writes the wrapped bundle beside the parameters bundle, on the same media (walker
    // F12), not into the air-gapped workstation's working folder; both named on the media as the
    // air-gapped workstation mounts it (MEDIA), whose folder here the next line gives.
    expect(params.stdout).toContain('keyferry airgap wrap --bundle MEDIA/params --out MEDIA/wrapped-material-');
    expect(params.stdout).toContain(`MEDIA: the folder that holds the bundle (${online} on this workstation)`);
    expect((await journalEvents()).filter((e) => e.event === 'parameters.fetched')).toHaveLength(1);
  });
});

describe('online import --receipt-dir', () => {
  it('a receipt folder that does not exist: the import stands, the failure is journaled, the printed command writes the receipt', async () => {
    const wrap = await keyferry(
      airgapWrapArgs({ bundle: 'online/params', digest: paramsDigestFrom(paramsOutput) }, '--allow-network'),
      { cwd: dir },
    );
    expect(wrap.stderr).toBe('');
    const digest = /bundle digest ([0-9A-F ]{79})/.exec(wrap.stdout)?.[1] as string;
    const missing = path.join(dir, 'no-such-folder');
    const failed = await keyferry(
      [
        'online',
        'import',
        ...connection,
        '--bundle',
        '../wrapped',
        '--expect-digest',
        digest,
        '--receipt-dir',
        missing,
      ],
      { cwd: online, env },
    );
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`imported AES_256 key ${keyId}`);
    expect(failed.stdout).toContain(
      'The key is imported and verified (journaled), but the receipt could not be written',
    );
    expect(sim.importCount(keyId)).toBe(1);
    const events = await journalEvents();
    expect(events.at(-1)).toMatchObject({ event: 'receipt.failed', data: { folder: missing } });
    expect(String(events.at(-1)?.data.code)).not.toBe('');

    // The bundle named on the media, MEDIA given by the line after it, as every Next line does.
    expect(failed.stdout).toContain(' --bundle MEDIA/wrapped ');
    const again = nextCommand(onPrintedMedia(failed.stdout)).map((w) => (w === 'DIR' ? 'receipts' : w));
    expect(again.slice(0, 2)).toEqual(['online', 'import']);
    await mkdir(path.join(online, 'receipts'));
    const written = await keyferry(again, { cwd: online, env });
    expect(written.stderr).toBe('');
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('Every key of this bundle already holds its material');
    expect(written.stdout).not.toContain('imported AES_256 key');
    expect(sim.importCount(keyId)).toBe(1);
    const receipt = (await readdir(path.join(online, 'receipts'))).find((n) => n.endsWith('.txt'));
    const text = await readFile(path.join(online, 'receipts', receipt as string), 'utf8');
    expect(text).toContain('receipt.failed');
    expect(text).toContain(keyId);
    expect(text.replace(/\s+/g, ' ')).toContain(
      `The import-parameters bundle folder ${path.join(online, 'taken')} already holds 1 item`,
    );
  });
});
