/**
 * One source for the receipt papers and languages: the IPC schemas and the setup screen take them
 * from src-main/core/receipt/paper-size.ts and receipt-languages.ts, so a paper added there is
 * offered, accepted and printed everywhere (paper-size.print.test.ts prints each).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAPER_SIZES } from '../../../src-main/core/receipt/paper-size';
import { RECEIPT_LANGUAGES } from '../../../src-main/core/receipt/receipt-languages';
import * as contract from '../../../src-main/ipc/contract';
import { paperSizeSchema, receiptLanguageSchema } from '../../../src-main/ipc/schemas/ceremony';

const renderer = path.resolve(__dirname, '../../../src-renderer');
const rendererFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? rendererFiles(full) : /\.tsx?$/.test(entry) ? [full] : [];
  });

describe('receipt papers and languages have one source', () => {
  it('the IPC schemas accept exactly the core lists, and the contract hands the screens those same lists', () => {
    expect(paperSizeSchema.options).toEqual([...PAPER_SIZES]);
    expect(receiptLanguageSchema.options).toEqual([...RECEIPT_LANGUAGES]);
    expect(contract.PAPER_SIZES).toBe(PAPER_SIZES);
    expect(contract.RECEIPT_LANGUAGES).toBe(RECEIPT_LANGUAGES);
    expect(paperSizeSchema.safeParse('Legal').success).toBe(false);
  });

  it('no renderer file lists the papers or the languages itself', () => {
    const lists: string[] = [];
    for (const file of rendererFiles(renderer)) {
      for (const [literal] of readFileSync(file, 'utf8').matchAll(/\[[^[\]]*\]/g)) {
        const quoted = new Set([...literal.matchAll(/'([^']+)'/g)].map((m) => m[1]));
        for (const list of [PAPER_SIZES, RECEIPT_LANGUAGES] as const)
          if (list.every((name) => quoted.has(name))) lists.push(`${path.relative(renderer, file)}: ${literal}`);
      }
    }
    expect(lists).toEqual([]);
  });
});
