/**
 * The UI state: one zustand store made of slices (activity, session, online, air-gapped,
 * records). It holds what the main process answered: fingerprints, digests, states, file names.
 * No key bytes exist in the renderer, so none can be stored here.
 */
import { create, type StateCreator } from 'zustand';
import { createActivitySlice, type ActivitySlice } from './activity';
import { createAirGapSlice, type AirGapSlice } from './airgap';
import { createLocaleSlice, type LocaleSlice } from './locale';
import { createOnlineSlice, type OnlineSlice } from './online';
import { createRecordsSlice, type RecordsSlice } from './records';
import { createRestoreSlice, type RestoreSlice } from './restore';
import { createSessionSlice, type SessionSlice } from './session';

export type AppState = ActivitySlice &
  LocaleSlice &
  SessionSlice &
  OnlineSlice &
  AirGapSlice &
  RestoreSlice &
  RecordsSlice;
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;

export const useAppStore = create<AppState>()((...args) => ({
  ...createActivitySlice(...args),
  ...createLocaleSlice(...args),
  ...createSessionSlice(...args),
  ...createOnlineSlice(...args),
  ...createAirGapSlice(...args),
  ...createRestoreSlice(...args),
  ...createRecordsSlice(...args),
}));
