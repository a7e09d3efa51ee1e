/**
 * The keys of the current parameters round: the keys one import-parameters bundle carries. Every key
 * waiting for material, unless the officer chose some of them for the last fetch
 * (parameters.keys-chosen: one source of material at a time, material-sources.ts) and some of those
 * still wait: then those. Once every chosen key holds material again, the next round is every key
 * still waiting, and the next fetch chooses again.
 */
import { keysWaiting, type OnlineCeremonyState, type OnlineKeyState } from './state';

export function parametersRoundKeys(state: Pick<OnlineCeremonyState, 'keys' | 'chosenKeyIds'>): OnlineKeyState[] {
  const waiting = keysWaiting(state.keys);
  const chosen = state.chosenKeyIds;
  if (!chosen) return waiting;
  const inRound = waiting.filter((k) => chosen.includes(k.keyId));
  return inRound.length > 0 ? inRound : waiting;
}
