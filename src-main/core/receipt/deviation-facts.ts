/**
 * What a receipt says about deviations, read from the journal alone: every entry whose event is a
 * deviation (journal/deviations.ts), with its reason, what its data says in words (in the receipt's
 * language) and the rest of its data as labelled fields.
 */
import { z } from 'zod';
import {
  LATER_RUN_OPENED_BY,
  listDeviations,
  stringList,
  type JournalEntry,
  type JsonValue,
  INTERRUPTED_EVENT,
} from '../journal';
import { phrase } from './facts';
import { madeByValues, refusedAct } from './journal-facts';
import type { ReceiptPhrase } from './language';
import { ReceiptWords } from './language';
import type { DeviationReason, ReceiptDeviation } from './types';
import { translator } from '../../i18n/translate';
import { isMessageKey } from '../../i18n/catalogue';
import { phraseOf, phraseSchema, phrasesValue, phraseValue, type Phrase } from '../../i18n/phrase';
import { custodySetTag } from '../custody/set-tag';
import { groupHex } from '../hex-groups';
import { CUSTODY_SPLIT_STARTED, samePath } from './custodian-lines';
import type { Locale } from '../../i18n/locale';
import { ceremonyStateValue, selectCase } from '../../i18n/ceremony-state';
import { dataFields, fieldLabel, fieldsText, valueText } from '../../i18n/data-fields';
import { currentPhrase } from '../../i18n/kms-state';
import type { WallClock } from '../../i18n/moment';
import { listValue } from '../../i18n/list';
import { journalEventPhrase } from '../../i18n/journal-events';
import { journalIdentity } from '../../i18n/made-by-line';
import { skippedKeyNote } from './skipped-key-line';

/**
 * About how long a deviation's details line runs (its data but what is said in words), in characters:
 * the entry's data may hold thousands of values (dataFields), and a receipt is read on paper, where
 * the deviation's sentence says what happened and the journal entry it cites holds every value.
 */
const MAX_DETAILS = 400;

const problemValuesSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/**
 * Why an entry says it happened: its `reasonPhrase`, else its problem `code` + `values` when the
 * catalogue can say that problem with them, else its recorded `reason` (or `message`) text (older journals).
 */
export function deviationReason(data: Readonly<Record<string, JsonValue>>): DeviationReason | undefined {
  const phrased = phraseSchema.safeParse(data.reasonPhrase);
  if (phrased.success) return { phrase: phrased.data };
  const said = data.reason ?? data.message; // step.failed before session 6 named its English text `message`
  const recorded = typeof said === 'string' ? said : undefined;
  const values = problemValuesSchema.safeParse(data.values ?? {});
  const key = `problem.${String(data.code)}`;
  if (typeof data.code === 'string' && values.success && isMessageKey(key)) {
    // As the translator says it (a select added later to the message taken as absent): values that do
    // not fit today's text (an older entry) give back what it was handed, and the recorded text is said.
    const unsaid = '\u0000';
    const said = translator('en').problem({ code: data.code, values: values.data, message: unsaid, nextStep: '' });
    if (said.message !== unsaid)
      return { problem: { code: data.code, values: values.data, recorded: recorded ?? data.code } };
  }
  return recorded === undefined ? undefined : { recorded };
}

/**
 * The fields a reason was read from, left out of the details line (and of the journal viewer's data).
 * A recorded text stands for the problem's values too: values an older entry holds that today's text
 * no longer fits would only say it again, raw (field names, JSON), in the receipt's details.
 */
export function reasonFields(reason: DeviationReason | undefined): readonly string[] {
  if (!reason) return [];
  if ('problem' in reason) return ['reason', 'message', 'values'];
  return ['reason', 'message', 'reasonPhrase', 'values'];
}

/** A deviation's reason in `locale` as plain text (a recorded text marked as such). */
export function deviationReasonText(locale: Locale, reason: DeviationReason): string {
  if ('phrase' in reason) return ReceiptWords.phraseText(locale, reason.phrase);
  if ('problem' in reason) {
    const { code, values, recorded } = reason.problem;
    return translator(locale).problem({ code, values, message: recorded, nextStep: '' }).message;
  }
  return ReceiptWords.text(locale, 'receipt.deviations.recorded', { text: reason.recorded });
}

