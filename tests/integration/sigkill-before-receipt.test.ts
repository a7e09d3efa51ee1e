/**
 * A SIGKILL (power cut, OOM killer, kill -9) between the wrapped bundle and the air-gapped receipt
 * must not leave a bundle anyone can import: the manifest, the one file every reader needs, is
 * written only after the receipt. A real `node bin/keyferry.js airgap wrap` is held at that point
 * (NODE_ENV=test KEYFERRY_TEST_PAUSE_AT=before-receipt) and killed with SIGKILL; `online import`
 * with the digest it printed refuses what is left (BUNDLE_MANIFEST_MISSING), journals the refusal
 * and sends nothing to the KMS. The manifest also tells the online side who keeps a copy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../src-main/core/kms-simulator/index';
import { paramsDigestFrom } from '../cli/commands/witness-args';
import { airgapWrapArgs, onlineAt } from '../helpers/cli-sides';
import { keyferry } from './cli-in-process';
import { KEYFERRY_BIN as BIN } from './cli-process';
let dir: string;
let sim: KmsSimulator;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-sigkill-'));
  sim = await startKmsSimulator();
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) child.kill('SIGKILL');
  }
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

const online = () => onlineAt(sim);

/** Day 1 on the online side (in this process): one AES key, its parameters bundle; the fingerprint. */
async function dayOne(): Promise<string> {
  await writeFile(
    path.join(dir, 'plan.json'),
    JSON.stringify({
      title: 'Kill test',
      operator: 'Ana',
      witnesses: ['Ben'],
      keys: [{ alias: 'k/aes', spec: 'AES_256' }],
    }),
  );
  const create = await keyferry(['online', 'create-key', ...online().args, '--plan', 'plan.json'], {
    cwd: dir,
    env: online().env,
  });
  expect(create.stderr).toBe('');
  const params = await keyferry(['online', 'params', ...online().args, '--out', 'params'], {
    cwd: dir,
    env: online().env,
  });
  expect(params.code).toBe(0);
  // What each witness types: the import-parameters bundle digest, heard from the online side.
  return paramsDigestFrom(params.stdout);
}

function wrapArgs(fingerprint: string, ...extra: string[]): string[] {
  return [BIN, ...airgapWrapArgs({ digest: fingerprint }, '--allow-network', ...extra)];
}

describe('SIGKILL between the wrapped bundle and its receipt', () => {
  it('leaves no importable bundle: online import refuses it with BUNDLE_MANIFEST_MISSING, nothing sent', async () => {
    const fingerprint = await dayOne();
    const child = spawn(process.execPath, wrapArgs(fingerprint), {
      cwd: dir,
      env: { PATH: process.env.PATH, NODE_ENV: 'test', KEYFERRY_TEST_PAUSE_AT: 'before-receipt' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('close', (code, signal) => resolve({ code, signal })),
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`never paused: ${stdout}${stderr}`)), 120_000);
      child.stderr?.on('data', (d: Buffer) => {
        stderr += d.toString('utf8');
        if (stderr.includes('test pause: before-receipt')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const digest = /bundle digest ([0-9A-F ]{79})/.exec(stdout)?.[1] as string;
    expect(digest).toBeDefined();
    expect(stdout).toContain('all but its manifest');
    child.kill('SIGKILL');
    expect(await ended).toEqual({ code: null, signal: 'SIGKILL' });

    // What the kill left: every key file, no manifest, no receipt.
    const left = await readdir(path.join(dir, 'wrapped'), { recursive: true });
    expect(left).toContain('README.txt');
    expect(left.some((f) => f.endsWith('EncryptedKeyMaterial.bin'))).toBe(true);
    expect(left).not.toContain('manifest.json');
    expect((await readdir(dir)).filter((f) => f.startsWith('receipt-air-gapped'))).toEqual([]);
    const airEvents = (await readFile(path.join(dir, 'airgap.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { event: string }).event);
    expect(airEvents.at(-1)).toBe('wrapped-bundle.written');

    const before = sim.trafficStats().requests;
    const imported = await keyferry(
      ['online', 'import', ...online().args, '--bundle', 'wrapped', '--expect-digest', digest],
      { cwd: dir, env: online().env },
    );
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/has no manifest\.json: it is not a bundle, or writing it never finished/);
    expect(imported.stdout).not.toMatch(/imported/);
    const refused = (await readFile(path.join(dir, 'online.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; data: { code?: string } })
      .filter((e) => e.event === 'wrapped-bundle.refused');
    expect(refused.map((e) => e.data.code)).toEqual(['BUNDLE_MANIFEST_MISSING']);
    // Only the connection test reached the KMS; the key still waits for its material.
    expect(sim.trafficStats().requests - before).toBe(1);
    const status = await keyferry(['online', 'status', ...online().args], { cwd: dir, env: online().env });
    expect(status.stdout).toMatch(/Pending import/);
  }, 240_000);

  it('without the kill the same run completes: receipt, then manifest; import shows the custody before importing', async () => {
    const fingerprint = await dayOne();
    const child = spawn(process.execPath, wrapArgs(fingerprint, '--expires', 'never'), {
      cwd: dir,
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await readdir(path.join(dir, 'wrapped'))).toContain('manifest.json');
    expect(stdout).toContain('No custody copy: after import this material exists only in the KMS.');
    const digest = /bundle digest ([0-9A-F ]{79})/.exec(stdout)?.[1] as string;
    const imported = await keyferry(
      ['online', 'import', ...online().args, '--bundle', 'wrapped', '--expect-digest', digest],
      { cwd: dir, env: online().env },
    );
    expect(imported.stderr).toBe('');
    const lines = imported.stdout.split('\n');
    const custodyAt = lines.findIndex((l) =>
      l.startsWith('No custody copy: after import this material exists only in the KMS.'),
    );
    const importedAt = lines.findIndex((l) => l.includes('imported AES_256 key'));
    expect(custodyAt).toBeGreaterThan(-1);
    expect(importedAt).toBeGreaterThan(custodyAt);
  }, 240_000);
});
