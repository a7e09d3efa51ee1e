/**
 * Test helper for the witnesses' stop through the real router and handlers, on both sides of the
 * air-gapped workstation (air-gapped.witness-attempts.test.ts, custody-restore.witness-attempts.test.ts):
 * each test on a ceremony folder of its own on an offline workstation, a witness typing three wrong
 * digests, and a journal whose medium fails at the stop.
 */
import os from 'node:os';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Journal, JsonObject } from '../../../src-main/core/journal';
import { OFFLINE } from '../../helpers/workstation';
import { call, ceremonyFolder, type Answer, type CeremonyFolder } from './airgap-session';

/** For a test file: each test gets a new ceremony folder (`prefix`) on a workstation with no network, ended after it. */
export function offlineFolderPerTest(prefix: string): () => CeremonyFolder {
  let folder: CeremonyFolder | undefined;
  beforeEach(async () => {
    folder = await ceremonyFolder(prefix);
    vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await folder?.close();
  });
  return () => {
    if (!folder) throw new Error('no ceremony folder outside a test');
    return folder;
  };
}

/** Three values that are no bundle's digest, as a witness who heard wrong types them. */
export const WRONG_DIGESTS = ['ab'.repeat(32), 'cd'.repeat(32), 'ef'.repeat(32)] as const;

/** `witness` types the three wrong digests on `channel` (a side's confirm-as-witness): the answers. */
export async function typeWrongDigests(folder: CeremonyFolder, channel: string, witness: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const typed of WRONG_DIGESTS) answers.push(await call(folder.ipc, channel, { witness, typed }));
  return answers;
}

/** `journal` refuses the stop's entry (`ceremony.abandoned`) as a failed medium does (EIO) and takes every other; undone by the returned function. */
export function failTheStopEntry(journal: Journal | undefined): () => void {
  if (!journal) throw new Error('no journal open');
  const append = journal.append.bind(journal);
  const spy = vi
    .spyOn(journal, 'append')
    .mockImplementation((actor: string, event: string, data?: JsonObject) =>
      event === 'ceremony.abandoned'
        ? Promise.reject(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }))
        : append(actor, event, data),
    );
  return () => spy.mockRestore();
}