/**
 * A deviation's remaining data in `locale`: each field labelled, moments on `clock`, hex grouped.
 * Past MAX_DETAILS it ends on a whole value (a field, or an item of a list; the first is always
 * whole) and says how many values were left out and which journal entry holds them.
 */
export function deviationDetailsText(
  locale: Locale,
  d: Pick<ReceiptDeviation, 'fields' | 'seq'>,
  clock?: WallClock,
): string {
  const tr = translator(locale);
  const whole = fieldsText(tr, d.fields, clock);
  if (whole.length <= MAX_DETAILS) return whole;
  const separator = tr.t('list.separator');
  const shown: string[] = [];
  let length = 0;
  let left = 0;
  /** Takes `text` when it still fits (or nothing was shown yet); false once the line is full. */
  const take = (text: string, joint: string): boolean => {
    const added = (shown.length > 0 ? joint.length : 0) + text.length;
    if (shown.length > 0 && (left > 0 || length + added > MAX_DETAILS)) return false;
    shown.push(shown.length > 0 ? `${joint}${text}` : text);
    length += added;
    return true;
  };
  for (const field of d.fields) {
    const pair = (value: string) => tr.t('journal.field.pair', { label: fieldLabel(tr, field.name).text, value });
    const items = 'items' in field.value ? field.value.items : [field.value];
    if (!('items' in field.value) || items.length === 0) {
      if (!take(pair(valueText(tr, field.value, clock)), separator)) left += 1;
      continue;
    }
    // A list is shown item by item: its label with the first item, then each further item.
    const texts = items.map((item) => valueText(tr, item, clock));
    if (!take(pair(texts[0] as string), separator)) {
      left += texts.length;
      continue;
    }
    for (const text of texts.slice(1)) if (!take(text, separator)) left += 1;
  }
  return `${shown.join('')}${tr.t('receipt.deviations.details-left-out', { count: left, seq: d.seq })}`;
}

const momentOrNever = z.union([z.literal('never'), z.iso.datetime({ offset: true })]);
const expiryChoicesSchema = z
  .array(
    z.object({
      keyId: z.string().max(64),
      requested: momentOrNever,
      plan: momentOrNever,
      effective: momentOrNever,
      source: z.enum(['bundle', 'override']),
    }),
  )
  .max(10_000);

/** `never` or a moment, as a select case and the epoch milliseconds a `{x, date, moment}` value takes. */
function whenValues(name: string, at: string): Record<string, string | number> {
  return { [`${name}Kind`]: at === 'never' ? 'never' : 'at', [name]: at === 'never' ? 0 : Date.parse(at) };
}

/** What `consequence` a possible loss named: a code (said in the receipt's language), or an older journal's English. */
const CONSEQUENCES = ['lost-after-expiry', 'lost-for-ever'] as const;

/**
 * A CLI stop between journaled steps: `stop: 'between-steps'`; journals written before 2026-12-02
 * recorded it as the English `state: 'between journaled steps'`.
 */
const BETWEEN_STEPS = ['stop=between-steps', 'state=between journaled steps'];

/** Of the entries `before` an entry, those of its session: after the last `ceremony.session-started`. */
function sessionBefore(before: readonly JournalEntry[]): readonly JournalEntry[] {
  return before.slice(before.findLastIndex((e) => e.event === 'ceremony.session-started') + 1);
}

/** The custody set a withdrawal took away: its tag, the entry that began it and its custodians' folders. */
interface WithdrawnSplit {
  readonly tag: string;
  readonly seq: number;
  readonly holders: readonly { readonly custodian: string; readonly folder: string }[];
}

const splitHoldersSchema = z.array(z.object({ custodian: z.string(), folder: z.string() }));

/**
 * The split the withdrawal after `before` took away: the last one begun in its session (its
 * `custody.split-started`, or an older journal's `custody.split`), whose files it removed. None when
 * that session began none (stopped after making the custodian folders, before the split's start
 * entry): an earlier session's set, kept by its custodians, is never named withdrawn (nor where a
 * build of 2026-12-01 to 12-07, which journaled no split start, was stopped in its writes).
 */
