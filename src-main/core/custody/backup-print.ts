/**
 * The custody backup on paper: one self-contained HTML page to print (inline CSS and SVG only)
 * that holds the backup file twice, as its text (numbered, checked lines to type back) and as QR
 * codes of the file's own bytes. Restoring from paper alone stays possible either way: type the
 * lines, or scan the codes in order and paste what the scanner read (`parseBackupOrQrText`).
 *
 * Each code holds one slice of the file, after a first line `KFBQR <n>/<count> <tag>`; the tag is
 * the first 8 hex digits of the file's SHA-256, so codes of two backups cannot be mixed and the
 * joined slices must hash to it. Every code is QR version 10, error correction M (57 modules,
 * up to 213 bytes): small enough to scan from 30 mm on paper.
 */
import { createHash } from 'node:crypto';
import { KeyferryError } from '../errors';
import { DEFAULT_RECEIPT_LANGUAGE, ReceiptWords, receiptHtmlLang, type ReceiptLanguage } from '../receipt/language';
import { qrSvgInSlices } from '../receipt/qr-svg';
import { MONO, SANS } from '../receipt/receipt-css';
import { escapeHtml } from '../receipt/text-safety';
import { embedCjkFontInSlices } from '../receipt/cjk-font';
import type { CustodyBackup } from './backup-file';
import { backupFileName, parseBackupTextInSlices } from './backup-text';

/** Every backup QR code is this version (57 × 57 modules), so they all print at one size. */
export const BACKUP_QR_VERSION = 10;
/** Bytes a version-10, level-M QR code holds in byte mode. */
const QR_BYTES = 213;
const HEADER = /^KFBQR (\d{1,5})\/(\d{1,5}) ([0-9A-F]{8})$/;

/** `keyferry-backup-<ceremonyId>-<set tag>.html`, beside the backup file it prints (backup-text.ts backupFileName). */
export function backupPrintName(ceremonyId: string, backupDigest: string): string {
  return backupPrintNameOf(backupFileName(ceremonyId, backupDigest));
}

/** The printout's name beside the backup file named `backupFile`. */
export function backupPrintNameOf(backupFile: string): string {
  return backupFile.replace(/\.txt$/, '.html');
}

function fileTag(text: string): string {
  return createHash('sha256').update(text, 'latin1').digest('hex').slice(0, 8).toUpperCase();
}

/** The texts of the backup's QR codes, in order: a header line, then the next slice of the file. */
export function backupQrTexts(fileText: string): string[] {
  if (!/^[\x20-\x7e\n]*$/.test(fileText)) throw new KeyferryError('QR_TEXT_INVALID');
  const tag = fileTag(fileText);
  // The header's length depends on the count; size the slices for the widest header there can be.
  const slice = QR_BYTES - `KFBQR 00000/00000 ${tag}\n`.length;
  const count = Math.max(1, Math.ceil(fileText.length / slice));
  return Array.from(
    { length: count },
    (_, i) => `KFBQR ${i + 1}/${count} ${tag}\n${fileText.slice(i * slice, (i + 1) * slice)}`,
  );
}

function qrRefused(reason: 'order' | 'count' | 'mixed' | 'digest', found = 0, expected = 0): KeyferryError {
  return new KeyferryError('CUSTODY_BACKUP_QR_INVALID', { reason, found, expected });
}

/**
 * Joins scanned QR texts (in any order, each once) back into the backup file's text; refuses
 * missing, repeated or foreign codes and a result that does not hash to the codes' tag.
 */
export function joinBackupQrTexts(texts: readonly string[]): string {
  const slices = new Map<number, string>();
  let count = 0;
  let tag = '';
  for (const text of texts) {
    const newline = text.indexOf('\n');
    const header = HEADER.exec(newline < 0 ? text : text.slice(0, newline));
    if (!header) throw qrRefused('order');
    const [, n, of, codeTag] = header;
    if ((count && Number(of) !== count) || (tag && codeTag !== tag)) throw qrRefused('mixed');
    count = Number(of);
    tag = codeTag ?? '';
    if (Number(n) < 1 || Number(n) > count || slices.has(Number(n))) throw qrRefused('order');
    slices.set(Number(n), newline < 0 ? '' : text.slice(newline + 1));
  }
  if (slices.size !== count || count === 0) throw qrRefused('count', slices.size, count);
  const joined = Array.from({ length: count }, (_, i) => slices.get(i + 1) ?? '').join('');
  if (fileTag(joined) !== tag) throw qrRefused('digest');
  return joined;
}

