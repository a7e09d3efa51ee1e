/**
 * What a receipt says about people and deviations, read from the journal alone, so the receipt
 * never claims more than the journal shows: every person named at the start, each line citing
 * the journal entry it comes from; every entry whose event is a deviation (journal/deviations.ts).
 */
import { listDeviations, type JournalEntry, type JsonValue } from '../journal';
import { SLIP_GROUPS } from '../crypto/typed-digest';
import { groupHex, groupHexLines } from '../hex-groups';
import { phrase } from './facts';
import type { ReceiptPhrase } from './language';
import { z } from 'zod';
import type { DeviationReason, ReceiptDeviation, ReceiptHsm, ReceiptPerson } from './types';
import { compileMessage, translator } from '../../i18n/translate';
import { isMessageKey } from '../../i18n/catalogue';
import { phraseSchema } from '../../i18n/phrase';
import type { Locale } from '../../i18n/locale';
import { ceremonyStateValue, selectCase } from '../../i18n/ceremony-state';
import { dataFields, fieldsText } from '../../i18n/data-fields';
import { currentPhrase } from '../../i18n/kms-state';
import type { WallClock } from '../../i18n/moment';
import { ReceiptWords } from './language';
import { listValue } from '../../i18n/list';

/** The longest details line a deviation prints (its data but what is said in words), in characters. */
const MAX_DETAILS = 400;

function shortHex(value: JsonValue | undefined): string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/i.test(value) ? (groupHexLines(value)[0] ?? value) + ' …' : '';
}

