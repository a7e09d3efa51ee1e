/**
 * The custody slip a custodian prints, signs and keeps with their share: a self-contained HTML
 * page (inline CSS, SVG and, for Chinese, an embedded font subset; print layout) and a plain-text
 * twin, in English, Chinese or both (the words from the catalogue, i18n/catalogues/\*\/receipts.ts).
 * Both carry the share as numbered lines to type back (typed-share.ts); the HTML also as QR codes
 * of the same lines. The typed lines, hex and ids are the same in every language.
 */
import type { Locale } from '../../i18n/locale';
import { embedCjkFontInSlices } from '../receipt/cjk-font';
import { groupHex } from '../hex-groups';
import {
  DEFAULT_RECEIPT_LANGUAGE,
  ReceiptWords,
  receiptHtmlLang,
  type ReceiptLanguage,
  type ReceiptPhrase,
} from '../receipt/language';
import { qrSvg } from '../receipt/qr-svg';
import { MONO, SANS } from '../receipt/receipt-css';
import { breakLines, displayWidth } from '../receipt/line-break';
import { escapeHtml, userText, visibleText } from '../receipt/text-safety';
import { keepWhole } from '../receipt/keep-whole';
import { formatUtc } from '../../i18n/moment';
import { backupFileName } from './backup-text';
import type { CustodyShare } from './custody-share';
import { isSetShare, setShareFileName, type SetShare } from './set-share';
import { shareFileName } from './share-file';
import { typedShareLines } from './typed-share';

/** Data lines per QR code: keeps each code under the receipt QR limit of 1000 characters. */
const LINES_PER_QR = 40;
/** Separates lines inside a QR code (QR text is one line); parseTypedShare reads it as a line break. */
const QR_LINE_SEPARATOR = ';';

export interface CustodySlip {
  readonly htmlName: string;
  readonly html: string;
  readonly textName: string;
  readonly text: string;
}

/** The slip's two files (HTML to print, text to read) beside the share file `shareFile` (its `.json` name or base). */
export function slipFileNames(shareFile: string): readonly [html: string, text: string] {
  const base = shareFile.replace(/\.json$/, '');
  return [`${base}.slip.html`, `${base}.slip.txt`];
}

/** The texts of the slip's QR codes, in order; joined with line breaks they read as a typed share. */
export function slipQrTexts(share: CustodyShare | SetShare): string[] {
  const [header, ...lines] = typedShareLines(share);
  const compact = lines.map((l) => l.replace(/\s+/g, ''));
  const texts: string[] = [];
  for (let i = 0; i < compact.length; i += LINES_PER_QR) {
    const block = compact.slice(i, i + LINES_PER_QR);
    texts.push((i === 0 ? [header ?? '', ...block] : block).join(QR_LINE_SEPARATOR));
  }
  return texts;
}

/** The slip's facts: a label, and a value printed as it is (user: an id or name; prose: words, as the title), or a phrase (translated). */
type Fact = [ReceiptPhrase, string | ReceiptPhrase, 'user' | 'plain' | 'prose'];

/**
 * What the ceremony that split the material says of it, printed on each slip so the custodian, and
 * later an auditor, know which ceremony and when without the receipt (a trial's auditor could not
 * tell two ceremonies' slips apart): its title, if it has one, and when the shares were made.
 */
export interface SlipContext {
  readonly title?: string | undefined;
  readonly splitAt: Date;
  /** The keys the set's materials serve, when more than its materials (a replica group's keys share one). */
  readonly keys?: number;
}

/** The ceremony's facts of `context`, after its id. */
function contextFacts(context: SlipContext | undefined): Fact[] {
  if (!context) return [];
  return [
    ...(context.title === undefined ? [] : [[{ key: 'slip.ceremonyTitle' }, context.title, 'prose'] as Fact]),
    [{ key: 'slip.splitAt' }, formatUtc(context.splitAt), 'plain'],
  ];
}

/**
 * How many keys a set's backup serves: its materials, and the keys they serve where a replica group's
 * keys share one (a trial's slip said "2 keys" of a set of 3).
 */
function setKeysValue(materials: number, keys: number | undefined): ReceiptPhrase {
  const grouped = keys !== undefined && keys !== materials;
  return {
    key: 'slip.set.keysValue',
    values: { count: materials, grouped: grouped ? 'yes' : 'no', keys: keys ?? materials },
  };
}

/** A set share's facts: one share of the ceremony's backup key, for every key of the ceremony. */
function setFacts(share: SetShare, context: SlipContext | undefined): Fact[] {
  return [
    [{ key: 'slip.ceremony' }, share.ceremonyId, 'user'],
    ...contextFacts(context),
    [{ key: 'slip.set.keys' }, setKeysValue(share.keyCount, context?.keys), 'plain'],
    [
      { key: 'slip.share' },
      { key: 'slip.set.shareValue', values: { index: share.index, total: share.n, threshold: share.m } },
      'plain',
    ],
    [{ key: 'slip.set.backupFile' }, backupFileName(share.ceremonyId, share.backupDigest), 'plain'],
    [{ key: 'slip.set.backupDigest' }, groupHex(share.backupDigest), 'plain'],
    [{ key: 'slip.set.backupKeyCheck' }, groupHex(share.backupKeyCheck), 'plain'],
    [{ key: 'slip.custodian' }, share.custodian, 'user'],
    [{ key: 'slip.shareFile' }, setShareFileName(share), 'plain'],
    [{ key: 'slip.checksum' }, groupHex(share.checksum), 'plain'],
  ];
}

