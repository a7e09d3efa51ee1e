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
import { custodySetTag } from './set-share';
import { pathExists } from '../fs/path-exists';

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

/** The header line and the numbered data lines of a backup. */
export function backupLines(backup: CustodyBackup): string[] {
  const chunks = encodeBase32(backup.payload).match(new RegExp(`.{1,${CHARS_PER_LINE}}`, 'g')) ?? [];
  const width = Math.max(5, String(chunks.length).length);
  const keys = backup.entries.length;
  const header = `KEYFERRY BACKUP V1  KEYS ${keys}  LINES ${chunks.length}  CHECK ${lineCheck(0, headerCore(1, keys, chunks.length))}`;
  return [
    header,
    ...chunks.map((chunk, i) => {
      const groups = chunk.match(new RegExp(`.{1,${CHARS_PER_GROUP}}`, 'g')) ?? [];
      return `${String(i + 1).padStart(width, '0')}  ${groups.join(' ')}  ${lineCheck(i + 1, chunk)}`;
    }),
  ];
}

/**
 * The backup file's text: what it is and which keys it holds, in the slips' language (or both, English
 * first; not read back: the lines are the data), then the lines. Printed as it is for a paper copy.
 */
export function encodeBackupText(
  backup: CustodyBackup,
  shares: { readonly m: number; readonly n: number; readonly language?: ReceiptLanguage | undefined },
): string {
  const lines = backupLines(backup);
  const about = receiptLocales(shares.language ?? DEFAULT_RECEIPT_LANGUAGE).flatMap((locale) => {
    const t = <K extends MessageKey>(key: K, ...values: ValuesArg<K>) => ReceiptWords.text(locale, key, ...values);
    return [
      t('backup.print.title', { ceremony: backup.ceremonyId }),
      t('backup.text.digest', { keys: backup.entries.length, digest: groupHex(backup.digest) }),
      ...breakLines(t('backup.text.lead', { m: shares.m, n: shares.n }), 100),
      '',
      ...backup.entries.map((e, i) =>
        t(e.materialCheck.kind === 'kcv' ? 'backup.text.keyKcv' : 'backup.text.keyPublicKey', {
          n: i + 1,
          keyId: e.keyId,
          spec: e.spec,
          check: e.materialCheck.value,
        }),
      ),
      '',
    ];
  });
  return [...about, ...lines, ''].join('\n');
}

const squeeze = (line: string): string => line.replace(/[\s:|-]+/g, '');

/** Reads a backup from its text (file or typed). `label` names it in messages. */
export function parseBackupText(textIn: string, label: string): CustodyBackup {
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
  const contents: string[] = [];
  for (const raw of rawLines.slice(headerAt + 1)) {
    const line = normalizeBase32(squeeze(raw));
    if (line === '') continue;
    const match = linePattern.exec(line);
    if (!/^\d/.test(line)) break;
    const lineNumber = contents.length + 1;
    if (lineNumber > expected)
      throw new KeyferryError('CUSTODY_BACKUP_LINE_INVALID', { file: label, line: lineNumber });
    if (!match || Number(match[1]) !== lineNumber)
      throw new KeyferryError('CUSTODY_BACKUP_LINE_INVALID', { file: label, line: lineNumber });
    const content = match[2] ?? '';
    if ((content.length !== CHARS_PER_LINE && lineNumber < expected) || lineCheck(lineNumber, content) !== match[3])
      throw new KeyferryError('CUSTODY_BACKUP_LINE_INVALID', { file: label, line: lineNumber });
    contents.push(content);
  }
  if (contents.length < expected)
    throw new KeyferryError('CUSTODY_BACKUP_TRUNCATED', { file: label, found: contents.length, expected });
  const payload = decodeBase32(contents.join(''));
  const backup = payload ? decodeBackup(payload) : { malformed: true as const };
  if ('version' in backup) throw new KeyferryError('CUSTODY_BACKUP_VERSION', { file: label, version: backup.version });
  if ('malformed' in backup || backup.entries.length !== Number(keys))
    throw new KeyferryError('CUSTODY_BACKUP_NOT_A_BACKUP', { file: label });
  return backup;
}

/** Reads a backup file: a regular file (not a link), size-capped, UTF-8. */
export async function readBackupFile(file: string): Promise<CustodyBackup> {
  const label = path.basename(file);
  const stat = await fs.lstat(file).catch(() => undefined);
  if (!stat?.isFile()) throw new KeyferryError('CUSTODY_BACKUP_MISSING', { file });
  if (stat.size > BACKUP_FILE_MAX_BYTES) throw new KeyferryError('CUSTODY_BACKUP_NOT_A_BACKUP', { file: label });
  const bytes = await fs.readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new KeyferryError('CUSTODY_BACKUP_NOT_A_BACKUP', { file: label });
  }
  return parseBackupText(text, label);
}
