/**
 * The custody slip a custodian prints, signs and keeps with their share: a self-contained HTML
 * page (inline CSS and SVG only, print layout) and a plain-text twin. Both carry the share as
 * numbered lines to type back (typed-share.ts); the HTML also as QR codes of the same lines.
 */
import { groupHex } from '../hex-groups';
import { qrSvg } from '../receipt/qr-svg';
import { escapeHtml, userText, visibleText } from '../receipt/text-safety';
import type { CustodyShare } from './custody-share';
import { shareFileName } from './share-file';
import { typedShareLines } from './typed-share';

/** Data lines per QR code: keeps each code under the receipt QR limit of 1000 characters. */
const LINES_PER_QR = 40;
/** Separates lines inside a QR code (QR text is one line); parseTypedShare reads it as a line break. */
export const QR_LINE_SEPARATOR = ';';

export interface CustodySlip {
  readonly htmlName: string;
  readonly html: string;
  readonly textName: string;
  readonly text: string;
}

/** The texts of the slip's QR codes, in order; joined with line breaks they read as a typed share. */
export function slipQrTexts(share: CustodyShare): string[] {
  const [header, ...lines] = typedShareLines(share);
  const compact = lines.map((l) => l.replace(/\s+/g, ''));
  const texts: string[] = [];
  for (let i = 0; i < compact.length; i += LINES_PER_QR) {
    const block = compact.slice(i, i + LINES_PER_QR);
    texts.push((i === 0 ? [header ?? '', ...block] : block).join(QR_LINE_SEPARATOR));
  }
  return texts;
}

function facts(share: CustodyShare): [string, string][] {
  const check = share.materialCheck;
  return [
    ['Ceremony', share.ceremonyId],
    ['Key ID', share.keyId],
    ['Key spec', share.spec],
    ['Share', `${share.index} of ${share.n} (any ${share.m} shares rebuild the key; fewer reveal nothing)`],
    [
      check.kind === 'kcv' ? 'Key check value' : 'Public key SHA-256',
      check.kind === 'kcv' ? check.value : groupHex(check.value),
    ],
    ['Custodian', share.custodian],
    ['Share file', shareFileName(share)],
    ['Share checksum', groupHex(share.checksum)],
  ];
}

const KEEP = [
  "Keep this slip and the share file together, away from every other custodian's share.",
  'To restore, the custodians bring their shares; type the lines below exactly as printed',
  '(spaces and letter case do not matter) or scan the QR codes in order.',
];

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

/** Renders the slip for one share (HTML and text twin, with their file names). */
export function renderCustodySlip(share: CustodyShare): CustodySlip {
  const base = shareFileName(share).replace(/\.json$/, '');
  const lines = typedShareLines(share);
  const qrs = slipQrTexts(share);
  const title = `Keyferry custody slip: share ${share.index} of ${share.n}`;

  const text = [
    title,
    '='.repeat(title.length),
    ...facts(share).map(([k, v]) => `${`${k}:`.padEnd(20)}${visibleText(v)}`),
    '',
    ...KEEP,
    '',
    'Custodian signature: ______________________________   Date: ____________',
    '',
    'Witness signature:   ______________________________   Date: ____________',
    '',
    ...lines,
    '',
  ].join('\n');

  const rows = facts(share)
    .map(
      ([k, v]) =>
        `<tr><th>${escapeHtml(k)}</th><td>${k === 'Custodian' || k === 'Ceremony' ? userText(v) : escapeHtml(v)}</td></tr>`,
    )
    .join('\n');
  const codes = qrs
    .map((q, i) => {
      const first = i * LINES_PER_QR + 1;
      const last = Math.min((i + 1) * LINES_PER_QR, lines.length - 1);
      const caption = `QR ${i + 1} of ${qrs.length}: ${i === 0 ? 'header and ' : ''}lines ${first}-${last}`;
      return `<figure>${qrSvg(q, { sizeCss: '62mm', label: caption })}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
    })
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>
@page { size: A4; margin: 15mm; }
body { font: 11pt/1.4 sans-serif; color: #000; background: #fff; margin: 0 auto; max-width: 180mm; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
table { border-collapse: collapse; margin-bottom: 4mm; }
th { text-align: left; padding: 1mm 4mm 1mm 0; vertical-align: top; white-space: nowrap; }
td { padding: 1mm 0; font-family: monospace; word-break: break-all; }
.share { font: 10.5pt/1.3 monospace; border: 0.3mm solid #000; padding: 3mm; }
.share div { white-space: pre; }
.codes { display: flex; flex-wrap: wrap; gap: 6mm; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; text-align: center; }
figcaption { font-size: 9pt; }
.sign { margin: 0 0 6mm; break-inside: avoid; page-break-inside: avoid; }
.sign p { margin: 8mm 0 0; }
</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<table>
${rows}
</table>
<p>${KEEP.map(escapeHtml).join(' ')}</p>
<div class="sign">
<p>Custodian signature: ______________________________ &nbsp; Date: ____________</p>
<p>Witness signature: ______________________________ &nbsp; Date: ____________</p>
</div>
<div class="share">${lines.map(htmlLine).join('\n')}</div>
<div class="codes">
${codes}
</div>
</body></html>
`;
  return { htmlName: `${base}.slip.html`, html, textName: `${base}.slip.txt`, text };
}
