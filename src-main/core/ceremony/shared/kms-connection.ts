/**
 * Which KMS the ceremony's keys are in, as the journal records the connection (`kms.connected`,
 * online/session-connection.ts journals one per session): its endpoint, region and project, and
 * the access key shortened when one was used. The online receipt says it in its Ceremony section
 * (a trial's auditor found no receipt naming the KMS or project that holds the keys).
 */
import { z } from 'zod';
import type { JournalEntry } from '../../journal';

/** The connection event: online/events.ts `ONLINE_EVENTS.connected` (shared code does not import online; a test holds them equal). */
const KMS_CONNECTED_EVENT = 'kms.connected';

const connectedSchema = z.object({
  endpoint: z.string().min(1).max(300),
  region: z.string().min(1).max(100),
  projectId: z.string().min(1).max(100),
  credentials: z.object({ accessKeyHint: z.string().max(40).nullable().optional() }).optional(),
});

interface KmsConnection {
  readonly endpoint: string;
  readonly region: string;
  readonly projectId: string;
  /** The access key id shortened (first 4 … last 4); null: a token, or not recorded. */
  readonly accessKeyHint: string | null;
}

/** The last connection `entries` record (a ceremony keeps one KMS: a session on another is refused); undefined: none. */
export function kmsConnectionIn(entries: readonly JournalEntry[]): KmsConnection | undefined {
  const last = entries.findLast((e) => e.event === KMS_CONNECTED_EVENT);
  const parsed = connectedSchema.safeParse(last?.data);
  if (!parsed.success) return undefined;
  const { endpoint, region, projectId, credentials } = parsed.data;
  return { endpoint, region, projectId, accessKeyHint: credentials?.accessKeyHint ?? null };
}
