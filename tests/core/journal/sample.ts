/** A real journal written through openJournal, for the tampering tests. */
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openJournal, type JsonObject } from '../../../src-main/core/journal';

export const SAMPLE_EVENTS: [string, string, JsonObject][] = [
  ['system', 'ceremony.started', { ceremonyId: 'KF-1', side: 'air-gapped' }],
  [
    'Ada Lovelace',
    'parameters.read',
    { keyId: '43f1ffd7-18fb-4568-9575-602e009b7ee8', importTokenSha256: 'ab'.repeat(32) },
  ],
  [
    'Alan Turing',
    'witness.confirmed',
    { artefact: 'import-parameters-bundle', digest: 'cd'.repeat(32), source: 'witness-typed' },
  ],
  ['system', 'material.generated', { spec: 'RSA_2048', publicKeyFingerprint: 'ef'.repeat(32) }],
  ['system', 'material.wrapped', { files: [{ name: 'EncryptedKeyMaterial.bin', size: 256 }], note: 'مفتاح ✓' }],
  ['system', 'bundle.written', { manifestSha256: '01'.repeat(32), count: 3, ratio: 0.5, nothing: null }],
];

export async function tempDir(prefix = 'kf-journal-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Writes the sample events (times one second apart) and returns the file and its lines. */
export async function writeSampleJournal(
  dir?: string,
): Promise<{ file: string; text: string; lines: string[]; head: string }> {
  const folder = dir ?? (await tempDir());
  const file = path.join(folder, 'ceremony.journal.jsonl');
  let t = Date.parse('2025-03-01T09:00:00.000Z');
  const journal = await openJournal(file, { create: true, now: () => new Date((t += 1000)) });
  for (const [actor, event, data] of SAMPLE_EVENTS) await journal.append(actor, event, data);
  const head = journal.head;
  await journal.close();
  const text = await readFile(file, 'utf8');
  return { file, text, lines: text.split('\n').slice(0, -1), head };
}

/** Joins lines back into journal text (each line followed by "\n"). */
export function joinLines(lines: string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}
