/**
 * The journal viewer: the entries of either side's journal as written on disk, with the verdict
 * of the chain check (every hash and link). Long strings in an entry's data (import tokens,
 * public keys) are shortened for the screen; the file itself is the record.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GENESIS_HASH, type JournalEntry, type JsonValue } from '../../core/journal';
import { inspectJournalInSlices, readJournalFile } from '../../core/journal/verify';
import { phraseSchema, type Phrase } from '../../i18n/phrase';
import type { ChannelHandler } from './channel-handler';
import type { CeremonySession } from './session';

const LONGEST_SHOWN = 96;
const MAX_SUMMARY = 4000;

function shorten(value: JsonValue): JsonValue {
  if (typeof value === 'string')
    return value.length > LONGEST_SHOWN ? `${value.slice(0, 24)}… (${value.length} characters)` : value;
  if (Array.isArray(value)) return value.map(shorten);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v)]));
  return value;
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

/** The data of an entry for the screen: its phrases apart, the rest as compact JSON with long strings shortened. */
export function summarizeEntryData(entry: JournalEntry): {
  summary: string;
  phrases: { field: string; phrase: Phrase }[];
} {
  const phrases: { field: string; phrase: Phrase }[] = [];
  const text = JSON.stringify(shorten(withoutPhrases(entry.data, '', phrases) ?? {}));
  return { summary: text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text, phrases };
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
