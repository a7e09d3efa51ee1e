/**
 * The glossary (docs/i18n-glossary.md) read as term pairs: each table row's English terms and the
 * Chinese a zh-CN text must use where the English text uses them. A cell "a / b" pairs with "甲 / 乙",
 * "a, b" with "甲，乙"; parenthesised asides are left out ("Key Management Service (KMS)" → the
 * words before); Chinese in the Note column ("console: 包装密钥; API: 加密密钥材料的公钥") is accepted too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface GlossaryTerm {
  /** The English term as the glossary writes it (lower case, asides removed). */
  readonly english: string;
  /** The Chinese the zh-CN text must contain (any one of them). */
  readonly chinese: readonly string[];
}

const GLOSSARY = path.join(__dirname, '..', '..', 'docs', 'i18n-glossary.md');
const HAN = /[\p{Script=Han}][\p{Script=Han}A-Za-z0-9 ]*[\p{Script=Han}]|[\p{Script=Han}]/gu;

const withoutAsides = (text: string) =>
  text
    .replace(/\([^)]*\)|（[^）]*）/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function pairs(englishCell: string, chineseCell: string): [string, string][] {
  const split = (cell: string, by: RegExp) => cell.split(by).map((part) => part.trim());
  const enSlash = split(englishCell, /\s+\/\s+/);
  const zhSlash = split(chineseCell, /\s*\/\s*/);
  const out: [string, string][] = [];
  const groups =
    enSlash.length === zhSlash.length ? enSlash.map((e, i) => [e, zhSlash[i]!]) : [[englishCell, chineseCell]];
  for (const [e, z] of groups) {
    const enComma = split(e!, /,\s*/);
    const zhComma = split(z!, /，\s*|,\s*/);
    // "加密后的密钥材料 / 已包装的密钥材料" for one English term: either will do.
    const add = (term: string, chinese: string) => chinese.split(/\s*\/\s*/).forEach((c) => out.push([term, c]));
    if (enComma.length === zhComma.length) enComma.forEach((term, i) => add(term, zhComma[i]!));
    else add(e!, z!);
  }
  return out;
}

/** The heading of the glossary's last table: Chinese words no zh-CN text may use. */
const NOT_USED_HEADING = '## Words not used';

/** The glossary's text before and after its "Words not used" heading. */
function glossarySections(file: string): { readonly terms: string; readonly notUsed: string } {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(NOT_USED_HEADING);
  return at < 0 ? { terms: text, notUsed: '' } : { terms: text.slice(0, at), notUsed: text.slice(at) };
}

/** A word the glossary rules out, and the word to use instead. */
export interface NotUsedWord {
  readonly word: string;
  readonly instead: string;
}

/** The rows of the glossary's "Words not used" table. */
export function wordsNotUsed(file = GLOSSARY): NotUsedWord[] {
  return glossarySections(file)
    .notUsed.split('\n')
    .map((line) => line.split('|').map((c) => c.trim()))
    .filter((cells) => cells.length >= 4 && cells[1] !== 'Not used' && !/^-+$/.test(cells[1] ?? ''))
    .map(([, word = '', instead = '']) => ({ word, instead }));
}

/** Every term pair in the glossary's tables (before "Words not used"). */
export function glossaryTerms(file = GLOSSARY): GlossaryTerm[] {
  const terms = new Map<string, Set<string>>();
  for (const line of glossarySections(file).terms.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || cells[1] === 'English' || /^-+$/.test(cells[1] ?? '')) continue;
    const [, englishCell = '', chineseCell = '', note = ''] = cells;
    const fromNote = (note.match(HAN) ?? []).map((c) => c.trim());
    for (const [english, chinese] of pairs(englishCell, chineseCell)) {
      const term = withoutAsides(english).toLowerCase();
      const main = withoutAsides(chinese);
      if (!term || !main) continue;
      const accepted = terms.get(term) ?? new Set<string>();
      for (const c of [main, ...fromNote]) accepted.add(c);
      terms.set(term, accepted);
    }
  }
  return [...terms].map(([english, chinese]) => ({ english, chinese: [...chinese] }));
}
