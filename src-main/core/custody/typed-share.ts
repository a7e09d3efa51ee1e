/**
 * A share as lines a custodian can read off a slip and type back:
 *
 *   KEYFERRY SHARE V1  3 OF 5  NEEDS 3  LINES 14  CHECK 7F
 *   0001  ABCD EFGH JKMN PQRS  3C
 *   ...
 *
 * Data lines carry the slip payload in Crockford base32, 4 groups of 4 characters, then a
 * 2-hex check: SHA-256 of "<line number>:<characters>", first byte. The header's check uses line 0.
 * Reading tolerates spaces, case, and O/I/L typed for 0/1; a typo is named by its line.
 */
import { createHash } from 'node:crypto';
import { KeyferryError } from '../errors';
import { decodeBase32, encodeBase32, normalizeBase32 } from './base32';
import type { CustodyShare } from './custody-share';
import { isSetShare, type SetShare } from './set-share';
import {
  decodeSlipPayload,
  encodeSetSlipPayload,
  encodeSlipPayload,
  isSlipPayloadRefusal,
  type SlipPayloadRefusal,
} from './slip-payload';

const CHARS_PER_GROUP = 4;
const GROUPS_PER_LINE = 4;
const CHARS_PER_LINE = CHARS_PER_GROUP * GROUPS_PER_LINE;
const HEADER_PATTERN = /^KEYFERRYSHAREV([12])(\d{1,2})OF(\d{1,2})NEEDS(\d{1,2})LINES(\d{1,4})CHECK([0-9A-F]{2})$/;
const DATA_LINE_PATTERN = /^(\d{4})([0-9A-Z]*)([0-9A-F]{2})$/;

/** The 2-hex check of one line. */
export function lineCheck(lineNumber: number, content: string): string {
  return createHash('sha256').update(`${lineNumber}:${content}`).digest('hex').slice(0, 2).toUpperCase();
}

/** Formats a share as its header line followed by its numbered data lines. */
export function typedShareLines(share: CustodyShare | SetShare): string[] {
  const version = isSetShare(share) ? 2 : 1;
  const payload = isSetShare(share) ? encodeSetSlipPayload(share) : encodeSlipPayload(share);
  let text: string;
  try {
    text = encodeBase32(payload);
  } finally {
    payload.fill(0);
  }
  const chunks = text.match(new RegExp(`.{1,${CHARS_PER_LINE}}`, 'g')) ?? [];
  const headerCore = `KEYFERRYSHAREV${version}${share.index}OF${share.n}NEEDS${share.m}LINES${chunks.length}`;
  const header = `KEYFERRY SHARE V${version}  ${share.index} OF ${share.n}  NEEDS ${share.m}  LINES ${chunks.length}  CHECK ${lineCheck(0, headerCore)}`;
  const lines = chunks.map((chunk, i) => {
    const groups = chunk.match(new RegExp(`.{1,${CHARS_PER_GROUP}}`, 'g')) ?? [];
    return `${String(i + 1).padStart(4, '0')}  ${groups.join(' ')}  ${lineCheck(i + 1, chunk)}`;
  });
  return [header, ...lines];
}

type TypoReason =
  | 'no_header'
  | 'header_form'
  | 'header_check'
  | 'line_form'
  | 'line_order'
  | 'too_many'
  | 'line_length'
  | 'line_check'
  | 'too_few'
  | 'no_decode'
  | 'unreadable'
  | 'mixed';

/** CUSTODY_TYPED_SHARE_INVALID for `reason` (catalogue: i18n/catalogues/*\/custody-typing.ts). */
function lineProblem(
  reason: TypoReason,
  values: Partial<{
    line: number;
    numbered: string;
    expected: number;
    length: number;
    width: number;
    check: string;
    found: number;
    missing: number;
  }> = {},
  unreadable?: SlipPayloadRefusal,
): KeyferryError {
  return new KeyferryError('CUSTODY_TYPED_SHARE_INVALID', {
    reason,
    line: values.line ?? 0,
    numbered: values.numbered ?? '',
    expected: values.expected ?? 0,
    length: values.length ?? 0,
    width: values.width ?? 0,
    check: values.check ?? '',
    found: values.found ?? 0,
    missing: values.missing ?? 0,
    payload: unreadable?.payload ?? '',
    fieldCount: unreadable && 'fieldCount' in unreadable ? unreadable.fieldCount : 0,
    fieldsList: unreadable && 'fieldsList' in unreadable ? unreadable.fieldsList : '[]',
  });
}