function splitWithdrawn(before: readonly JournalEntry[]): WithdrawnSplit | undefined {
  const split = sessionBefore(before).findLast((e) => e.event === CUSTODY_SPLIT_STARTED || e.event === 'custody.split');
  const digest = split?.data.backupDigest;
  if (!split || typeof digest !== 'string' || !/^[0-9a-fA-F]{8}/.test(digest)) return undefined;
  const holders = splitHoldersSchema.safeParse(split.data.holders);
  return { tag: custodySetTag(digest), seq: split.seq, holders: holders.success ? holders.data : [] };
}

/** A custodian folder as a withdrawal line names it: with its custodian, when the split names one there. */
function custodianFolder(folder: string, split: WithdrawnSplit | undefined): Phrase {
  const custodian = split?.holders.find((h) => samePath(folder, h.folder))?.custodian;
  return phraseOf('receipt.deviations.custodianFolder', {
    known: custodian === undefined ? 'no' : 'yes',
    folder,
    custodian: custodian ?? '',
  });
}

/**
 * Events whose meaning is their name: what the receipt says of them, and the data fields that says
 * (journals written before 2026-12-02 also recorded an English `summary`: the phrase replaces it).
 */
const EVENT_SAYS: Readonly<
  Record<
    string,
    (
      data: Readonly<Record<string, JsonValue>>,
      seq: number,
      before: readonly JournalEntry[],
    ) => { note: ReceiptPhrase; fields: readonly string[] } | undefined
  >
