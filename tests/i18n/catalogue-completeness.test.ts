/**
 * Every catalogue has every key of the English source and nothing else, each text parses as ICU
 * MessageFormat, and each translation uses exactly the placeholders its English text uses.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { en } from '../../src-main/i18n/catalogues/en';
import { zhCN } from '../../src-main/i18n/catalogues/zh-CN';

function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      for (const option of Object.values(e.options)) placeholders(option.value, into);
    }
  }
  return into;
}

const catalogues = { 'zh-CN': zhCN } as const;

describe('message catalogues', () => {
  for (const [locale, catalogue] of Object.entries(catalogues)) {
    it(`${locale} has exactly the keys of en`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
    });

    it(`${locale} uses the same placeholders as en in every message`, () => {
      const differing: string[] = [];
      for (const [key, english] of Object.entries(en)) {
        const theirs = (catalogue as Record<string, string>)[key] ?? '';
        const want = [...placeholders(parse(english, { ignoreTag: true }))].sort();
        const got = [...placeholders(parse(theirs, { ignoreTag: true }))].sort();
        if (want.join() !== got.join()) differing.push(`${key}: en {${want.join(', ')}} ${locale} {${got.join(', ')}}`);
      }
      expect(differing).toEqual([]);
    });

    it(`${locale} has no empty text and no English left where Chinese belongs`, () => {
      const suspicious = Object.entries(catalogue).filter(([key, text]) => {
        if (text.trim() === '') return true;
        if (key.startsWith('language.')) return false;
        return (
          key in en &&
          text === (en as Record<string, string>)[key] &&
          /[a-z]{4,}/.test(text.replace(/\{[^{}]*\}/g, '').replace(/Keyferry/g, ''))
        );
      });
      expect(suspicious.map(([key]) => key)).toEqual([]);
    });
  }

  it('every text parses as ICU MessageFormat (select keys: letters, digits and _ only)', () => {
    const broken: string[] = [];
    for (const [locale, catalogue] of Object.entries({ en, ...catalogues })) {
      for (const [key, text] of Object.entries(catalogue as Record<string, string>)) {
        try {
          parse(text, { ignoreTag: true });
        } catch (error) {
          broken.push(`${locale} ${key}: ${String(error)}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every problem code has both its texts (message and next step)', () => {
    const keys = Object.keys(en);
    const codes = keys.filter((k) => k.startsWith('problem.') && !k.endsWith('.next'));
    const missing = codes.filter((k) => !keys.includes(`${k}.next`));
    const orphans = keys.filter(
      (k) => k.endsWith('.next') && k.startsWith('problem.') && !keys.includes(k.slice(0, -5)),
    );
    expect({ missing, orphans }).toEqual({ missing: [], orphans: [] });
  });
});
