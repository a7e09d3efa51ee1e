/**
 * A `custody restore` refused before its ceremony starts, on a journal whose last air-gapped session a
 * crash or a power cut ended: the refused attempt's start closes that session (journaled, its custody
 * files withdrawn) as any session's start does, and the command says so in the lines `airgap wrap`
 * prints, not only in the journal. Real folders and a real journal, the command in this process.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openJournal, verifyJournal } from '../../../src-main/core/journal';
import { keyferry } from '../../integration/cli-in-process';

const CEREMONY = 'KF-20250301-abcdef';
let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A journal whose one session was killed after it wrote a custody share into `folder`. */
async function crashedJournal(file: string, folder: string): Promise<void> {
  const journal = await openJournal(file, { create: true });
  await journal.append('Olga', 'ceremony.session-started', { side: 'air-gapped', operator: 'Olga' });
  await journal.append('Olga', 'parameters.read', { ceremonyId: CEREMONY });
  await journal.append('Olga', 'preflight.passed', {
    destinations: [{ role: 'custodian', folder, willCreate: true }],
  });
  // Its material made (a split can begin only then), the share written after it.
  await journal.append('Olga', 'material.generated', { keyId: 'k1' });
  await journal.close();
  await mkdir(folder);
  await writeFile(path.join(folder, `keyferry-share-${CEREMONY}-1of2.json`), '{}');
}

describe('custody restore refused before it starts, on a journal with a crashed session', () => {
  it('prints that the earlier session ended without stopping and what of it was withdrawn', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kf-restore-refusal-'));
    const journal = path.join(dir, 'airgap.jsonl');
    const custodian = path.join(dir, 'c1');
    await crashedJournal(journal, custodian);

    const done = await keyferry(
      [
        'custody',
        'restore',
        '--share',
        path.join(dir, 'missing-1.json'),
        '--share',
        path.join(dir, 'missing-2.json'),
        '--bundle',
        path.join(dir, 'parameters'),
        '--wrapped-out',
        path.join(dir, 'wrapped'),
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
    expect(done.stderr).toContain(`The refused attempt is recorded in the journal ${journal}`);
    expect(done.stdout).toContain(
      'Session 1 of this journal (entries 1-4) ended without stopping: a crash or power loss.',
    );
    expect(done.stdout).toContain(
      `The custody files that session wrote (shares, slips, backup) were removed from 1 custodian folder (${custodian})`,
    );
    expect(existsSync(custodian)).toBe(false);
    expect(await verifyJournal(journal)).toMatchObject({ ok: true });
  });
});
