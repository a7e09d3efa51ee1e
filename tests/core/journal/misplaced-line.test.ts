/**
 * An intact line (its own hash checks) where the chain breaks says where it came from: the first
 * entry of a journal, the entry after line K of this file, or an entry whose predecessor this file
 * does not hold. An edited line claims nothing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../../src-main/core/journal';
import { misplacedLine } from '../../../src-main/core/journal/misplaced-line';
import { inspectJournal } from '../../../src-main/core/journal/verify';
import { joinLines, tempDir, writeSampleJournal } from './sample';

/** Where `lines` break, and what misplacedLine says of that line. */
async function broken(lines: string[]): Promise<{ line: number; misplaced: ReturnType<typeof misplacedLine> }> {
  const file = path.join(await tempDir(), 'broken.jsonl');
  await writeFile(file, joinLines(lines));
  const bytes = await readFile(file);
  const result = inspectJournal(bytes).verification;
  if (result.ok) throw new Error('the journal verified');
  return { line: result.line, misplaced: misplacedLine(bytes, result.line) };
}

/** Another journal's lines, its entries having no ceremony id. */
async function otherJournal(): Promise<string[]> {
  const file = path.join(await tempDir(), 'other.jsonl');
  const journal = await openJournal(file, { create: true });
  for (const event of ['key.created', 'key.created', 'key.created']) await journal.append('Ana', event, {});
  await journal.close();
  return (await readFile(file, 'utf8')).split('\n').slice(0, -1);
}

describe('misplacedLine', () => {
  it('another journal’s first entry put in: the first entry of a journal', async () => {
    const { lines } = await writeSampleJournal();
    lines.splice(3, 0, (await otherJournal())[0] as string);
    expect(await broken(lines)).toEqual({ line: 4, misplaced: { kind: 'first', event: 'key.created' } });
  });

  it('another journal’s later entry put in: its predecessor is in no line of this file', async () => {
    const { lines } = await writeSampleJournal();
    lines.splice(3, 1, (await otherJournal())[2] as string);
    expect(await broken(lines)).toEqual({ line: 4, misplaced: { kind: 'elsewhere', event: 'key.created' } });
  });

  it('an entry of this journal moved up: the line it came after; one removed: its predecessor is not in the file', async () => {
    const { lines } = await writeSampleJournal();
    const moved = [...lines.slice(0, 2), lines[5] as string, ...lines.slice(2, 5)];
    expect(await broken(moved)).toEqual({
      line: 3,
      misplaced: { kind: 'after', event: 'bundle.written', previous: 6 },
    });
    const removed = lines.filter((_, i) => i !== 2);
    expect(await broken(removed)).toEqual({ line: 3, misplaced: { kind: 'elsewhere', event: 'material.generated' } });
  });

  it('an edited line, and a break at line 1, claim nothing', async () => {
    const { lines } = await writeSampleJournal();
    const edited = [...lines];
    edited[3] = (edited[3] as string).replace('RSA_2048', 'RSA_4096');
    expect(await broken(edited)).toEqual({ line: 4, misplaced: undefined });
    const first = [(await otherJournal())[2] as string, ...lines.slice(1)];
    expect(await broken(first)).toEqual({ line: 1, misplaced: undefined });
  });
});
