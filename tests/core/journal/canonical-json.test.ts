import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../../../src-main/core/journal';

describe('canonicalJson', () => {
  it('sorts keys recursively and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('writes non-ASCII text as UTF-8 and escapes quotes, backslashes and control characters', () => {
    expect(canonicalJson({ s: 'é "q" \\ \n \u0001 מפתח' })).toBe('{"s":"é \\"q\\" \\\\ \\n \\u0001 מפתח"}');
  });

  it('gives the same bytes whatever order the keys were written in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });

  it('writes a value read back from its own canonical line (keys in order) byte for byte the same, and any other too', () => {
    /** The rule written out plainly: keys sorted at every level, JSON.stringify for everything else. */
    const plainly = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(plainly).join(',')}]`;
      if (value !== null && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        return `{${Object.keys(record)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${plainly(record[key])}`)
          .join(',')}}`;
      }
      return JSON.stringify(value);
    };
    // Keys that are array indices come first in an object's own order whatever the sorted order says.
    const indexKeys = { b: [{ '10': 1, '9': 2, a: { '2': null, '11': -0 } }], '1': 'x', a: 'y' };
    expect(canonicalJson(JSON.parse(canonicalJson(indexKeys)))).toBe(plainly(indexKeys));
    expect(canonicalJson(indexKeys)).toBe('{"1":"x","a":"y","b":[{"10":1,"9":2,"a":{"11":0,"2":null}}]}');
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const expected = plainly(obj);
        expect(canonicalJson(obj)).toBe(expected);
        expect(canonicalJson(JSON.parse(expected))).toBe(expected);
      }),
    );
  });

  it.each([
    ['undefined', { a: undefined }],
    ['NaN', { a: Number.NaN }],
    ['Infinity', { a: [Number.POSITIVE_INFINITY] }],
    ['a bigint', { a: 1n }],
    ['a function', { a: () => 1 }],
    ['a Date', { a: new Date(0) }],
    ['a Map', { a: new Map() }],
  ])('refuses %s with the path where it was found', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(
      expect.objectContaining({ code: 'JOURNAL_DATA_NOT_JSON', message: expect.stringContaining('data.a') }),
    );
  });

  it('names the exact place of a refused value, through objects and arrays', () => {
    expect(() => canonicalJson({ files: [{ size: 1 }, { size: Number.NaN }] })).toThrow(
      expect.objectContaining({ message: expect.stringContaining('data.files[1].size') }),
    );
    expect(() => canonicalJson({ a: [[1, [undefined]]] }, 'entry')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('entry.a[0][1][0]') }),
    );
  });

  it('refuses circular references', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalJson(a)).toThrow(/circular/);
  });

  it('refuses a value nested deeper than 32 levels, however canonical its objects', () => {
    let deep: unknown = { a: 1 };
    for (let i = 0; i < 40; i += 1) deep = { a: deep };
    expect(() => canonicalJson(deep)).toThrow(/nested deeper than 32 levels/);
  });

  it('refuses nesting deeper than 32 levels', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i += 1) deep = [deep];
    expect(() => canonicalJson({ deep })).toThrow(/nested deeper than 32 levels/);
  });
});