const squeeze = (line: string): string => line.replace(/[\s:|-]+/g, '');

/**
 * Reads a share typed back from a slip (the header line, then its data lines; other text before
 * the header and after the last data line is ignored). Throws a KeyferryError naming the first
 * line that does not match its check. Lines may also be separated by ";" (as inside the slip's
 * QR codes). The checksum of the whole share is verified by restore.
 */
export function parseTypedShare(text: string): CustodyShare {
  const share = parseTypedAnyShare(text);
  if (isSetShare(share)) {
    share.share.dispose();
    throw new KeyferryError('CUSTODY_SHARE_IS_SET', { file: 'typed share' });
  }
  return share;
}

/** Reads a typed share of either version: a per-key share (V1) or a set share (V2). */
export function parseTypedAnyShare(text: string): CustodyShare | SetShare {
  const rawLines = text.split(/\r\n|\r|\n|;/);
  const headerText = (l: string): string => l.replace(/\s+/g, '').toUpperCase();
  let headerAt = rawLines.findIndex((l) => HEADER_PATTERN.test(headerText(l)));
  if (headerAt < 0) headerAt = rawLines.findIndex((l) => headerText(l).startsWith('KEYFERRYSHARE'));
  if (headerAt < 0) {
    throw lineProblem('no_header');
  }
  const header = HEADER_PATTERN.exec(headerText(rawLines[headerAt] ?? ''));
  if (!header) throw lineProblem('header_form');
  const [, version, index, n, m, count, headerCheck] = header;
  if (
    lineCheck(0, `KEYFERRYSHAREV${version}${Number(index)}OF${Number(n)}NEEDS${Number(m)}LINES${Number(count)}`) !==
    headerCheck
  ) {
    throw lineProblem('header_check');
  }
  const expected = Number(count);
  const contents: string[] = [];
  for (const raw of rawLines.slice(headerAt + 1)) {
    const line = normalizeBase32(squeeze(raw));
    if (line === '') continue;
    if (!/^\d{4}/.test(line)) break;
    const lineNumber = contents.length + 1;
    const match = DATA_LINE_PATTERN.exec(line);
    if (!match) throw lineProblem('line_form', { line: lineNumber });
    if (Number(match[1]) !== lineNumber) {
      throw lineProblem('line_order', { line: lineNumber, numbered: match[1] });
    }
    const content = match[2] ?? '';
    if (lineNumber > expected) throw lineProblem('too_many', { expected });
    if (content.length !== CHARS_PER_LINE && lineNumber < expected)
      throw lineProblem('line_length', { line: lineNumber, length: content.length, width: CHARS_PER_LINE });
    if (lineCheck(lineNumber, content) !== match[3])
      throw lineProblem('line_check', { line: lineNumber, check: match[3] });
    contents.push(content);
  }
  if (contents.length < expected) {
    throw lineProblem('too_few', { found: contents.length, expected, missing: contents.length + 1 });
  }
  const payload = decodeBase32(contents.join(''));
  if (!payload) throw lineProblem('no_decode');
  try {
    const share = decodeSlipPayload(payload);
    if (isSlipPayloadRefusal(share)) throw lineProblem('unreadable', {}, share);
    if (
      share.index !== Number(index) ||
      share.n !== Number(n) ||
      share.m !== Number(m) ||
      isSetShare(share) !== (version === '2')
    ) {
      share.share.dispose();
      throw lineProblem('mixed');
    }
    return share;
  } finally {
    payload.fill(0);
  }
}
