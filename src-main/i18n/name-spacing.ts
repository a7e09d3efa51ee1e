/**
 * People's names in Chinese text. The Chinese catalogue sets a space either side of every value, as
 * Chinese text sets Latin words, numbers and file names apart ("由 Alice 记录", "第 3 条"); a name
 * written in Chinese characters is not set apart ("由李娜记录", never "由 李娜 记录", which reads as
 * three words). So, for the values that name people, a space between a Chinese character of the
 * message and a Chinese character at the edge of the name is dropped; the name itself, as the officer
 * typed it, is never changed.
 */

/** The values that hold people's names (or lists of them): operators, witnesses, custodians, presenters. */
const PERSON_VALUES: ReadonlySet<string> = new Set([
  'actor',
  'atCustodian',
  'bundleOperator',
  'bundleWitnessList',
  'custodian',
  'custodianList',
  'custodians',
  'custodiansList',
  'firstCustodian',
  'givenOperator',
  'givenWitnessList',
  'journalOperator',
  'journalWitnessList',
  'madeOperator',
  'madeWitnessList',
  'operator',
  'pendingList',
  'person',
  'presentedBy',
  'presenter',
  'replacedCustodiansList',
  'secondCustodian',
  'witness',
  'witnessList',
  'witnesses',
  'witnessesList',
]);

/**
 * Marks around a person's value in the formatted text, saying whether the name starts (ends) with a
 * Chinese character: private-use characters no catalogue holds (receipt HTML's own value marks are
 * U+E000 and U+E001).
 */
const JOIN_START = '\uE002';
const PLAIN_START = '\uE003';
const JOIN_END = '\uE004';
const PLAIN_END = '\uE005';

const HAN_START = /^\p{Script=Han}/u;
const HAN_END = /\p{Script=Han}$/u;
const SPACE_BEFORE_NAME = new RegExp(String.raw`(?<=\p{Script=Han}) ${JOIN_START}`, 'gu');
const SPACE_AFTER_NAME = new RegExp(String.raw`${JOIN_END} (?=\p{Script=Han})`, 'gu');
const MARK_CLASS = `[${JOIN_START}${PLAIN_START}${JOIN_END}${PLAIN_END}]`;
const MARKS = new RegExp(MARK_CLASS, 'gu');
const ANY_MARK = new RegExp(MARK_CLASS, 'u');

/**
 * The value `name` shows (`shown`) marked for `unmarkedNames` when it names people, by the edges of
 * the name itself (`typed`): receipt HTML shows a stand-in for a name it escapes apart. Other values
 * are returned as they are.
 */
export function markedName(name: string, shown: string, typed: string = shown): string {
  if (!PERSON_VALUES.has(name)) return shown;
  const clean = typed.replace(MARKS, '');
  const start = HAN_START.test(clean) ? JOIN_START : PLAIN_START;
  const end = HAN_END.test(clean) ? JOIN_END : PLAIN_END;
  // The marks themselves are taken out of a name: one typed into it could not move a space elsewhere.
  return `${start}${shown.replace(MARKS, '')}${end}`;
}

/** `values` with each person's name marked (markedName), for `unmarkedNames` after formatting; one marked already is kept. */
export function markedNames(values: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  if (!Object.keys(values).some((name) => PERSON_VALUES.has(name))) return values;
  const out: Record<string, unknown> = { ...values };
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' && !isMarked(value)) out[name] = markedName(name, value);
  }
  return out;
}

function isMarked(value: string): boolean {
  return value.startsWith(JOIN_START) || value.startsWith(PLAIN_START);
}

/** `text` formatted from marked values: the space between Chinese text and a name in Chinese dropped, the marks removed. */
export function unmarkedNames(text: string): string {
  if (!ANY_MARK.test(text)) return text;
  return text.replace(SPACE_BEFORE_NAME, '').replace(SPACE_AFTER_NAME, '').replace(MARKS, '');
}
