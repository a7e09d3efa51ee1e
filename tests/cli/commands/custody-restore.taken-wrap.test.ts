/**
 * `custody restore` on a journal whose last session ends cut between its receipt and its bundle's
 * manifest, with parameters that name that very session as the latest wrap the online side took: the
 * online side checked that bundle whole, so its manifest was taken away since (or the journal is a
 * copy cut short). Closing the session as cut would void the receipt of material a key may hold; the
 * restore refuses before the journal opens, as `airgap wrap` does, and nothing is written or removed.
 * Real folders, a real journal, real shares, the command in this process.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCustodySet } from '../../../src-main/core/custody/custodian-folders';
import { openJournal, type JournalEntry } from '../../../src-main/core/journal';
import { oneAesParamsBundle } from '../../helpers/aes-params-bundle';
import { shareFileIn } from '../../helpers/custody-files';
import { otherCeremonySet } from '../../helpers/custody-sets';
import { keyferry } from '../../integration/cli-in-process';

const CEREMONY = 'KF-20250301-abcdef';
const KEY = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Session 1 wrapped and finished; session 2 wrapped into `bundle` and was cut after its receipt. Returns their starts. */
async function journalCutAfterReceipt(file: string, bundle: string): Promise<[JournalEntry, JournalEntry]> {
  const journal = await openJournal(file, { create: true });
  const first = await journal.append('Olga', 'ceremony.session-started', { side: 'air-gapped', operator: 'Olga' });
  await journal.append('Olga', 'parameters.read', { ceremonyId: CEREMONY });
  await journal.append('Olga', 'receipt.written', { htmlFile: 'r1.html', textFile: 'r1.txt' });
  await journal.append('Olga', 'wrapped-bundle.completed', {});
  const second = await journal.append('Olga', 'ceremony.session-started', { side: 'air-gapped', operator: 'Olga' });
  await journal.append('Olga', 'parameters.read', { ceremonyId: CEREMONY });
  await journal.append('Olga', 'preflight.passed', {
    destinations: [{ role: 'bundle', folder: bundle, willCreate: true }],
  });
  await journal.append('Olga', 'wrapped-bundle.written', { folder: bundle, manifest: 'after-receipt' });
  await journal.append('Olga', 'receipt.written', { htmlFile: 'r2.html', textFile: 'r2.txt' });
  await journal.close();
  return [first, second];
}

describe('custody restore with parameters naming the cut session as the wrap the online side took', () => {
  it('refuses before the journal opens: the receipt is not voided, the bundle not withdrawn', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kf-restore-taken-'));
    const journal = path.join(dir, 'airgap.jsonl');
    const bundle = path.join(dir, 'wrapped');
    const [first, cut] = await journalCutAfterReceipt(journal, bundle);
    // On the medium: the bundle's files, its manifest taken away.
    await mkdir(path.join(bundle, 'keys'), { recursive: true });
    await writeFile(path.join(bundle, 'keys', 'k.bin'), 'x');
    const parameters = path.join(dir, 'parameters');
    await oneAesParamsBundle(parameters, {
      ceremonyId: CEREMONY,
      keyId: KEY,
      ceremony: {
        title: 'Restore after loss',
        materialExpiry: 'never',
        onlineJournal: 'online.jsonl',
        airGapJournal: {
          file: 'airgap.jsonl',
          firstEntrySha256: first.hash,
          lastWrap: { seq: cut.seq, sha256: cut.hash },
        },
      },
    });
    const set = await otherCeremonySet(CEREMONY, KEY, { m: 2, n: 2, custodians: ['Cy', 'Di'] });
    const folders = ['c1', 'c2'].map((c) => path.join(dir, c));
    for (const folder of folders) await mkdir(folder);
    try {
      await writeCustodySet(set, { m: 2, n: 2, folders, volumeIdOf: (folder) => folder });
    } finally {
      for (const s of set.shares) s.share.dispose();
    }
    const before = await readFile(journal, 'utf8');

    const done = await keyferry(
      [
        'custody',
        'restore',
        '--share',
        shareFileIn(folders[0] as string, 1),
        '--share',
        shareFileIn(folders[1] as string, 2),
        '--bundle',
        parameters,
        '--wrapped-out',
        path.join(dir, 'wrapped-2'),
        '--journal',
        journal,
        '--operator',
        'Olga',
        '--witness',
        'Wes',
      ],
      { cwd: dir },
    );

    expect(done.code).toBe(1);
    const said = done.stderr.replace(/\s+/g, ' ');
    expect(said).toContain(
      `the import parameters say the online side took a wrapped bundle of the journal airgap.jsonl made in the session begun at its entry ${cut.seq}`,
    );
    expect(await readFile(journal, 'utf8')).toBe(before);
    expect((await readdir(bundle)).sort()).toEqual(['keys']);
  });
});
