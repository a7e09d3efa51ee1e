/**
 * The printable receipt: one self-contained HTML document (inline CSS, SVG and fonts only; a CSP
 * that forbids every fetch), in English, Chinese, or both side by side (`language`). Every
 * user-supplied string goes through `userText`; every word through the catalogue (language.ts).
 * A document that holds Chinese characters carries the glyphs it uses as an embedded font
 * subset (cjk-font.ts), so it prints the same on a machine without CJK fonts.
 */
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
  type ReceiptReplicaGroup,
} from './facts';
import { custodyHeading, custodyRows, type ReceiptCustodySet } from './custody-sets';
import { custodySetTag } from '../custody/set-tag';
import { HSM_LEAD_MESSAGES } from './hsm-object-origin';
import {
  keyEntriesOf,
  receiptSections,
  renderSections,
  type ReceiptKeyEntry,
  type ReceiptSeal,
  type ReceiptSection,
  type SectionOf,
  type SectionRenderers,
} from './sections';
import { embedCjkFont, embedCjkFontInSlices } from './cjk-font';
import { groupHex, groupHexLines } from '../hex-groups';
import {
  DEFAULT_RECEIPT_LANGUAGE,
  ReceiptWords,
  receiptHtmlLang,
  type ReceiptLanguage,
  type ReceiptPhrase,
} from './language';
import { prepareQrInSlices, qrSvg } from './qr-svg';
import { receiptCss } from './receipt-css';
import { escapeHtml, userText } from './text-safety';
import type { DeviationReason, ReceiptDeviation, ReceiptInput, ReceiptKey } from './types';
import { deviationDetailsText, deviationReasonText } from './deviation-facts';
import { momentText } from '../../i18n/moment';
import { phraseValue } from '../../i18n/phrase';
import { checkReceiptInput } from './validate';
import { htmlLang } from '../../i18n/locale';
import { eventLoopSlicer, yieldToEventLoop } from '../yield';

export const RECEIPT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** Grouped hex in lines of eight groups, monospace. */
function hexHtml(hex: string): string {
  return `<div class="hex">${groupHexLines(hex)
    .map((line) => `<span>${escapeHtml(line)}</span>`)
    .join('')}</div>`;
}

function valueHtml(w: ReceiptWords, value: string | ReceiptPhrase): string {
  return typeof value === 'string' ? userText(value) : w.phraseHtml(value);
}

function factRows(w: ReceiptWords, facts: readonly Fact[]): string {
  return facts
    .map((f) => {
      const cls = f.na ? ' class="na"' : '';
      const label = w
        .phraseHtml(f.label)
        .replace(
          /[(（](?:<span class="nowrap">)?SHA-256(?:<\/span>)?[)）]/g,
          (m) => `<span class="nowrap">${m.replace(/<\/?span[^>]*>/g, '')}</span>`,
        );
      const value = f.hex ? hexHtml(typeof f.value === 'string' ? f.value : '') : valueHtml(w, f.value);
      const kind = f.kind ? w.phraseHtml(phrase('receipt.key.kindBracketed', { kindPhrase: phraseValue(f.kind) })) : '';
      return `<tr><th scope="row">${label}</th><td${cls}>${value}${kind}</td></tr>`;
    })
    .join('\n');
}

/** A seal's title inside a sentence ("QR code of the journal head"): lower case in English. */
function sealTitle(locale: string, title: ReceiptPhrase): string {
  const text = ReceiptWords.phraseText(locale === 'zh-CN' ? 'zh-CN' : 'en', title);
  return locale === 'en' ? text.toLowerCase() : text;
}

