/**
 * People's work per ceremony for 1, 10 and 100 AES_256 keys, counted from the journals of full
 * rehearsals (simulator, both sides, custody 2-of-3, two witnesses): values read aloud, typed,
 * slips printed and signed, media handed over (src-main/core/ceremony/shared/human-actions.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runRehearsal } from '../src-main/core/ceremony/rehearsal/rehearsal';
import { startKmsSimulator } from '../src-main/core/kms-simulator/index';

export const name = 'Human actions per ceremony (1, 10, 100 keys; custody 2-of-3, 2 witnesses)';

export async function run(print: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-bench-people-'));
  try {
    print('keys  read aloud  typed  slips printed+signed  media handed over  total');
    for (const keys of [1, 10, 100]) {
      const sim = await startKmsSimulator({ wrappingKeyPoolSize: keys + 5, refillWrappingKeys: false });
      await sim.wrappingKeysReady();
      try {
        const result = await runRehearsal({
          outDir: path.join(dir, `keys-${keys}`),
          specs: Array.from({ length: keys }, () => 'AES_256' as const),
          app: { version: 'bench', build: 'bench' },
          witnesses: ['Ben', 'Chloé'],
          custody: { m: 2, n: 3 },
          simulator: sim,
        });
        const h = result.humanActions;
        print(
          `${String(keys).padStart(4)}  ${String(h.readAloud).padStart(10)}  ${String(h.typed).padStart(5)}  ${String(h.slipsPrintedAndSigned).padStart(20)}  ${String(h.mediaSwaps).padStart(17)}  ${String(h.total).padStart(5)}${result.ok ? '' : '  (rehearsal FAILED)'}`,
        );
      } finally {
        await sim.close();
      }
    }
    print('read aloud / typed: one import-parameters bundle digest per ceremony, typed once by each witness');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
