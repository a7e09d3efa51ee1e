/**
 * The custody backup on paper: its printout (core/custody/backup-print.ts) printed to PDF by
 * Debian's Chromium; the QR codes read back from the PDF's page images (pdftoppm, no help from the
 * HTML) join into the byte-identical backup file, and that file, with any M shares, restores every
 * key. The printed text lines (pdftotext) restore too. Scanned codes are accepted in any order;
 * a missing, repeated, foreign or altered code is refused.
 */
import { execFile } from 'node:child_process';
import { timingSafeEqual } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeySpec } from '../../../src-main/core/crypto/key-spec';
import {
  BACKUP_QR_VERSION,
  backupQrTexts,
  joinBackupQrTexts,
  parseBackupOrQrText,
  renderBackupPrintout,
} from '../../../src-main/core/custody/backup-print';
import { encodeBackupText, readBackupFile } from '../../../src-main/core/custody/backup-text';
import { restoreCustodySet } from '../../../src-main/core/custody/set-restore';
import { splitCustodySet, type CustodySet } from '../../../src-main/core/custody/set-split';
import { KeyferryError } from '../../../src-main/core/errors';
import { htmlToPdf } from '../../support/chromium';
import { chromiumPerFile } from '../../helpers/browser';
import { decodeQrMatrix, matrixFromSvg } from '../receipt/qr-decode';
import { CUSTODIANS, materialFor } from './helpers';
import { qrTextsFromPdf } from './pdf-qr';

const run = promisify(execFile);
const CEREMONY = 'ceremony-2026-12-01-paper';
const SPECS: KeySpec[] = [...Array.from({ length: 6 }, () => 'AES_256' as const), 'RSA_2048', 'EC_P384'];

let dir: string;
const browser = chromiumPerFile();
let keys: { keyId: string; spec: KeySpec; material: Awaited<ReturnType<typeof materialFor>> }[];
let set: CustodySet;
let fileText: string;

function codeOf(error: unknown): string {
  expect(error).toBeInstanceOf(KeyferryError);
  return `${(error as KeyferryError).code} ${String((error as KeyferryError).values?.['reason'] ?? '')}`.trim();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-backup-print-'));
  keys = await Promise.all(
    SPECS.map(async (spec, i) => ({
      keyId: `0d0466b0-e727-4d9c-b35d-${String(i + 1).padStart(12, '0')}`,
      spec,
      material: await materialFor(spec),
    })),
  );
  set = await splitCustodySet({ ceremonyId: CEREMONY, m: 2, n: 3, custodians: CUSTODIANS.slice(0, 3), keys });
  fileText = encodeBackupText(set.backup, { m: 2, n: 3 });
  await writeFile(path.join(dir, 'keyferry-backup.txt'), fileText);
}, 120_000);

/** The printout printed to PDF once, for every test that reads the paper (its QR codes, its text). */
let printed: Promise<string> | undefined;
function printedPdf(): Promise<string> {
  printed ??= (async () => {
    const pdf = path.join(dir, 'backup.pdf');
    await htmlToPdf(await renderBackupPrintout(set.backup, fileText), pdf, 'A4', browser());
    return pdf;
  })();
  return printed;
}

afterAll(async () => {
  for (const k of keys ?? []) k.material.dispose();
  for (const s of set?.shares ?? []) s.share.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('the printed custody backup', () => {
  it('prints to PDF; its QR codes, read from the page images, join into the byte-identical backup file, which restores every key', async () => {
    const pdf = await printedPdf();
    const work = await mkdtemp(path.join(dir, 'pages-'));
    const scanned = await qrTextsFromPdf(pdf, work, BACKUP_QR_VERSION);
    expect(scanned).toHaveLength(backupQrTexts(fileText).length);
    expect(scanned.length).toBeGreaterThan(10);

    const joined = joinBackupQrTexts([...scanned].reverse());
    const restoredFile = path.join(dir, 'from-qr.txt');
    await writeFile(restoredFile, joined);
    const original = Buffer.from(fileText);
    expect(Buffer.from(joined).equals(original)).toBe(true);

    const backup = await readBackupFile(restoredFile);
    expect(backup.digest).toBe(set.backup.digest);
    const restored = await restoreCustodySet([set.shares[2]!, set.shares[0]!], backup);
    expect(restored.map((r) => r.keyId)).toEqual(keys.map((k) => k.keyId));
    restored.forEach((r, i) =>
      r.material.secret.use((a) => keys[i]!.material.secret.use((b) => expect(timingSafeEqual(a, b)).toBe(true))),
    );
    for (const r of restored) r.material.dispose();
  }, 180_000);

  it('prints the file as text too: the lines pdftotext reads from the PDF restore the same backup', async () => {
    const pdf = await printedPdf();
    const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
    expect(stdout).toContain(`Keyferry custody backup of ceremony ${CEREMONY}`);
    const { backup } = await parseBackupOrQrText(stdout, 'printout');
    expect(backup.digest).toBe(set.backup.digest);
  }, 120_000);

  it('is one version-10 code per slice of the file, each read back by the independent decoder', async () => {
    const html = await renderBackupPrintout(set.backup, fileText);
    const svgs = html.match(/<svg class="qr"[\s\S]*?<\/svg>/g) ?? [];
    const texts = backupQrTexts(fileText);
    expect(svgs).toHaveLength(texts.length);
    svgs.forEach((svg, i) => {
      const decoded = decodeQrMatrix(matrixFromSvg(svg));
      expect(decoded.version).toBe(BACKUP_QR_VERSION);
      expect(decoded.text).toBe(texts[i]);
    });
    expect(html).not.toMatch(/https?:|<script|<img/i);
  });

  it('accepts scans pasted in any order, and refuses a missing, repeated, foreign or altered code', async () => {
    const texts = backupQrTexts(fileText);
    // Every code last once (its trailing newline is the one a paste may add or lose), the rest shuffled.
    for (const [i, lastCode] of texts.entries()) {
      const others = texts.filter((_, j) => j !== i).sort(() => 0.5 - Math.random());
      for (const end of ['', '\n', '\n\n']) {
        const pasted = [...others, lastCode.replace(/\n$/, '')].join('\n') + end;
        expect((await parseBackupOrQrText(pasted, 'pasted')).fileText).toBe(fileText);
      }
    }
    const refusal = (codes: string[]): string => {
      try {
        joinBackupQrTexts(codes);
      } catch (error) {
        return codeOf(error);
      }
      return 'accepted';
    };
    expect(refusal(texts.slice(1))).toBe('CUSTODY_BACKUP_QR_INVALID count');
    expect(refusal([...texts, texts[0]!])).toBe('CUSTODY_BACKUP_QR_INVALID order');
    const otherFile = fileText.replace('Keys:', 'Keys :');
    expect(refusal([...texts.slice(0, -1), backupQrTexts(otherFile).at(-1)!])).toBe('CUSTODY_BACKUP_QR_INVALID mixed');
    const altered = texts.map((t, i) =>
      i === 3 ? t.replace(/\n(.)/, (_, c: string) => `\n${c === 'A' ? 'B' : 'A'}`) : t,
    );
    expect(refusal(altered)).toBe('CUSTODY_BACKUP_QR_INVALID digest');
    expect(refusal(['not a code'])).toBe('CUSTODY_BACKUP_QR_INVALID order');
  });
});
