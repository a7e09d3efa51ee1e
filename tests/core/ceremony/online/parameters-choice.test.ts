/**
 * The round of the next fetch of import parameters: every key waiting (nothing journaled), the keys
 * the officer chose (journaled, so a later session writes and imports that round), or every key
 * again after a choice (journaled too). A chosen key that does not wait, or a mixed round, is
 * refused before anything is journaled or fetched.
 */
import { describe, expect, it } from 'vitest';
import { chooseParametersRound } from '../../../../src-main/core/ceremony/online/parameters-choice';
import { parametersRoundKeys } from '../../../../src-main/core/ceremony/online/parameters-round';
import type { OnlineKeyState } from '../../../../src-main/core/ceremony/online/state';
import type { JsonObject } from '../../../../src-main/core/journal';
import { importedKey, keysById, onlineKey } from '../../../helpers/online-key-state';

const none = (seq: number) => ({ arrangement: { kind: 'none', acknowledged: true } as const, seq });
const holding = (keyId: string, seq: number) => importedKey(keyId, none(seq));
const lapsedAt = (keyId: string, seq: number) => importedKey(keyId, none(seq), true);

/** A ceremony of `keys` whose journal keeps what is appended, applying a choice as state.ts does. */
function ceremonyOf(keys: OnlineKeyState[]) {
  const state: { keys: Map<string, OnlineKeyState>; chosenKeyIds?: readonly string[] } = {
    keys: keysById(keys),
  };
  const appended: { event: string; data: JsonObject }[] = [];
  const journal = async (event: string, data: JsonObject) => {
    appended.push({ event, data });
    state.chosenKeyIds = data.keyIds as string[];
  };
  return { ctx: { state, journal }, state, appended };
}

describe('chooseParametersRound', () => {
  it('journals nothing for every key waiting, a choice when some are chosen, and every key again after one', async () => {
    const { ctx, state, appended } = ceremonyOf([lapsedAt('a', 10), lapsedAt('b', 30), holding('c', 10)]);
    await expect(chooseParametersRound(ctx, undefined, 'cli')).rejects.toMatchObject({
      code: 'PARAMETERS_MATERIAL_SOURCES_DIFFER',
    });
    expect(appended).toEqual([]);
    await chooseParametersRound(ctx, ['b'], 'cli');
    expect(appended).toEqual([{ event: 'parameters.keys-chosen', data: { keyIds: ['b'] } }]);
    expect(parametersRoundKeys(state).map((k) => k.keyId)).toEqual(['b']);
    // b holds material again: the next round is every key waiting, and choosing it again is journaled.
    state.keys.set('b', holding('b', 30));
    await chooseParametersRound(ctx, undefined, 'cli');
    expect(appended.at(-1)).toEqual({ event: 'parameters.keys-chosen', data: { keyIds: ['a'] } });
  });

  it('refuses a chosen key that holds material or is not the ceremony’s, naming the keys that wait', async () => {
    const { ctx, appended } = ceremonyOf([lapsedAt('a', 10), holding('c', 10)]);
    await expect(chooseParametersRound(ctx, ['c'], 'app')).rejects.toMatchObject({
      code: 'PARAMETERS_KEY_NOT_WAITING',
      message: expect.stringContaining('Key c holds imported material'),
      nextStep: 'Choose among the keys waiting for parameters: k/a (a).',
    });
    await expect(chooseParametersRound(ctx, ['zz'], 'app')).rejects.toMatchObject({
      message: expect.stringContaining('Key zz is not a key of this ceremony'),
    });
    // An alias typed for a key id (the trial's mistake) is said to be one, naming its key.
    await expect(chooseParametersRound(ctx, ['k/a'], 'cli')).rejects.toMatchObject({
      message:
        '“k/a” is an alias, not a key id: --key-id takes the key id of each key (this alias names k/a (a)). Nothing was fetched.',
      nextStep: 'Choose among the keys waiting for parameters: k/a (a).',
    });
    expect(appended).toEqual([]);
    // A key that never had parameters cannot be left out of a round.
    const first = ceremonyOf([onlineKey('n'), lapsedAt('a', 10)]);
    await expect(chooseParametersRound(first.ctx, ['a'], 'cli')).rejects.toMatchObject({
      code: 'PARAMETERS_CHOICE_LEAVES_UNFETCHED',
      message: expect.stringContaining('Key k/n (n) has never had import parameters'),
    });
    expect(first.appended).toEqual([]);
    // Every key waiting, none chosen before: nothing to journal.
    await chooseParametersRound(ctx, ['a'], 'app');
    expect(appended).toEqual([]);
  });
});
