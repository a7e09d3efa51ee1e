/**
 * Every catalogue has every key of the English source and nothing else, each text compiles as
 * ICU MessageFormat the way the app compiles it and formats in every branch, and each translation
 * uses exactly the placeholders its English text uses.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../src-main/i18n/catalogue';
import { en } from '../../src-main/i18n/catalogues/en';
import { zhCN } from '../../src-main/i18n/catalogues/zh-CN';
import { LOCALES, PSEUDO_LOCALE } from '../../src-main/i18n/locale';
import { compileMessage } from '../../src-main/i18n/translate';

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

type Sample = Record<string, string | number | Date>;

/**
 * Values that reach every branch of a message: one set with each argument of its kind (plain:
 * a string, number/plural: 2, date: now, select: no listed key, so `other`), then one set per
 * select key and per plural =N / one branch (the other arguments as before).
 */
function sampleValues(elements: MessageFormatElement[]): Sample[] {
  const base: Sample = {};
  const variants: [string, string | number][] = [];
  const walk = (list: MessageFormatElement[]): void => {
    for (const e of list) {
      if (e.type === TYPE.literal || e.type === TYPE.pound || e.type === TYPE.tag) continue;
      if (e.type === TYPE.argument) base[e.value] ??= 'x';
      else if (e.type === TYPE.number || e.type === TYPE.plural) base[e.value] = 2;
      else if (e.type === TYPE.date || e.type === TYPE.time) base[e.value] = new Date(0);
      else if (e.type === TYPE.select) base[e.value] ??= 'none-of-the-keys';
      if (e.type === TYPE.plural || e.type === TYPE.select) {
        for (const [selector, option] of Object.entries(e.options)) {
          if (e.type === TYPE.select && selector !== 'other') variants.push([e.value, selector]);
          if (e.type === TYPE.plural && /^=\d+$/.test(selector)) variants.push([e.value, Number(selector.slice(1))]);
          if (e.type === TYPE.plural && selector === 'one') variants.push([e.value, 1]);
          walk(option.value);
        }
      }
    }
  };
  walk(elements);
  return [base, ...variants.map(([name, value]) => ({ ...base, [name]: value }))];
}

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

  it('every text compiles and formats as the app does it, in every language and the pseudo-locale', () => {
    const broken: string[] = [];
    for (const locale of [...LOCALES, PSEUDO_LOCALE] as const) {
      for (const key of Object.keys(en) as MessageKey[]) {
        try {
          const message = compileMessage(locale, key);
          for (const values of sampleValues(message.getAst())) message.format(values);
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
