/** One line saying who made a wrapped bundle's material on the air-gapped side, from its manifest (`madeBy`). */
import { groupHex } from '../core/hex-groups';
import type { Translator } from './translate';
import { listText } from './list';

/** A journal's first-entry hash as people compare it: its first 16 digits, grouped ("1A2B 3C4D 5E6F 7A8B"). */
export function journalIdentity(firstEntrySha256: string): string {
  return groupHex(firstEntrySha256.slice(0, 16));
}

/** The manifest's `madeBy` as this line reads it (core/bundle/wrapped-material-manifest.ts). */
interface MadeBy {
  readonly purpose: string;
  readonly operator: string;
  readonly witnesses: readonly string[];
  readonly journalFile: string;
  readonly journalFirstEntrySha256: string;
}

export function madeByLine(t: Translator['t'], madeBy: MadeBy): string {
  return t('bundle.madeBy', {
    purpose: madeBy.purpose === 'custody-restore' ? 'restore' : 'wrap',
    operator: madeBy.operator,
    count: madeBy.witnesses.length,
    witnessList: listText({ t }, madeBy.witnesses),
    journal: madeBy.journalFile,
    firstEntry: journalIdentity(madeBy.journalFirstEntrySha256),
  });
}
