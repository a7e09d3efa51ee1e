/**
 * Ceremonies end to end: the full rehearsal (simulator, online, air-gapped, online again) per
 * key spec; and a batch of 100 AES_256 keys in one ceremony, the air-gapped work (read the
 * bundle, confirm, generate, wrap, write the wrapped bundle, the receipt, which writes the
 * manifest and reads the bundle back: support/ceremony-sides.ts) against the guide's
 * OpenSSL commands doing the same 100 keys (openssl rand + openssl pkeyutl -encrypt, spawned).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { OnlineCeremony } from '../src-main/core/ceremony/online/workflow';
import { runRehearsal } from '../src-main/core/ceremony/rehearsal/rehearsal';
import { KEY_SPECS } from '../src-main/core/crypto/key-spec';
import { openJournal } from '../src-main/core/journal';
import { KmsClient } from '../src-main/core/kms/client';
import { AkSkCredentials } from '../src-main/core/kms/credentials';
import { startKmsSimulator } from '../src-main/core/kms-simulator/index';
import { BENCH_APP, aesPlan, airGapSide, onlineDayOne } from './support/ceremony-sides';
import { oaepEncryptArgs } from '../tests/core/crypto/helpers/openssl-commands';

export const name = 'ceremony';

const exec = promisify(execFile);
const BATCH = 100;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

async function rehearsalPerSpec(dir: string, print: (line: string) => void): Promise<void> {
  for (const spec of KEY_SPECS) {
    const started = performance.now();
    const result = await runRehearsal({ outDir: path.join(dir, `rehearsal-${spec}`), specs: [spec], app: BENCH_APP });
    const ms = performance.now() - started;
    print(`rehearsal ${spec.padEnd(8)} ${seconds(ms).padStart(8)}  ${result.ok ? 'all verified' : 'FAILED'}`);
  }
}

/** The air-gapped side of the batch, timed: the same sequence as airgap-floor (support/ceremony-sides.ts). */
async function keyferryBatch(dir: string, params: string): Promise<{ ms: number; wrapped: string; digest: string }> {
  const started = performance.now();
  const work = path.join(dir, 'airgap');
  await mkdir(work);
  const side = await airGapSide(params, work);
  return { ms: performance.now() - started, ...side };
}

async function opensslBatch(dir: string, params: string): Promise<number> {
  const work = path.join(dir, 'openssl');
  await mkdir(work);
  const keyIds = await readdir(path.join(params, 'keys'));
  const started = performance.now();
  for (const keyId of keyIds) {
    const plain = path.join(work, `${keyId}.PlaintextKeyMaterial.bin`);
    await exec('openssl', ['rand', '-out', plain, '32']);
    await exec(
      'openssl',
      oaepEncryptArgs(
        plain,
        path.join(params, 'keys', keyId, 'PublicKey.bin'),
        path.join(work, `${keyId}.EncryptedKeyMaterial.bin`),
        'sha256',
      ),
    );
  }
  const ms = performance.now() - started;
  await rm(work, { recursive: true, force: true });
  return ms;
}

async function batch(dir: string, print: (line: string) => void): Promise<void> {
  const sim = await startKmsSimulator();
  const kms = new KmsClient({
    endpoint: sim.endpoint,
    projectId: sim.projectId,
    credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
  });
  try {
    let started = performance.now();
    const { journal, params } = await onlineDayOne(dir, kms, sim.region, aesPlan(BATCH));
    await journal.close();
    print(
      `batch of ${BATCH} AES_256, online day 1 (create, fetch, write bundle): ${seconds(performance.now() - started)}`,
    );
    const keyferry = await keyferryBatch(dir, params);
    const openssl = await opensslBatch(dir, params);
    print(
      `batch of ${BATCH} AES_256, air-gapped: Keyferry (read, confirm, generate, wrap, write bundle, receipt + manifest + read back, journal): ${seconds(keyferry.ms)}`,
    );
    print(
      `batch of ${BATCH} AES_256, guide's OpenSSL (openssl rand + openssl pkeyutl -encrypt per key, spawned): ${seconds(openssl)}`,
    );
    print(`ratio OpenSSL / Keyferry: ${(openssl / keyferry.ms).toFixed(1)}x`);
    started = performance.now();
    const day2Journal = await openJournal(path.join(dir, 'online.jsonl'), { create: false });
    const day2 = await OnlineCeremony.open({ journal: day2Journal, kms, region: sim.region, app: BENCH_APP });
    await day2.connect();
    await day2.checkWrappedBundle(keyferry.wrapped, { expectedDigest: keyferry.digest, source: 'air-gapped-receipt' });
    await day2.importMaterial();
    const proofs = await day2.verifyKeys();
    await day2Journal.close();
    print(
      `batch of ${BATCH} AES_256, online day 2 (check, import, verify): ${seconds(performance.now() - started)}, ${proofs.filter((p) => p.ok).length}/${BATCH} verified`,
    );
  } finally {
    kms.close();
    await sim.close();
  }
}

export async function run(print: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-bench-ceremony-'));
  try {
    await rehearsalPerSpec(dir, print);
    await batch(dir, print);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
