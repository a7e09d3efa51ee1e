import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal, type JsonObject } from '../../../src-main/core/journal';
import { foreignCeremonyLine } from '../../../src-main/core/journal/foreign-line';
import { inspectJournal } from '../../../src-main/core/journal/verify';
import { joinLines, tempDir, writeSampleJournal } from './sample';

/** Lines of a real journal holding `events`. */
async function journalLines(events: [string, JsonObject][]): Promise<string[]> {
  const file = path.join(await tempDir(), 'other.jsonl');
  const journal = await openJournal(file, { create: true });
  for (const [event, data] of events) await journal.append('Ana', event, data);
  await journal.close();
  return (await readFile(file, 'utf8')).split('\n').slice(0, -1);
}

/** Where `lines` break, and what that line says of its ceremony. */
async function spliced(lines: string[]): Promise<ReturnType<typeof foreignCeremonyLine> | 'ok'> {
  const file = path.join(await tempDir(), 'spliced.jsonl');
  await writeFile(file, joinLines(lines));
  const bytes = await readFile(file);
  const result = inspectJournal(bytes).verification;
  return result.ok ? 'ok' : foreignCeremonyLine(bytes, result.line);
}

describe('foreignCeremonyLine', () => {
  it('reads the ceremony id and title of another online journal’s start put into this one', async () => {
    const { lines } = await writeSampleJournal();
    const [start] = await journalLines([
      ['ceremony.started', { ceremonyId: 'KF-2', title: 'Payments', side: 'online' }],
    ]);
    lines.splice(2, 0, start as string);
    expect(await spliced(lines)).toEqual({ ceremonyId: 'KF-2', title: 'Payments', ownCeremonyId: 'KF-1' });
  });

  it('reads the ceremony id of another air-gapped journal’s parameters.read, against this one’s', async () => {
    const own = await journalLines([
      ['ceremony.session-started', { title: 'Mine' }],
      ['parameters.read', { ceremonyId: 'KF-1' }],
      ['witness.confirmed', { digest: 'ab' }],
    ]);
    const [, read] = await journalLines([
      ['ceremony.session-started', { title: 'Theirs' }],
      ['parameters.read', { ceremonyId: 'KF-9' }],
    ]);
    own.splice(2, 1, read as string);
    expect(await spliced(own)).toEqual({ ceremonyId: 'KF-9', ownCeremonyId: 'KF-1' });
  });

  it('says nothing of a line that names no ceremony, names this one, or of the first line', async () => {
    const { lines } = await writeSampleJournal();
    const altered = [...lines];
    altered[2] = (altered[2] as string).replace('Alan Turing', 'Eve');
    expect(await spliced(altered)).toBeUndefined();
    const [again] = await journalLines([['ceremony.started', { ceremonyId: 'KF-1', title: 'Same' }]]);
    expect(await spliced([...lines.slice(0, 2), again as string])).toBeUndefined();
    const [other] = await journalLines([['ceremony.started', { ceremonyId: 'KF-2', title: 'Other' }]]);
    expect(await spliced([(other as string).replace('"seq":1', '"seq":2'), ...lines.slice(1)])).toBeUndefined();
  });
});
