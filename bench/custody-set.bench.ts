/**
 * One custody set for a 100-key ceremony (96 AES_256, 2 RSA_4096, 2 EC_P384), 3-of-5: time to
 * encrypt every key into the backup and split its key (with the built-in proof that two
 * M-subsets restore every key), to print the backup as text, to read it back (apart, as a
 * ceremony does them), and to restore every key from 3 shares; with the longest event-loop stall during each (support/stall-monitor.ts:
 * wall, and the main thread's CPU time, which a loaded machine does not inflate).
 */
import { randomUUID } from 'node:crypto';
import { generateKeyMaterial } from '../src-main/core/crypto/generate-key-material';
import type { KeySpec } from '../src-main/core/crypto/key-spec';
import { encodeBackupTexts, parseBackupTextInSlices } from '../src-main/core/custody/backup-text';
import { restoreCustodySet } from '../src-main/core/custody/set-restore';
import { splitCustodySet } from '../src-main/core/custody/set-split';
import { stallText, withStallMonitor, type Stall } from './support/stall-monitor';

export const name = 'custody set of 100 keys (3-of-5): split, backup text, restore, longest event-loop stall';

export async function run(print: (line: string) => void): Promise<void> {
  const specs: KeySpec[] = [
    ...Array.from({ length: 96 }, () => 'AES_256' as const),
    'RSA_4096',
    'RSA_4096',
    'EC_P384',
    'EC_P384',
  ];
  const keys = await Promise.all(
    specs.map(async (spec) => ({ keyId: randomUUID(), spec, material: await generateKeyMaterial(spec) })),
  );
  try {
    const split = await withStallMonitor(() =>
      splitCustodySet({ ceremonyId: 'bench-ceremony', m: 3, n: 5, custodians: ['A', 'B', 'C', 'D', 'E'], keys }),
    );
    const set = split.value;
    // Apart, as a ceremony does them: the text written with the shares, read back at a restore.
    // The file's text and its QR twin, as custodian-folders.ts makes them (in Chinese: both differ).
    const encoded = await withStallMonitor(() => encodeBackupTexts(set.backup, { m: 3, n: 5, language: 'zh-CN' }));
    // As readBackupFile reads it (in slices).
    const text = await withStallMonitor(() => parseBackupTextInSlices(encoded.value.fileText, 'bench'));
    const restore = await withStallMonitor(() => restoreCustodySet(set.shares.slice(2), text.value));
    for (const r of restore.value) r.material.dispose();
    for (const s of set.shares) s.share.dispose();
    const lines = encoded.value.fileText.split('\n').length;
    const row = (label: string, figures: { ms: number; stall: Stall }) =>
      print(
        `${`${label}:`.padEnd(56)}${`${figures.ms.toFixed(1)} ms`.padStart(10)}   longest stall ${stallText(figures.stall)}`,
      );
    row('split (encrypt 100 keys, split the backup key, prove)', split);
    row(`backup as text, file (zh-CN) + QR twin (${lines} lines)`, encoded);
    row('backup text read back', text);
    row('restore every key from 3 shares + backup', restore);
    print(`backup payload ${set.backup.payload.length} bytes; one share 33 bytes whatever the keys`);
  } finally {
    for (const k of keys) k.material.dispose();
  }
}
