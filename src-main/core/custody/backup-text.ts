/**
 * The custody backup as text: a short preamble (what it is, which keys), then the payload as
 * numbered, checked lines, the same lines whether read from the file or typed back from paper:
 *
 *   KEYFERRY BACKUP V1  KEYS 100  LINES 412  CHECK 7F
 *   00001  ABCD EFGH JKMN PQRS TVWX YZ01 2345 6789  3C
 *
 * Crockford base32, 8 groups of 4 characters per line, then a 2-hex check (the same rule as a
 * typed share: SHA-256 of "<line number>:<characters>", first byte; the header uses line 0).
 * A truncated file, a typo or a swapped line is named by its line; nothing is decoded until every
 * announced line is present and checks.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KeyferryError } from '../errors';
import { groupHex } from '../hex-groups';
import { decodeBase32, encodeBase32, normalizeBase32 } from './base32';
import { decodeBackup, type CustodyBackup } from './backup-file';
import type { MessageKey, ValuesArg } from '../../i18n/catalogue';
import { DEFAULT_RECEIPT_LANGUAGE, ReceiptWords, receiptLocales, type ReceiptLanguage } from '../receipt/language';
import { breakLines } from '../receipt/line-break';
import { lineCheck } from './typed-share';
import { custodySetTag } from './set-tag';
import { pathExists } from '../fs/path-exists';
import { stepsAtOnce, stepsInSlices } from '../yield';

const CHARS_PER_GROUP = 4;
const CHARS_PER_LINE = 32;
const HEADER_PATTERN = /^KEYFERRYBACKUPV(\d{1,2})KEYS(\d{1,4})LINES(\d{1,6})CHECK([0-9A-F]{2})$/;
/** 1000 RSA-4096 keys are about 4 MB as text; nothing legitimate comes near this. */
export const BACKUP_FILE_MAX_BYTES = 8 * 1024 * 1024;

/**
 * `keyferry-backup-<ceremonyId>-<set tag>.txt` (set-share.ts custodySetTag); without a digest the name
 * custody sets had before session 13, `keyferry-backup-<ceremonyId>.txt`.
 */
export function backupFileName(ceremonyId: string, backupDigest?: string): string {
  return `keyferry-backup-${ceremonyId}${backupDigest ? `-${custodySetTag(backupDigest)}` : ''}.txt`;
}

/**
 * The backup file beside a share file of its set: the set's own name, else (a set written before
 * the names carried the set) the ceremony's; when neither is there, the set's own name (the refusal names it).
 */
export async function backupBeside(
  shareFile: string,
  share: { readonly ceremonyId: string; readonly backupDigest: string },
): Promise<string> {
  const folder = path.dirname(shareFile);
  const own = path.join(folder, backupFileName(share.ceremonyId, share.backupDigest));
  const legacy = path.join(folder, backupFileName(share.ceremonyId));
  if (await pathExists(own)) return own;
  return (await pathExists(legacy)) ? legacy : own;
}

function headerCore(version: number, keys: number, lines: number): string {
  return `KEYFERRYBACKUPV${version}KEYS${keys}LINES${lines}`;
}

/**
 * The payload bytes a line carries: CHARS_PER_LINE characters are 160 bits, whole bytes, so each
 * line is encoded and decoded on its own (a line at a time, in slices) and gives the very
 * characters the whole payload encoded at once cut into lines.
 */
const BYTES_PER_LINE = (CHARS_PER_LINE * 5) / 8;

/** How many data lines the payload takes. */
function lineCount(backup: CustodyBackup): number {
  return Math.ceil(backup.payload.length / BYTES_PER_LINE);
}

/** Data line `index`'s characters: its bytes of the payload as base32. */
function payloadChunk(backup: CustodyBackup, index: number): string {
  return encodeBase32(backup.payload.subarray(index * BYTES_PER_LINE, (index + 1) * BYTES_PER_LINE));
}

function headerLine(backup: CustodyBackup, lines: number): string {
  const keys = backup.entries.length;
  return `KEYFERRY BACKUP V1  KEYS ${keys}  LINES ${lines}  CHECK ${lineCheck(0, headerCore(1, keys, lines))}`;
}

/** Data line `index + 1` of `count`: its number, its characters in groups of CHARS_PER_GROUP, its check. */
function dataLine(chunk: string, index: number, count: number): string {
  const groups: string[] = [];
  for (let at = 0; at < chunk.length; at += CHARS_PER_GROUP) groups.push(chunk.slice(at, at + CHARS_PER_GROUP));
  const width = Math.max(5, String(count).length);
  return `${String(index + 1).padStart(width, '0')}  ${groups.join(' ')}  ${lineCheck(index + 1, chunk)}`;
}

