/**
 * The keys one import-parameters bundle carries: every key waiting for material, or those of them
 * the officer chose for the last fetch while some of those still wait; once they all hold material
 * again, every key still waiting.
 */
import { describe, expect, it } from 'vitest';
import { parametersRoundKeys } from '../../../../src-main/core/ceremony/online/parameters-round';
import type { OnlineKeyState } from '../../../../src-main/core/ceremony/online/state';
import { importedKey, keysById, onlineKey } from '../../../helpers/online-key-state';

const none = { arrangement: { kind: 'none', acknowledged: true } as const, seq: 5 };
const key = (keyId: string, holds: boolean) => (holds ? importedKey(keyId, none) : onlineKey(keyId));
const ids = (keys: OnlineKeyState[]) => keys.map((k) => k.keyId);

describe('parametersRoundKeys', () => {
  const keys = keysById([key('a', false), key('b', false), key('c', true)]);

  it('is every key waiting when none were chosen', () => {
    expect(ids(parametersRoundKeys({ keys }))).toEqual(['a', 'b']);
  });

  it('is the chosen keys still waiting, and every key waiting once none of them does', () => {
    expect(ids(parametersRoundKeys({ keys, chosenKeyIds: ['b', 'c'] }))).toEqual(['b']);
    expect(ids(parametersRoundKeys({ keys, chosenKeyIds: ['c'] }))).toEqual(['a', 'b']);
  });
});
