/**
 * KMS client ↔ simulator over real HTTP on 127.0.0.1: describe-key round trip (median, p99) and
 * AES_256 imports per second with 50 concurrent clients (materials generated and wrapped
 * beforehand; each import is the client's full importKeyMaterial: describe-key pre-check plus
 * import-key-material with the simulator's RSA-OAEP decryption).
 */
import { performance } from 'node:perf_hooks';
import { generateKeyMaterial, loadWrappingPublicKey, wrapKeyMaterial } from '../src-main/core/crypto/index';
import { KmsClient } from '../src-main/core/kms/client';
import { AkSkCredentials } from '../src-main/core/kms/credentials';
import { startKmsSimulator } from '../src-main/core/kms-simulator/index';
import type { ImportKeyMaterialInput } from '../src-main/core/kms/types';

export const name = 'KMS client and simulator';

const ROUND_TRIPS = 2000;
const CONCURRENT_CLIENTS = 50;
const IMPORTS = 100;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export async function run(print: (line: string) => void): Promise<void> {
  // No pool: no background key generation competes with the timed phase.
  const sim = await startKmsSimulator({ wrappingKeyPoolSize: 0 });
  const newClient = () =>
    new KmsClient({
      endpoint: sim.endpoint,
      projectId: sim.projectId,
      credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
    });
  const client = newClient();
  try {
    const { keyId } = await client.createKey({ alias: 'bench-describe', spec: 'AES_256' });
    for (let i = 0; i < 100; i += 1) await client.describeKey(keyId);
    const times: number[] = [];
    for (let i = 0; i < ROUND_TRIPS; i += 1) {
      const start = performance.now();
      await client.describeKey(keyId);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    print(
      `describe-key round trip (${ROUND_TRIPS} sequential, signed, keep-alive): median ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms`,
    );

    const prepStart = performance.now();
    const jobs: ImportKeyMaterialInput[] = [];
    for (let i = 0; i < IMPORTS; i += 1) {
      const created = await client.createKey({ alias: `bench-import-${i}`, spec: 'AES_256' });
      const parameters = await client.getParametersForImport({ keyId: created.keyId });
      const material = await generateKeyMaterial('AES_256');
      const wrapped = wrapKeyMaterial({
        material,
        wrappingKey: loadWrappingPublicKey(parameters.publicKeyDer),
        algorithm: 'RSAES_OAEP_SHA_256',
      });
      material.dispose();
      jobs.push({
        keyId: created.keyId,
        importToken: parameters.importToken,
        encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
        tokenExpiresAt: parameters.expiresAt,
      });
    }
    print(
      `prepared ${IMPORTS} keys, import parameters and wrapped materials in ${((performance.now() - prepStart) / 1000).toFixed(1)} s (not timed below)`,
    );

    const clients = Array.from({ length: CONCURRENT_CLIENTS }, newClient);
    let next = 0;
    const start = performance.now();
    await Promise.all(
      clients.map(async (c) => {
        for (let job = jobs[next++]; job; job = jobs[next++]) {
          const outcome = await c.importKeyMaterial(job);
          if (outcome.confirmation !== 'answered') throw new Error(`unexpected outcome ${outcome.confirmation}`);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    print(
      `AES_256 imports, ${CONCURRENT_CLIENTS} concurrent clients: ${IMPORTS} in ${seconds.toFixed(2)} s = ${(IMPORTS / seconds).toFixed(0)} imports/s`,
    );
    for (const c of clients) c.close();
    const enabled = (await client.listKeys({ state: 2 })).length;
    print(`keys Enabled afterwards: ${enabled} of ${IMPORTS}`);
  } finally {
    client.close();
    await sim.close();
  }
}