function filesTable(w: ReceiptWords, key: ReceiptKey): string {
  if (key.outputFiles.length === 0)
    return `<h4>${w.html('receipt.files.heading')}</h4><p>${w.html('receipt.files.none')}</p>`;
  const rows = key.outputFiles
    .map(
      (f) =>
        `<tr><td>${userText(f.name)}</td><td class="num">${w.html('receipt.files.bytes', { bytes: f.size })}</td><td>${hexHtml(f.sha256)}</td></tr>`,
    )
    .join('\n');
  return `<h4>${w.html('receipt.files.heading')}</h4><table class="files"><thead><tr><th>${w.html('receipt.files.file')}</th><th class="num">${w.html('receipt.files.size')}</th><th>${w.html('receipt.files.sha256')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** One custody set: who holds (or presented) which share, then every key the set holds, named once. */
function custodySetHtml(w: ReceiptWords, set: ReceiptCustodySet): string {
  const restore = !!set.custody.restoredFrom;
  const rows = custodyRows(set.custody)
    .map(
      (h) =>
        `<tr><td class="num">${h.shareIndex}</td><td>${userText(h.custodian)}</td>${restore ? `<td>${userText(h.presentedBy ?? '')}</td>` : ''}</tr>`,
    )
    .join('');
  const keys = set.keys.map((k) => `<li>${userText(k.alias)} <code>${userText(k.keyId)}</code></li>`).join('');
  const digest = set.custody.backupDigest;
  const backup = digest
    ? `<p class="backup">${w.html('receipt.custody.backup', { tag: custodySetTag(digest) })} <code>${userText(groupHex(digest))}</code></p>`
    : '';
  return `<article class="custody-set"><h3>${w.html('receipt.custody.setTitle', { set: set.n })}: ${w.phraseHtml(custodyHeading(set.custody))}</h3><table class="custody"><thead><tr><th class="num share">${w.html('receipt.custody.share')}</th><th>${w.html('receipt.custody.custodian')}</th>${restore ? `<th>${w.html('receipt.custody.presentedBy')}</th>` : ''}</tr></thead><tbody>${rows}</tbody></table>
${backup}<p>${w.html('receipt.custody.setKeys', { count: set.keys.length })}</p><ul class="custody-keys">${keys}</ul></article>`;
}

/** One key's part of the Keys section. */
function keyHtml(w: ReceiptWords, entry: ReceiptKeyEntry): string {
  return `<article class="key"><h3>${w.html('receipt.keys.keyHeading', { n: entry.n, total: entry.total })} ${userText(entry.key.alias)}</h3>
<table class="facts"><tbody>${factRows(w, entry.facts)}</tbody></table>
${filesTable(w, entry.key)}</article>`;
}

/** One replica group: its one check value, (online) its proof, then every member and where it lives. */
function replicaGroupHtml(w: ReceiptWords, group: ReceiptReplicaGroup, side: ReceiptInput['side']): string {
  const rows = group.members
    .map(
      (k) =>
        `<tr><td>${w.html('receipt.replica.role', { role: k === group.primary ? 'primary' : 'replica' })}</td><td>${userText(k.alias)}</td><td><code>${userText(k.keyId)}</code></td><td>${userText(k.place?.region ?? '')}</td><td><code>${userText(k.place?.projectId ?? '')}</code></td></tr>`,
    )
    .join('');
  return `<article class="replica-group"><h3>${w.html('receipt.replica.groupTitle', { group: group.n, count: group.members.length })} ${userText(group.primary.alias)}</h3>
<table class="facts"><tbody>${factRows(w, replicaGroupFacts(group, side))}</tbody></table>
<table class="replica-members"><thead><tr><th>${w.html('receipt.replica.roleHeading')}</th><th>${w.html('receipt.key.alias')}</th><th>${w.html('receipt.key.keyId')}</th><th>${w.html('receipt.replica.region')}</th><th>${w.html('receipt.replica.project')}</th></tr></thead><tbody>${rows}</tbody></table></article>`;
}

function deviationReasonHtml(w: ReceiptWords, reason: DeviationReason): string {
  if ('phrase' in reason) return w.phraseHtml(reason.phrase);
  if ('recorded' in reason) return w.html('receipt.deviations.recorded', { text: reason.recorded });
  return w.eachHtml((l) => userText(deviationReasonText(l, reason)));
}

/** A deviation's reason, what its data says in words, then the rest of its data as recorded. */
function deviationDetailsHtml(w: ReceiptWords, d: ReceiptDeviation, clock: ReceiptInput['clock']): string {
  const said = [
    ...(d.reason ? [`<span class="reason">${deviationReasonHtml(w, d.reason)}</span>`] : []),
    ...(d.notes ?? []).map((note) => `<span class="note">${w.phraseHtml(note)}</span>`),
    ...(d.fields.length > 0 ? [w.eachHtml((l) => userText(deviationDetailsText(l, d, clock)))] : []),
  ];
  return said.join('<br>');
}

/** One seal: its title, what it is, its digest in groups and as a QR code (none when there is no digest). */
function sealHtml(w: ReceiptWords, seal: ReceiptSeal): string {
  let about = w.phraseHtml(seal.about);
  if (seal.verifyCommand !== undefined)
    about += ` ${w.html('receipt.seals.headCheck')}<br><code class="cmd">${escapeHtml(seal.verifyCommand.join(' '))}</code>`;
  if (!seal.hex)
    return `<div class="seal"><div><h3>${w.phraseHtml(seal.title)}</h3><p class="about">${about}</p></div></div>`;
  const label = w.locales
    .map((l) =>
      ReceiptWords.phraseText(l, { key: 'receipt.seals.qrLabel', values: { title: sealTitle(l, seal.title) } }),
    )
    .join(' / ');
  return `<div class="seal"><div><h3>${w.phraseHtml(seal.title)}</h3><p class="about">${about}</p>${hexHtml(seal.hex)}</div>
<figure>${qrSvg(seal.hex, { label })}<figcaption>${w.html('receipt.seals.qrCaption', { digits: seal.hex.length })}</figcaption></figure></div>`;
}

/** What an HTML section is rendered with: the words, the receipt's clock, its keys and seals (rendered beforehand). */
interface HtmlContext {
  readonly w: ReceiptWords;
  readonly input: ReceiptInput;
  readonly keys: readonly string[];
  readonly seals: readonly string[];
}

/** The HTML renderer: one function per section of the model (sections.ts). */
const HTML_SECTIONS: SectionRenderers<string, HtmlContext> = {
  ceremony: ({ facts }, { w, input }) =>
    `<section><h2>${w.html('receipt.section.ceremony')}</h2><table class="facts"><tbody>${facts
      .map((f) => (f === LOCAL_TIME ? localTimeRow(w, input) : factRows(w, [f])))
      .join('\n')}</tbody></table></section>`,
  hsm: ({ facts, lead }, { w }) =>
    `<section class="hsm"><h2>${w.html('receipt.hsm.heading')}</h2><p class="lead">${w.html(HSM_LEAD_MESSAGES[lead])}</p><table class="facts"><tbody>${factRows(w, facts)}</tbody></table></section>`,
  deviations: ({ deviations, journalCount }, { w, input }) => {
    if (deviations.length === 0)
      return `<section class="deviations none"><h2>${w.html('receipt.deviations.heading')}</h2><p>${w.html('receipt.deviations.none', { count: journalCount })}</p></section>`;
    const rows = deviations
      .map((d) => {
        const kind = deviationKindPhrase(d.kind);
        const label = deviationEventPhrase(d.event);
        return `<tr><td class="num">${d.seq}</td><td><strong>${typeof kind === 'string' ? userText(kind) : w.phraseHtml(kind)}</strong><br>${label ? `${w.phraseHtml(label)} ` : ''}<code>${userText(d.event)}</code></td><td class="when">${w.eachHtml((l) => userText(momentText(l, d.time, input.clock)))}<br>${userText(d.actor)}</td><td class="details">${deviationDetailsHtml(w, d, input.clock)}</td></tr>`;
      })
      .join('\n');
    return `<section class="deviations"><h2>${w.html('receipt.deviations.headingCount', { count: deviations.length })}</h2><p class="lead">${w.html('receipt.deviations.lead')}</p>
<table><thead><tr><th class="num">${w.html('receipt.deviations.entry')}</th><th>${w.html('receipt.deviations.what')}</th><th>${w.html('receipt.deviations.whenWho')}</th><th>${w.html('receipt.deviations.details')}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
  },
  seals: (_section, { w, seals }) => `<section><h2>${w.html('receipt.seals.heading')}</h2>
<p class="lead">${w.both ? `<span class="bi">${w.locales.map((l) => `<span lang="${htmlLang(l)}">${escapeHtml(`${ReceiptWords.text(l, 'receipt.seals.lead')} ${ReceiptWords.text(l, 'receipt.seals.qrNote')}`)}</span>`).join('')}</span>` : `${w.html('receipt.seals.lead')} ${w.html('receipt.seals.qrNote')}`}</p>
${seals.join('\n')}
</section>`,
  people: ({ people }, { w }) => {
    const rows = people
      .map(
        (p) =>
          `<tr><td class="who"><span class="role">${w.html(`receipt.role.${p.role}`)}</span><span class="name">${userText(p.name)}</span></td><td><ul>${p.records.map((r) => `<li>${w.phraseHtml(r)}</li>`).join('')}</ul></td></tr>`,
      )
      .join('\n');
    return `<section class="people"><h2>${w.html('receipt.people.heading')}</h2><p class="lead">${w.html('receipt.people.lead')}</p><table><tbody>${rows}</tbody></table></section>`;
  },
  keys: (_section, { w, keys }) => `<section><h2>${w.html('receipt.keys.heading')}</h2>
${keys.join('\n')}
</section>`,
  replicaGroups: ({ side, groups }, { w }) =>
    `<section class="replica-groups"><h2>${w.html('receipt.replica.heading')}</h2><p class="lead">${w.html('receipt.replica.lead')}</p>
${groups.map((g) => replicaGroupHtml(w, g, side)).join('\n')}</section>`,
  custody: ({ sets }, { w }) => `<section class="custody"><h2>${w.html('receipt.custody.heading')}</h2>
${sets.map((set) => custodySetHtml(w, set)).join('\n')}</section>`,
  methods: ({ facts }, { w }) =>
    `<section class="methods"><h2>${w.html('receipt.methods.heading')}</h2><table class="facts"><tbody>${factRows(w, facts)}</tbody></table></section>`,
  signoff: ({ side, signatories, presenters }, { w }) => {
    const rows = signatories
      .map(
        (
          s,
        ) => `<tr><td class="who"><span class="role">${w.phraseHtml(s.role)}</span><span class="name">${userText(s.name)}</span></td>
<td><div class="line"></div><div class="caption">${w.html('receipt.signoff.signature')}</div></td><td class="date"><div class="line"></div><div class="caption">${w.html('receipt.signoff.date')}</div></td></tr>`,
      )
      .join('\n');
    return `<section class="signoff"><h2>${w.html('receipt.signoff.heading')}</h2><p class="statement">${w.html('receipt.signoff.statement', { side, presenters })}</p>
<table class="signatures"><tbody>${rows}</tbody></table></section>`;
  },
};

