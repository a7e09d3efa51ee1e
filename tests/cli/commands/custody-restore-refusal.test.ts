/**
 * A `custody restore` refused before its ceremony starts, on a journal whose last air-gapped session a
 * crash or a power cut ended: the refusal is not journaled, as journaling it would close that session
 * and withdraw its custody files for an attempt that was refused (a trial's older journal copy lost a
 * finished set so); the command says why, and nothing is written or removed. So too when that session's
 * closing was begun and cut short (closing-resume.ts): the refused attempt would run it again. Real
 * folders and a real journal, the command in this process.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
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

/**
 * A journal whose one session was killed after it wrote a custody share into `folder`; `closingCut`:
 * the next start's closing of it killed right after its `ceremony.session-unfinished`.
 */
async function crashedJournal(file: string, folder: string, closingCut = false): Promise<void> {
  const journal = await openJournal(file, { create: true });
  await journal.append('Olga', 'ceremony.session-started', { side: 'air-gapped', operator: 'Olga' });
  await journal.append('Olga', 'parameters.read', { ceremonyId: CEREMONY });
  await journal.append('Olga', 'preflight.passed', {
    destinations: [{ role: 'custodian', folder, willCreate: true }],
  });
  // Its material made, then its split written and journaled (a session killed before it journaled
  // its split has nothing taken: crashed-session-custody.ts).
  await journal.append('Olga', 'material.generated', { keyId: 'k1' });
  await mkdir(folder);
  const share = `keyferry-share-${CEREMONY}-1of2.json`;
  await writeFile(path.join(folder, share), '{}');
  await journal.append('Olga', 'custody.split', {
    total: 2,
    holders: [{ shareIndex: 1, custodian: 'Cy', folder, shareFile: share }],
  });
  if (closingCut)
    await journal.append('Olga', 'ceremony.session-unfinished', {
      reason: 'the process ended without stopping: a crash or power loss',
      session: 1,
      seq: 1,
      count: journal.count,
      closingEndJournaled: true,
    });
  await journal.close();
}

describe('custody restore refused before it starts, on a journal with a crashed session', () => {
  it.each([
    ['a crashed session', false],
    ['a crashed session whose closing was itself cut short', true],
  ])('%s: journals nothing and withdraws nothing, and says why', async (_, closingCut) => {
    dir = await mkdtemp(path.join(tmpdir(), 'kf-restore-refusal-'));
    const journal = path.join(dir, 'airgap.jsonl');
    const custodian = path.join(dir, 'c1');
    await crashedJournal(journal, custodian, closingCut);
    const before = await readFile(journal, 'utf8');

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
    expect(done.stderr.replace(/\s+/g, ' ')).toContain(
      `The refusal was not recorded in the journal ${journal}: its session 1 did not finish, and recording it would first close that session and withdraw what it wrote.`,
    );
    expect(done.stdout).not.toContain('ended without stopping');
    expect(await readdir(custodian)).toEqual([`keyferry-share-${CEREMONY}-1of2.json`]);
    expect(await readFile(journal, 'utf8')).toBe(before);
    expect(await verifyJournal(journal)).toMatchObject({ ok: true });
  });
});

describe('custody restore refused before it starts, on a journal of a ceremony that chose its receipt language', () => {
  it('journals the refused attempt in the ceremony’s receipt language, so a later session keeps it', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kf-restore-refusal-'));
    const file = path.join(dir, 'airgap.jsonl');
    const journal = await openJournal(file, { create: true });
    await journal.append('Olga', 'ceremony.session-started', {
      side: 'air-gapped',
      operator: 'Olga',
      receiptLanguage: 'both',
    });
    await journal.close();

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
        file,
        '--operator',
        'Olga',
        '--witness',
        'Wes',
      ],
      { cwd: dir, env: { ...process.env, LANG: 'en_US.UTF-8' } },
    );

    expect(done.code).toBe(1);
    expect(done.stderr.replace(/\s+/g, ' ')).toContain(`The refused attempt is recorded in the journal ${file}`);
    const starts = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; data: { receiptLanguage?: string } })
      .filter((e) => e.event === 'ceremony.session-started');
    expect(starts.map((e) => e.data.receiptLanguage)).toEqual(['both', 'both']);
  });
});
