/**
 * The receipt's plain-text twin: the same facts as the HTML (facts.ts), for archives and
 * terminals, in the receipt's language; "both" writes the English twin, then the Chinese one.
 * User strings go through `visibleText`, so no control character can forge a line.
 */
import type { MessageKey, PlainValues, ValuesArg } from '../../i18n/catalogue';
import type { Locale } from '../../i18n/locale';
import { joinSentences } from '../../i18n/translate';
import {
  LOCAL_TIME,
  deviationEventPhrase,
  deviationKindPhrase,
  formatLocalIn,
  phrase,
  replicaGroupFacts,
  titleValue,
  sideValue,
  type Fact,
} from './facts';
import { custodyHeading, custodyRows } from './custody-sets';
import { custodySetTag } from '../custody/set-tag';
import { HSM_LEAD_MESSAGES } from './hsm-object-origin';
import {
  keyEntriesOf,
  receiptSections,
  renderSections,
  type ReceiptKeyEntry,
  type ReceiptSection,
  type SectionRenderers,
} from './sections';
import { groupHexLines } from '../hex-groups';
import {
  DEFAULT_RECEIPT_LANGUAGE,
  oncePerPhrase,
  ReceiptWords,
  receiptLocales,
  type ReceiptLanguage,
  type ReceiptPhrase,
} from './language';
import { breakLines, bulletLines, displayWidth } from './line-break';
import { visibleText } from './text-safety';
import type { ReceiptInput } from './types';
import { deviationDetailsText, deviationReasonText } from './deviation-facts';
import { momentText } from '../../i18n/moment';
import { phraseValue } from '../../i18n/phrase';
import { eventLoopSlicer, yieldToEventLoop } from '../yield';
import { checkReceiptInput } from './validate';

const LABEL_WIDTH = 42;

function padEnd(text: string, width: number, fill: string): string {
  return text + fill.repeat(Math.max(0, width - displayWidth(text)));
}

/** One language's words for the text twin, each text made once (`oncePerPhrase`: a twin's keys share one). */
function wordsIn(locale: Locale) {
  const p = oncePerPhrase((phrase) => ReceiptWords.phraseText(locale, phrase));
  const t = <K extends MessageKey>(key: K, ...values: ValuesArg<K>): string =>
    p({ key, values: values[0] as PlainValues | undefined });
  const v = (value: string | ReceiptPhrase): string => (typeof value === 'string' ? visibleText(value) : p(value));
  return { t, p, v };
}

function heading(title: string): string[] {
  return ['', title.toUpperCase(), '-'.repeat(displayWidth(title))];
}

type Words = ReturnType<typeof wordsIn>;

function factLines(locale: Locale, facts: readonly Fact[], indent: string, words: Words = wordsIn(locale)): string[] {
  const { p, v } = words;
  return facts.flatMap((f) => {
    const label = padEnd(`${indent}${p(f.label)} `, LABEL_WIDTH, '.') + ' ';
    if (!f.hex)
      return [
        `${label}${v(f.value)}${f.kind ? p(phrase('receipt.key.kindBracketed', { kindPhrase: phraseValue(f.kind) })) : ''}`,
      ];
    return groupHexLines(typeof f.value === 'string' ? f.value : '').map((line, i) =>
      i === 0 ? `${label}${line}` : `${' '.repeat(LABEL_WIDTH + 1)}${line}`,
    );
  });
}

function hexBlock(hex: string, indent: string): string[] {
  return groupHexLines(hex).map((line) => `${indent}${line}`);
}

/** Wraps by display width, as Chinese print breaks lines (line-break.ts). */
const wrap = breakLines;

/**
 * A command's shell words over lines of at most `width` columns, never breaking a word, each line but
 * the last ending in " \": pasted or typed, the lines are one command (a trial pasted the first line
 * of a wrapped check command alone, and it verified the journal without the head).
 */
function commandLines(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '    ';
  for (const word of words) {
    if (line.trim() !== '' && displayWidth(`${line} ${word} \\`) > width) {
      lines.push(`${line} \\`);
      line = `      ${word}`;
    } else line = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
  }
  return [...lines, line];
}

/** One key's part of the Keys section in `locale`. */
function keyLinesOf(locale: Locale, entry: ReceiptKeyEntry, words: Words): string[] {
  const { t } = words;
  const { key } = entry;
  const out: string[] = [
    '',
    `  ${t('receipt.keys.keyHeading', { n: entry.n, total: entry.total })} ${visibleText(key.alias)}`,
    ...factLines(locale, entry.facts, '    ', words),
    `    ${t('journal.field.pair', { label: t('receipt.files.heading'), value: '' }).trimEnd()}`,
  ];
  if (key.outputFiles.length === 0) out.push(`      ${t('receipt.files.none')}`);
  key.outputFiles.forEach((f) => {
    out.push(`      ${visibleText(f.name)} (${t('receipt.files.bytes', { bytes: f.size })})`);
    out.push(...groupHexLines(f.sha256).map((line, j) => `        ${j === 0 ? 'sha256' : '      '} ${line}`));
  });
  return out;
}

