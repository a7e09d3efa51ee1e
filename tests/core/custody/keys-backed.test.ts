/**
 * The keys a custody set backs (src-main/core/custody/keys-backed.ts): the materials its split names
 * and every replica of its session's parameters that takes one of them, each once; without the
 * session's parameters, the materials named alone.
 */
import { describe, expect, it } from 'vitest';
import { keysBacked } from '../../../src-main/core/custody/keys-backed';

describe('keysBacked', () => {
  it('adds the replicas its session read to the materials a split names, and nothing without those parameters', () => {
    const read = { keys: [{ keyId: 'p' }, { keyId: 'r', replicaOf: 'p' }, { keyId: 'k2', replicaOf: null }] };
    expect(keysBacked(['p'], read)).toEqual(['p', 'r']);
    expect(keysBacked(['p', 'k2'], read)).toEqual(['p', 'k2', 'r']);
    expect(keysBacked(['p'], undefined)).toEqual(['p']);
    expect(keysBacked([], read)).toEqual([]);
  });
});
