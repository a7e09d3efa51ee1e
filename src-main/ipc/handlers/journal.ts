/**
 * The journal viewer: the entries of either side's journal as written on disk, with the verdict
 * of the chain check (every hash and link). Long strings in an entry's data (import tokens,
 * public keys) are shortened for the screen; the file itself is the record. Nothing here is
 * translated: sentences travel as phrases, reasons as codes and values, and a shortened string's
 * length as a number, which the screen says in the officer's language (as receipts do).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GENESIS_HASH, type JournalEntry, type JsonValue } from '../../core/journal';
import { inspectJournalInSlices, readJournalFile } from '../../core/journal/verify';
import { deviationReason, reasonFields } from '../../core/receipt/journal-facts';
import { phraseSchema, type Phrase } from '../../i18n/phrase';
import type { EntryReason, SummaryPart } from '../schemas/records';
import type { ChannelHandler } from './channel-handler';
import type { CeremonySession } from './session';

const LONGEST_SHOWN = 96;
/** How much of a shortened string is shown. */
const SHOWN_OF_LONG = 24;
const MAX_SUMMARY = 4000;

/**
 * Compact JSON of `value` as parts: text, and after each string over LONGEST_SHOWN characters
 * (shown as its first SHOWN_OF_LONG and "…") a marker of its whole length, which the screen
 * says in its language. Cut at MAX_SUMMARY characters of text ("…" at the end).
 */
function summaryParts(value: JsonValue): SummaryPart[] {
  const parts: SummaryPart[] = [];
  let text = '';
  let size = 0;
  let full = false;
  const put = (piece: string) => {
    if (full) return;
    if (size + piece.length > MAX_SUMMARY) {
      text += `${piece.slice(0, MAX_SUMMARY - 1 - size)}…`;
      full = true;
    } else text += piece;
    size += piece.length;
  };
  const mark = (characters: number) => {
    if (full) return;
    if (text) parts.push(text);
    text = '';
    parts.push({ characters });
  };
  const walk = (v: JsonValue): void => {
    if (typeof v === 'string' && v.length > LONGEST_SHOWN) {
      put(`${JSON.stringify(v.slice(0, SHOWN_OF_LONG)).slice(0, -1)}…"`);
      mark(v.length);
    } else if (Array.isArray(v)) {
      put('[');
      v.forEach((item, i) => {
        if (i > 0) put(',');
        walk(item);
      });
      put(']');
    } else if (v !== null && typeof v === 'object') {
      put('{');
      Object.entries(v).forEach(([k, item], i) => {
        put(`${i > 0 ? ',' : ''}${JSON.stringify(k)}:`);
        walk(item);
      });
      put('}');
    } else put(JSON.stringify(v));
  };
  walk(value);
  if (text) parts.push(text);
  return parts;
}

const MAX_PHRASES = 50;

/**
 * `value` without its phrases ({key, values} of a catalogue key, e.g. a key's proof), which are
 * collected into `found` by field path, so the screen shows them as sentences in its language.
 */
function withoutPhrases(
  value: JsonValue,
  at: string,
  found: { field: string; phrase: Phrase }[],
): JsonValue | undefined {
  if (value === null || typeof value !== 'object') return value;
  if (!Array.isArray(value) && found.length < MAX_PHRASES) {
    const phrase = phraseSchema.safeParse(value);
    if (phrase.success) {
      found.push({ field: at, phrase: phrase.data });
      return undefined;
    }
  }
  if (Array.isArray(value)) return value.map((v, i) => withoutPhrases(v, `${at}[${i}]`, found) ?? null);
  const kept: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(value)) {
    const rest = withoutPhrases(v, at ? `${at}.${k}` : k, found);
    if (rest !== undefined) kept[k] = rest;
  }
  return kept;
}

/**
 * The data of an entry for the screen: why it happened (`reason`, read as the receipt reads it: a
 * phrase, a problem's code and values, or an older entry's recorded text), its phrases apart,
 * the rest as compact JSON parts with long strings shortened.
 */
export function summarizeEntryData(entry: JournalEntry): {
  summary: SummaryPart[];
  phrases: { field: string; phrase: Phrase }[];
  reason?: EntryReason;
} {
  const reason = deviationReason(entry.data);
  const skip = reasonFields(reason);
  const rest = Object.fromEntries(Object.entries(entry.data).filter(([name]) => !skip.includes(name)));
  const phrases: { field: string; phrase: Phrase }[] = [];
  const summary = summaryParts(withoutPhrases(rest, '', phrases) ?? {});
  return { summary, phrases, ...(reason ? { reason } : {}) };
}

export function journalHandlers(session: CeremonySession): { viewJournal: ChannelHandler<'viewJournal'> } {
  return {
    viewJournal: async ({ side }) => {
      const file = session.journalPath(side);
      const base = { side, file: path.basename(file) };
      const present = await fs.lstat(file).then(
        () => true,
        () => false,
      );
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