/** The header line and the numbered data lines of a backup. */
export function backupLines(backup: CustodyBackup): string[] {
  return stepsAtOnce(backupLinesSteps(backup));
}

/** The header and data lines, one data line per step (a 100-key backup is about 800 checked lines). */
function* backupLinesSteps(backup: CustodyBackup): Generator<void, string[]> {
  const count = lineCount(backup);
  const lines = [headerLine(backup, count)];
  for (let i = 0; i < count; i++) {
    lines.push(dataLine(payloadChunk(backup, i), i, count));
    yield;
  }
  return lines;
}

interface BackupTextShares {
  readonly m: number;
  readonly n: number;
  readonly language?: ReceiptLanguage | undefined;
}

/**
 * The backup file's text: what it is and which keys it holds, in the slips' language (or both, English
 * first; not read back: the lines are the data), then the lines. Printed as it is for a paper copy.
 */
export function encodeBackupText(backup: CustodyBackup, shares: BackupTextShares): string {
  return stepsAtOnce(backupTextSteps(backup, shares, backupLines(backup)));
}

/** `encodeBackupText` in slices: the key lines (100 keys, in one or two languages) let the event loop turn. */
function backupTextInSlices(
  backup: CustodyBackup,
  shares: BackupTextShares,
  lines: readonly string[],
): Promise<string> {
  return stepsInSlices(backupTextSteps(backup, shares, lines));
}

/** The backup's text, one key line per step (a generator, so it can run in slices or all at once). */
function* backupTextSteps(
  backup: CustodyBackup,
  shares: BackupTextShares,
  lines: readonly string[],
): Generator<void, string> {
  const about: string[] = [];
  for (const locale of receiptLocales(shares.language ?? DEFAULT_RECEIPT_LANGUAGE)) {
    const t = <K extends MessageKey>(key: K, ...values: ValuesArg<K>) => ReceiptWords.text(locale, key, ...values);
    about.push(
      t('backup.print.title', { ceremony: backup.ceremonyId }),
      t('backup.text.digest', { keys: backup.entries.length, digest: groupHex(backup.digest) }),
      ...breakLines(t('backup.text.lead', { m: shares.m, n: shares.n }), 100),
      '',
    );
    for (const [i, e] of backup.entries.entries()) {
      about.push(
        t(e.materialCheck.kind === 'kcv' ? 'backup.text.keyKcv' : 'backup.text.keyPublicKey', {
          n: i + 1,
          keyId: e.keyId,
          spec: e.spec,
          check: e.materialCheck.value,
        }),
      );
      yield;
    }
    about.push('');
  }
  return [...about, ...lines, ''].join('\n');
}

/**
 * What a custody set writes: the backup file's text in the slips' language (`encodeBackupText`), and
 * the English twin its printout's QR codes hold (QR codes hold ASCII; the same lines). The lines are
 * made once for both, in slices, so the main process stays responsive.
 */
export async function encodeBackupTexts(
  backup: CustodyBackup,
  shares: BackupTextShares,
): Promise<{ readonly fileText: string; readonly qrText: string }> {
  const lines = await stepsInSlices(backupLinesSteps(backup));
  const fileText = await backupTextInSlices(backup, shares, lines);
  return { fileText, qrText: await backupTextInSlices(backup, { m: shares.m, n: shares.n }, lines) };
}

const squeeze = (line: string): string => line.replace(/[\s:|-]+/g, '');

/** Reads a backup from its text (file or typed). `label` names it in messages. */
export function parseBackupText(textIn: string, label: string): CustodyBackup {
  return stepsAtOnce(parseBackupTextSteps(textIn, label));
}

/**
 * `parseBackupText` in slices, the event loop let run between them: checking every line of a
 * 100-key backup at once held the main process for about 20 ms. The same backup, the same refusals.
 */
export function parseBackupTextInSlices(textIn: string, label: string): Promise<CustodyBackup> {
  return stepsInSlices(parseBackupTextSteps(textIn, label));
}

/**
 * `parseBackupText` one line per step (a generator, so it can run in slices or all at once): each
 * line is checked with its own SHA-256, and a 100-key backup has about 800 of them.
 */