function list(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** What a `witness.confirmed` entry says: which value, typed by whom (or, in a rehearsal, for whom). */
function confirmedAct(seq: number, d: Readonly<Record<string, JsonValue>>): ReceiptPhrase {
  const keyIds = list(d.keyIds);
  const digest = shortHex(d.digest);
  if (d.artefact === 'wrapping-key')
    return phrase('receipt.people.fingerprintConfirmed', { seq, fingerprint: digest, keyIdsList: listValue(keyIds) });
  return d.source === 'rehearsal-online-side'
    ? phrase('receipt.people.bundleConfirmedRehearsal', { seq, digest, count: keyIds.length })
    : phrase('receipt.people.bundleConfirmed', { seq, digest, count: keyIds.length });
}

/** What a `witness.refused` entry says: the value typed did not match (where), or was not a digest. */
function refusedAct(seq: number, d: Readonly<Record<string, JsonValue>>): ReceiptPhrase {
  const artefact = d.artefact === 'wrapping-key' ? 'key' : 'bundle';
  const groups = Array.isArray(d.differingGroups) ? d.differingGroups.map(String) : [];
  if (groups.length === 0)
    return phrase('receipt.people.witnessRefusedForm', { seq, artefact, code: String(d.code ?? '?') });
  if (groups.length > SLIP_GROUPS)
    return phrase('receipt.people.witnessRefusedMismatch', { seq, artefact, count: groups.length });
  return phrase('receipt.people.witnessRefusedSlip', {
    seq,
    artefact,
    count: groups.length,
    groupsList: listValue(groups),
  });
}

/** One line (a catalogue phrase) for an entry a witness (or the operator) is the actor of. */
function describeAct(entry: JournalEntry): ReceiptPhrase {
  const seq = entry.seq;
  const d = entry.data;
  switch (entry.event) {
    case 'witness.confirmed':
      return confirmedAct(seq, d);
    case 'witness.refused':
      return refusedAct(seq, d);
    // Journals written before one confirmation per bundle (each witness typed each fingerprint).
    case 'fingerprint.confirmed':
      return phrase('receipt.people.fingerprintConfirmed', {
        seq,
        fingerprint: shortHex(d.wrappingKeyFingerprint),
        keyIdsList: listValue(list(d.keyIds)),
      });
    case 'fingerprint.refused':
      return phrase('receipt.people.fingerprintRefused', { seq });
    case 'custody.share-presented':
      return phrase('receipt.people.sharePresented', {
        seq,
        share: String(d.shareIndex ?? '?'),
        custodian: String(d.custodian ?? '?'),
      });
    case 'custody.share-refused':
      return phrase('receipt.people.shareRefused', { seq });
    default: {
      const digest = Object.values(d)
        .map(shortHex)
        .find((h) => h !== '');
      return digest
        ? phrase('receipt.people.eventDigest', { seq, event: entry.event, digest })
        : phrase('receipt.people.event', { seq, event: entry.event });
    }
  }
}

/** A digest's first 16 digits in the receipt's one hex style ("02C7 4C73 3386 E4A7"); "?" when not hex. */
function shortDigest(value: unknown): string {
  const hex = typeof value === 'string' ? value.slice(0, 16) : '';
  return /^[0-9a-fA-F]{16}$/.test(hex) ? groupHex(hex) : '?';
}

function holderLines(entries: readonly JournalEntry[]): Map<string, ReceiptPhrase[]> {
  const byName = new Map<string, ReceiptPhrase[]>();
  const add = (name: string, line: ReceiptPhrase) => byName.set(name, [...(byName.get(name) ?? []), line]);
  for (const entry of entries) {
    const holders = entry.data.holders;
    if (!Array.isArray(holders)) continue;
    for (const h of holders) {
      if (h === null || typeof h !== 'object' || Array.isArray(h) || typeof h.custodian !== 'string') continue;
      const share = {
        seq: entry.seq,
        share: String(h.shareIndex),
        total: String(entry.data.total ?? '?'),
        keyId: String(entry.data.keyId ?? '?'),
        threshold: String(entry.data.threshold ?? '?'),
      };
      const keyIds = entry.data.keyIds;
      if (Array.isArray(keyIds)) {
        // One share of the ceremony's custody set covers every key.
        const set = {
          seq: entry.seq,
          share: share.share,
          total: share.total,
          threshold: share.threshold,
          materials: keyIds.length,
          digest: shortDigest(entry.data.backupDigest),
        };
        if (entry.event === 'custody.split') add(h.custodian, phrase('receipt.people.holdsSet', set));
        if (entry.event === 'custody.restored')
          add(
            h.custodian,
            phrase('receipt.people.presentedSet', {
              ...set,
              presenter: typeof h.presentedBy === 'string' ? h.presentedBy : h.custodian,
            }),
          );
        continue;
      }
      if (entry.event === 'custody.split') add(h.custodian, phrase('receipt.people.holds', share));
      if (entry.event === 'custody.restored')
        add(
          h.custodian,
          typeof h.presentedBy === 'string'
            ? phrase('receipt.people.presentedBy', { ...share, presenter: h.presentedBy })
            : phrase('receipt.people.presented', share),
        );
    }
  }
  return byName;
}

/** The people section: the operator, each witness, each custodian, with what the journal records of them. */
export function receiptPeople(
  entries: readonly JournalEntry[],
  people: { readonly operator: string; readonly witnesses: readonly string[] },
): ReceiptPerson[] {
  const operatorEntries = entries.filter((e) => e.actor === people.operator);
  const operator: ReceiptPerson = {
    role: 'operator',
    name: people.operator,
    records: [
      phrase('receipt.people.ran', { own: operatorEntries.length, total: entries.length }),
      ...operatorEntries.filter((e) => listDeviations([e]).length > 0).map(describeAct),
    ],
  };
  const witnesses: ReceiptPerson[] = people.witnesses.map((name) => {
    const acts = entries.filter((e) => e.actor === name).map(describeAct);
    return {
      role: 'witness',
      name,
      records: acts.length > 0 ? acts : [phrase('receipt.people.noConfirmation')],
    };
  });
  const custodians: ReceiptPerson[] = [...holderLines(entries)].map(([name, records]) => ({
    role: 'custodian',
    name,
    records,
  }));
  return [operator, ...witnesses, ...custodians];
}

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
    try {
      compileMessage('en', key).format(values.data);
      return { problem: { code: data.code, values: values.data, recorded: recorded ?? data.code } };
    } catch {
      // Values that do not fit today's text (an older entry): the recorded text instead.
    }
  }
  return recorded === undefined ? undefined : { recorded };
}

