/**
 * English messages write the apostrophe of a possessive or a contraction as ’ (U+2019), never as the
 * ASCII ' (an officer’s walk-through found “custodian's” beside “custodian’s” on one screen; in ICU
 * an ASCII apostrophe before a brace or # also starts a quoted run that hides the value).
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src-main/i18n/catalogues/en';

/** An ASCII apostrophe between two letters, or of a plural possessive: `custodian's`, `don't`, `custodians' shares`. */
const ASCII_APOSTROPHE = /(?<=\p{L})'(?=\p{L})|(?<=\p{L}s)'(?=[\s,.;:)])/u;

describe('apostrophes in the English catalogue', () => {
  it('every English message writes an apostrophe between letters as ’, not as an ASCII one', () => {
    const found = Object.entries(en as Readonly<Record<string, unknown>>).flatMap(([key, value]) => {
      if (typeof value !== 'string') return [];
      const at = value.search(ASCII_APOSTROPHE);
      return at === -1 ? [] : [`${key}: …${value.slice(Math.max(0, at - 20), at + 20)}…`];
    });
    expect(found).toEqual([]);
  });
});
