/**
 * The wrapping engine: wraps per second for each key spec (material generated beforehand, only
 * wrapKeyMaterial timed), and the longest event-loop stall while an RSA-4096 key is generated.
 */
import { generateKeyPairSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { generateKeyMaterial, KEY_SPECS, loadWrappingPublicKey, wrapKeyMaterial } from '../src-main/core/crypto/index';
import { watchEventLoop } from '../tests/core/crypto/helpers/event-loop';

export const name = 'crypto: wrapping engine';

const WRAP_SECONDS = 1;

async function wrapsPerSecond(print: (line: string) => void): Promise<void> {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const wrappingKey = loadWrappingPublicKey(publicKey.export({ type: 'spki', format: 'der' }));
  for (const spec of KEY_SPECS) {
    const material = await generateKeyMaterial(spec);
    for (let i = 0; i < 20; i++) wrapKeyMaterial({ material, wrappingKey, algorithm: 'RSAES_OAEP_SHA_256' });
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < WRAP_SECONDS * 1000) {
      wrapKeyMaterial({ material, wrappingKey, algorithm: 'RSAES_OAEP_SHA_256' });
      count += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    material.dispose();
    print(
      `wrapKeyMaterial ${spec.padEnd(8)} (RSA-2048 wrapping key, OAEP-SHA-256): ${(count / seconds).toFixed(0).padStart(6)} wraps/s`,
    );
  }
}

async function generationStall(print: (line: string) => void, runs: number): Promise<void> {
  const gaps: number[] = [];
  const busy: number[] = [];
  const idleGaps: number[] = [];
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const watch = await watchEventLoop(async () => (await generateKeyMaterial('RSA_4096')).dispose());
    durations.push(watch.elapsedMs);
    gaps.push(Math.max(watch.longestGapMs, watch.histogramMaxMs));
    busy.push(watch.longestBusyMs ?? Number.NaN);
    // The same length of time with nothing running: what the machine itself costs the event loop.
    const idle = await watchEventLoop(() => new Promise((resolve) => setTimeout(resolve, watch.elapsedMs)));
    idleGaps.push(Math.max(idle.longestGapMs, idle.histogramMaxMs));
  }
  const list = (values: number[]) => values.map((v) => v.toFixed(1)).join(', ');
  print(
    `generateKeyMaterial RSA_4096: ${runs} runs, ${Math.min(...durations).toFixed(0)}-${Math.max(...durations).toFixed(0)} ms each`,
  );
  print(
    `  longest main-thread busy time between 1 ms ticks: ${Math.max(...busy).toFixed(1)} ms (per run: ${list(busy)})`,
  );
  print(
    `  longest wall-clock gap between ticks:             ${Math.max(...gaps).toFixed(1)} ms (per run: ${list(gaps)})`,
  );
  print(
    `  longest wall-clock gap idling as long, for scale:  ${Math.max(...idleGaps).toFixed(1)} ms (per run: ${list(idleGaps)})`,
  );
}

export async function run(print: (line: string) => void): Promise<void> {
  await generationStall(print, 5);
  await wrapsPerSecond(print);
}
