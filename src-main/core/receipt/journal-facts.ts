/**
 * What a receipt says about people, read from the journal alone, so the receipt never claims more
 * than the journal shows: every person named at the start, each line citing the journal entry it
 * comes from; the parameters bundle and the HSM of the session. The deviations are deviation-facts.ts's.
 */
import type { CeremonySide } from '../ceremony-sides';
import {
  listDeviations,
  sealingEntries,
  SESSION_STOPPED_BY,
  stringList,
  type JournalEntry,
  type JsonValue,
} from '../journal';
import { custodianLines } from './custodian-lines';
import { SLIP_GROUPS } from '../crypto/typed-digest';
import { groupHexLines } from '../hex-groups';
import { phrase } from './facts';
import type { ReceiptPhrase } from './language';
import { z } from 'zod';
import { hsmObjectOrigins } from './hsm-object-origin';
import type { ReceiptHsm, ReceiptPerson } from './types';
import { listValue } from '../../i18n/list';
import { journalEventPhrase } from '../../i18n/journal-events';
import { phraseValue } from '../../i18n/phrase';
import { journalIdentity } from '../../i18n/made-by-line';

function shortHex(value: JsonValue | undefined): string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/i.test(value) ? (groupHexLines(value)[0] ?? value) + ' …' : '';
}

/** What a `witness.confirmed` entry says: which value, typed by whom (or, in a rehearsal, for whom). */
function confirmedAct(seq: number, d: Readonly<Record<string, JsonValue>>): ReceiptPhrase {
  const keyIds = stringList(d.keyIds);
  const digest = shortHex(d.digest);
  if (d.artefact === 'wrapping-key')
    return phrase('receipt.people.fingerprintConfirmed', { seq, fingerprint: digest, keyIdsList: listValue(keyIds) });
  return d.source === 'rehearsal-online-side'
    ? phrase('receipt.people.bundleConfirmedRehearsal', { seq, digest, count: keyIds.length })
    : phrase('receipt.people.bundleConfirmed', { seq, digest, count: keyIds.length });
}

/**
 * What a `witness.refused` entry says (in People, and in Deviations: deviation-facts.ts): the value
 * typed did not match (where), or was not a digest. In Deviations the entry is already named above
 * the note (`where: 'deviation'`), so the note does not name it again.
 */
export function refusedAct(
  seq: number,
  d: Readonly<Record<string, JsonValue>>,
  where: 'people' | 'deviation' = 'people',
): ReceiptPhrase {
  const artefact = d.artefact === 'wrapping-key' ? 'key' : 'bundle';
  const groups = Array.isArray(d.differingGroups) ? d.differingGroups.map(String) : [];
  if (typeof d.otherBundle === 'string')
    return phrase('receipt.people.witnessRefusedOtherBundle', { where, seq, folder: d.otherBundle });
  if (groups.length === 0)
    return phrase('receipt.people.witnessRefusedForm', { where, seq, artefact, code: String(d.code ?? '?') });
  // As the refusal was said when it was made (its code), not by today's SLIP_GROUPS; by the count for an entry with no code.
  const mismatch =
    d.code === 'WITNESS_DIGEST_MISMATCH' || (d.code !== 'WITNESS_DIGEST_SLIP' && groups.length > SLIP_GROUPS);
  if (mismatch) return phrase('receipt.people.witnessRefusedMismatch', { where, seq, artefact, count: groups.length });
  return phrase('receipt.people.witnessRefusedSlip', {
    where,
    seq,
    artefact,
    count: groups.length,
    groupsList: listValue(groups),
  });
}

/**
 * The entry that stopped the session of `entries[index]` (ceremony.abandoned, or the next run's
 * ceremony.session-unfinished) before it was sealed (a receipt, a finished wrapped bundle); undefined
 * when it was sealed, or is the session still under way.
 */
function stoppedLater(
  entries: readonly JournalEntry[],
  index: number,
  sealing: ReadonlySet<number>,
): JournalEntry | undefined {
  for (const entry of entries.slice(index + 1)) {
    if (sealing.has(entry.seq)) return undefined;
    if (SESSION_STOPPED_BY.has(entry.event)) return entry;
  }
  return undefined;
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
        keyIdsList: listValue(stringList(d.keyIds)),
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
      // A bundle's digest when the entry names one; never a journal's first-entry hash (a journal's
      // identity, not a digest: a trial's receipt called it "digest" for an override's entry).
      const digest = [
        d.manifestSha256,
        ...Object.entries(d)
          .filter(([k]) => !k.includes('FirstEntry'))
          .map(([, v]) => v),
      ]
        .map(shortHex)
        .find((h) => h !== '');
      const eventPhrase = phraseValue(journalEventPhrase(entry.event));
      return digest
        ? phrase('receipt.people.eventDigest', { seq, eventPhrase, digest })
        : phrase('receipt.people.event', { seq, eventPhrase });
    }
  }
}