/**
 * What a person pasted or typed for a backup: the backup file's text, or the texts of its QR codes
 * as a scanner reads them (each starting with its `KFBQR` line, in any order). `label` names it.
 * Its lines are checked in slices (backup-text.ts): a 100-key backup read at once held the event
 * loop for 5-19 ms (issue 15).
 */
export async function parseBackupOrQrText(
  text: string,
  label: string,
): Promise<{ backup: CustodyBackup; fileText: string }> {
  const normalized = text.replace(/\r\n|\r/g, '\n');
  if (!/^\s*KFBQR /.test(normalized))
    return { backup: await parseBackupTextInSlices(normalized, label), fileText: normalized };
  const codes = normalized
    .replace(/^\s+/, '')
    .split(/\n(?=KFBQR \d)/)
    .map((code) => code.replace(/^\s+/, ''));
  // The last code pasted has no separator after it, so its trailing newlines are the paste's (added,
  // or the file's own last one lost): try it without and with one; the codes' tag decides.
  const last = (codes.pop() ?? '').replace(/\n+$/, '');
  let fileText: string;
  try {
    fileText = joinBackupQrTexts([...codes, last]);
  } catch (error) {
    if (!(error instanceof KeyferryError && error.values?.['reason'] === 'digest')) throw error;
    fileText = joinBackupQrTexts([...codes, `${last}\n`]);
  }
  return { backup: await parseBackupTextInSlices(fileText, label), fileText };
}

/**
 * The printable backup: what it is, the file's text, then its QR codes (captioned "QR n of N")
 * in a grid. `fileText` is the backup file exactly as written (encodeBackupText). The codes hold
 * printable ASCII only: a file whose preamble is Chinese is coded as its English twin
 * (`options.qrText`: the same lines to read back, the preamble in English).
 */
export async function renderBackupPrintout(
  backup: CustodyBackup,
  fileText: string,
  options: { readonly language?: ReceiptLanguage; readonly qrText?: string } = {},
): Promise<string> {
  const language = options.language ?? DEFAULT_RECEIPT_LANGUAGE;
  const w = new ReceiptWords(language);
  const codes = backupQrTexts(options.qrText ?? fileText);
  const title = w.locales.map((l) => ReceiptWords.text(l, 'backup.print.title', { ceremony: backup.ceremonyId }));
  // Dozens of codes for a large backup: each made with the event loop let run between its masks.
  const figures: string[] = [];
  for (const [i, code] of codes.entries()) {
    const caption = w.locales
      .map((l) => ReceiptWords.text(l, 'backup.print.qrCaption', { n: i + 1, count: codes.length }))
      .join(' / ');
    const svg = await qrSvgInSlices(code, {
      sizeCss: '32mm',
      label: caption,
      version: BACKUP_QR_VERSION,
      lineBreaks: true,
    });
    figures.push(`<figure>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`);
  }
  const html = `<!DOCTYPE html>
<html lang="${receiptHtmlLang(language)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>${escapeHtml(title.join(' / '))}</title>
<style>
@page { size: A4; margin: 12mm; }
body { font: 10pt/1.35 ${SANS}; color: #000; background: #fff; margin: 0 auto; max-width: 186mm; }
h1 { font-size: 14pt; margin: 0 0 3mm; }
h2 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
.file { font: 8.5pt/1.25 ${MONO}; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.codes { display: flex; flex-wrap: wrap; gap: 4mm 3mm; }
figure { margin: 0; width: 33mm; flex: none; break-inside: avoid; page-break-inside: avoid; text-align: center; }
figure svg { display: block; width: 32mm; height: 32mm; margin: 0 auto; }
figcaption { font-size: 7.5pt; margin-top: 0.5mm; }
.bi { display: grid; grid-template-columns: 1fr 1fr; column-gap: 5mm; }
.bi > span { display: block; }
</style></head>
<body>
<h1>${w.html('backup.print.title', { ceremony: backup.ceremonyId })}</h1>
<p>${w.html('backup.print.lead', { keys: backup.entries.length, codes: codes.length })}</p>
<h2>${w.html('backup.print.textHeading')}</h2>
<pre class="file">${escapeHtml(fileText)}</pre>
<h2>${w.html('backup.print.qrHeading')}</h2>
<p>${w.html('backup.print.qrLead')}</p>
<div class="codes">
${figures.join('\n')}
</div>
</body></html>
`;
  return embedCjkFontInSlices(html);
}
