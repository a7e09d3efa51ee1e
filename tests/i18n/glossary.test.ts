/**
 * The zh-CN catalogue uses docs/i18n-glossary.md's terms: where an English text uses a glossary
 * term, the Chinese text of the same key uses its Chinese term (or a form the glossary's Note column
 * gives). Only the words a reader reads are compared: ICU syntax, placeholders, option names
 * (`--region`), commands (`keyferry custody restore`), API actions (`decrypt-data`), quoted names and
 * file-name patterns are left out. Exceptions are listed below, each with the reason.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../src-main/i18n/catalogue';
import { en } from '../../src-main/i18n/catalogues/en';
import { zhCN } from '../../src-main/i18n/catalogues/zh-CN';
import { glossaryTerms, wordsNotUsed } from './glossary-terms';
import { translator } from '../../src-main/i18n/translate';

/** Terms not checked anywhere, and why. */
const UNCHECKED_TERMS: Record<string, string> = {
  key: '"key" alone is 密钥, but as often 公钥 / 私钥 / 密钥 ID: the rows naming those are checked instead',
};

/** Texts where a term is rightly not translated by the glossary's word: key → terms, and why. */
const EXCEPTIONS: Partial<Record<MessageKey, Record<string, string>>> = {
  'cli.material-check': { kcv: 'a value label in a CLI table: KCV, the code, as the KMS prints it' },
  'cli.custody.set-restored-key': { kcv: 'a value label in a CLI table: KCV, the code' },
  'cli.opt.create-key.plan': { operator: 'JSON field names', witness: 'JSON field names' },
  'cli.opt.kms-sim.json': { region: 'JSON field names', endpoint: 'JSON field names' },
  'problem.CONFIG_INVALID.next': { region: 'JSON field names', endpoint: 'JSON field names' },
  'problem.CREDENTIALS_REMEMBER_NEEDS_ENTRY.next': { 'key id': 'the Access Key ID: 访问密钥（AK）' },
  'problem.CREDENTIALS_NOT_REMEMBERED.next': { 'key id': 'the Access Key ID: 访问密钥（AK）' },
  'problem.CREDENTIALS_INVALID': { 'key id': 'the Access Key ID: 访问密钥（AK）' },
  'problem.CREDENTIALS_INVALID.next': { 'key id': 'the Access Key ID: 访问密钥（AK）' },
  'problem.HSM_KEY_NOT_FOUND': { 'secret key': 'a PKCS#11 secret (symmetric) key: 对称密钥, not the SK' },
  'problem.WRAPPED_WITHDRAW_FAILED': { disabled: 'a bundle made unusable (停用), not a KMS key state' },
  'airgap.shares-one-volume': { share: '"share" the verb: folders share one volume' },
  'receipt.replica.proof': { compare: 'a KMS call comparing material (比较), not the officers reading aloud' },
};

function literals(elements: MessageFormatElement[], out: string[] = []): string[] {
  for (const e of elements) {
    if (e.type === TYPE.literal) out.push(e.value);
    else if (e.type === TYPE.plural || e.type === TYPE.select)
      for (const option of Object.values(e.options)) literals(option.value, out);
    else if (e.type === TYPE.tag) literals(e.children, out);
  }
  return out;
}

/** The text of a message outside its ICU syntax and placeholders. */
const textOf = (message: string) => literals(parse(message, { ignoreTag: true })).join(' ');

