/**
 * Test helper: the journal of an air-gapped session killed in its custody split's writes, after it
 * journaled their start (as airgap/custody-split.ts does before the first file): ceremony `ceremony`,
 * set tag `set` with backup digest `digest`, custodians Ana, Bob and Cy with folders c1, c2, c3 in
 * `dir` (made new, and made here). Returns the three folders.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Journal } from '../../src-main/core/journal';

export async function splitKilledInWrites(
  journal: Journal,
  dir: string,
  { ceremony, set, digest }: { readonly ceremony: string; readonly set: string; readonly digest: string },
): Promise<[string, string, string]> {
  const folders = ['c1', 'c2', 'c3'].map((c) => path.join(dir, c)) as [string, string, string];
  await journal.append('Op', 'ceremony.session-started', { side: 'air-gapped', operator: 'Op' });
  await journal.append('Op', 'parameters.read', { ceremonyId: ceremony });
  await journal.append('Op', 'preflight.passed', {
    destinations: folders.map((folder) => ({ role: 'custodian', folder, willCreate: true })),
    custodySplitStartJournaled: true,
  });
  await journal.append('Op', 'material.generated', { keyId: 'k1' });
  for (const folder of folders) await mkdir(folder);
  await journal.append('Op', 'custody.split-started', {
    format: 'custody-set',
    total: 3,
    backupFile: `keyferry-backup-${ceremony}-${set}.txt`,
    backupDigest: digest,
    holders: folders.map((folder, i) => ({
      shareIndex: i + 1,
      custodian: ['Ana', 'Bob', 'Cy'][i] as string,
      folder,
      willCreate: true,
    })),
  });
  return folders;
}
