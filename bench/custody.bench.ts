/**
 * M-of-N custody: time to split key material (including the built-in proof that the first and
 * last M shares restore it) and to restore it from M shares (including the KCV / public-key
 * proof), for AES_256 and RSA_4096 at 3-of-5 and 5-of-8. Figures are printed, never asserted.
 */
import { performance } from 'node:perf_hooks';
import { generateKeyMaterial } from '../src-main/core/crypto/generate-key-material';
import type { KeySpec } from '../src-main/core/crypto/key-spec';
import { restoreMaterial } from '../src-main/core/custody/restore';
import { splitMaterial } from '../src-main/core/custody/split';

export const name = 'custody split / restore';

const CUSTODIANS = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Grace', 'Heidi'];

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `median ${median.toFixed(1)} ms, min ${(sorted[0] ?? 0).toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms`;
}

export async function run(print: (line: string) => void): Promise<void> {
  for (const spec of ['AES_256', 'RSA_4096'] as KeySpec[]) {
    const material = await generateKeyMaterial(spec);
    const rounds = spec === 'AES_256' ? 40 : 8;
    for (const [m, n] of [
      [3, 5],
      [5, 8],
    ] as const) {
      const splitTimes: number[] = [];
      const restoreTimes: number[] = [];
      for (let i = 0; i < rounds; i++) {
        let start = performance.now();
        const shares = await splitMaterial({
          material,
          m,
          n,
          ceremonyId: 'bench-ceremony',
          keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
          spec,
          custodians: CUSTODIANS.slice(0, n),
        });
        splitTimes.push(performance.now() - start);
        const chosen = shares.slice(n - m);
        start = performance.now();
        const rebuilt = await restoreMaterial(chosen);
        restoreTimes.push(performance.now() - start);
        rebuilt.dispose();
        for (const share of shares) share.share.dispose();
      }
      const label = `${spec} ${m}-of-${n} (${material.secret.length}-byte material, ${rounds} rounds)`;
      print(`${label}  split:   ${summary(splitTimes)}`);
      print(`${' '.repeat(label.length)}  restore: ${summary(restoreTimes)}`);
    }
    material.dispose();
  }
}
