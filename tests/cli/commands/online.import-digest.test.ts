/**
 * `keyferry online import` as an officer runs it, two folders as two machines against a real
 * simulator on 127.0.0.1: the digest from the air-gapped receipt is required; a swapped bundle
 * (wrapped by someone holding a copy of the parameters) and a mistyped digest are refused before
 * anything is sent to the KMS, the slip located by group; the right digest imports.
 */
import { cp, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import { paramsDigestFrom } from './witness-args';
import { airgapWrapArgs, onlineAt } from '../../helpers/cli-sides';
import { hint, nextCommand } from '../../integration/pasted-shell';

let dir: string;
let online: string;
let sim: KmsSimulator;
let connection: string[];
let env: NodeJS.ProcessEnv;
let realDigest = '';
let paramsOutput = '';

const journalArgs = () => connection;

/** The air-gapped side in folder `machine` (the real workstation, or an attacker's), wrapping `bundle`. */
async function wrapOnAirGap(machine: string, bundle: string, out: string): Promise<string> {
  await mkdir(path.join(dir, machine), { recursive: true });
  const run = await keyferry(
    airgapWrapArgs(
      {
        bundle,
        out,
        witnesses: ['Ben', 'Chloé'],
        digest: paramsDigestFrom(paramsOutput),
      },
      '--allow-network',
    ),
    { cwd: path.join(dir, machine) },
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const digest = /bundle digest ([0-9A-F ]{79})/.exec(run.stdout)?.[1] as string;
  // The "Next" line gives the digest as the receipt prints it, quoted so the line pastes.
  expect(hint(run.stdout)).toContain(` --expect-digest '${digest}'`);
  expect(nextCommand(run.stdout).slice(-2)).toEqual(['--expect-digest', digest]);
  return digest;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-import-digest-'));
  online = path.join(dir, 'online');
  await mkdir(online);
  sim = await startKmsSimulator();
  ({ args: connection, env } = onlineAt(sim));
  const create = await keyferry(
    ['online', 'create-key', ...journalArgs(), '--alias', 'digest/aes', '--spec', 'AES_256'].concat([
      '--operator',
      'Ana',
      '--witness',
      'Ben',
      '--witness',
      'Chloé',
    ]),
    { cwd: online, env },
  );
  expect(create.code).toBe(0);
  const params = await keyferry(['online', 'params', ...journalArgs(), '--out', 'media-params'], { cwd: online, env });
  expect(params.code).toBe(0);
  paramsOutput = params.stdout;
  realDigest = await wrapOnAirGap('airgap', path.join(online, 'media-params'), path.join(dir, 'media-wrapped'));
  // The attacker wraps a copy of the parameters on a medium of their own (beside the real wrap's
  // bundle, a new journal is refused), then puts the result on the real medium.
  const stick = path.join(dir, 'attacker', 'stick');
  await cp(path.join(online, 'media-params'), path.join(stick, 'params'), { recursive: true });
  await wrapOnAirGap(path.join('attacker', 'desk'), path.join(stick, 'params'), path.join(stick, 'swapped'));
  await rename(path.join(stick, 'swapped'), path.join(dir, 'media-swapped'));
}, 120_000);

afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function importWith(bundle: string, ...extra: string[]) {
  return keyferry(['online', 'import', ...journalArgs(), '--bundle', path.join(dir, bundle), ...extra], {
    cwd: online,
    env,
  });
}

/** The codes of the online journal's wrapped-bundle.refused entries, in order. */
async function refusedCodes(): Promise<string[]> {
  const lines = (await readFile(path.join(online, 'online.jsonl'), 'utf8')).trim().split('\n');
  return lines
    .map((line) => JSON.parse(line) as { event: string; data: { code?: string } })
    .filter((e) => e.event === 'wrapped-bundle.refused')
    .map((e) => e.data.code ?? '');
}

async function keyState(): Promise<string> {
  const status = await keyferry(['online', 'status', ...journalArgs()], { cwd: online, env });
  return /digest\/aes\s+AES_256\s+\S+\s+(Pending import|Enabled)/.exec(status.stdout)?.[1] ?? status.stdout;
}

describe('keyferry online import: the digest from the air-gapped receipt', () => {
  it('prints the import-parameters bundle digest set apart, to be read aloud', () => {
    const digest = paramsDigestFrom(paramsOutput);
    expect(digest).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(paramsOutput).toContain('IMPORT-PARAMETERS BUNDLE DIGEST: read it aloud to the air-gapped workstation');
  });

  it('is required: without it nothing is read or sent, and the message says where the digest is', async () => {
    const run = await importWith('media-wrapped');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('online import needs --expect-digest');
    expect(run.stderr).toContain('Nothing was read or sent to the KMS');
    expect(run.stderr).toContain('"Wrapped-material bundle digest" under "Seals" on the air-gapped receipt');
    const journal = await readFile(path.join(online, 'online.jsonl'), 'utf8');
    expect(journal).not.toContain('wrapped-bundle');
    expect(await keyState()).toBe('Pending import');
  });

  it('refuses a swapped bundle with the real digest before anything is sent to the KMS', async () => {
    const run = await importWith('media-swapped', '--expect-digest', realDigest);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\d+ of 16 groups differ from the digest of the bundle in .*media-swapped/);
    expect(run.stderr).toContain('This is not the bundle the air-gapped receipt names');
    expect(run.stderr).toContain('Nothing was sent to the KMS');
    expect(await keyState()).toBe('Pending import');
    const journal = await readFile(path.join(online, 'online.jsonl'), 'utf8');
    expect(journal).toContain('"wrapped-bundle.refused"');
    expect(journal).not.toContain('"key.imported"');
  });

  it('locates a typo by group without printing the real group, then imports with the right digest', async () => {
    const groups = realDigest.split(' ');
    const real7 = groups[6] as string;
    const typo7 = `${real7.slice(0, 3)}${real7.endsWith('0') ? '1' : '0'}`;
    const typo = [...groups.slice(0, 6), typo7, ...groups.slice(7)].join(' ');
    const run = await importWith('media-wrapped', '--expect-digest', typo);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Group 7 of 16 differs from the digest of the bundle in`);
    expect(run.stderr).toContain(`you typed ${typo7} there`);
    expect(run.stderr).not.toContain(real7);
    const short = await importWith('media-wrapped', '--expect-digest', groups.slice(0, 15).join(' '));
    expect(short.stderr).toMatch(/has 60 hex digits; a SHA-256 digest has 64/);
    expect(await keyState()).toBe('Pending import');
    // Every refusal is journaled (README), a digest in the wrong form too.
    expect(await refusedCodes()).toContain('DIGEST_TYPED_LENGTH');
    // Typed from the receipt without quotes, in lower case: the sixteen groups are one digest.
    const ok = await importWith('media-wrapped', '--expect-digest', ...realDigest.toLowerCase().split(' '));
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('equals the digest typed from the air-gapped receipt');
    expect(await keyState()).toBe('Enabled');
  });

  it('refuses a second import of the finished ceremony, journaled like every refusal', async () => {
    const before = await refusedCodes();
    const again = await importWith('media-wrapped', '--expect-digest', realDigest);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /Cannot check the wrapped-material bundle now: the online ceremony is at step “finished”/,
    );
    expect(await refusedCodes()).toEqual([...before, 'CEREMONY_STEP_OUT_OF_ORDER']);
  });
});
