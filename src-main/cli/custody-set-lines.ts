/**
 * `airgap wrap`'s custody step on the command line: the split, which a stop (Ctrl-C) ends part way
 * (no further file is started; the ceremony's stop then withdraws what was written and its line
 * says from which folders), and the lines naming who holds which share, printed only once the split
 * stands: never for a set a stop is withdrawing (a trial's Ctrl-C printed every holder line, then
 * "Stopped", and the shares they named were gone).
 */
import type { CustodyRequest, CustodyResult } from '../core/ceremony/airgap/custody-split';
import { groupHex } from '../core/hex-groups';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';
import { abortWriteOnStop, leaveToTheStop } from './stoppable-write';
import { pauseForTest } from './test-pause';

/** What the split needs of the ceremony (workflow.ts AirGapCeremony.splitCustody). */
interface SplittingCeremony {
  splitCustody(request: CustodyRequest): Promise<CustodyResult[]>;
}

/**
 * Splits the custody of the ceremony's `keys` KMS keys, then prints the set. Stopped meanwhile, it
 * prints nothing and never returns: the stop's handlers (the ceremony's, registered before this
 * one, waits for the split and withdraws it) say what became of it and end the process; the
 * command must not go on, nor unwind and close the journal under them.
 */
export async function splitCustodyPrinted(
  io: CliIo,
  ceremony: SplittingCeremony,
  custody: CustodyRequest,
  keys: number,
): Promise<void> {
  // Nothing to say of its own: the ceremony's stop line names the custody files removed.
  const stoppable = abortWriteOnStop(io, () => undefined);
  let results: CustodyResult[];
  try {
    results = await stoppable.writing(
      ceremony.splitCustody({
        ...custody,
        signal: stoppable.signal,
        afterStarted: () => pauseForTest(io, 'custody-split-started', stoppable.signal),
        afterCustodian: () => pauseForTest(io, 'custody-split-first-folder', stoppable.signal),
      }),
    );
  } catch (error) {
    await leaveToTheStop(stoppable.signal);
    throw error;
  } finally {
    stoppable.unregister();
  }
  // A stop as the last file went in withdraws this set all the same: its holders are not named as holding it.
  await leaveToTheStop(stoppable.signal);
  // One result per material (a replica group's keys share one): the slips count these.
  const [result] = results;
  if (result) printCustodySet(io, result, { keys, materials: results.length });
}

/** One custody set for the whole ceremony (its KMS keys, and their materials): who holds which share, and the backup beside each. */
function printCustodySet(
  io: CliIo,
  result: CustodyResult,
  { keys, materials }: { readonly keys: number; readonly materials: number },
): void {
  const { t } = cliTranslator(io);
  io.stdout(
    t('cli.custody.set-written', {
      keys,
      materials,
      grouped: materials === keys ? 'no' : 'yes',
      m: result.threshold,
      n: result.total,
      backup: result.backupFile,
      digest: groupHex(result.backupDigest),
    }),
  );
  for (const h of result.holders)
    io.stdout(t('cli.custody.set-holder', { index: h.shareIndex, custodian: h.custodian, folder: h.folder }));
}