const name = z.string().max(256);
const journaledMadeBy = z.object({
  purpose: name,
  operator: name,
  witnesses: z.array(name).max(20),
  journalFile: name,
  journalFirstEntrySha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * A journaled `madeBy` (who made a wrapped bundle on the air-gapped side) as the values its
 * sentences take (`bundle.madeBy`, `receipt.people.materialMadeBy`); undefined when it is none.
 */
export function madeByValues(data: JsonValue | undefined) {
  const made = journaledMadeBy.safeParse(data);
  if (!made.success) return undefined;
  return {
    purpose: made.data.purpose === 'custody-restore' ? 'restore' : 'wrap',
    operator: made.data.operator,
    count: made.data.witnesses.length,
    witnessList: listValue(made.data.witnesses),
    journal: made.data.journalFile,
    firstEntry: journalIdentity(made.data.journalFirstEntrySha256),
  };
}

/**
 * Online journals: who made each wrapped bundle checked on the air-gapped side (its manifest's
 * `madeBy`, journaled with the check), so the receipt names them beside the online people.
 */
function madeByLines(entries: readonly JournalEntry[]): ReceiptPhrase[] {
  return entries.flatMap((entry) => {
    if (entry.event !== 'wrapped-bundle.checked') return [];
    const made = madeByValues(entry.data.madeBy);
    return made ? [phrase('receipt.people.materialMadeBy', { seq: entry.seq, ...made })] : [];
  });
}

/** The journal entry a person's line cites first (`entry {seq}: …`); lines that cite none keep their place at the front. */
const citedSeq = (line: ReceiptPhrase): number => {
  const seq = line.values?.['seq'];
  return typeof seq === 'number' ? seq : 0;
};

/** `lines` ordered by the journal entry each cites (a stable sort: lines of one entry stay as they came). */
function inJournalOrder(lines: readonly ReceiptPhrase[]): ReceiptPhrase[] {
  return [...lines].sort((a, b) => citedSeq(a) - citedSeq(b));
}

/** The people section: the operator, each witness, each custodian, with what the journal records of them. */
export function receiptPeople(
  entries: readonly JournalEntry[],
  people: {
    readonly operator: string;
    readonly witnesses: readonly string[];
    readonly side: CeremonySide;
    /** Further records of the operator, from the ceremony's own reading of the journal. */
    readonly notes?: readonly ReceiptPhrase[];
  },
): ReceiptPerson[] {
  const operatorEntries = entries.filter((e) => e.actor === people.operator);
  const operator: ReceiptPerson = {
    role: 'operator',
    name: people.operator,
    records: [
      phrase('receipt.people.ran', { own: operatorEntries.length, total: entries.length }),
      // Who made each checked bundle, and the operator's deviations, in one journal order (a killed
      // import's receipt read "entry 18, entry 28, entry 25").
      ...inJournalOrder([
        ...madeByLines(entries),
        ...operatorEntries.filter((e) => listDeviations([e]).length > 0).map(describeAct),
      ]),
      ...(people.notes ?? []),
    ],
  };
  const sealing = sealingEntries(entries);
  const witnesses: ReceiptPerson[] = people.witnesses.map((name) => {
    // An act of a session stopped later (before its bundle) is followed by a line saying so: it made nothing this receipt names.
    const acts = entries.flatMap((e, i) => {
      if (e.actor !== name) return [];
      const stop = stoppedLater(entries, i, sealing);
      return [
        describeAct(e),
        ...(stop ? [phrase('receipt.people.inStoppedSession', { seq: e.seq, stopSeq: stop.seq })] : []),
      ];
    });
    return {
      role: 'witness',
      name,
      // Online, witnesses type nothing: their confirmations are the air-gapped side's (its receipt lists them).
      records:
        acts.length > 0
          ? acts
          : [phrase(people.side === 'online' ? 'receipt.people.confirmsAirGapped' : 'receipt.people.noConfirmation')],
    };
  });
  const custodians: ReceiptPerson[] = [...custodianLines(entries)].map(([name, records]) => ({
    role: 'custodian',
    name,
    records: inJournalOrder(records),
  }));
  return [operator, ...witnesses, ...custodians];
}

/**
 * The import-parameters bundle the journal last records reading (air-gapped) or writing (online);
 * online, once a wrapped bundle was checked, the parameters bundle that wrapped bundle was made
 * from (the check records it: after `online params` ran twice it may be the earlier one).
 */
export function parametersBundleOf(
  entries: readonly JournalEntry[],
): { readonly name: string; readonly digest: string } | null {
  for (const entry of [...entries].reverse()) {
    // The check found no bundle this journal wrote that carried the wrap's tokens: the last one written is not it.
    if (entry.event === 'wrapped-bundle.checked' && entry.data.parametersBundle === null) return null;
    const wrappedFrom = entry.event === 'wrapped-bundle.checked' ? wrappedFromData(entry.data) : undefined;
    if (entry.event !== 'parameters.read' && entry.event !== 'parameters.bundle-written' && !wrappedFrom) continue;
    const data = wrappedFrom ?? entry.data;
    const digest = data.manifestSha256;
    if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest)) return null;
    const folder = data.folder ?? data.source;
    const name = typeof folder === 'string' ? (folder.split(/[\\/]/).filter(Boolean).at(-1) ?? folder) : 'bundle';
    return { name, digest };
  }
  return null;
}

/** The `parametersBundle` a wrapped-bundle check recorded (journals before 2026-12-04 have none). */
function wrappedFromData(data: JournalEntry['data']): Record<string, unknown> | undefined {
  const recorded = data.parametersBundle;
  return typeof recorded === 'object' && recorded !== null && !Array.isArray(recorded)
    ? (recorded as Record<string, unknown>)
    : undefined;
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
  replicaOf: text.optional(),
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
  const origins = hsmObjectOrigins(session);
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
            origin: origins.get(wrapped.data.replicaOf ?? wrapped.data.keyId) ?? 'unknown',
          },
        ]
      : [];
  });
  return { token: token.data, keys };
}
