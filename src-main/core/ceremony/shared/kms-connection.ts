/**
 * Which KMS the ceremony's keys are in, as the journal records the connection (`kms.connected`,
 * online/session-connection.ts journals one per session): its endpoint, region and project, and
 * the access key shortened when one was used. The online receipt says it in its Ceremony section
 * (a trial's auditor found no receipt naming the KMS or project that holds the keys).
 */
import { z } from 'zod';
import type { JournalEntry } from '../../journal';
import { isSimulatorUrl } from '../../loopback-host';

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

/**
 * The last connection `entries` record whole (a ceremony keeps one KMS: a session on another is
 * refused); undefined: none. The one reader of `kms.connected`: the receipt's KMS row and the
 * command line's recorded connection (cli/journal-connection.ts).
 */
export function kmsConnectionIn(entries: readonly JournalEntry[]): KmsConnection | undefined {
  for (const entry of [...entries].reverse()) {
    if (entry.event !== KMS_CONNECTED_EVENT) continue;
    const parsed = connectedSchema.safeParse(entry.data);
    if (!parsed.success) continue;
    const { endpoint, region, projectId, credentials } = parsed.data;
    return { endpoint, region, projectId, accessKeyHint: credentials?.accessKeyHint ?? null };
  }
  return undefined;
}

/**
 * An endpoint as two connections of one ceremony compare it (the command line's later steps and the
 * app's connect alike): its origin, or for the loopback simulator its host only, because a
 * simulator restarted from its state file listens on a new free port.
 */
export function comparedEndpoint(endpoint: string): { readonly compared: string; readonly simulator: boolean } {
  try {
    const url = new URL(endpoint);
    return isSimulatorUrl(url)
      ? { compared: `http://${url.hostname}`, simulator: true }
      : { compared: url.origin, simulator: false };
  } catch {
    return { compared: endpoint, simulator: false };
  }
}