/** What a text section is rendered with: its language, the receipt's clock and its key lines (rendered beforehand). */
interface TextContext {
  readonly locale: Locale;
  readonly input: ReceiptInput;
  readonly keyLines: readonly string[];
}

/** The plain-text renderer: one function per section of the model (sections.ts). */
const TEXT_SECTIONS: SectionRenderers<string[], TextContext> = {
  ceremony: ({ facts }, { locale, input }) => {
    const { t } = wordsIn(locale);
    const local: Fact = { label: { key: 'receipt.fact.timeLocal' }, value: formatLocalIn(locale, input.clock) };
    return [
      ...heading(t('receipt.section.ceremony')),
      ...factLines(
        locale,
        facts.map((f) => (f === LOCAL_TIME ? local : f)),
        '  ',
      ),
    ];
  },
  hsm: ({ facts, lead }, { locale }) => {
    const { t } = wordsIn(locale);
    return [
      ...heading(t('receipt.hsm.heading')),
      ...wrap(t(HSM_LEAD_MESSAGES[lead]), 74, '  '),
      '',
      ...factLines(locale, facts, '  '),
    ];
  },
  deviations: ({ deviations, journalCount }, { locale, input }) => {
    const { t, p } = wordsIn(locale);
    if (deviations.length === 0)
      return [
        ...heading(t('receipt.deviations.heading')),
        ...wrap(t('receipt.deviations.none', { count: journalCount }), 74, '  '),
      ];
    const banner = `!!! ${t('receipt.deviations.headingCount', { count: deviations.length })} !!!`;
    const rule = '#'.repeat(displayWidth(banner));
    return [
      '',
      rule,
      banner,
      rule,
      ...wrap(t('receipt.deviations.lead'), 74, '  '),
      ...deviations.flatMap((d) => {
        const kind = deviationKindPhrase(d.kind);
        const kindText = typeof kind === 'string' ? visibleText(kind) : p(kind);
        const label = deviationEventPhrase(d.event);
        const entry = label
          ? t('receipt.deviations.textEntry', {
              seq: d.seq,
              kind: kindText,
              eventLabel: p(label),
              event: visibleText(d.event),
            })
          : t('receipt.deviations.textEntryKindOnly', { seq: d.seq, kind: kindText, event: visibleText(d.event) });
        return [
          '',
          `  ! ${entry}`,
          `    ${t('receipt.deviations.whenAndWho', { when: momentText(locale, d.time, input.clock), who: visibleText(d.actor) })}`,
          ...(d.reason ? wrap(visibleText(deviationReasonText(locale, d.reason)), 72, '    ') : []),
          ...(d.notes ?? []).flatMap((note) => wrap(p(note), 72, '    ')),
          ...(d.fields.length > 0 ? wrap(visibleText(deviationDetailsText(locale, d, input.clock)), 72, '    ') : []),
        ];
      }),
    ];
  },
  seals: ({ seals }, { locale }) => {
    const { t, p } = wordsIn(locale);
    const out = [
      ...heading(t('receipt.seals.heading')),
      ...wrap(joinSentences(locale, t('receipt.seals.lead'), t('receipt.seals.textNote')), 74, '  '),
    ];
    out.push('');
    for (const seal of seals) {
      out.push(`  ${t('journal.field.pair', { label: p(seal.title), value: p(seal.about) })}`);
      if (seal.hex) out.push(...hexBlock(seal.hex, '      '));
      if (seal.verifyCommand !== undefined)
        out.push(`  ${t('receipt.seals.headCheck')}`, ...commandLines(seal.verifyCommand, 74));
    }
    return out;
  },
  people: ({ people }, { locale }) => {
    const { t, p } = wordsIn(locale);
    return [
      ...heading(t('receipt.people.heading')),
      ...wrap(t('receipt.people.lead'), 74, '  '),
      ...people.flatMap((person) => [
        '',
        `  ${t('journal.field.pair', { label: t(`receipt.role.${person.role}`), value: visibleText(person.name) })}`,
        ...person.records.flatMap((r) => bulletLines(p(r), 72, '    ')),
      ]),
    ];
  },
  keys: (_section, { locale, keyLines }) => [...heading(wordsIn(locale).t('receipt.keys.heading')), ...keyLines],
  replicaGroups: ({ side, groups }, { locale }) => {
    const { t } = wordsIn(locale);
    const out = [...heading(t('receipt.replica.heading')), ...wrap(t('receipt.replica.lead'), 74, '  ')];
    for (const group of groups) {
      out.push(
        '',
        `  ${t('receipt.replica.groupTitle', { group: group.n, count: group.members.length })} ${visibleText(group.primary.alias)}`,
        ...factLines(locale, replicaGroupFacts(group, side), '    '),
        `    ${t('receipt.replica.members', { count: group.members.length })}`,
      );
      for (const k of group.members) {
        const role = t('receipt.replica.role', { role: k === group.primary ? 'primary' : 'replica' });
        const place = k.place ? `  ${visibleText(k.place.region)}  ${visibleText(k.place.projectId)}` : '';
        out.push(`      ${role}  ${visibleText(k.keyId)}${place}`);
      }
    }
    return out;
  },
  custody: ({ sets }, { locale }) => {
    const { t, p } = wordsIn(locale);
    const out = heading(t('receipt.custody.heading'));
    for (const set of sets) {
      out.push(
        '',
        `  ${t('journal.field.pair', { label: t('receipt.custody.setTitle', { set: set.n }), value: p(custodyHeading(set.custody)) })}`,
      );
      const digest = set.custody.backupDigest;
      if (digest) {
        out.push(...wrap(t('receipt.custody.backup', { tag: custodySetTag(digest) }), 72, '    '));
        for (const line of groupHexLines(digest)) out.push(`      ${line}`);
      }
      for (const h of custodyRows(set.custody))
        out.push(
          `    ${
            set.custody.restoredFrom
              ? t('receipt.custody.textSharePresented', {
                  share: h.shareIndex,
                  custodian: visibleText(h.custodian),
                  presenter: visibleText(h.presentedBy ?? ''),
                })
              : t('receipt.custody.textShare', { share: h.shareIndex, custodian: visibleText(h.custodian) })
          }`,
        );
      out.push(`    ${t('receipt.custody.setKeys', { count: set.keys.length })}`);
      for (const k of set.keys) out.push(`      ${visibleText(k.alias)}  ${visibleText(k.keyId)}`);
    }
    return out;
  },
  methods: ({ facts }, { locale }) => [
    ...heading(wordsIn(locale).t('receipt.methods.heading')),
    ...factLines(locale, facts, '  '),
  ],
  signoff: ({ side, signatories, presenters }, { locale }) => {
    const { t, p } = wordsIn(locale);
    return [
      ...heading(t('receipt.signoff.heading')),
      ...wrap(
        t('receipt.signoff.statement', {
          side,
          presenters,
        }),
        74,
        '  ',
      ),
      ...signatories.flatMap((s) => [
        '',
        `  ${t('journal.field.pair', { label: p(s.role), value: visibleText(s.name) })}`,
        `    ${t('journal.field.pair', { label: t('receipt.signoff.signature'), value: '________________________________' })}    ${t('journal.field.pair', { label: t('receipt.signoff.date'), value: '______________' })}`,
      ]),
    ];
  },
};