> = {
  // A witness's refused value, in the words the People section uses (which group differed, or why it
  // was no digest), not as its raw fields ("Differing groups: , Number: 0").
  'witness.refused': (data, seq) => ({
    note: refusedAct(seq, data, 'deviation'),
    fields: ['artefact', 'code', 'differingGroups', 'index', 'otherBundle', 'source'],
  }),
  // A failed step named in words, not as the code it was journaled as ("Step: import-key-material").
  'step.failed': (data) =>
    typeof data.step === 'string'
      ? { note: phrase('receipt.deviations.failedStep', { step: selectCase(data.step) }), fields: ['step'] }
      : undefined,
  // A bundle withdrawn with no manifest in its folder: the digest journaled beside "manifestWritten: false"
  // is the one the manifest was to have (never written), or one written and since taken away.
  'wrapped-bundle.withdrawn': (data, _seq, before) => {
    const digest = data.manifestSha256;
    if (data.manifestWritten !== false || typeof digest !== 'string') return undefined;
    const completed = before.findLast(
      (e) => e.event === 'wrapped-bundle.completed' && e.data.manifestSha256 === digest,
    );
    return {
      note: phrase('receipt.deviations.manifestNotThere', {
        written: completed ? 'taken' : 'never',
        digest: groupHex(digest),
        seq: completed?.seq ?? 0,
      }),
      fields: ['manifestWritten', 'manifestRenamed', 'manifestSha256'],
    };
  },
  'warning.network-allowed': (data) => ({
    note: phrase('receipt.deviations.networkAllowed', { interfacesList: listValue(stringList(data.interfaces)) }),
    fields: ['summary', 'interfaces'],
  }),
  // The custody files a stopped session wrote, and the custodian folders it made, removed (not "Files removed: 0").
  'custody.withdrawn': (data, _seq, before) => {
    const { removedFiles } = data;
    if (typeof removedFiles !== 'number') return undefined;
    const split = splitWithdrawn(before);
    const folders = (list: JsonValue | undefined) =>
      phrasesValue(stringList(list).map((f) => custodianFolder(f, split)));
    return {
      note: phrase('receipt.deviations.custodyWithdrawn', {
        files: removedFiles,
        folders: stringList(data.folders).length,
        foldersListPhrases: folders(data.folders),
        made: stringList(data.removedFolders).length,
        madeListPhrases: folders(data.removedFolders),
        set: split ? 'named' : 'unknown',
        setTag: split?.tag ?? '',
        splitSeq: split?.seq ?? 0,
      }),
      fields: ['removedFiles', 'folders', 'removedFolders'],
    };
  },
  'warning.custody-same-volume': () => ({ note: phrase('receipt.deviations.custodySameVolume'), fields: ['summary'] }),
  // A wrap in another journal than the parameters name: which, instead of which (the officer's reason is the recorded text).
  'parameters.named-journal-lost': (data) => ({
    note: phrase('receipt.deviations.namedJournalLost', {
      mismatch: String(data.mismatch),
      named: String(data.namedJournal),
      namedFirstEntry: journalIdentity(String(data.namedJournalFirstEntrySha256)),
      source: typeof data.bundleOnMedia === 'string' ? 'media' : 'parameters',
      folder: typeof data.bundleOnMedia === 'string' ? data.bundleOnMedia : '',
    }),
    fields: ['mismatch', 'namedJournal', 'namedJournalFirstEntrySha256', 'bundleOnMedia', 'reason'],
  }),
  // The closing of a session that did not journal its end: which session, which entries, checked how
  // (not "Session: 1, Entry: 3, Count: 12"); a journal older than these values keeps its fields.
  'ceremony.session-unfinished': (data) => {
    const { session, seq, count, checkedAgainst } = data;
    if (typeof session !== 'number' || typeof seq !== 'number' || typeof count !== 'number') return undefined;
    return {
      note: phrase('receipt.deviations.sessionUnfinished', {
        session,
        from: seq,
        to: seq + count - 1,
        checked: typeof checkedAgainst === 'string' ? selectCase(checkedAgainst) : 'none',
        closing: data.closingEndJournaled === true ? 'yes' : 'no',
      }),
      fields: ['session', 'seq', 'count', 'checkedAgainst', 'closingEndJournaled'],
    };
  },
  // On what grounds a repeated wrap was let through, in words (not "Grounds: reason"), with the officer's
  // reason itself, so the sentence stands on its own beside the reason line above.
  'wrap.repeated': (data) => {
    const { grounds, wrapAgainReason: reason } = data;
    if (typeof grounds !== 'string') return undefined;
    const said = grounds === 'reason' && typeof reason === 'string';
    return {
      note: phrase('receipt.deviations.repeatedWrapGrounds', {
        grounds,
        said: said ? 'yes' : 'no',
        reason: said ? reason : '',
      }),
      fields: said ? ['grounds', 'wrapAgainReason'] : ['grounds'],
    };
  },
  // A key left out of an import: which, of which bundle, why (skipped-key-line.ts), its reason included.
  'wrapped-bundle.key-skipped': (data) => skippedKeyNote(data),
  'wrapping-algorithm.chosen': (data) => ({
    note: phrase('receipt.deviations.wrappingAlgorithmChosen', { from: String(data.from), to: String(data.to) }),
    fields: ['from', 'to'],
  }),
};

/**
 * The parts of a deviation's data a receipt says in words, in its own language: `import.expiry-chosen`'s
 * keys (which key, which expiry as a moment, chosen where), a ceremony `state`, a possible loss's
 * `consequence`, and any value that is a catalogue phrase (a key's proof, …). `fields` are the data
 * fields they came from, left out of the details line.
 */
