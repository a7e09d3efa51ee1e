/**
 * The receipt's one inline style sheet: A4 and Letter alike (content never wider than
 * 180 mm, A4's width inside 15 mm margins), page numbers in the page margin, and break rules
 * that keep each key, each seal and the sign-off together.
 */

import { CJK_FONT_FAMILY } from './cjk-font';

/**
 * The font stacks: Chinese from the embedded subset (cjk-font.ts, only CJK code points, and first:
 * see there why), everything else from the system's Latin fonts.
 */
export const SANS = `"${CJK_FONT_FAMILY}", "DejaVu Sans", "Liberation Sans", Arial, sans-serif`;
export const MONO = `"${CJK_FONT_FAMILY}", "DejaVu Sans Mono", "Liberation Mono", monospace`;

/** A trusted catalogue text as a CSS string (quotes and backslashes escaped, no line breaks). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}

/** `Page {page} of {pages}` with U+E010 / U+E011 where the counters go, as a CSS `content` value. */
function pageContent(template: string): string {
  return template
    .split(/(\uE010|\uE011)/)
    .filter((part) => part !== '')
    .map((part) => (part === '\uE010' ? 'counter(page)' : part === '\uE011' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

/**
 * `ceremonyId` is checked against CEREMONY_ID_PATTERN before it gets here (safe in a CSS string);
 * `words.title` and `words.page` are catalogue texts in the receipt's language(s).
 */
export function receiptCss(
  ceremonyId: string,
  words: { readonly title: string; readonly page: string } = {
    title: 'Keyferry ceremony receipt',
    page: 'Page \uE010 of \uE011',
  },
): string {
  return `
@page { size: auto; margin: 15mm 15mm 17mm 15mm;
  @bottom-left { content: ${cssString(words.title)} " \\00B7  ${ceremonyId}"; font: 7.5pt ${SANS}; color: #555; }
  @bottom-right { content: ${pageContent(words.page)}; font: 7.5pt ${SANS}; color: #555; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 180mm; padding: 0; color: #111; background: #fff;
  font: 9.5pt/1.4 ${SANS}; }
@media screen { body { padding: 12mm 0; } }
bdi { unicode-bidi: isolate; }
h1 { font-size: 19pt; margin: 0; letter-spacing: 0.01em; }
h2 { font-size: 12pt; margin: 0 0 3mm; padding-bottom: 1.2mm; border-bottom: 1.5pt solid #111; text-transform: uppercase; letter-spacing: 0.06em; }
h3 { font-size: 11pt; margin: 0 0 2.5mm; overflow-wrap: anywhere; }
h4 { font-size: 9pt; margin: 3.5mm 0 1.5mm; text-transform: uppercase; letter-spacing: 0.05em; color: #333; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
.doc-head { display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm; padding-bottom: 4mm; margin-bottom: 6mm; border-bottom: 3pt double #111; }
.doc-head .subtitle { margin: 1.5mm 0 0; font-size: 11pt; overflow-wrap: anywhere; }
.side { flex: none; border: 1.5pt solid #111; padding: 1.5mm 3mm; font-weight: bold; text-transform: uppercase; letter-spacing: 0.08em; font-size: 9pt; }
section { margin: 0 0 7mm; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 1.15mm 2mm; border: 0.6pt solid #999; }
thead { display: table-header-group; }
thead th { background: #ececec; font-size: 8.5pt; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.facts th { width: 36%; font-weight: normal; color: #333; background: #f6f6f6; }
table.facts td { overflow-wrap: anywhere; }
td.na { color: #555; font-style: italic; }
.hex { font-family: ${MONO}; font-size: 9.5pt; letter-spacing: 0.02em; white-space: nowrap; }
.hex span { display: block; }
.nowrap { white-space: nowrap; }
th bdi .nowrap { white-space: normal; } /* a value inside a label (a key id) breaks as before: the label column is narrow */
.lead { margin: 0 0 4mm; color: #222; }
.num { text-align: right; white-space: nowrap; }
.seal { display: flex; align-items: center; justify-content: space-between; gap: 6mm; border: 1pt solid #111; padding: 4mm 5mm; margin-bottom: 4mm; break-inside: avoid; page-break-inside: avoid; }
.seal h3 { margin-bottom: 1mm; }
.seal .about { margin: 0 0 2.5mm; color: #333; overflow-wrap: anywhere; }
.seal .cmd { font-family: ${MONO}; font-size: 7.5pt; white-space: nowrap; }
.seal .hex { font-size: 12pt; line-height: 1.6; font-weight: bold; }
.seal figure { margin: 0; text-align: center; flex: none; }
.seal figcaption { font-size: 7pt; color: #555; margin-top: 1mm; }
.key { border: 1pt solid #777; padding: 3.5mm 4mm 3mm; margin-bottom: 5mm; break-inside: avoid; page-break-inside: avoid; }
table.files td:first-child { overflow-wrap: anywhere; }
table.files .hex { font-size: 8.5pt; }
.statement { margin: 0 0 4mm; }
table.signatures td { height: 19mm; vertical-align: bottom; padding: 2mm 3mm 1.5mm; }
th.share { width: 22%; }
.custody-set { border: 1pt solid #777; padding: 3.5mm 4mm 3mm; margin-bottom: 5mm; }
.replica-group { border: 1pt solid #777; padding: 3.5mm 4mm 3mm; margin-bottom: 5mm; break-inside: avoid; page-break-inside: avoid; }
table.replica-members { width: 100%; font-size: 8.5pt; overflow-wrap: anywhere; }
.custody-set table.custody { break-inside: avoid; page-break-inside: avoid; }
ul.custody-keys { columns: 2; margin: 1mm 0 0; padding-left: 5mm; font-size: 8.5pt; overflow-wrap: anywhere; }
table.signatures td.date { width: 24%; }
table.signatures td.who { vertical-align: top; width: 34%; overflow-wrap: anywhere; }
table.signatures .role { display: block; font-size: 8pt; text-transform: uppercase; letter-spacing: 0.06em; color: #444; }
table.signatures .name { display: block; font-size: 10.5pt; margin-top: 1mm; }
.line { border-bottom: 0.8pt solid #111; height: 9mm; }
.caption { font-size: 7.5pt; color: #444; margin-top: 0.8mm; }
section.signoff { break-inside: avoid; page-break-inside: avoid; }
section.deviations { border: 2.5pt solid #000; padding: 3mm 4mm; }
section.deviations h2 { background: #000; color: #fff; padding: 1.5mm 2.5mm; border-bottom: none; }
section.deviations.none { border-width: 1pt; }
section.deviations.none h2 { background: none; color: #111; padding: 0 0 1.2mm; border-bottom: 1.5pt solid #111; }
section.deviations td.details { overflow-wrap: anywhere; font-size: 8.5pt; }
section.deviations code { font-size: 8pt; white-space: nowrap; }
section.deviations td.when { font-size: 8.5pt; overflow-wrap: anywhere; width: 26%; }
section.people td.who { width: 30%; overflow-wrap: anywhere; }
section.people .role { display: block; font-size: 8pt; text-transform: uppercase; letter-spacing: 0.06em; color: #444; }
section.people ul { margin: 0; padding-left: 4mm; overflow-wrap: anywhere; }
.bi { display: grid; grid-template-columns: 1fr 1fr; column-gap: 5mm; }
.bi > span { display: block; }
h1 .bi, td .bi, th .bi, h3 .bi, h4 .bi, figcaption .bi, .side .bi, .caption .bi, strong .bi, li .bi { display: block; }
td .bi > span + span, th .bi > span + span, h3 .bi > span + span, h4 .bi > span + span, li .bi > span + span, figcaption .bi > span + span, .side .bi > span + span, .caption .bi > span + span, strong .bi > span + span { margin-top: 0.6mm; }
:lang(zh) { letter-spacing: 0; }
footer { margin-top: 6mm; padding-top: 2mm; border-top: 0.6pt solid #999; font-size: 7.5pt; color: #444; }
`;
}