/** The local time row: the workstation's wall clock written in each language of the receipt. */
function localTimeRow(w: ReceiptWords, input: ReceiptInput): string {
  const value = w.both
    ? `<span class="bi">${w.locales.map((l) => `<span lang="${htmlLang(l)}">${userText(formatLocalIn(l, input.clock))}</span>`).join('')}</span>`
    : userText(formatLocalIn(w.locales[0] ?? 'en', input.clock));
  return `<tr><th scope="row">${w.html('receipt.fact.timeLocal')}</th><td>${value}</td></tr>`;
}

interface ReceiptRenderOptions {
  /** English, Chinese, or both side by side (default English). */
  readonly language?: ReceiptLanguage;
}

/** Renders the receipt as a complete HTML document (a string); throws RECEIPT_INPUT_INVALID. */
export function renderReceiptHtml(input: ReceiptInput, options: ReceiptRenderOptions = {}): string {
  checkReceiptInput(input);
  const w = new ReceiptWords(options.language ?? DEFAULT_RECEIPT_LANGUAGE);
  const sections = receiptSections(input);
  const keys = keyEntriesOf(sections).map((entry) => keyHtml(w, entry));
  const seals = sealsOf(sections).map((seal) => sealHtml(w, seal));
  return embedCjkFont(receiptDocument(input, w, renderSections(sections, HTML_SECTIONS, { w, input, keys, seals })));
}

