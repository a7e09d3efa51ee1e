/**
 * The journal viewer: the entries of either side's journal as written on disk, with the verdict
 * of the chain check (every hash and link). Long strings in an entry's data (import tokens,
 * public keys) are shortened for the screen; the file itself is the record. Nothing here is
 * translated: each field goes by its journal name with its value read as a moment, hex, a code, text,
 * a phrase, a number, nested fields or a list, which the screen labels and says in the officer's
 * language (as receipts do); reasons travel as codes and values.
 */
import path from 'node:path';
import { GENESIS_HASH, type JournalEntry } from '../../core/journal';
import { inspectJournalInSlices, readJournalFile } from '../../core/journal/verify';
import { deviationReason, reasonFields } from '../../core/receipt/deviation-facts';
import { dataFields, type DataField } from '../../i18n/data-fields';
import type { EntryReason } from '../schemas/records';
import type { ChannelHandler } from './channel-handler';
import type { CeremonySession } from './session';
import { pathExists } from '../../core/fs/path-exists';

/**
 * The data of an entry for the screen: why it happened (`reason`, read as the receipt reads it: a
 * phrase, a problem's code and values, or an older entry's recorded text), then the rest as fields.
 */
function summarizeEntryData(entry: JournalEntry): { fields: DataField[]; reason?: EntryReason } {
  const reason = deviationReason(entry.data);
  const skip = reasonFields(reason);
  const rest = Object.fromEntries(Object.entries(entry.data).filter(([name]) => !skip.includes(name)));
  return { fields: dataFields(rest), ...(reason ? { reason } : {}) };
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
          ...summarizeEntryData(e),
          hash: e.hash,
        })),
      };
    },
  };
}
