/**
 * One source for the sides a ceremony runs on (src-main/core/ceremony-sides.ts): the records and
 * receipts of the core, the receipt check and the IPC's record kinds all take them from it, and no
 * other file of src-main spells the list out again.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CEREMONY_SIDES, RECORD_KINDS, isCeremonySide } from '../../src-main/core/ceremony-sides';
import { checkReceiptInput } from '../../src-main/core/receipt/validate';
import type { ReceiptInput } from '../../src-main/core/receipt';
import { recordKindSchema } from '../../src-main/ipc/schemas/common';
import { sampleReceiptInput } from './receipt/fixtures';

const root = path.resolve(__dirname, '../../src-main');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const full = path.join(dir, e);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(e) ? [full] : [];
  });
}

describe('ceremony sides have one source', () => {
  it('the IPC record kinds are the two sides and the custody restore', () => {
    expect(CEREMONY_SIDES).toEqual(['online', 'air-gapped']);
    expect(recordKindSchema.options).toEqual([...RECORD_KINDS]);
    expect(RECORD_KINDS).toEqual([...CEREMONY_SIDES, 'custody-restore']);
  });

  it('a receipt of each side passes the check; any other side is refused', () => {
    for (const side of CEREMONY_SIDES) expect(() => checkReceiptInput(sampleReceiptInput(side))).not.toThrow();
    const restore = { ...sampleReceiptInput('air-gapped'), side: 'custody-restore' } as unknown as ReceiptInput;
    expect(() => checkReceiptInput(restore)).toThrow(expect.objectContaining({ code: 'RECEIPT_INPUT_INVALID' }));
    expect(isCeremonySide('airgap')).toBe(false);
  });

  it('no other file of src-main spells out the sides as a type of its own', () => {
    const own = path.join(root, 'core', 'ceremony-sides.ts');
    const spelled = sources(root).filter(
      (file) => file !== own && /=\s*'online'\s*\|\s*'air-gapped'\s*;/.test(readFileSync(file, 'utf8')),
    );
    expect(spelled.map((f) => path.relative(root, f))).toEqual([]);
  });
});
