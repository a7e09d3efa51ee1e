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
import { readBundleClaimedKeyIds, type ImportParametersBundle } from '../../bundle';
import { isKeyferryError, KeyferryError } from '../../errors';
import type { JournalEntry } from '../../journal';
import { kmsTimeFromTokens } from '../shared/kms-time';
import { readImportParametersBundle } from './steps';

/** The part of a `parameters.read` entry read here and by earlier-wraps.ts: each key's token expiry. */
export const parametersReadTokens = z.object({ keys: z.array(z.object({ tokenExpiresAt: z.string().nullable() })) });

const readSource = z.object({ source: z.string().catch('') });
const readKeyIds = z.object({ keys: z.array(z.object({ keyId: z.string() })) });

/** A `parameters.read` a witness confirmed: its entry, folder, keys and each key's token expiry. */
interface ConfirmedRead {
  readonly seq: number;
  readonly source: string;
  readonly keyIds: readonly string[];
  readonly expiries: (string | undefined)[];
}

/** Each `parameters.read` in `entries` that a `witness.confirmed` follows before the next read. */
function confirmedReads(entries: readonly JournalEntry[]): ConfirmedRead[] {
  const reads: ConfirmedRead[] = [];
  let read: ConfirmedRead | undefined;
  for (const e of entries) {
    if (e.event === 'parameters.read')
      read = {
        seq: e.seq,
        source: readSource.safeParse(e.data).data?.source ?? '',
        keyIds: (readKeyIds.safeParse(e.data).data?.keys ?? []).map((k) => k.keyId),
        expiries: (parametersReadTokens.safeParse(e.data).data?.keys ?? []).map((k) => k.tokenExpiresAt ?? undefined),
      };
    else if (e.event === 'witness.confirmed' && read !== undefined) {
      reads.push(read);
      read = undefined;
    }
  }
  return reads;
}

/** The KMS's time by the tokens of every parameters bundle `entries` record read and confirmed, or `now` when later. */
export function journalKmsTime(entries: readonly JournalEntry[], now: Date): Date {
  return kmsTimeFromTokens(
    now,
    confirmedReads(entries).flatMap((r) => r.expiries),
  );
}

/**
 * The confirmed read of every key of `keyIds` whose tokens the KMS issued last, with the earliest
 * expiry of its tokens (ms); undefined when none shows a token. A read of other keys (params for
 * some keys only) is no way on for these.
 */
function newestConfirmedRead(
  entries: readonly JournalEntry[],
  keyIds: readonly string[],
): (ConfirmedRead & { until: number }) | undefined {
  let newest: (ConfirmedRead & { until: number; latest: number }) | undefined;
  for (const read of confirmedReads(entries)) {
    if (keyIds.length === 0 || !keyIds.every((id) => read.keyIds.includes(id))) continue;
    const times = read.expiries.map((at) => (at === undefined ? NaN : Date.parse(at)));
    if (times.length === 0 || times.some(Number.isNaN)) continue;
    const latest = Math.max(...times);
    if (!newest || latest >= newest.latest) newest = { ...read, until: Math.min(...times), latest };
  }
  return newest;
}

/**
 * BUNDLE_TOKEN_EXPIRED (`error`, judged at `kmsTime`) said again with what the journal knows: whose
 * clock showed the lapse (the KMS's, as `entries` show it, when that is ahead of this computer's
 * `now`), and the newest confirmed read holding every key of the bundle refused while its tokens
 * still live at `kmsTime`: that bundle is the way on, not fresh parameters. Returned as it was when
 * neither applies; any other error is returned as it was.
 */
async function tokensExpiredByJournal(
  error: unknown,
  dir: string,
  entries: readonly JournalEntry[],
  now: Date,
  kmsTime: Date,
): Promise<unknown> {
  if (!isKeyferryError(error) || error.code !== 'BUNDLE_TOKEN_EXPIRED') return error;
  const { keyId, expiresAt, minutes } = error.values ?? {};
  if (typeof keyId !== 'string' || typeof expiresAt !== 'number' || typeof minutes !== 'number') return error;
  // Named only when it holds every key of the bundle refused (its manifest, already checked whole).
  const keyIds = await readBundleClaimedKeyIds(dir).catch(() => [keyId]);
  const newer = newestConfirmedRead(entries, keyIds);
  const valid = newer !== undefined && newer.until > kmsTime.getTime();
  const byJournal = kmsTime.getTime() > now.getTime();
  if (!valid && !byJournal) return error;
  return new KeyferryError(
    'BUNDLE_TOKEN_EXPIRED',
    {
      keyId,
      expiresAt,
      minutes,
      tokensClock: byJournal ? 'journal' : 'machine',
      newerBundle: valid ? 'valid' : 'none',
      newerSeq: valid ? newer.seq : 0,
      newerSource: valid ? newer.source : '',
      newerUntil: valid ? newer.until : 0,
    },
    { cause: error },
  );
}

/**
 * Reads and verifies the import-parameters bundle in `dir` with its tokens judged by the KMS's
 * time as the journal `entries` show it (journalKmsTime), at `now` on this computer's clock: the
 * rule of the wrap (parameters-overview.ts) and of the custody restore (restore/workflow.ts).
 */
export async function readParametersAtJournalTime(
  dir: string,
  entries: readonly JournalEntry[],
  now: Date,
  side: 'airgap' | 'restore',
  shownAs?: string,
): Promise<ImportParametersBundle> {
  const kmsTime = journalKmsTime(entries, now);
  return readImportParametersBundle(dir, kmsTime, side, shownAs).catch(async (error: unknown) => {
    throw await tokensExpiredByJournal(error, dir, entries, now, kmsTime);
  });
}
