/**
 * The KMS's time as this air-gapped journal shows it: the newest import token the KMS issued among
 * every import-parameters bundle the journal read (a token lives 24 hours from its issue:
 * shared/kms-time.ts), or this computer's time when that is later. A trial brought an old
 * parameters bundle back after newer ones had been read and wrapped: judged by this computer's clock
 * alone, its expired tokens were "valid", it was wrapped again, and the wrap named the custody set of
 * the material the KMS held as one to destroy once that bundle (which the KMS would refuse) was imported.
 */
import { z } from 'zod';
import type { JournalEntry } from '../../journal';
import { kmsTimeFromTokens } from '../shared/kms-time';

/** The part of a `parameters.read` entry read here and by earlier-wraps.ts: each key's token expiry. */
export const parametersReadTokens = z.object({ keys: z.array(z.object({ tokenExpiresAt: z.string().nullable() })) });

/** The KMS's time by the tokens of every parameters bundle `entries` record read, or `now` when later. */
export function journalKmsTime(entries: readonly JournalEntry[], now: Date): Date {
  const expiries = entries.flatMap((e) =>
    e.event === 'parameters.read'
      ? (parametersReadTokens.safeParse(e.data).data?.keys ?? []).map((k) => k.tokenExpiresAt ?? undefined)
      : [],
  );
  return kmsTimeFromTokens(now, expiries);
}