/** The words of an English text a reader reads, without names that stay as they are in every language. */
function readable(message: string): string {
  return textOf(message)
    .replace(/--[a-z0-9-]+/gi, ' ') // options
    .replace(/\bkeyferry(?: [a-z][a-z-]*)+/gi, ' ') // commands
    .replace(/\b[a-z]+(?:\.[a-z-]+)+\b/gi, ' ') // events, keys, file names
    .replace(/\b(?:encrypt-data|decrypt-data|get-publickey|import-key-material|get-parameters-for-import)\b/g, ' ')
    .replace(/\S*(?:[<…_])\S*/g, ' ') // patterns (custodian-<i>, import-parameters-…) and snake_case fields
    .replace(/\b[a-z]+-\d+\b/gi, ' ') // custodian-1
    .replace(/"[^"]*"/g, ' '); // quoted names
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every (key, term) where the English uses a glossary term and the Chinese none of its Chinese forms. */
function inconsistencies(): string[] {
  const terms = glossaryTerms().filter((t) => !(t.english in UNCHECKED_TERMS));
  const found: string[] = [];
  for (const key of Object.keys(en) as MessageKey[]) {
    const english = readable(en[key]);
    const chinese = textOf(zhCN[key]);
    for (const term of terms) {
      const uses = new RegExp(`\\b${escape(term.english).replace(/ /g, '[ -]')}(?:s|es|d)?\\b`, 'i');
      if (!uses.test(english) || term.chinese.some((c) => chinese.includes(c))) continue;
      if (EXCEPTIONS[key]?.[term.english] === undefined) found.push(`${key}: "${term.english}" → ${term.chinese[0]}`);
    }
  }
  return found;
}

describe('the glossary in the zh-CN catalogue', () => {
  it('reads the glossary tables as term pairs', () => {
    const terms = new Map(glossaryTerms().map((t) => [t.english, t.chinese]));
    expect(terms.get('wrapping key')).toEqual(expect.arrayContaining(['包装密钥']));
    expect(terms.get('import token')).toEqual(expect.arrayContaining(['导入令牌']));
    expect(terms.get('private key')).toEqual(['私钥']);
    expect(terms.get('public key')).toEqual(['公钥']);
    expect(terms.get('encrypted key material')).toEqual(['加密后的密钥材料', '已包装的密钥材料']);
    expect(terms.get('wrapped-material bundle')).toEqual(['已包装密钥材料包']);
    expect(terms.size).toBeGreaterThan(50);
  });

  it('finds a text that strays from it (so the check can fail)', () => {
    const wrapping = glossaryTerms().find((t) => t.english === 'wrapping key')!;
    expect(readable('The wrapping key of key {keyId} is not RSA.')).toMatch(/wrapping key/);
    expect(wrapping.chinese.some((c) => '密钥 {keyId} 的封装密钥不是 RSA。'.includes(c))).toBe(false);
  });

  it('every English glossary term in an en text has its Chinese term in the zh-CN text of the same key', () => {
    expect(inconsistencies()).toEqual([]);
  });

  it('no zh-CN text uses a word the glossary rules out (凭据: the catalogue says 凭证)', () => {
    const ruledOut = wordsNotUsed();
    expect(ruledOut).toContainEqual({ word: '凭据', instead: '凭证' });
    expect(glossaryTerms().find((t) => t.english === 'credentials')?.chinese).toContain('凭证');
    const found = (Object.keys(zhCN) as MessageKey[]).flatMap((key) =>
      ruledOut
        .filter(({ word }) => zhCN[key].includes(word))
        .map(({ word, instead }) => `${key}: ${word} → ${instead}`),
    );
    expect(found).toEqual([]);
  });

  it('lists no exception that is no longer needed', () => {
    const terms = new Map(glossaryTerms().map((t) => [t.english, t.chinese]));
    const stale = Object.entries(EXCEPTIONS).flatMap(([key, excepted]) =>
      Object.keys(excepted ?? {})
        .filter((term) => {
          const chinese = terms.get(term) ?? [];
          const text = textOf(zhCN[key as MessageKey]);
          return (
            chinese.some((c) => text.includes(c)) ||
            !new RegExp(`\\b${escape(term)}`, 'i').test(readable(en[key as MessageKey]))
          );
        })
        .map((term) => `${key}: ${term}`),
    );
    expect(stale).toEqual([]);
  });
  it('no zh-CN text says to wrap with a wrapped-material bundle (材料包): a wrap is made from an import-parameters bundle (参数包)', () => {
    // “Wrap with/wrap that wrapped-material bundle”: a wrap takes a parameters bundle, it makes a material bundle.
    const wrapWithMaterial =
      /用[^。；，：（）{}]{0,14}材料包[^。；，{}]{0,4}包装|(?<!已)包装(?:该|此|那个|这个)?材料包/;
    const found = (Object.keys(zhCN) as MessageKey[]).filter((key) => wrapWithMaterial.test(textOf(zhCN[key])));
    expect(found).toEqual([]);
    // The status line of keys whose import tokens lapsed, as the app and online status say it.
    const zh = translator('zh-CN');
    const lapsed = {
      keys: 'k1',
      count: 1,
      total: 2,
      groups: 'no',
      tokens: 'lapsed',
      until: 0,
      tokensBy: 'kms',
      refused: 'no',
    };
    for (const key of ['status.next.partly-imported', 'online.status.partly-imported'] as const)
      expect(zh.t(key, { ...lapsed, command: 'keyferry online params' } as never)).toContain(
        '然后在离线工作站上用由此写出的参数包包装其密钥材料',
      );
  });
  it('a zh-CN status line of keys not imported says 它 (it) of one key and 它们 (them) of several', () => {
    const zh = translator('zh-CN');
    const blocked = { keys: 'k1', total: 3, groups: 'no', tokens: 'valid', until: 0, refused: 'no', wrap: 'blocked' };
    const values = { ...blocked, dir: 'D', dirSeq: 3, wrapRefused: 'no', command: 'keyferry online params' };
    for (const key of ['status.next.partly-imported', 'online.status.partly-imported'] as const) {
      const one = zh.t(key, { ...values, count: 1 } as never);
      expect(one).toContain('含有它的导入参数');
      expect(one).not.toContain('它们');
      expect(zh.t(key, { ...values, count: 2 } as never)).toContain('含有它们的导入参数');
    }
  });
});