function facts(share: CustodyShare | SetShare, context: SlipContext | undefined): Fact[] {
  if (isSetShare(share)) return setFacts(share, context);
  const check = share.materialCheck;
  return [
    [{ key: 'slip.ceremony' }, share.ceremonyId, 'user'],
    ...contextFacts(context),
    [{ key: 'slip.keyId' }, share.keyId, 'plain'],
    [{ key: 'slip.keySpec' }, share.spec, 'plain'],
    [
      { key: 'slip.share' },
      { key: 'slip.shareValue', values: { index: share.index, total: share.n, threshold: share.m } },
      'plain',
    ],
    [
      { key: check.kind === 'kcv' ? 'slip.kcv' : 'slip.publicKey' },
      check.kind === 'kcv' ? check.value : groupHex(check.value),
      'plain',
    ],
    [{ key: 'slip.custodian' }, share.custodian, 'user'],
    [{ key: 'slip.shareFile' }, shareFileName(share), 'plain'],
    [{ key: 'slip.checksum' }, groupHex(share.checksum), 'plain'],
  ];
}

/** A phrase in each of the slip's languages, joined with " / " (plain text). */
function textIn(locales: readonly Locale[], phrase: ReceiptPhrase): string {
  return locales.map((l) => ReceiptWords.phraseText(l, phrase)).join(' / ');
}

/**
 * One typed line in HTML: single spaces (PDF text extraction splits a line at wider gaps, so a
 * copy from the printed PDF still reads back), line number and check in bold.
 */
function htmlLine(line: string): string {
  const words = line.split(/\s+/).map(escapeHtml);
  if (/^\d{4}$/.test(words[0] ?? '')) {
    words[0] = `<b>${words[0]}</b>`;
    words[words.length - 1] = `<b>${words[words.length - 1] ?? ''}</b>`;
  }
  return `<div>${words.join(' ')}</div>`;
}

/**
 * A value the slip prints as it is (a key id, a file name, grouped hex): one without spaces on one
 * line (the slip's column holds a share file name, which \`break-all\` cut as "….jso" + "n");
 * grouped hex breaks between its groups only.
 */
function plainHtml(value: string): string {
  return /\s/.test(value) ? keepWhole(escapeHtml(value)) : `<span class="nowrap">${escapeHtml(value)}</span>`;
}