function* parseBackupTextSteps(textIn: string, label: string): Generator<void, CustodyBackup> {
  const rawLines = textIn.split(/\r\n|\r|\n/);
  const headerAt = rawLines.findIndex((l) => squeeze(l).toUpperCase().startsWith('KEYFERRYBACKUP'));
  if (headerAt < 0) throw new KeyferryError('CUSTODY_BACKUP_NOT_A_BACKUP', { file: label });
  const header = HEADER_PATTERN.exec(squeeze(rawLines[headerAt] ?? '').toUpperCase());
  if (!header) throw new KeyferryError('CUSTODY_BACKUP_LINE_INVALID', { file: label, line: 0 });
  const [, version, keys, count, check] = header;
  if (lineCheck(0, headerCore(Number(version), Number(keys), Number(count))) !== check)
    throw new KeyferryError('CUSTODY_BACKUP_LINE_INVALID', { file: label, line: 0 });
  if (Number(version) !== 1)
    throw new KeyferryError('CUSTODY_BACKUP_VERSION', { file: label, version: Number(version) });
  const expected = Number(count);
  const width = Math.max(5, String(expected).length);
  const linePattern = new RegExp(`^(\\d{${width}})([0-9A-Z]*)([0-9A-F]{2})$`);
  // Each line's bytes, decoded as it is checked (a line is whole bytes); whether one would not decode
  // is said only once every line is there and checks, as when the payload was decoded in one piece.
  const lineBytes: Buffer[] = [];
  let decodes = true;
  const body = rawLines.slice(headerAt + 1);
  const lastPresent = body.findLastIndex((raw) => normalizeBase32(squeeze(raw)) !== '');
  for (const [at, raw] of body.entries()) {
    const line = normalizeBase32(squeeze(raw));
    if (line === '') continue;
    const match = linePattern.exec(line);
    if (!/^\d/.test(line)) break;
    const lineNumber = lineBytes.length + 1;
    if (lineNumber > expected)
      throw new KeyferryError('CUSTODY_BACKUP_LINE_INVALID', { file: label, line: lineNumber });
    // The last line there, lines still missing after it, does not check: a copy cut short in the middle
    // of a line (a trial's `head -c`), said as such rather than as a typing slip in that line.
    const invalid = () =>
      at === lastPresent && lineNumber < expected
        ? new KeyferryError('CUSTODY_BACKUP_TRUNCATED', {
            file: label,
            cut: 'midLine',
            line: lineNumber,
            found: lineNumber - 1,
            expected,
          })
        : new KeyferryError('CUSTODY_BACKUP_LINE_INVALID', { file: label, line: lineNumber });
    if (!match) throw invalid();
    // A line skipped, typed twice or out of place, or its number mistyped: said as such, not as a bad check.
    if (Number(match[1]) !== lineNumber)
      throw new KeyferryError('CUSTODY_BACKUP_LINE_OUT_OF_PLACE', {
        file: label,
        line: lineNumber,
        found: Number(match[1]),
      });
    const content = match[2] ?? '';
    if ((content.length !== CHARS_PER_LINE && lineNumber < expected) || lineCheck(lineNumber, content) !== match[3])
      throw invalid();
    const bytes = decodeBase32(content);
    decodes &&= bytes !== undefined;
    lineBytes.push(bytes ?? Buffer.alloc(0));
    yield;
  }
  if (lineBytes.length < expected)
    throw new KeyferryError('CUSTODY_BACKUP_TRUNCATED', {
      file: label,
      cut: 'betweenLines',
      line: 0,
      found: lineBytes.length,
      expected,
    });
  const backup = decodes ? decodeBackup(Buffer.concat(lineBytes)) : { malformed: true as const };
  if ('version' in backup) throw new KeyferryError('CUSTODY_BACKUP_VERSION', { file: label, version: backup.version });
  if ('malformed' in backup || backup.entries.length !== Number(keys))
    throw new KeyferryError('CUSTODY_BACKUP_NOT_A_BACKUP', { file: label });
  return backup;
}

/** Refuses (CUSTODY_BACKUP_MISSING) a backup file that is not there as a regular file; its size otherwise. */
export async function requireBackupFile(file: string): Promise<number> {
  const stat = await fs.lstat(file).catch(() => undefined);
  if (!stat?.isFile()) throw new KeyferryError('CUSTODY_BACKUP_MISSING', { file });
  return stat.size;
}

/** Reads a backup file: a regular file (not a link), size-capped, UTF-8. */
export async function readBackupFile(file: string): Promise<CustodyBackup> {
  const label = path.basename(file);
  const size = await requireBackupFile(file);
  if (size > BACKUP_FILE_MAX_BYTES) throw new KeyferryError('CUSTODY_BACKUP_NOT_A_BACKUP', { file: label });
  const bytes = await fs.readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new KeyferryError('CUSTODY_BACKUP_NOT_A_BACKUP', { file: label });
  }
  return parseBackupTextInSlices(text, label);
}
