/**
 * The receipt's plain-text twin: the same facts as the HTML (facts.ts), for archives and
 * terminals, in the receipt's language; "both" writes the English twin, then the Chinese one.
 * User strings go through `visibleText`, so no control character can forge a line.
 */
import type { MessageKey, ValuesArg } from '../../i18n/catalogue';
import type { Locale } from '../../i18n/locale';
import {
  CHECK_METHODS,
  LOCAL_TIME,
  ceremonyFacts,
  custodyHeading,
  custodyRows,
  custodySetFact,
  custodySetOf,
  custodySets,
  deviationKindPhrase,
  formatLocalIn,
  hsmFacts,
  keyFacts,
  parametersSealAbout,
  replicaGroupFacts,
  replicaGroupOf,
  replicaGroups,
  signatories,
  titleValue,
  type Fact,
  type ReceiptCustodySet,
  type ReceiptReplicaGroup,
} from './facts';
import { groupHexLines } from '../hex-groups';
import {
  DEFAULT_RECEIPT_LANGUAGE,
  ReceiptWords,
  receiptLocales,
  type ReceiptLanguage,
  type ReceiptPhrase,
} from './language';
import { breakLines, displayWidth } from './line-break';
import { visibleText } from './text-safety';
import type { ReceiptInput, ReceiptKey } from './types';
import { deviationDetailsText, deviationReasonText } from './journal-facts';
import { momentText } from '../../i18n/moment';
import { eventLoopSlicer, yieldToEventLoop } from '../yield';
import { checkReceiptInput } from './validate';

const LABEL_WIDTH = 42;

function padEnd(text: string, width: number, fill: string): string {
  return text + fill.repeat(Math.max(0, width - displayWidth(text)));
}

/** One language's words for the text twin. */
function wordsIn(locale: Locale) {
  const t = <K extends MessageKey>(key: K, ...values: ValuesArg<K>): string =>
    ReceiptWords.text(locale, key, ...values);
  const p = (phrase: ReceiptPhrase): string => ReceiptWords.phraseText(locale, phrase);
  const v = (value: string | ReceiptPhrase): string => (typeof value === 'string' ? visibleText(value) : p(value));
  return { t, p, v };
}

function heading(title: string): string[] {
  return ['', title.toUpperCase(), '-'.repeat(displayWidth(title))];
}

