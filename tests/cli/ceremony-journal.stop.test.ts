/**
 * A stop that comes after a command opened its journal and before its ceremony could take the stop
 * (cli/ceremony-journal.ts closeOnStop): journaled as interrupted, the journal closed, and said in
 * words that fit the side: the air-gapped side makes no KMS call (a trial read "a KMS call under way"
 * after a Ctrl-C of airgap wrap), the online side may have one under way.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCeremonyJournal } from '../../src-main/cli/ceremony-journal';
import { standIn } from './stops-stand-in';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-journal-stop-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function stoppedRightAfterOpening(side: 'online' | 'air-gapped'): Promise<string> {
  const { interrupts, printed, exit, send } = standIn();
  await openCeremonyJournal(dir, `${side}.jsonl`, true, { interrupts, env: {} }, side);
  send('SIGINT');
  expect(await exit).toBe(130);
  const journal = await readFile(path.join(dir, `${side}.jsonl`), 'utf8');
  // No session was started by this run: the interrupt names none (a later run keeps an earlier crash a crash).
  expect(journal).toContain('"event":"ceremony.interrupted"');
  expect(journal).toContain('"sessionSeq":null');
  return printed.join('\n');
}

describe('a stop before the ceremony takes it', () => {
  it('on the air-gapped side: no word of a KMS call; nothing was made yet', async () => {
    const said = await stoppedRightAfterOpening('air-gapped');
    expect(said).toContain('No key material was made yet: the next run starts the session again.');
    expect(said).not.toContain('KMS');
  });

  it('on the online side: a KMS call under way may have taken effect', async () => {
    const said = await stoppedRightAfterOpening('online');
    expect(said).toContain('A KMS call under way may still have taken effect without an entry');
  });
});