function deviationNotes(
  event: string,
  data: Readonly<Record<string, JsonValue>>,
  seq: number,
  finishedAfter: readonly number[],
  wipedAsWrapped: WipedAsWrapped,
  before: readonly JournalEntry[],
  stepBefore?: JournalEntry,
): { notes: ReceiptPhrase[]; fields: string[] } {
  const byEvent = EVENT_SAYS[event]?.(data, seq, before);
  const notes: ReceiptPhrase[] = byEvent ? [byEvent.note] : [];
  const fields: string[] = byEvent ? [...byEvent.fields] : [];
  for (const name of Object.keys(data).sort()) {
    if (fields.includes(name)) continue;
    const value = data[name];
    const said = phraseSchema.safeParse(value);
    const choices = event === 'import.expiry-chosen' && name === 'keys' ? expiryChoicesSchema.safeParse(value) : null;
    const madeBy = name === 'madeBy' ? madeByValues(value) : undefined;
    if (choices?.success) {
      for (const k of choices.data)
        notes.push(
          phrase('receipt.deviations.expiryChosen', {
            keyId: k.keyId,
            source: k.source,
            ...whenValues('effective', k.effective),
            ...whenValues('requested', k.requested),
            ...whenValues('plan', k.plan),
          }),
        );
    } else if (madeBy) notes.push(phrase('bundle.madeBy', madeBy));
    else if (Array.isArray(value) && value.length === 0) {
      // A list with nothing in it says nothing: left out (no "Differing groups: (none)" beside another refusal).
    } else if (said.success) notes.push(currentPhrase(said.data));
    else if (BETWEEN_STEPS.includes(`${name}=${String(value)}`))
      notes.push(
        phrase('receipt.deviations.betweenSteps', {
          after: finishedAfter.length,
          entriesList: listValue(finishedAfter),
        }),
      );
    else if (name === 'wipedKeys' && typeof value === 'number' && event.startsWith('ceremony.')) {
      // The keys by name (README: "with the keys whose material that attempt wiped"): those wiped as
      // they were wrapped, and those the stop found held (`wipedKeyIds`, since 2026-12-07).
      const named = [...new Set([...wipedAsWrapped.keyIds, ...stringList(data.wipedKeyIds)])];
      // Nothing wiped: no material was ever held (a refusal before any, such as the preflight's), so
      // nothing is said of wiping ("0 keys wiped" read as if something had been).
      if (value + wipedAsWrapped.keys > 0 && wipedAsWrapped.namedAt === undefined)
        notes.push(
          phrase('receipt.deviations.keysWiped', {
            total: value + wipedAsWrapped.keys,
            wrapped: wipedAsWrapped.keys,
            atStop: value,
            entryCount: wipedAsWrapped.entries.length,
            entriesList: listValue(wipedAsWrapped.entries),
            named: named.length,
            // An older build journaled the stop's keys as a count: those the journal cannot name, said as such.
            unnamed: Math.max(0, value + wipedAsWrapped.keys - named.length),
            keysListPhrases: wipedKeysPhrases(named, wipedAsWrapped.aliases),
          }),
        );
      fields.push('wipedKeyIds');
    } else if (name === 'state' && typeof value === 'string' && event.startsWith('ceremony.'))
      notes.push(
        phrase('receipt.deviations.state', {
          statePhrase: ceremonyStateValue(value),
          // A stop names the step it came after, as the stop line on the screen did (a state spans several steps).
          step: stepBefore ? 'entry' : 'none',
          stepPhrase: stepBefore ? phraseValue(journalEventPhrase(stepBefore.event)) : '',
          seq: stepBefore?.seq ?? 0,
          actor: stepBefore?.actor ?? '',
        }),
      );
    else if (name === 'consequence' && typeof value === 'string')
      notes.push(
        (CONSEQUENCES as readonly string[]).includes(value)
          ? phrase('receipt.deviations.consequence', { consequence: selectCase(value) })
          : phrase('receipt.deviations.recorded', { text: value }),
      );
    else continue;
    fields.push(name);
  }
  return { notes, fields };
}

/**
 * The entries the stopped run journaled after its stop `stop` (up to a later run's first entry):
 * steps that were already running when the stop came (several keys' KMS calls run at once) and
 * finished while it was being recorded. Empty for any other entry.
 */
function finishedAfterStop(entries: readonly JournalEntry[], stop: JournalEntry): number[] {
  if (stop.event !== INTERRUPTED_EVENT) return [];
  const after = entries.slice(entries.indexOf(stop) + 1);
  const end = after.findIndex((e) => LATER_RUN_OPENED_BY.has(e.event));
  return (end === -1 ? after : after.slice(0, end)).map((e) => e.seq);
}

/**
 * The entry just before a stop's `ceremony.interrupted`: the step its session had reached, which the
 * stop line on the screen names (entries of a step under way went in before the interrupt). Undefined
 * for any other entry.
 */
function stepBeforeStop(entries: readonly JournalEntry[], stop: JournalEntry): JournalEntry | undefined {
  if (stop.event !== INTERRUPTED_EVENT) return undefined;
  const before = entries[entries.indexOf(stop) - 1];
  return before?.seq === stop.seq - 1 ? before : undefined;
}

