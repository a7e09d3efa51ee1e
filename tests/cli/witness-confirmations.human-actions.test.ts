/**
 * The witnesses' effort does not grow with the number of keys (issue 15): with 1 key and with 100
 * keys (under three different wrapping keys, as a KMS hands them out), the terminal prompt asks
 * each witness exactly once, for the import-parameters bundle digest, and the journal holds
 * exactly one confirmation per witness. Counted from what a witness meets: the questions printed
 * and the lines they type.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src-main/cli/command';
import { confirmInteractively } from '../../src-main/cli/witness-confirmations';
import { importParametersFromKmsAnswer, writeImportParametersBundle } from '../../src-main/core/bundle';
import { AirGapCeremony } from '../../src-main/core/ceremony/airgap/workflow';
import { openJournal } from '../../src-main/core/journal';
import { APP, OFFLINE } from '../core/ceremony/ceremony-fixture';
import { parametersDigestOf } from '../core/ceremony/witness-helpers';

const WITNESSES = ['Ben', 'Chloé', 'Dara'];
const wrappingKeys = Array.from(
  { length: 3 },
  () =>
    generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'der' },
      privateKeyEncoding: { type: 'pkcs8', format: 'der' },
    }).publicKey,
);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-witness-effort-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An import-parameters bundle of `count` AES_256 keys, their wrapping keys taken in turn from three. */
async function bundleOf(count: number): Promise<string> {
  const keys = Array.from({ length: count }, (_, i) =>
    importParametersFromKmsAnswer({
      region: 'cn-north-4',
      projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
      keyAlias: `effort/key-${i + 1}`,
      keySpec: 'AES_256',
      keyUsage: 'ENCRYPT_DECRYPT',
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      answer: {
        key_id: `0d0466b0-e727-4d9c-b35d-${String(i + 1).padStart(12, '0')}`,
        public_key: (wrappingKeys[i % 3] as Buffer).toString('base64'),
        import_token: randomBytes(300).toString('base64'),
        expiration_time: Math.floor(Date.now() / 1000) + 3600 * 20,
      },
    }),
  );
  const folder = path.join(dir, `params-${count}`);
  await writeImportParametersBundle(folder, { ceremonyId: 'KF-20261130-effort', keys });
  return folder;
}

/** What the witnesses of a ceremony on `params` meet at the terminal: questions asked, lines typed, entries journaled. */
async function witnessEffort(params: string) {
  // Each run's journal in a folder of its own: both bundles are of one ceremony, and beside its
  // journal one that records no ceremony yet is refused.
  const desk = path.join(dir, `desk-${path.basename(params)}`);
  await mkdir(desk);
  const journal = await openJournal(path.join(desk, `${path.basename(params)}.jsonl`), { create: true });
  try {
    const air = await AirGapCeremony.start({
      journal,
      title: 'Effort',
      operator: 'Ana',
      witnesses: WITNESSES,
      app: APP,
      interfaces: OFFLINE,
    });
    await air.checkNetwork();
    const overview = await air.readParametersBundle(params);
    const digest = await parametersDigestOf(params);
    const typed = WITNESSES.map(() => digest);
    const input = new PassThrough();
    input.end(`${typed.join('\n')}\n`);
    const out: string[] = [];
    const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => out.push(l), env: {}, cwd: dir };
    await confirmInteractively(air, io, input, false);
    const confirmations = journal.entries.filter((e) => e.event === 'witness.confirmed');
    return {
      keys: overview.keys.length,
      wrappingKeys: new Set(overview.keys.map((k) => k.wrappingKeyFingerprint)).size,
      questions: out.filter((l) => l.endsWith(', type it as you heard it:')).length,
      linesTyped: typed.length,
      perWitness: WITNESSES.map((w) => confirmations.filter((e) => e.actor === w).length),
      digestPrintedBeforeTyped: out.some((l) => l.includes(digest)),
      state: air.state,
    };
  } finally {
    await journal.close();
  }
}

describe('witness effort per ceremony', () => {
  it('is one typed value per witness per bundle, for 1 key and for 100 keys alike', async () => {
    const one = await witnessEffort(await bundleOf(1));
    const hundred = await witnessEffort(await bundleOf(100));
    expect([one.keys, hundred.keys]).toEqual([1, 100]);
    expect(hundred.wrappingKeys).toBe(3);
    for (const effort of [one, hundred]) {
      expect(effort.questions).toBe(WITNESSES.length);
      expect(effort.linesTyped).toBe(WITNESSES.length);
      expect(effort.perWitness).toEqual([1, 1, 1]);
      expect(effort.digestPrintedBeforeTyped).toBe(false);
      expect(effort.state).toBe('fingerprints-confirmed');
    }
  }, 60_000);
});
