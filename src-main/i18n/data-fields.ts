/**
 * A journal entry's data in the reader's language, the one way the journal screen and the receipts'
 * Deviations say it: `dataFields` reads each field once (a moment, hex, a code, text, a phrase, a KMS
 * key state, a number, nested fields or a list; data-field-shape.ts), `fieldsText` says them, each
 * labelled from the catalogue (`journal.field`), moments as local time and UTC, hex in groups of
 * four in upper case, codes and ids as written, lists joined as the language joins them. Never a
 * journal field name beside a raw ISO time or lower-case hex.
 */
import { groupHex } from '../core/hex-groups';
import { isNotWithdrawnCause } from '../core/ceremony/airgap/not-withdrawn-cause';
import { MAX_DATA_VALUES, type DataField, type DataValue } from './data-field-shape';
import { currentPhrase, kmsStateNumber } from './kms-state';
import { momentText, type WallClock } from './moment';
import { phraseOf, phraseSchema, phraseText } from './phrase';
import type { Translator } from './translate';

export { type DataField };

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

/** A journal entry's data value (core/journal's JsonValue; the renderer compiles this file). */
type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A string of field `name`, read as what it is. */
function stringValue(name: string, v: string): DataValue {
  if (EXPIRY_FIELD.test(name) && v === 'never') return { phrase: phraseOf('journal.value.never') };
  // A KMS key state as the KMS names it ("Pending import"), said in the reader's words (待导入).
  if (name === 'keyState' && kmsStateNumber(v) !== v)
    return { phrase: phraseOf('kms.state', { state: kmsStateNumber(v) }) };
  // Which workstation a session ran on, in the reader's words (在线工作站), not the journal's "air-gapped".
  if (name === 'side' && (v === 'online' || v === 'air-gapped'))
    return { phrase: phraseOf('receipt.side', { side: v }) };
  // Where the online import's expected digest came from, in words (not the journal's "air-gapped-receipt").
  if (name === 'digestSource' && (v === 'air-gapped-receipt' || v === 'rehearsal-air-gapped-side'))
    return {
      phrase: phraseOf('journal.value.digestSource', { source: v === 'air-gapped-receipt' ? 'receipt' : 'rehearsal' }),
    };
  // Why a crashed session's custody files were not withdrawn, in words (not "shareMissing").
  if (name === 'cause' && isNotWithdrawnCause(v))
    return { phrase: phraseOf('journal.value.notWithdrawnCause', { cause: v }) };
  if (ISO_MOMENT.test(v) && Number.isFinite(Date.parse(v))) return { moment: Date.parse(v) };
  if (HEX_FIELD.test(name) && HEX.test(v) && v.length % 2 === 0) return { hex: v };
  if (v.length > LONGEST_SHOWN) return { shortened: v.slice(0, SHOWN_OF_LONG), characters: v.length };
  return CODE.test(v) ? { code: v } : { text: v };
}

/**
 * An entry's data as named values, read once here so every surface only says them in its language.
 * At most MAX_DATA_VALUES values; a longer list or object ends in "…".
 */
export function dataFields(data: Readonly<Record<string, JsonValue>>): DataField[] {
  let budget = MAX_DATA_VALUES;
  const cut: DataValue = { code: '…' };
  const valueOf = (name: string, v: JsonValue): DataValue => {
    budget -= 1;
    // An empty list reads as none too, not as a label with nothing after it ("Differing groups: ,").
    if (v === null || (Array.isArray(v) && v.length === 0)) return { none: true };
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
    if (phrase.success) return { phrase: currentPhrase(phrase.data) };
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

/** A shortened string's length, in the reader's language. */
export const shortenedText = (tr: Translator, characters: number) => tr.t('journal.shortened', { count: characters });

/** A field's label: the catalogue's, or its journal name (a code) when the catalogue has none. */
export function fieldLabel(tr: Translator, name: string): { text: string; known: boolean } {
  const text = tr.t('journal.field', { name });
  return { text, known: text !== name };
}

/** A value that is not fields or a list, in the reader's language; moments on `clock`'s wall (default: this machine's). */
export function scalarText(tr: Translator, value: DataValue, clock?: WallClock): string {
  if ('text' in value) return value.text;
  if ('code' in value) return value.code;
  if ('hex' in value) return groupHex(value.hex);
  if ('moment' in value) return momentText(tr.locale, value.moment, clock);
  if ('number' in value) return tr.t('journal.value.number', { n: value.number });
  if ('yes' in value) return tr.t('journal.value.yes', { yes: String(value.yes) });
  if ('none' in value) return tr.t('journal.value.none');
  if ('shortened' in value) return `${value.shortened}… ${shortenedText(tr, value.characters)}`;
  if ('phrase' in value) return phraseText(tr, value.phrase);
  return '';
}

/** True for a list of plain values, said on one line joined as the language lists things. */
export const isPlainList = (items: readonly DataValue[]) => items.every((v) => !('fields' in v) && !('items' in v));

/** A value as one text (nested fields as "label: value", separated as a list). */
export function valueText(tr: Translator, value: DataValue, clock?: WallClock): string {
  if ('fields' in value) return tr.t('journal.value.fields', { fields: fieldsText(tr, value.fields, clock) });
  if ('items' in value) return value.items.map((v) => valueText(tr, v, clock)).join(tr.t('list.separator'));
  return scalarText(tr, value, clock);
}

/** Fields as one text: "label: value" each, separated as the language lists things. */
export function fieldsText(tr: Translator, fields: readonly DataField[], clock?: WallClock): string {
  return fields
    .map((f) =>
      tr.t('journal.field.pair', { label: fieldLabel(tr, f.name).text, value: valueText(tr, f.value, clock) }),
    )
    .join(tr.t('list.separator'));
}
