/** Test helper: what a kill right after a create went out leaves of an online journal. */
import { readFile, writeFile } from 'node:fs/promises';
import { expect } from 'vitest';

/** Cuts `journal` back to its last key.create-sending (a kill right after the create went out); returns that entry's seq. */
export async function cutAfterCreateSending(journal: string): Promise<number> {
  const lines = (await readFile(journal, 'utf8')).trim().split('\n');
  const sending = lines.findLastIndex((line) => (JSON.parse(line) as { event: string }).event === 'key.create-sending');
  expect(sending).toBeGreaterThan(0);
  await writeFile(journal, `${lines.slice(0, sending + 1).join('\n')}\n`);
  return sending + 1;
}
