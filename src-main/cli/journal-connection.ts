/**
 * The KMS connection a ceremony's journal records (its last `kms.connected` entry): later steps
 * use it when no connection option is given, and refuse a different one with both values shown,
 * so one ceremony never spans two regions, projects or endpoints.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KeyferryError } from '../core/errors';
import { ONLINE_EVENTS } from '../core/ceremony/online/events';
import { comparedEndpoint, kmsConnectionIn } from '../core/ceremony/shared/kms-connection';
import { phraseOf, phraseValue, type Phrase } from '../i18n/phrase';
import { inspectJournalInSlices, journalNotVerified, readJournalFile } from '../core/journal/verify';

interface RecordedConnection {
  readonly endpoint: string;
  readonly region: string;
  readonly projectId: string;
}

/** A connection value as compared, and as the refusal shows it. */
interface Shown {
  readonly compared: string;
  readonly shown: Phrase;
}

const airGapSession = z.object({ side: z.literal('air-gapped'), title: z.string(), operator: z.string() });

/**
 * The connection recorded in the journal at `file`, or undefined (no journal yet, or none recorded).
 * A journal that does not verify is refused here, naming its bad line, and so is an air-gapped
 * journal given to an online command: read as recording nothing, either would be answered with a
 * missing option ("The KMS region is not set") instead of the truth.
 */
export async function recordedConnection(file: string): Promise<RecordedConnection | undefined> {
  if (!existsSync(file)) return undefined;
  const { verification, entries } = await inspectJournalInSlices(await readJournalFile(file));
  if (!verification.ok) throw journalNotVerified(file, verification);
  // The side is recorded when a session starts; the first session says what the journal is.
  const firstSession = entries.find((entry) => entry.event === ONLINE_EVENTS.session);
  const airGap = airGapSession.safeParse(firstSession?.data);
  if (airGap.success)
    throw new KeyferryError('ONLINE_JOURNAL_IS_AIR_GAPPED', {
      file: path.basename(file),
      title: airGap.data.title,
      operator: airGap.data.operator,
    });
  const connection = kmsConnectionIn(entries);
  return connection && { endpoint: connection.endpoint, region: connection.region, projectId: connection.projectId };
}

/** The endpoint as compared (kms-connection.ts comparedEndpoint) and as the refusal shows it. */
function originOf(endpoint: string): Shown {
  const { compared, simulator } = comparedEndpoint(endpoint);
  return { compared, shown: phraseOf('connection.value', { value: compared, simulator: simulator ? 'yes' : 'no' }) };
}

const plainValue = (value: string) => ({
  compared: value,
  shown: phraseOf('connection.value', { value, simulator: 'no' }),
});

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
  const fields: ['--region' | '--project-id' | '--endpoint', Shown, Shown, Phrase | undefined][] = [
    ['--region', plainValue(recorded.region), plainValue(actual.region), sources?.region],
    ['--project-id', plainValue(recorded.projectId), plainValue(actual.projectId), sources?.projectId],
    ['--endpoint', originOf(recorded.endpoint), originOf(actual.endpoint), sources?.endpoint],
  ];
  for (const [field, was, now, source] of fields) {
    if (was.compared !== now.compared)
      throw new KeyferryError('CONNECTION_DIFFERS_FROM_JOURNAL', {
        journal: path.basename(journalFile),
        field,
        recordedPhrase: phraseValue(was.shown),
        givenPhrase: phraseValue(now.shown),
        givenFromPhrase: phraseValue(source ?? phraseOf('credentials.from.option', { option: field })),
      });
  }
}
