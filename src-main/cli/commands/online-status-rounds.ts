/**
 * What `online status` says of keys on their way (back) to imported material, from the journal's
 * latest round (core/ceremony/online/material-round.ts), never from an earlier one: fresh
 * parameters written for a key whose material was deleted or lapsed (the air-gapped side is next),
 * a wrapped bundle checked and not imported, and an import sent with no answer recorded while the
 * KMS shows the key still Pending import (it did not take effect: the same import runs again).
 */
import type { JournalEntry } from '../../core/journal';
import type { JournaledKey, KeyStatus } from '../../core/ceremony/online/types';
import { materialRoundOf, type MaterialRound } from '../../core/ceremony/online/material-round';
import { KeyState, keyStateOfName } from '../../core/kms/types';
import type { CliIo } from '../command';
import type { OnlineCommonValues } from '../online-session';
import { cliTranslator } from '../cli-locale';
import { namedKeys } from '../../i18n/import-stopped-summary';
import { nextOnline } from './online-steps';
import { listText } from '../../i18n/list';
import type { Translator } from '../../i18n/translate';

/** Whether the next step of a key that lost its material is still fresh parameters ('parameters'), or later in its round. */
export function lostRoundWord(entries: readonly JournalEntry[], keyId: string): 'parameters' | 'later' {
  return materialRoundOf(entries, keyId).stage === 'parameters' ? 'parameters' : 'later';
}

/** The wrapped-material bundles the imports sent to `keys` came from, as a list ('none' when the journal names none). */
export function sentBundles(
  tr: Pick<Translator, 't'>,
  entries: readonly JournalEntry[],
  keys: readonly { readonly keyId: string }[],
): string {
  const folders = new Set(
    keys.flatMap((k) => {
      const round = materialRoundOf(entries, k.keyId);
      return round.stage === 'import' ? [round.folder] : [];
    }),
  );
  return folders.size === 0 ? 'none' : listText(tr, [...folders]);
}

/** Groups `keys` by the folder of their round (one line per bundle), with the round itself. */
function byFolder(
  keys: readonly JournaledKey[],
  rounds: ReadonlyMap<string, MaterialRound>,
): { round: Exclude<MaterialRound, { stage: 'parameters' }>; keys: JournaledKey[] }[] {
  const groups = new Map<string, { round: Exclude<MaterialRound, { stage: 'parameters' }>; keys: JournaledKey[] }>();
  for (const key of keys) {
    const round = rounds.get(key.keyId);
    if (!round || round.stage === 'parameters') continue;
    const group = groups.get(`${round.stage} ${round.folder}`);
    if (group) group.keys.push(key);
    else groups.set(`${round.stage} ${round.folder}`, { round, keys: [key] });
  }
  return [...groups.values()];
}

/**
 * The round lines of `keys` (the ceremony's, as the journal knows them) against the KMS's `status`;
 * returns the keys sent an import with no answer recorded that the KMS shows did not take effect.
 */
export function printRoundLines(
  io: CliIo,
  values: OnlineCommonValues,
  keys: readonly JournaledKey[],
  status: readonly KeyStatus[],
  entries: readonly JournalEntry[],
): { notTaken: ReadonlySet<string> } {
  const t = cliTranslator(io);
  const pending = new Set(
    status.filter((s) => keyStateOfName(s.keyState) === String(KeyState.PendingImport)).map((s) => s.keyId),
  );
  const rounds = new Map(keys.map((k) => [k.keyId, materialRoundOf(entries, k.keyId)]));
  // Sent with no answer nor failure recorded, and the KMS shows it did not take effect: the same import again.
  const notTaken = keys.filter((k) => {
    const round = rounds.get(k.keyId);
    return round?.stage === 'import' && round.sentSeq !== undefined && !k.imported && pending.has(k.keyId);
  });
  // Lost material and nothing sent since: where its latest round stands (fresh parameters are said elsewhere).
  const lost = keys.filter((k) => (k.deleted || k.lapsed) && !notTaken.includes(k));
  for (const { round, keys: these } of byFolder(lost, rounds)) {
    const command = nextOnline('import', values, ['--bundle', round.folder]);
    const stage = round.stage === 'wrap' ? 'online.status.round-wrap' : 'online.status.round-import';
    io.stdout(
      t.t(stage, { count: these.length, keys: namedKeys(t, these), folder: round.folder, seq: round.seq, command }),
    );
  }
  for (const { round, keys: these } of byFolder(notTaken, rounds)) {
    const command = nextOnline('import', values, ['--bundle', round.folder]);
    io.stdout(
      t.t('online.status.unrecorded-not-taken', {
        count: these.length,
        keys: namedKeys(t, these),
        seq: round.stage === 'import' ? (round.sentSeq ?? round.seq) : round.seq,
        command,
      }),
    );
  }
  return { notTaken: new Set(notTaken.map((k) => k.keyId)) };
}
