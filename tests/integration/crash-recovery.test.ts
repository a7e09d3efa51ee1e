/**
 * A crash or power cut in the middle of an air-gapped ceremony, in real processes (`node
 * bin/keyferry.js`): the process is killed with SIGKILL (no handler runs, as in a power cut) after
 * the custody split and the wrapped bundle were written, before the receipt. The next run on the
 * same journal journals the crashed session as ended without a stop, withdraws what it wrote (the
 * custodians' files removed, the bundle folder marked ABANDONED), says so, and its receipt lists the
 * crashed session under Deviations and never says a custodian holds the withdrawn set.
 */
import { airgapWrapArgs } from '../helpers/cli-sides';
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  importParametersFromKmsAnswer,
  readBundleDigest,
  writeImportParametersBundle,
} from '../../src-main/core/bundle';
import { verifyJournal } from '../../src-main/core/journal';
import { KEYFERRY_BIN as BIN } from './cli-process';

let dir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-crash-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  await rm(dir, { recursive: true, force: true });
});

/** An import-parameters bundle of two AES keys; returns its digest (what the witness types). */
async function parameters(): Promise<string> {
  const wrapping = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  const keys = [1, 2].map((i) =>
    importParametersFromKmsAnswer({
      region: 'cn-north-4',
      projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
      keyAlias: `test/key-${i}`,
      keySpec: 'AES_256',
      keyUsage: 'ENCRYPT_DECRYPT',
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      answer: {
        key_id: `0a1b2c3d-0000-4000-8000-00000000000${i}`,
        public_key: wrapping.publicKey.toString('base64'),
        import_token: randomBytes(300).toString('base64'),
        expiration_time: Math.floor(Date.now() / 1000) + 3600 * 20,
      },
    }),
  );
  await writeImportParametersBundle(path.join(dir, 'params'), { ceremonyId: 'KF-20250301-abcdef', keys });
  return readBundleDigest(path.join(dir, 'params'));
}

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: NodeJS.ProcessEnv, onOutput: (seen: string, child: ChildProcess) => void) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, detached: true, env });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString('utf8');
    onOutput(stdout + stderr, child);
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString('utf8');
    onOutput(stdout + stderr, child);
  });
  return new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

async function journalEvents(): Promise<string[]> {
  return (await readFile(path.join(dir, 'airgap.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { event: string }).event);
}

describe('an air-gapped session killed (a crash, a power cut) after the custody split', () => {
  it('is journaled and withdrawn by the next session, whose receipt lists it and never says the custodians hold its set', async () => {
    const digest = await parameters();
    const custodians = ['c1', 'c2', 'c3'].map((c) => path.join(dir, c));
    const custody = [
      '--custody',
      '2/3',
      ...['Dana', 'Eli', 'Fay'].flatMap((name) => ['--custodian', name]),
      ...custodians.flatMap((folder) => ['--custodian-folder', folder]),
      '--shares-on-one-volume',
    ];
    const wrap = (out: string) =>
      airgapWrapArgs({ out }, '--allow-network', '--witness-confirms', `Ben=${digest}`, ...custody);
    let killed = false;
    const crashed = await run(
      wrap('wrapped'),
      { ...process.env, NODE_ENV: 'test', KEYFERRY_TEST_PAUSE_AT: 'before-receipt' },
      (seen, child) => {
        if (!killed && seen.includes('test pause: before-receipt')) {
          killed = true;
          process.kill(-(child.pid as number), 'SIGKILL');
        }
      },
    );
    expect(crashed.signal).toBe('SIGKILL');
    const crashedEvents = await journalEvents();
    expect(crashedEvents).toContain('custody.split');
    expect(crashedEvents.at(-1)).not.toBe('ceremony.abandoned');
    for (const folder of custodians) expect((await readdir(folder)).length).toBeGreaterThan(0);

    // The same command on the same custodian folders (a fresh --out) now finishes.
    const next = await run(wrap('wrapped-2'), process.env, () => undefined);
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    expect(next.stdout).toContain(
      `Session 1 of this journal (entries 1-${crashedEvents.length}) ended without stopping: a crash or power loss.`,
    );
    expect(next.stdout).toContain(`The wrapped-material bundle in ${path.join(dir, 'wrapped')} was withdrawn`);
    expect(next.stdout).toContain('were removed from 3 custodian folders');
    expect(existsSync(path.join(dir, 'wrapped', 'ABANDONED.txt'))).toBe(true);
    // Each custodian holds the new set only: one share file, one backup.
    for (const folder of custodians) {
      const names = await readdir(folder);
      expect(names.filter((f) => f.endsWith('.json'))).toHaveLength(1);
      expect(names.filter((f) => f.startsWith('keyferry-backup-') && f.endsWith('.txt'))).toHaveLength(1);
    }
    const events = await journalEvents();
    const n = crashedEvents.length;
    expect(events.slice(n, n + 4)).toEqual([
      'ceremony.session-unfinished',
      'wrapped-bundle.withdrawn',
      'custody.withdrawn',
      'ceremony.session-started',
    ]);
    expect((await verifyJournal(path.join(dir, 'airgap.jsonl'))).ok).toBe(true);

    const receiptName = (await readdir(dir)).find((f) => /^receipt-air-gapped-.*\.txt$/.test(f)) as string;
    // The text receipt wraps long lines: compared with its whitespace as single spaces.
    const receipt = (await readFile(path.join(dir, receiptName), 'utf8')).replace(/\s+/g, ' ');
    expect(receipt).toContain('Earlier session ended without stopping');
    expect(receipt).toContain('the process ended without stopping: a crash or power loss');
    // Dana holds share 1 of the new set; of the crashed session's set the receipt says it was withdrawn.
    expect(receipt.match(/holds share 1 of 3 of the ceremony's custody set/g)).toHaveLength(1);
    expect(receipt).toContain(
      `entry ${events.indexOf('custody.split') + 1}: was given share 1 of 3 of a custody set whose session did not finish`,
    );
  }, 240_000);
});
