/**
 * The journal viewer: the entries of either side's journal as written on disk, with the verdict
 * of the chain check (every hash and link). Long strings in an entry's data (import tokens,
 * public keys) are shortened for the screen; the file itself is the record. Nothing here is
 * translated: each field goes by its journal name with its value read as a moment, hex, a code, text,
 * a phrase, a number, nested fields or a list, which the screen labels and says in the officer's
 * language (as receipts do); reasons travel as codes and values.
 */
import path from 'node:path';
import { GENESIS_HASH, type JournalEntry, type JsonValue } from '../../core/journal';
import { inspectJournalInSlices, readJournalFile } from '../../core/journal/verify';
import { deviationReason, reasonFields } from '../../core/receipt/journal-facts';
import { phraseOf, phraseSchema } from '../../i18n/phrase';
import { MAX_DATA_VALUES, type DataField, type DataValue, type EntryReason } from '../schemas/records';
import type { ChannelHandler } from './channel-handler';
import type { CeremonySession } from './session';
import { pathExists } from '../../core/fs/path-exists';

const LONGEST_SHOWN = 96;
/** How much of a shortened string is shown. */
const SHOWN_OF_LONG = 24;

/** An ISO 8601 moment as the journal writes one (Date#toISOString). */
const ISO_MOMENT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z$/;
/** Fields holding hex read aloud or compared: digests, fingerprints, hashes, KCVs. */
const HEX_FIELD = /(?:sha256|digest|fingerprint|hash|checkvalue|headatreceipt)$/i;
const HEX = /^[0-9a-fA-F]{2,256}$/;
/** Fields holding epoch milliseconds (`tokenExpiresAt`, `materialExpiresAt`, …). */
const EPOCH_FIELD = /At$/;
/** Epoch ms after 1973: smaller numbers in an `…At` field are not moments. */
const EPOCH_FROM = 1e11;
/** Fields holding a material expiry, where `never` is a word, not a code. */
const EXPIRY_FIELD = /expir/i;
/** Printable ASCII without spaces: an id, code, alias, path, spec or algorithm, shown as is. */
const CODE = /^[\x21-\x7e]+$/;

/** A string of field `name` as the screen shows it. */
function stringValue(name: string, v: string): DataValue {
  if (EXPIRY_FIELD.test(name) && v === 'never') return { phrase: phraseOf('journal.value.never') };
  if (ISO_MOMENT.test(v) && Number.isFinite(Date.parse(v))) return { moment: Date.parse(v) };
  if (HEX_FIELD.test(name) && HEX.test(v) && v.length % 2 === 0) return { hex: v };
  if (v.length > LONGEST_SHOWN) return { shortened: v.slice(0, SHOWN_OF_LONG), characters: v.length };
  return CODE.test(v) ? { code: v } : { text: v };
}

/**
 * An entry's data as named values for the screen (see DataValue): read once here, so the screen
 * only says them in its language. At most MAX_DATA_VALUES values; a longer list or object ends in "…".
 */
function dataFields(data: Readonly<Record<string, JsonValue>>): DataField[] {
  let budget = MAX_DATA_VALUES;
  const cut: DataValue = { code: '…' };
  const valueOf = (name: string, v: JsonValue): DataValue => {
    budget -= 1;
    if (v === null) return { none: true };
    if (typeof v === 'boolean') return { yes: v };
    if (typeof v === 'number')
      return EPOCH_FIELD.test(name) && Number.isInteger(v) && v > EPOCH_FROM ? { moment: v } : { number: v };
    if (typeof v === 'string') return stringValue(name, v);
    if (Array.isArray(v)) {
      const items: DataValue[] = [];
      for (const item of v) {
        if (budget <= 0) {
          items.push(cut);
          break;
        }
        items.push(valueOf(name, item));
      }
      return { items };
    }
    const phrase = phraseSchema.safeParse(v);
    if (phrase.success) return { phrase: phrase.data };
    return { fields: fieldsOf(v) };
  };
  const fieldsOf = (object: Readonly<Record<string, JsonValue>>): DataField[] => {
    const fields: DataField[] = [];
    for (const [name, v] of Object.entries(object)) {
      if (budget <= 0) {
        fields.push({ name: '…', value: cut });
        break;
      }
      fields.push({ name, value: valueOf(name, v) });
    }
    return fields;
  };
  return fieldsOf(data);
}

/**
 * The data of an entry for the screen: why it happened (`reason`, read as the receipt reads it: a
 * phrase, a problem's code and values, or an older entry's recorded text), then the rest as fields.
 */
export function summarizeEntryData(entry: JournalEntry): { fields: DataField[]; reason?: EntryReason } {
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
