/**
 * The journal viewer: the entries of either side's journal as written on disk, with the verdict
 * of the chain check (every hash and link). Long strings in an entry's data (import tokens,
 * public keys) are shortened for the screen; the file itself is the record. Nothing here is
 * translated: each field goes by its journal name with its value read as a moment, hex, a code, text,
 * a phrase, a number, nested fields or a list, which the screen labels and says in the officer's
 * language (as receipts do); reasons travel as codes and values. On the air-gapped workstation the
 * import-parameters bundles' digests are not shown (the witnesses type them as heard).
 */
import path from 'node:path';
import { GENESIS_HASH, type JournalEntry } from '../../core/journal';
import { inspectJournalInSlices, readJournalFile } from '../../core/journal/verify';
import { deviationReason, reasonFields } from '../../core/receipt/deviation-facts';
import { dataFields, type DataField } from '../../i18n/data-fields';
import type { DataValue } from '../../i18n/data-field-shape';
import { phraseOf } from '../../i18n/phrase';
import { ONLINE_EVENTS } from '../../core/ceremony/online/events';
import type { EntryReason } from '../schemas/records';
import type { ChannelHandler } from './channel-handler';
import type { CeremonySession } from './session';
import { pathExists } from '../../core/fs/path-exists';

/** Entries that record an import-parameters bundle's digest (`manifestSha256`): read on either side, written online. */
const PARAMETERS_DIGEST_EVENTS: readonly string[] = ['parameters.read', ONLINE_EVENTS.parametersWritten];

/**
 * The import-parameters bundles' digests `entries` record, in lower case. On the air-gapped
 * workstation every witness types that digest as heard from the online side; shown there (the
 * journal records the digest of the bundle as read from the medium), it could be read off the
 * screen instead and would confirm whatever the medium holds, as a review did through this screen.
 */
function parametersDigests(entries: readonly JournalEntry[]): ReadonlySet<string> {
  const digests = entries.flatMap((e) => {
    // A closing checked against a bundle not read yet records its digest too (parametersSha256).
    const found = [
      PARAMETERS_DIGEST_EVENTS.includes(e.event) ? e.data['manifestSha256'] : undefined,
      e.data['parametersSha256'],
    ];
    return found.flatMap((digest) => (typeof digest === 'string' ? [digest.toLowerCase()] : []));
  });
  return new Set(digests);
}

/** `value` with every hex value among `withheld` replaced by the phrase that says why it is not shown. */
function withholding(value: DataValue, withheld: ReadonlySet<string>): DataValue {
  if ('hex' in value && withheld.has(value.hex.toLowerCase()))
    return { phrase: phraseOf('journal.value.parametersDigestWithheld') };
  if ('fields' in value) return { fields: value.fields.map((f) => ({ ...f, value: withholding(f.value, withheld) })) };
  if ('items' in value) return { items: value.items.map((v) => withholding(v, withheld)) };
  return value;
}

/**
 * The data of an entry for the screen: why it happened (`reason`, read as the receipt reads it: a
 * phrase, a problem's code and values, or an older entry's recorded text), then the rest as fields,
 * the digests in `withheld` not shown.
 */
function summarizeEntryData(
  entry: JournalEntry,
  withheld: ReadonlySet<string>,
): { fields: DataField[]; reason?: EntryReason } {
  const reason = deviationReason(entry.data);
  const skip = reasonFields(reason);
  const rest = Object.fromEntries(Object.entries(entry.data).filter(([name]) => !skip.includes(name)));
  const fields = dataFields(rest).map((f) => ({ ...f, value: withholding(f.value, withheld) }));
  return { fields, ...(reason ? { reason } : {}) };
}

export function journalHandlers(session: CeremonySession): { viewJournal: ChannelHandler<'viewJournal'> } {
  return {
    viewJournal: async ({ side }) => {
      const file = session.journalPath(side);
      const base = { side, file: path.basename(file) };
      const present = await pathExists(file);
      if (!present)
        return { ...base, exists: false, intact: true, problem: null, count: 0, head: GENESIS_HASH, entries: [] };
      const { verification, entries } = await inspectJournalInSlices(await readJournalFile(file));
      // On the air-gapped workstation, the parameters' digests are typed as heard, never read here.
      const withheld = session.context.mode.current() === 'air-gapped' ? parametersDigests(entries) : new Set<string>();
      return {
        ...base,
        exists: true,
        intact: verification.ok,
        problem: verification.ok ? null : { line: verification.line, reason: verification.reason },
        count: verification.ok ? verification.count : 0,
        head: verification.ok ? verification.headHash : '',
        entries: entries.map((e) => ({
          seq: e.seq,
          time: e.time,
          actor: e.actor,
          event: e.event,
          ...summarizeEntryData(e, withheld),
          hash: e.hash,
        })),
      };
    },
  };
}
