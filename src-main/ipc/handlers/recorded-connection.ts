/**
 * The app's connect held to the KMS connection its online journal records, as the command line's
 * (cli/journal-connection.ts): a review connected the same ceremony to a second region; the journal
 * recorded both, and the next steps failed in the KMS (KMS.0207) for keys it holds in the first.
 * Refused before anything is sent or journaled; endpoints compared as the command line compares them.
 */
import path from 'node:path';
import { KeyferryError } from '../../core/errors';
import { comparedEndpoint, kmsConnectionIn } from '../../core/ceremony/shared/kms-connection';
import { entriesBeforeOpening } from '../../core/journal/journal';
import type { JournalEntry } from '../../core/journal';

interface Connection {
  readonly endpoint: string;
  readonly region: string;
  readonly projectId: string;
}

/**
 * Refuses (CONNECTION_DIFFERS_FROM_JOURNAL_APP) `wanted` when the online journal at `file` (its
 * `entries` when it is open) records another region, project or endpoint for this ceremony.
 */
export async function refuseOtherConnection(
  file: string,
  entries: readonly JournalEntry[] | undefined,
  wanted: Connection,
): Promise<void> {
  const recorded = kmsConnectionIn(entries ?? (await entriesBeforeOpening(file)) ?? []);
  if (!recorded) return;
  const fields = [
    ['region', recorded.region, wanted.region],
    ['projectId', recorded.projectId, wanted.projectId],
    ['endpoint', comparedEndpoint(recorded.endpoint).compared, comparedEndpoint(wanted.endpoint).compared],
  ] as const;
  for (const [field, was, now] of fields)
    if (was !== now)
      throw new KeyferryError('CONNECTION_DIFFERS_FROM_JOURNAL_APP', {
        journal: path.basename(file),
        field,
        recorded: was,
        given: now,
      });
}
