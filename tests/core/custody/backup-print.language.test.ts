/**
 * The custody backup printout in the slips' language: its title, lead, headings and every QR code's
 * caption in Chinese on a zh-CN printout, in both languages on a "both" one, English on an English
 * one, printed by Chromium to PDF and read back with pdftotext. (The codes themselves hold the file's
 * English twin: QR codes carry ASCII; the lines read back are the same.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupQrTexts, renderBackupPrintout } from '../../../src-main/core/custody/backup-print';
import { encodeBackupText } from '../../../src-main/core/custody/backup-text';
import { splitCustodySet, type CustodySet } from '../../../src-main/core/custody/set-split';
import type { ReceiptLanguage } from '../../../src-main/core/receipt/language';
import { printerPerFile } from '../../helpers/browser';
import { CUSTODIANS, materialFor } from './helpers';

const printer = printerPerFile();
let dir: string;
let set: CustodySet;
let material: Awaited<ReturnType<typeof materialFor>>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-backup-print-lang-'));
  material = await materialFor('AES_256');
  set = await splitCustodySet({
    ceremonyId: 'ceremony-2026-12-01-zh',
    m: 2,
    n: 3,
    custodians: CUSTODIANS.slice(0, 3),
    keys: [{ keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f', spec: 'AES_256', material }],
  });
}, 60_000);

afterAll(async () => {
  material?.dispose();
  for (const s of set?.shares ?? []) s.share.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** The printout in `language` (as custodian-folders.ts writes it), printed and read back, spaces removed. */
async function printed(language: ReceiptLanguage): Promise<{ text: string; codes: number }> {
  const qrText = encodeBackupText(set.backup, { m: 2, n: 3 });
  const fileText = encodeBackupText(set.backup, { m: 2, n: 3, language });
  const html = await renderBackupPrintout(set.backup, fileText, { language, qrText });
  const pdf = path.join(dir, `backup-${language}.pdf`);
  await printer.print(html, pdf, 'A4');
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  return { text, codes: backupQrTexts(qrText).length };
}

describe('the backup printout’s language', () => {
  it('captions every QR code in Chinese on a zh-CN printout, with no English caption', async () => {
    const { text, codes } = await printed('zh-CN');
    expect(codes).toBeGreaterThan(1);
    for (let n = 1; n <= codes; n++) expect(text).toContain(`二维码${n}/${codes}`);
    expect(text).not.toMatch(/QR\d+of\d+/);
    expect(text).toContain('备份文件（二维码）');
  });

  it('captions each code in both languages on a "both" printout', async () => {
    const { text, codes } = await printed('both');
    for (let n = 1; n <= codes; n++) {
      expect(text).toContain(`QR${n}of${codes}`);
      expect(text).toContain(`二维码${n}/${codes}`);
    }
  });

  it('captions in English only on an English printout', async () => {
    const { text, codes } = await printed('en');
    for (let n = 1; n <= codes; n++) expect(text).toContain(`QR${n}of${codes}`);
    expect(text).not.toMatch(/\p{Script=Han}/u);
  });
});