/** The material the wrap of a stopped session wiped, as its `material.wiped` entries record it. */
interface WipedAsWrapped {
  /** How many keys (distinct key ids). */
  readonly keys: number;
  /** The entries that record it. */
  readonly entries: readonly number[];
  /** Those keys' ids, in the order wiped. */
  readonly keyIds: readonly string[];
  /** Each key's alias by key id, as the session's last `parameters.read` recorded them. */
  readonly aliases: ReadonlyMap<string, string>;
  /** The session's `ceremony.interrupted` entry, which names these keys already (for its `ceremony.abandoned`). */
  readonly namedAt?: number;
}

const readKeysSchema = z.array(z.object({ keyId: z.string(), alias: z.string() }));

/** The keys of `keyIds` as the receipt names them, in its language: `alias (key id)`, or the id alone where no alias is recorded. */
function wipedKeysPhrases(keyIds: readonly string[], aliases: ReadonlyMap<string, string>): string {
  return phrasesValue(
    keyIds.map((keyId) => {
      const alias = aliases.get(keyId);
      const named = alias !== undefined && alias !== keyId;
      return phraseOf('receipt.deviations.wipedKey', { named: named ? 'yes' : 'no', alias: alias ?? '', keyId });
    }),
  );
}

/**
 * What the `material.wiped` entries of the session `stop` ends (from its session start up to it)
 * record: a stop's own `wipedKeys` counts only what was still held when it came, and the wrap wipes
 * each key's material as soon as it is wrapped, so a stop after the wrap finds none left ("0").
 */
function wipedAsWrappedBefore(entries: readonly JournalEntry[], stop: JournalEntry): WipedAsWrapped {
  const before = entries.slice(0, entries.indexOf(stop));
  const session = sessionBefore(before);
  // A stop is journaled twice (session-stop.ts): interrupted, then abandoned once withdrawn, both
  // with what it wiped; the keys are named under the stop alone (a tally would count them twice).
  const namedAt =
    stop.event === 'ceremony.abandoned' ? session.findLast((e) => e.event === INTERRUPTED_EVENT)?.seq : undefined;
  const wiped = session.filter((e) => e.event === 'material.wiped');
  const keys = new Set(wiped.flatMap((e) => stringList(e.data.keyIds)));
  const read = readKeysSchema.safeParse(before.findLast((e) => e.event === 'parameters.read')?.data.keys);
  const aliases = new Map((read.success ? read.data : []).map((k) => [k.keyId, k.alias]));
  return {
    keys: keys.size,
    entries: wiped.map((e) => e.seq),
    keyIds: [...keys],
    aliases,
    ...(namedAt === undefined ? {} : { namedAt }),
  };
}

/**
 * Events whose line (EVENT_SAYS) says why, in the receipt's words: the sentence the screen said then
 * (their `reasonPhrase`) is not printed beside it.
 */
const SAYS_ITS_REASON: ReadonlySet<string> = new Set(['wrapped-bundle.key-skipped']);

/** Every deviation in `entries`, for the receipt. */
export function receiptDeviations(entries: readonly JournalEntry[]): ReceiptDeviation[] {
  return listDeviations(entries).map(({ kind, entry }) => {
    const reason = SAYS_ITS_REASON.has(entry.event) ? undefined : deviationReason(entry.data);
    const reasonSkipped = reasonFields(reason);
    const reasonless = Object.fromEntries(Object.entries(entry.data).filter(([name]) => !reasonSkipped.includes(name)));
    const { notes, fields } = deviationNotes(
      entry.event,
      reasonless,
      entry.seq,
      finishedAfterStop(entries, entry),
      wipedAsWrappedBefore(entries, entry),
      entries.slice(0, entries.indexOf(entry)),
      stepBeforeStop(entries, entry),
    );
    const rest = Object.fromEntries(Object.entries(reasonless).filter(([name]) => !fields.includes(name)));
    return {
      seq: entry.seq,
      time: entry.time,
      actor: entry.actor,
      event: entry.event,
      kind,
      fields: dataFields(rest),
      ...(reason ? { reason } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    };
  });
}
