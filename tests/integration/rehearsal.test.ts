/** `keyferry rehearse` end to end, in its own process: all six specs, exit 0, table, receipts, journals. */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEY_SPECS } from '../../src-main/core/crypto/key-spec';
import { verifyJournal } from '../../src-main/core/journal';
import { receiptJournalSeal, runCli } from './cli-process';

let parent: string | undefined;
afterAll(async () => {
  if (parent) await rm(parent, { recursive: true, force: true });
});

describe('keyferry rehearse (all six specs)', () => {
  it('imports and proves every key, writes and verifies both receipts and journals, exits 0', async () => {
    parent = await mkdtemp(path.join(os.tmpdir(), 'kf-rehearse-'));
    const run = await runCli(['rehearse', '--out', 'rehearsal'], { cwd: parent });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = path.join(parent, 'rehearsal');

    const table = run.stdout.split('\n').filter((l) => /^\s+(AES_256|RSA_\d{4}|EC_P\d{3})\s/.test(l));
    expect(table.map((l) => l.trim().split(/\s+/)[0])).toEqual([...KEY_SPECS]);
    for (const row of table) expect(row).toMatch(/^\s+\S+\s+[0-9a-f-]{36}\s+Enabled\s+OK: Enabled; /);
    expect(run.stdout).toMatch(/spec\s+key id\s+final state\s+proof/);
    expect(run.stdout).toContain('Rehearsal passed');
    // Then where the two-machine rehearsal starts: the simulator that keeps its state.
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(
      /^Next, to rehearse the real commands as two people on two machines .*keyferry kms-sim --state sim-state\.json --port 8790 --clock-control, then follow the README’s walk-through from online create-key/,
    );

    for (const side of ['online', 'airgap']) {
      const files = await readdir(path.join(out, side));
      const text = files.find((f) => f.endsWith('.txt'));
      expect(files.filter((f) => f.startsWith('receipt-') && f.endsWith('.html'))).toHaveLength(1);
      expect(text).toBeDefined();
      const receipt = await readFile(path.join(out, side, text as string), 'utf8');
      for (const spec of KEY_SPECS) expect(receipt).toContain(spec);
      const seal = receiptJournalSeal(receipt);
      expect(seal.head).toMatch(/^[0-9A-F]{64}$/);
      const verification = await verifyJournal(path.join(out, side, 'journal.jsonl'), {
        expectedHead: seal.head,
        expectedCount: seal.count,
      });
      // After the receipt: its own entry, and on the air-gapped side the bundle's manifest (written after the receipt).
      expect(verification).toMatchObject({ ok: true, laterEntries: side === 'airgap' ? 2 : 1 });
    }
    const online = await readFile(
      path.join(out, 'online', (await readdir(path.join(out, 'online'))).find((f) => f.endsWith('.txt')) as string),
      'utf8',
    );
    expect(online.match(/get-publickey equals the wrapped public key/g)).toHaveLength(5);
    expect((await stat(path.join(out, 'media', 'wrapped-material', 'manifest.json'))).isFile()).toBe(true);
    expect(JSON.parse(await readFile(path.join(out, 'plan.json'), 'utf8')).keys).toHaveLength(6);
  }, 300_000);

  it('refuses to write into an existing folder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-rehearse-exists-'));
    try {
      const run = await runCli(['rehearse', '--out', dir, '--specs', 'AES_256'], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/Could not create the folder .*already exists/);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