/** Renders the slip for one share (HTML and text twin, with their file names) in `language`, with the ceremony's `context`. */
export async function renderCustodySlip(
  share: CustodyShare | SetShare,
  options: { readonly language?: ReceiptLanguage; readonly context?: SlipContext } = {},
): Promise<CustodySlip> {
  const language = options.language ?? DEFAULT_RECEIPT_LANGUAGE;
  const w = new ReceiptWords(language);
  const base = (isSetShare(share) ? setShareFileName(share) : shareFileName(share)).replace(/\.json$/, '');
  const keep = isSetShare(share) ? 'slip.set.keep' : 'slip.keep';
  const lines = typedShareLines(share);
  const qrs = slipQrTexts(share);
  const titlePhrase: ReceiptPhrase = { key: 'slip.title', values: { index: share.index, total: share.n } };
  const title = textIn(w.locales, titlePhrase);
  const value = (v: string | ReceiptPhrase): string => (typeof v === 'string' ? visibleText(v) : textIn(w.locales, v));
  const rows = facts(share, options.context);
  // A label's colon as the slip's language writes it (full-width on a Chinese slip, a trial's point).
  const colon = w.locales.length === 1 && w.locales[0] === 'zh-CN' ? '：' : ':';
  const labelWidth = Math.max(20, ...rows.map(([k]) => displayWidth(`${textIn(w.locales, k)}${colon}`) + 2));
  const signature = (who: 'slip.custodianSignature' | 'slip.witnessSignature') =>
    `${textIn(w.locales, { key: who })}${colon} ______________________________   ${textIn(w.locales, { key: 'slip.date' })}${colon} ____________`;

  const text = [
    title,
    '='.repeat(displayWidth(title)),
    ...rows.map(([k, v]) => {
      const label = `${textIn(w.locales, k)}${colon}`;
      return `${label}${' '.repeat(Math.max(1, labelWidth - displayWidth(label)))}${value(v)}`;
    }),
    '',
    ...w.locales.flatMap((l) => breakLines(ReceiptWords.text(l, keep), 74)),
    '',
    signature('slip.custodianSignature'),
    '',
    signature('slip.witnessSignature'),
    '',
    ...lines,
    '',
  ].join('\n');

  const rowsHtml = rows
    .map(([k, v, kind]) => {
      // Words (a phrase, the title) in the text font; ids, names and digests in the code font.
      const words = typeof v !== 'string' || kind === 'prose';
      const value = typeof v !== 'string' ? w.phraseHtml(v) : kind === 'plain' ? plainHtml(v) : userText(v);
      return `<tr><th>${w.phraseHtml(k)}</th><td${words ? ' class="phrase"' : ''}>${value}</td></tr>`;
    })
    .join('\n');
  const codes = qrs
    .map((q, i) => {
      const first = i * LINES_PER_QR + 1;
      const last = Math.min((i + 1) * LINES_PER_QR, lines.length - 1);
      const caption: ReceiptPhrase = {
        key: i === 0 ? 'slip.qrCaptionHeader' : 'slip.qrCaption',
        values: { n: i + 1, count: qrs.length, first, last },
      };
      // One code stands beside the typed lines, smaller: a set share's (15 to 22 lines) keeps modules of about 0.55 mm.
      const size = qrs.length === 1 ? '50mm' : '62mm';
      return `<figure>${qrSvg(q, { sizeCss: size, label: textIn(w.locales, caption) })}<figcaption>${w.phraseHtml(caption)}</figcaption></figure>`;
    })
    .join('\n');
  const signatureHtml = (who: 'slip.custodianSignature' | 'slip.witnessSignature') =>
    `<p><span class="label">${w.html(who)}${colon}</span> ______________________________ &nbsp; <span class="label">${w.html('slip.date')}${colon}</span> ____________</p>`;
  const html = `<!DOCTYPE html>
<html lang="${receiptHtmlLang(language)}"${w.both ? ' class="both"' : ''}><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>${escapeHtml(title)}</title>
<style>
@page { size: A4; margin: 15mm; }
body { font: 11pt/1.4 ${SANS}; color: #000; background: #fff; margin: 0 auto; max-width: 180mm; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
table { border-collapse: collapse; margin-bottom: 4mm; }
th { text-align: left; padding: 0.6mm 4mm 0.6mm 0; vertical-align: top; white-space: nowrap; }
/* A value breaks at its spaces (a digest between its groups), inside a word only when one alone is too long. */
td { padding: 0.6mm 0; font-family: ${MONO}; overflow-wrap: anywhere; }
/* A sentence (what the keys and the share are) reads as one: broken between words, not inside them. */
td.phrase { font-family: ${SANS}; }
.nowrap { white-space: nowrap; }
.share { font: 9.5pt/1.2 ${MONO}; border: 0.3mm solid #000; padding: 2.5mm; }
.share div { white-space: pre; }
.codes { display: flex; flex-wrap: wrap; gap: 6mm; margin-top: 6mm; }
/* One QR code (every custody set share): beside the typed lines, so the slip fits one page. */
.beside { display: flex; gap: 6mm; align-items: flex-start; break-inside: avoid; page-break-inside: avoid; }
.beside .codes { margin-top: 0; }
/* Its lines in two columns (a long custodian name makes the share longer), the header across both. */
.beside .share { column-count: 2; column-gap: 5mm; }
.beside .share div:first-child { column-span: all; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; text-align: center; }
figcaption { font-size: 9pt; }
.sign { margin: 0 0 6mm; break-inside: avoid; page-break-inside: avoid; }
.sign p { margin: 6mm 0 0; }
.bi { display: grid; grid-template-columns: 1fr 1fr; column-gap: 5mm; }
.bi > span { display: block; }
figcaption .bi { display: block; }
.label .bi, .label .bi > span { display: inline; }
.label .bi > span + span::before { content: " / "; }
/* Both languages: a fact's label on one line where it fits ("Ceremony / " and its Chinese), so a row is as tall as its value. */
th .bi, th .bi > span { display: inline; }
th .bi > span + span::before { content: " / "; }
th:has(.bi) { white-space: normal; width: 56mm; font-size: 9.5pt; }
/* Both languages fit one page too: a smaller title, keeping paragraph and typed lines. */
h1 .bi, h1 .bi > span { display: inline; }
h1 .bi > span + span::before { content: " / "; }
.both h1 { font-size: 14pt; }
.both body > p { font-size: 9.5pt; }
.both .share { font-size: 9pt; }
</style></head>
<body>
<h1>${w.phraseHtml(titlePhrase)}</h1>
<table>
${rowsHtml}
</table>
<p>${w.html(keep)}</p>
<div class="sign">
${signatureHtml('slip.custodianSignature')}
${signatureHtml('slip.witnessSignature')}
</div>
<div class="typed${qrs.length === 1 ? ' beside' : ''}">
<div class="share">${lines.map(htmlLine).join('\n')}</div>
<div class="codes">
${codes}
</div>
</div>
</body></html>
`;
  const [htmlName, textName] = slipFileNames(base);
  return { htmlName, html: await embedCjkFontInSlices(html), textName, text };
}
