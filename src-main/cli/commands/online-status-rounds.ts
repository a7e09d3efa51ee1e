/**
 * What `online status` says of keys on their way (back) to imported material, from the journal's
 * latest round (core/ceremony/online/material-round.ts), never from an earlier one: fresh
 * parameters written for a key whose material was deleted or lapsed (the air-gapped side is next),
 * a wrapped bundle checked and not imported, and an import sent with no answer recorded while the
 * KMS shows the key still Pending import (it did not take effect: the same import runs again).
 */
import type { JournalEntry } from '../../core/journal';
import { materialRoundOf } from '../../core/ceremony/online/material-round';
import { recordedCustodyValues } from '../../core/ceremony/online/recorded-custody';
import type { RecordedCustody } from '../../core/ceremony/online/state';
import type { StatusNextSteps } from '../../core/ceremony/online/status-next-steps';
import type { CliIo } from '../command';
import type { OnlineCommonValues } from '../online-session';
import { cliTranslator } from '../cli-locale';
import { namedKeys } from '../../i18n/import-stopped-summary';
import { nextOnline } from './online-steps';

/** Whether the next step of a key that lost its material is still fresh parameters ('parameters'), or later in its round. */
export function lostRoundWord(entries: readonly JournalEntry[], keyId: string): 'parameters' | 'later' {
  return materialRoundOf(entries, keyId).stage === 'parameters' ? 'parameters' : 'later';
}

/**
 * The round lines of the ceremony's keys (statusNextSteps: the journal's view against the KMS's
 * answer): keys that lost their material by the bundle of their round (at the air-gapped side, with
 * the custody copy recorded at their import: `importedCustody`), and keys sent an import with no
 * answer recorded that the KMS shows did not take effect.
 */
export function printRoundLines(
  io: CliIo,
  values: OnlineCommonValues,
  next: StatusNextSteps,
  importedCustody: (...keyIds: string[]) => RecordedCustody | undefined,
): void {
  const t = cliTranslator(io);
  for (const { round, keys: these, refused } of next.rounds) {
    const command = nextOnline('import', values, ['--bundle', round.folder]);
    const named = { count: these.length, keys: namedKeys(t, these), folder: round.folder, seq: round.seq, command };
    if (round.stage === 'wrap') {
      const { seq: custodySeq, ...custody } = recordedCustodyValues(importedCustody(...these.map((k) => k.keyId)));
      io.stdout(t.t('online.status.round-wrap', { ...named, ...custody, custodySeq }));
      continue;
    }
    // Its import refused for its expiry: the same import with --expires, not as it ran.
    io.stdout(
      t.t('online.status.round-import', {
        ...named,
        refused: refused?.kind ?? 'no',
        refusedSeq: refused?.refusedSeq ?? 0,
        code: refused?.code ?? '',
        heldIso: refused?.heldIso ?? '',
      }),
    );
  }
  for (const { round, keys: these } of next.notTaken) {
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
}