/** The fields a reason was read from, left out of the details line (and of the journal viewer's data). */
export function reasonFields(reason: DeviationReason | undefined): readonly string[] {
  if (!reason) return [];
  if ('problem' in reason) return ['reason', 'message', 'values'];
  return ['reason', 'message', 'reasonPhrase'];
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

/** A deviation's remaining data in `locale`: each field labelled, moments on `clock`, hex grouped; cut at MAX_DETAILS. */
export function deviationDetailsText(locale: Locale, d: Pick<ReceiptDeviation, 'fields'>, clock?: WallClock): string {
  const text = fieldsText(translator(locale), d.fields, clock);
  return text.length > MAX_DETAILS ? `${text.slice(0, MAX_DETAILS - 1)}…` : text;
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

/**
 * Events whose meaning is their name: what the receipt says of them, and the data fields that says
 * (journals written before 2026-12-02 also recorded an English `summary`: the phrase replaces it).
 */
const EVENT_SAYS: Readonly<
  Record<
    string,
    (data: Readonly<Record<string, JsonValue>>, seq: number) => { note: ReceiptPhrase; fields: readonly string[] }
  >
> = {
  // A witness's refused value, in the words the People section uses (which group differed, or why it
  // was no digest), not as its raw fields ("Differing groups: , Number: 0").
  'witness.refused': (data, seq) => ({
    note: refusedAct(seq, data),
    fields: ['artefact', 'code', 'differingGroups', 'index', 'source'],
  }),
  'warning.network-allowed': (data) => ({
    note: phrase('receipt.deviations.networkAllowed', { interfacesList: listValue(list(data.interfaces)) }),
    fields: ['summary', 'interfaces'],
  }),
  'warning.custody-same-volume': () => ({ note: phrase('receipt.deviations.custodySameVolume'), fields: ['summary'] }),
};

/**
 * The parts of a deviation's data a receipt says in words, in its own language: `import.expiry-chosen`'s
 * keys (which key, which expiry as a moment, chosen where), a ceremony `state`, a possible loss's
 * `consequence`, and any value that is a catalogue phrase (a key's proof, …). `fields` are the data
 * fields they came from, left out of the details line.
 */
export function deviationNotes(
  event: string,
  data: Readonly<Record<string, JsonValue>>,
  seq: number,
): { notes: ReceiptPhrase[]; fields: string[] } {
  const byEvent = EVENT_SAYS[event]?.(data, seq);
  const notes: ReceiptPhrase[] = byEvent ? [byEvent.note] : [];
  const fields: string[] = byEvent ? [...byEvent.fields] : [];
  for (const name of Object.keys(data).sort()) {
    if (fields.includes(name)) continue;
    const value = data[name];
    const said = phraseSchema.safeParse(value);
    const choices = event === 'import.expiry-chosen' && name === 'keys' ? expiryChoicesSchema.safeParse(value) : null;
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
    } else if (said.success) notes.push(currentPhrase(said.data));
    else if (BETWEEN_STEPS.includes(`${name}=${String(value)}`)) notes.push(phrase('receipt.deviations.betweenSteps'));
    else if (name === 'state' && typeof value === 'string' && event.startsWith('ceremony.'))
      notes.push(phrase('receipt.deviations.state', { statePhrase: ceremonyStateValue(value) }));
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

/** Every deviation in `entries`, for the receipt. */
export function receiptDeviations(entries: readonly JournalEntry[]): ReceiptDeviation[] {
  return listDeviations(entries).map(({ kind, entry }) => {
    const reason = deviationReason(entry.data);
    const reasonSkipped = reasonFields(reason);
    const reasonless = Object.fromEntries(Object.entries(entry.data).filter(([name]) => !reasonSkipped.includes(name)));
    const { notes, fields } = deviationNotes(entry.event, reasonless, entry.seq);
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

/** The import-parameters bundle the journal last records reading (air-gapped) or writing (online). */
export function parametersBundleOf(
  entries: readonly JournalEntry[],
): { readonly name: string; readonly digest: string } | null {
  for (const entry of [...entries].reverse()) {
    if (entry.event !== 'parameters.read' && entry.event !== 'parameters.bundle-written') continue;
    const digest = entry.data.manifestSha256;
    if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest)) return null;
    const folder = entry.data.folder ?? entry.data.source;
    const name = typeof folder === 'string' ? (folder.split(/[\\/]/).filter(Boolean).at(-1) ?? folder) : 'bundle';
    return { name, digest };
  }
  return null;
}

const text = z.string().max(256);
const hsmTokenSchema = z.object({
  manufacturer: text,
  model: text,
  serial: text,
  firmware: text,
  label: text,
  module: text,
});
const hsmWrapSchema = z.object({
  keyId: text,
  wrappedIn: z.literal('hsm'),
  objectLabel: text,
  mechanisms: z.array(text).max(16),
  wrappingAlgorithm: text,
});

/**
 * The HSM of the session the receipt is written in (the entries after its last
 * `ceremony.session-started`): the token its capability check opened, and every key wrapped in it
 * with its object label and mechanisms. Undefined when the session's material did not come from an HSM.
 */
export function hsmOf(entries: readonly JournalEntry[]): ReceiptHsm | undefined {
  const start = entries.findLastIndex((e) => e.event === 'ceremony.session-started');
  const session = entries.slice(start + 1);
  const checked = session.findLast((e) => e.event === 'hsm.capability-checked');
  const token = hsmTokenSchema.safeParse(checked?.data.hsm);
  if (!token.success) return undefined;
  const keys = session.flatMap((e) => {
    if (e.event !== 'material.wrapped') return [];
    const wrapped = hsmWrapSchema.safeParse(e.data);
    return wrapped.success
      ? [
          {
            keyId: wrapped.data.keyId,
            objectLabel: wrapped.data.objectLabel,
            mechanisms: wrapped.data.mechanisms,
            wrappingAlgorithm: wrapped.data.wrappingAlgorithm,
          },
        ]
      : [];
  });
  return { token: token.data, keys };
}