/** One twin in `locale`: title, every section of the model, footer; `keyLines` are its keys' parts, in order. */
function twin(
  input: ReceiptInput,
  sections: readonly ReceiptSection[],
  locale: Locale,
  keyLines: readonly string[],
): string[] {
  const { t, v } = wordsIn(locale);
  const title = t('receipt.title');
  return [
    title.toUpperCase(),
    '='.repeat(displayWidth(title)),
    v(titleValue(input)),
    v(sideValue(input)),
    ...renderSections(sections, TEXT_SECTIONS, { locale, input, keyLines }).flat(),
    '',
    t('receipt.footerText', {
      version: visibleText(input.app.version),
      build: visibleText(input.app.build),
      hostname: visibleText(input.workstation.hostname),
    }),
  ];
}

/** Renders the plain-text twin of the receipt; throws RECEIPT_INPUT_INVALID like the HTML. */
export function renderReceiptText(input: ReceiptInput, options: { language?: ReceiptLanguage } = {}): string {
  checkReceiptInput(input);
  const sections = receiptSections(input);
  const keys = keyEntriesOf(sections);
  const locales = receiptLocales(options.language ?? DEFAULT_RECEIPT_LANGUAGE);
  return joinTwins(
    locales.map((locale) => {
      const words = wordsIn(locale);
      return twin(
        input,
        sections,
        locale,
        keys.flatMap((entry) => keyLinesOf(locale, entry, words)),
      );
    }),
  );
}

/** The same text as `renderReceiptText`, a key at a time with the event loop let run between slices. */
export async function renderReceiptTextInSlices(
  input: ReceiptInput,
  options: { language?: ReceiptLanguage } = {},
): Promise<string> {
  // Checking a 100-key input and building its sections take a turn each.
  checkReceiptInput(input);
  await yieldToEventLoop();
  const sections = receiptSections(input);
  const keys = keyEntriesOf(sections);
  await yieldToEventLoop();
  const slicer = eventLoopSlicer();
  const twins: string[][] = [];
  for (const locale of receiptLocales(options.language ?? DEFAULT_RECEIPT_LANGUAGE)) {
    const keyLines: string[] = [];
    const words = wordsIn(locale);
    for (const entry of keys) {
      await slicer.pause();
      keyLines.push(...keyLinesOf(locale, entry, words));
    }
    await yieldToEventLoop();
    twins.push(twin(input, sections, locale, keyLines));
  }
  return joinTwins(twins);
}

function joinTwins(twins: readonly string[][]): string {
  return `${twins.map((lines) => lines.join('\n')).join(`\n\n${'='.repeat(78)}\n\n`)}\n`;
}
