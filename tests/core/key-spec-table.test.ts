/**
 * One source for the key specs: the core, the zod schemas, the simulator, the custody slips and the
 * renderer all take them from src-main/core/key-spec-table.ts, and every spec says how people
 * check its material.
 */
import { describe, expect, it } from 'vitest';
import { KEY_SPEC_INFO, KEY_SPECS as CORE_SPECS } from '../../src-main/core/crypto/key-spec';
import { KEY_SPECS, KEY_SPEC_TABLE, WRAPPING_ALGORITHMS } from '../../src-main/core/key-spec-table';
import { keySpecSchema, wrappingAlgorithmSchema } from '../../src-main/ipc/schemas/common';
import { SPECS as RENDERER_SPECS } from '../../src-renderer/screens/online/key-spec-choices';
import { KEY_SPECS as CONTRACT_SPECS } from '../../src-main/ipc/contract';

describe('the key spec table is the one source', () => {
  it('the core, the contract and the zod schemas list exactly its specs, in its order', () => {
    expect(CORE_SPECS).toBe(KEY_SPECS);
    expect(CONTRACT_SPECS).toBe(KEY_SPECS);
    expect(KEY_SPEC_INFO).toBe(KEY_SPEC_TABLE);
    expect(keySpecSchema.options).toEqual([...KEY_SPECS]);
    expect(wrappingAlgorithmSchema.options).toEqual([...WRAPPING_ALGORITHMS]);
    expect(Object.keys(KEY_SPEC_TABLE)).toEqual([...KEY_SPECS]);
  });

  it("the renderer's list of specs equals the core's", () => {
    expect(RENDERER_SPECS.map((choice) => choice.value)).toEqual([...KEY_SPECS]);
  });

  it('keeps the order custody slips encode specs by (append only)', () => {
    expect(KEY_SPECS.slice(0, 6)).toEqual(['AES_256', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_P256', 'EC_P384']);
  });

  it.each(KEY_SPECS)('%s has a check-value method that fits its kind, and consistent sizes', (spec) => {
    const row = KEY_SPEC_TABLE[spec];
    if (row.kind === 'symmetric') {
      expect(row.checkValue).toBe('aes-ecb-zero-block');
      expect(row.materialBytes * 8).toBe(row.bits);
      expect(spec).toMatch(/^AES_/);
    } else {
      expect(row.checkValue).toBe('public-key-sha256');
      expect(row.wrappedPrivateKeyFile).toBe(row.kind === 'rsa' ? 'out_rsa_private_key.der' : 'out_ec_private_key.der');
    }
    if (row.kind === 'rsa') expect(spec).toBe(`RSA_${row.bits}`);
  });
});
