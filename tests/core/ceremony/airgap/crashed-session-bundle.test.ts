/**
 * The bundle folder of an unfinished session, withdrawn by its closing: not withdrawn nor journaled a
 * second time when its stop or a closing cut short journaled it withdrawn and its marker is still
 * there; withdrawn again when the folder does not show it (an entry copied in, a marker taken away).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withdrawCrashedBundle } from '../../../../src-main/core/ceremony/airgap/crashed-session-bundle';
import { openJournal, type Journal } from '../../../../src-main/core/journal';
import { phraseOf } from '../../../../src-main/i18n/phrase';

let dir: string;
let journal: Journal;
let bundle: string;
const why = { reason: 'crash', phrase: phraseOf('journal.reason.ended-without-stop') };

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-crashed-bundle-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
  bundle = path.join(dir, 'wrapped');
  await mkdir(bundle);
  await writeFile(path.join(bundle, 'README.txt'), 'readme');
  await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

describe('withdrawCrashedBundle', () => {
  it('a folder journaled withdrawn that still holds its marker: named withdrawn, nothing written or journaled', async () => {
    await writeFile(path.join(bundle, 'ABANDONED.txt'), 'abandoned');
    const earlier = await journal.append('Ana', 'wrapped-bundle.withdrawn', {
      folder: bundle,
      marker: 'ABANDONED.txt',
    });
    const count = journal.count;
    const outcome = await withdrawCrashedBundle(journal, 'Ana', journal.entries, [earlier], bundle, new Date(), why);
    expect(outcome).toEqual({ withdrawn: bundle, byHand: null });
    expect(journal.count).toBe(count);
  });

  it('a folder journaled withdrawn whose stick is out since: named withdrawn at the journal’s word, nothing journaled', async () => {
    const earlier = await journal.append('Ana', 'wrapped-bundle.withdrawn', {
      folder: bundle,
      marker: 'ABANDONED.txt',
    });
    await rm(bundle, { recursive: true });
    const count = journal.count;
    const outcome = await withdrawCrashedBundle(journal, 'Ana', journal.entries, [earlier], bundle, new Date(), why);
    expect(outcome).toEqual({ withdrawn: bundle, byHand: null });
    expect(journal.count).toBe(count);
  });

  it('a folder journaled withdrawn without its marker there: withdrawn now, journaled once', async () => {
    const earlier = await journal.append('Ana', 'wrapped-bundle.withdrawn', {
      folder: bundle,
      marker: 'ABANDONED.txt',
    });
    const outcome = await withdrawCrashedBundle(journal, 'Ana', journal.entries, [earlier], bundle, new Date(), why);
    expect(outcome).toEqual({ withdrawn: bundle, how: 'marked', byHand: null });
    expect(existsSync(path.join(bundle, 'ABANDONED.txt'))).toBe(true);
    expect(journal.entries.at(-1)?.event).toBe('wrapped-bundle.withdrawn');
    expect(journal.entries.filter((e) => e.event === 'wrapped-bundle.withdrawn')).toHaveLength(2);
  });
});