/**
 * The same document as `renderReceiptHtml`, rendered a key at a time with the event loop let run
 * between slices (core/yield.ts): a 100-key receipt takes longer than a frame to render.
 */
export async function renderReceiptHtmlInSlices(
  input: ReceiptInput,
  options: ReceiptRenderOptions = {},
): Promise<string> {
  // Checking a 100-key input and building its sections take a turn each.
  checkReceiptInput(input);
  await yieldToEventLoop();
  const w = new ReceiptWords(options.language ?? DEFAULT_RECEIPT_LANGUAGE);
  const sections = receiptSections(input);
  await yieldToEventLoop();
  const slicer = eventLoopSlicer();
  const keys: string[] = [];
  for (const entry of keyEntriesOf(sections)) {
    await slicer.pause();
    keys.push(keyHtml(w, entry));
  }
  // A seal's QR code takes a few milliseconds (more the first time): made beforehand a mask per
  // turn, then each seal in a turn of its own.
  const sealList = sealsOf(sections);
  for (const seal of sealList) if (seal.hex) await prepareQrInSlices(seal.hex);
  const seals: string[] = [];
  for (const seal of sealList) {
    await yieldToEventLoop();
    seals.push(sealHtml(w, seal));
  }
  // A section at a time: the people, facts and deviations of a 100-key receipt together held the
  // event loop for about 20 ms.
  const context = { w, input, keys, seals };
  const body: string[] = [];
  for (const section of sections) {
    await slicer.pause();
    body.push(...renderSections([section], HTML_SECTIONS, context));
  }
  await yieldToEventLoop();
  const document = receiptDocument(input, w, body);
  await yieldToEventLoop();
  return embedCjkFontInSlices(document);
}

