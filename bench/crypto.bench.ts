/**
 * The wrapping engine: wraps per second for each key spec (material generated beforehand, only
 * wrapKeyMaterial timed), and the longest event-loop stall while an RSA-4096 key is generated.
 */
import { generateKeyPairSync } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { generateKeyMaterial, KEY_SPECS, loadWrappingPublicKey, wrapKeyMaterial } from '../src-main/core/crypto/index';

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
    print(`wrapKeyMaterial ${spec.padEnd(8)} (RSA-2048 wrapping key, OAEP-SHA-256): ${(count / seconds).toFixed(0).padStart(6)} wraps/s`);
  }
}

/** Longest gap (ms) between ticks of a 1 ms ticker, and the event-loop delay histogram's max, while `work` runs. */
async function longestStall(work: () => Promise<void>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  histogram.enable();
  await work();
  histogram.disable();
  clearInterval(ticker);
  return Math.max(longest, performance.now() - last, histogram.max / 1e6);
}

async function generationStall(print: (line: string) => void, runs: number): Promise<void> {
  const stalls: number[] = [];
  const idle: number[] = [];
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    let duration = 0;
    stalls.push(
      await longestStall(async () => {
        const started = performance.now();
        (await generateKeyMaterial('RSA_4096')).dispose();
        duration = performance.now() - started;
      }),
    );
    durations.push(duration);
    // The same length of time with nothing running: what the machine itself costs the event loop.
    idle.push(await longestStall(() => new Promise((resolve) => setTimeout(resolve, duration))));
  }
  const list = (values: number[]) => values.map((v) => v.toFixed(1)).join(', ');
  print(`generateKeyMaterial RSA_4096: ${runs} runs, ${Math.min(...durations).toFixed(0)}-${Math.max(...durations).toFixed(0)} ms each`);
  print(`  longest event-loop stall while generating: ${Math.max(...stalls).toFixed(1)} ms (per run: ${list(stalls)})`);
  print(`  longest stall idling as long, for comparison: ${Math.max(...idle).toFixed(1)} ms (per run: ${list(idle)})`);
}

export async function run(print: (line: string) => void): Promise<void> {
  await generationStall(print, 5);
  await wrapsPerSecond(print);
}
