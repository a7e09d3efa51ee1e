/**
 * The KMS's time as this air-gapped journal shows it: the newest import token the KMS issued among
 * every import-parameters bundle the journal read and a witness confirmed (a token lives 24 hours
 * from its issue: shared/kms-time.ts), or this computer's time when that is later. A trial brought an
 * old parameters bundle back after newer ones had been read and wrapped: judged by this computer's
 * clock alone, its expired tokens were "valid", it was wrapped again, and the wrap named the custody
 * set of the material the KMS held as one to destroy once that bundle (which the KMS would refuse) was
 * imported. A bundle no witness confirmed (its digest refused, the session stopped first) proves
 * nothing of the KMS: its tokens' times could be anything, and counted they refused every genuine
 * bundle after it as expired, for good.
 */
import { z } from 'zod';
import type { JournalEntry } from '../../journal';
import { kmsTimeFromTokens } from '../shared/kms-time';

/** The part of a `parameters.read` entry read here and by earlier-wraps.ts: each key's token expiry. */
export const parametersReadTokens = z.object({ keys: z.array(z.object({ tokenExpiresAt: z.string().nullable() })) });

/** The token expiries of each `parameters.read` in `entries` that a `witness.confirmed` follows before the next read. */
function confirmedTokenExpiries(entries: readonly JournalEntry[]): (string | undefined)[] {
  const expiries: (string | undefined)[] = [];
  let read: (string | undefined)[] | undefined;
  for (const e of entries) {
    if (e.event === 'parameters.read')
      read = (parametersReadTokens.safeParse(e.data).data?.keys ?? []).map((k) => k.tokenExpiresAt ?? undefined);
    else if (e.event === 'witness.confirmed' && read !== undefined) {
      expiries.push(...read);
      read = undefined;
    }
  }
  return expiries;
}

/** The KMS's time by the tokens of every parameters bundle `entries` record read and confirmed, or `now` when later. */
export function journalKmsTime(entries: readonly JournalEntry[], now: Date): Date {
  return kmsTimeFromTokens(now, confirmedTokenExpiries(entries));
}