/** The Seals section's seals. */
function sealsOf(sections: readonly ReceiptSection[]): readonly ReceiptSeal[] {
  return sections.find((s): s is SectionOf<'seals'> => s.kind === 'seals')?.seals ?? [];
}

/** The whole document: head, title, every section of the model (`body`, rendered), footer. */
function receiptDocument(input: ReceiptInput, w: ReceiptWords, body: readonly string[]): string {
  const language = w.language;
  const docTitle = w.locales.map((l) => ReceiptWords.text(l, 'receipt.title')).join(' / ');
  const page = w.locales.map((l) => ReceiptWords.text(l, 'receipt.page', { page: '\uE010', pages: '\uE011' }));
  return `<!doctype html>
<html lang="${receiptHtmlLang(language)}"${w.both ? ' class="both"' : ''}><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${RECEIPT_CSP}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(docTitle)} ${escapeHtml(input.ceremonyId)} (${escapeHtml(input.side)})</title>
<style>${receiptCss(input.ceremonyId, { title: docTitle, page: page.join(' / ') })}</style></head>
<body>
<header class="doc-head"><div><h1>${w.html('receipt.title')}</h1><p class="subtitle">${valueHtml(w, titleValue(input))}</p></div><div class="side">${w.phraseHtml(sideValue(input))}</div></header>
${body.join('\n')}
<footer>${w.html('receipt.footer', { version: input.app.version, build: input.app.build, hostname: input.workstation.hostname })}</footer>
</body></html>
`;
}
