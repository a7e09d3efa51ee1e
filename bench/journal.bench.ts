/**
 * Ceremony journal: fsynced appends per second, and verification time for 10,000 entries with the
 * longest event-loop stall while it runs (support/stall-monitor.ts).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  GENESIS_HASH,
  chainEntry,
  encodeEntryLine,
  openJournal,
  verifyJournal,
  verifyJournalText,
} from '../src-main/core/journal';
import { stallText, withStallMonitor } from './support/stall-monitor';

export const name = 'journal';

const sampleData = (i: number) => ({
  keyId: `43f1ffd7-18fb-4568-9575-${String(i).padStart(12, '0')}`,
  importTokenSha256: 'ab'.repeat(32),
  files: [{ name: 'EncryptedKeyMaterial.bin', size: 256 }],
});

export async function run(print: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-bench-journal-'));
  try {
    const appends = 1000;
    const journal = await openJournal(path.join(dir, 'appends.jsonl'), { create: true });
    let start = process.hrtime.bigint();
    for (let i = 0; i < appends; i += 1) await journal.append('system', 'material.wrapped', sampleData(i));
    let ms = Number(process.hrtime.bigint() - start) / 1e6;
    await journal.close();
    print(
      `append (O_APPEND + fsync each), ${appends} entries in ${os.tmpdir()}: ${(appends / (ms / 1000)).toFixed(0)} appends/s (${(ms / appends).toFixed(3)} ms each)`,
    );

    const count = 10_000;
    let prev = GENESIS_HASH;
    const lines: string[] = [];
    const t0 = Date.parse('2025-03-01T09:00:00.000Z');
    for (let i = 0; i < count; i += 1) {
      const entry = chainEntry({
        seq: i + 1,
        time: new Date(t0 + i * 1000).toISOString(),
        actor: 'system',
        event: 'material.wrapped',
        data: sampleData(i),
        prev,
      });
      lines.push(`${encodeEntryLine(entry)}\n`);
      prev = entry.hash;
    }
    const file = path.join(dir, 'ten-thousand.jsonl');
    await writeFile(file, lines.join(''));
    const bytes = await readFile(file);
    for (let warm = 0; warm < 2; warm += 1) verifyJournalText(bytes);
    const runs = 5;
    start = process.hrtime.bigint();
    let result;
    for (let r = 0; r < runs; r += 1) result = await verifyJournal(file, { expectedHead: prev, expectedCount: count });
    ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
    if (!result?.ok) throw new Error('bench journal did not verify');
    print(
      `verifyJournal, ${count} entries (${(bytes.length / 1024 / 1024).toFixed(2)} MiB, read from disk): ${ms.toFixed(1)} ms (mean of ${runs})`,
    );
    const watched = await withStallMonitor(() => verifyJournal(file, { expectedHead: prev, expectedCount: count }));
    print(`  longest event-loop stall while it verifies: ${stallText(watched.stall)}`);
    const reopened = await withStallMonitor(() => openJournal(file, { create: false }));
    await reopened.value.close();
    print(
      `openJournal (verify + lock) on ${count} entries: ${reopened.ms.toFixed(1)} ms, longest stall ${stallText(reopened.stall)}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
