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
import { decodeSlipPayload, encodeSetSlipPayload, encodeSlipPayload } from './slip-payload';

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

function typo(message: string, nextStep?: string): KeyferryError {
  return new KeyferryError(
    'CUSTODY_TYPED_SHARE_INVALID',
    message,
    nextStep ?? 'Compare that line with the printed slip character by character, correct it and try again.',
  );
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
    throw typo(
      'No header line ("KEYFERRY SHARE V1 ...") was found in the typed share.',
      'Type the header line of the slip first, then its numbered lines.',
    );
  }
  const header = HEADER_PATTERN.exec(headerText(rawLines[headerAt] ?? ''));
  if (!header)
    throw typo('The header line does not read as "KEYFERRY SHARE V1 <i> OF <n> NEEDS <m> LINES <count> CHECK <xx>".');
  const [, version, index, n, m, count, headerCheck] = header;
  if (
    lineCheck(0, `KEYFERRYSHAREV${version}${Number(index)}OF${Number(n)}NEEDS${Number(m)}LINES${Number(count)}`) !==
    headerCheck
  ) {
    throw typo('The header line does not match its check: look for a typo in the header line.');
  }
  const expected = Number(count);
  const contents: string[] = [];
  for (const raw of rawLines.slice(headerAt + 1)) {
    const line = normalizeBase32(squeeze(raw));
    if (line === '') continue;
    if (!/^\d{4}/.test(line)) break;
    const lineNumber = contents.length + 1;
    const match = DATA_LINE_PATTERN.exec(line);
    if (!match)
      throw typo(`Line ${lineNumber} does not read as a line number, up to 16 characters and a 2-character check.`);
    if (Number(match[1]) !== lineNumber) {
      throw typo(
        `Line ${lineNumber} is numbered ${match[1]}: a line is missing, repeated or out of order.`,
        'Type every numbered line of the slip once, in order.',
      );
    }
    const content = match[2] ?? '';
    if (lineNumber > expected)
      throw typo(
        `There are more lines than the ${expected} the header announces.`,
        'Remove the extra lines, or correct the header.',
      );
    if (content.length !== CHARS_PER_LINE && lineNumber < expected)
      throw typo(`Line ${lineNumber} has ${content.length} characters instead of ${CHARS_PER_LINE}.`);
    if (lineCheck(lineNumber, content) !== match[3])
      throw typo(`Line ${lineNumber} does not match its check ${match[3]}: look for a typo in line ${lineNumber}.`);
    contents.push(content);
  }
  if (contents.length < expected) {
    throw typo(
      `Only ${contents.length} of the ${expected} lines were found: line ${contents.length + 1} is missing.`,
      'Type every numbered line of the slip once, in order.',
    );
  }
  const payload = decodeBase32(contents.join(''));
  if (!payload)
    throw typo(
      'The typed lines do not decode, though each matches its check.',
      'Compare every line with the printed slip and try again.',
    );
  try {
    const share = decodeSlipPayload(payload);
    if (typeof share === 'string')
      throw typo(
        `The typed share cannot be read: ${share}.`,
        'Compare every line with the printed slip and try again.',
      );
    if (
      share.index !== Number(index) ||
      share.n !== Number(n) ||
      share.m !== Number(m) ||
      isSetShare(share) !== (version === '2')
    ) {
      share.share.dispose();
      throw typo(
        'The header line and the numbered lines describe different shares.',
        'Type the header and the lines from the same slip.',
      );
    }
    return share;
  } finally {
    payload.fill(0);
  }
}
