/**
 * The KMS connection a ceremony's journal records (its last `kms.connected` entry): later steps
 * use it when no connection option is given, and refuse a different one with both values shown,
 * so one ceremony never spans two regions, projects or endpoints.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KeyferryError } from '../core/errors';
import { phraseOf, phraseValue, type Phrase } from '../i18n/phrase';
import { isLoopbackHost } from '../core/kms/endpoint';
import { inspectJournalInSlices, readJournalFile } from '../core/journal/verify';

interface RecordedConnection {
  readonly endpoint: string;
  readonly region: string;
  readonly projectId: string;
}

const connectedData = z.object({ endpoint: z.string(), region: z.string(), projectId: z.string() });

/** The connection recorded in the journal at `file`, or undefined (no journal yet, or none recorded). */
export async function recordedConnection(file: string): Promise<RecordedConnection | undefined> {
  if (!existsSync(file)) return undefined;
  const { entries } = await inspectJournalInSlices(await readJournalFile(file));
  for (const entry of [...entries].reverse()) {
    if (entry.event !== 'kms.connected') continue;
    const parsed = connectedData.safeParse(entry.data);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

/**
 * The endpoint as compared: its origin; for the loopback simulator its host only, because a
 * simulator restarted from its state file listens on a new free port.
 */
function originOf(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return url.protocol === 'http:' && isLoopbackHost(url.hostname)
      ? `http://${url.hostname}:<simulator port>`
      : url.origin;
  } catch {
    return endpoint;
  }
}

/**
 * Refuses a connection that differs from the recorded one, naming the field, both values and where
 * the given value came from (an option or a config file's field), so the officer knows what to fix.
 */
export function assertSameConnection(
  journalFile: string,
  recorded: RecordedConnection,
  actual: RecordedConnection,
  sources?: { readonly region: Phrase; readonly projectId: Phrase; readonly endpoint: Phrase },
): void {
  const fields: ['--region' | '--project-id' | '--endpoint', string, string, Phrase | undefined][] = [
    ['--region', recorded.region, actual.region, sources?.region],
    ['--project-id', recorded.projectId, actual.projectId, sources?.projectId],
    ['--endpoint', originOf(recorded.endpoint), originOf(actual.endpoint), sources?.endpoint],
  ];
  for (const [field, was, now, source] of fields) {
    if (was !== now)
      throw new KeyferryError('CONNECTION_DIFFERS_FROM_JOURNAL', {
        journal: path.basename(journalFile),
        field,
        recorded: was,
        given: now,
        givenFromPhrase: phraseValue(source ?? phraseOf('credentials.from.option', { option: field })),
      });
  }
}