function factLines(locale: Locale, facts: readonly Fact[], indent: string): string[] {
  const { p, v } = wordsIn(locale);
  return facts.flatMap((f) => {
    const label = padEnd(`${indent}${p(f.label)} `, LABEL_WIDTH, '.') + ' ';
    if (!f.hex) return [`${label}${v(f.value)}${f.kind ? ` (${p(f.kind)})` : ''}`];
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

/** One key's section of the text twin in `locale`. */
function keyLinesOf(
  input: ReceiptInput,
  locale: Locale,
  key: ReceiptKey,
  i: number,
  sets: readonly ReceiptCustodySet[],
  groups: readonly ReceiptReplicaGroup[],
): string[] {
  const { t } = wordsIn(locale);
  const out: string[] = [];
  out.push(
    '',
    `  ${t('receipt.keys.keyHeading', { n: i + 1, total: input.keys.length })} ${visibleText(key.alias)}`,
    ...factLines(locale, keyFacts(key, input.side, replicaGroupOf(groups, key)), '    '),
  );
  const set = custodySetOf(sets, key);
  if (set) out.push(...factLines(locale, [custodySetFact(set)], '    '));
  out.push(`    ${t('receipt.files.heading')}:`);
  if (key.outputFiles.length === 0) out.push(`      ${t('receipt.files.none')}`);
  key.outputFiles.forEach((f) => {
    out.push(`      ${visibleText(f.name)} (${t('receipt.files.bytes', { bytes: f.size })})`);
    out.push(...groupHexLines(f.sha256).map((line, j) => `        ${j === 0 ? 'sha256' : '      '} ${line}`));
  });
  return out;
}

/** The replica groups: each group's members with their place, its one check value and (online) its proof. */
function replicaGroupLines(input: ReceiptInput, locale: Locale): string[] {
  const groups = replicaGroups(input.keys);
  if (groups.length === 0) return [];
  const { t } = wordsIn(locale);
  const out = [...heading(t('receipt.replica.heading')), ...wrap(t('receipt.replica.lead'), 74, '  ')];
  for (const group of groups) {
    out.push(
      '',
      `  ${t('receipt.replica.groupTitle', { group: group.n, count: group.members.length })} ${visibleText(group.primary.alias)}`,
      ...factLines(locale, replicaGroupFacts(group, input.side), '    '),
      `    ${t('receipt.replica.members', { count: group.members.length })}`,
    );
    for (const k of group.members) {
      const role = t('receipt.replica.role', { role: k === group.primary ? 'primary' : 'replica' });
      const place = k.place ? `  ${visibleText(k.place.region)}  ${visibleText(k.place.projectId)}` : '';
      out.push(`      ${role}  ${visibleText(k.keyId)}${place}`);
    }
  }
  return out;
}

/** One twin in `locale`; `keyLines` are its key sections (keyLinesOf, for every key in order). */
function twin(input: ReceiptInput, locale: Locale, keyLines: readonly string[]): string[] {
  const { t, p, v } = wordsIn(locale);
  const title = t('receipt.title');
  const out: string[] = [
    title.toUpperCase(),
    '='.repeat(displayWidth(title)),
    v(titleValue(input)),
    t('receipt.side', { side: input.side }),
  ];
  const facts = ceremonyFacts(input).flatMap((f): Fact[] =>
    f === LOCAL_TIME ? [{ label: { key: 'receipt.fact.timeLocal' }, value: formatLocalIn(locale, input.clock) }] : [f],
  );
  out.push(...heading(t('receipt.section.ceremony')), ...factLines(locale, facts, '  '));
  if (input.hsm) {
    out.push(
      ...heading(t('receipt.hsm.heading')),
      ...wrap(t('receipt.hsm.lead'), 74, '  '),
      '',
      ...factLines(locale, hsmFacts(input.hsm), '  '),
    );
  }
  if (input.deviations.length === 0) {
    out.push(
      ...heading(t('receipt.deviations.heading')),
      ...wrap(t('receipt.deviations.none', { count: input.journal.count }), 74, '  '),
    );
  } else {
    const banner = `!!! ${t('receipt.deviations.headingCount', { count: input.deviations.length })} !!!`;
    const rule = '#'.repeat(displayWidth(banner));
    out.push('', rule, banner, rule, ...wrap(t('receipt.deviations.lead'), 74, '  '));
    for (const d of input.deviations) {
      const kind = deviationKindPhrase(d.kind);
      out.push(
        '',
        `  ! ${t('receipt.deviations.textEntry', { seq: d.seq, kind: typeof kind === 'string' ? visibleText(kind) : p(kind), event: visibleText(d.event) })}`,
        `    ${momentText(locale, d.time, input.clock)}, ${visibleText(d.actor)}`,
        ...(d.reason ? wrap(visibleText(deviationReasonText(locale, d.reason)), 72, '    ') : []),
        ...(d.notes ?? []).flatMap((note) => wrap(p(note), 72, '    ')),
        ...(d.fields.length > 0 ? wrap(visibleText(deviationDetailsText(locale, d, input.clock)), 72, '    ') : []),
      );
    }
  }
  out.push(
    ...heading(t('receipt.seals.heading')),
    ...wrap(`${t('receipt.seals.lead')} ${t('receipt.seals.textNote')}`, 74, '  '),
    '',
  );
  out.push(`  ${t('receipt.seals.parameters')}: ${p(parametersSealAbout(input))}`);
  if (input.parametersBundle) out.push(...hexBlock(input.parametersBundle.digest, '      '));
  out.push(
    `  ${t('receipt.seals.wrapped')}: ${t('receipt.seals.wrappedAbout', { name: visibleText(input.bundle.name) })}`,
    ...hexBlock(input.bundle.digest, '      '),
  );
  out.push(
    `  ${t('receipt.seals.head')}: ${t('receipt.seals.headAbout', { count: input.journal.count })}`,
    ...hexBlock(input.journal.headHash, '      '),
  );
  out.push(
    `  ${t('receipt.seals.headCheck')} keyferry journal verify JOURNAL --expect-count ${input.journal.count} --expect-head HASH`,
  );
  out.push(...heading(t('receipt.people.heading')), ...wrap(t('receipt.people.lead'), 74, '  '));
  for (const person of input.people) {
    out.push('', `  ${t(`receipt.role.${person.role}`)}: ${visibleText(person.name)}`);
    for (const r of person.records) out.push(...wrap(`- ${p(r)}`, 72, '    '));
  }
  out.push(...heading(t('receipt.keys.heading')));
  const sets = custodySets(input.keys);
  out.push(...keyLines, ...replicaGroupLines(input, locale));
  if (sets.length > 0) out.push(...heading(t('receipt.custody.heading')));
  for (const set of sets) {
    out.push('', `  ${t('receipt.custody.setTitle', { set: set.n })}: ${p(custodyHeading(set.custody))}`);
    custodyRows(set.custody).forEach((h) =>
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
      ),
    );
    out.push(`    ${t('receipt.custody.setKeys', { count: set.keys.length })}`);
    for (const k of set.keys) out.push(`      ${visibleText(k.alias)}  ${visibleText(k.keyId)}`);
  }
  out.push(...heading(t('receipt.methods.heading')), ...factLines(locale, CHECK_METHODS, '  '));
  out.push(
    ...heading(t('receipt.signoff.heading')),
    ...wrap(t('receipt.signoff.statement', { side: input.side }), 74, '  '),
  );
  signatories(input).forEach((s) => {
    out.push(
      '',
      `  ${p(s.role)}: ${visibleText(s.name)}`,
      `    ${t('receipt.signoff.signature')}: ________________________________    ${t('receipt.signoff.date')}: ______________`,
    );
  });
  out.push(
    '',
    t('receipt.footerText', {
      version: visibleText(input.app.version),
      build: visibleText(input.app.build),
      hostname: visibleText(input.workstation.hostname),
    }),
  );
  return out;
}

/** Renders the plain-text twin of the receipt; throws RECEIPT_INPUT_INVALID like the HTML. */
export function renderReceiptText(input: ReceiptInput, options: { language?: ReceiptLanguage } = {}): string {
  checkReceiptInput(input);
  const sets = custodySets(input.keys);
  const groups = replicaGroups(input.keys);
  const locales = receiptLocales(options.language ?? DEFAULT_RECEIPT_LANGUAGE);
  return joinTwins(
    locales.map((locale) =>
      twin(
        input,
        locale,
        input.keys.flatMap((key, i) => keyLinesOf(input, locale, key, i, sets, groups)),
      ),
    ),
  );
}

/** The same text as `renderReceiptText`, a key at a time with the event loop let run between slices. */
export async function renderReceiptTextInSlices(
  input: ReceiptInput,
  options: { language?: ReceiptLanguage } = {},
): Promise<string> {
  checkReceiptInput(input);
  const sets = custodySets(input.keys);
  const groups = replicaGroups(input.keys);
  const slicer = eventLoopSlicer();
  const twins: string[][] = [];
  for (const locale of receiptLocales(options.language ?? DEFAULT_RECEIPT_LANGUAGE)) {
    const keyLines: string[] = [];
    for (const [i, key] of input.keys.entries()) {
      await slicer.pause();
      keyLines.push(...keyLinesOf(input, locale, key, i, sets, groups));
    }
    await yieldToEventLoop();
    twins.push(twin(input, locale, keyLines));
  }
  return joinTwins(twins);
}

function joinTwins(twins: readonly string[][]): string {
  return `${twins.map((lines) => lines.join('\n')).join(`\n\n${'='.repeat(78)}\n\n`)}\n`;
}
