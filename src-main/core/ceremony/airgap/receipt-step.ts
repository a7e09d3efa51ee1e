/**
 * The last step of both air-gapped ceremonies (the air-gapped side and the custody restore): the
 * receipt (HTML and text) is written into the folder the preflight checked, then the wrapped bundle
 * it names is completed (its manifest written and the bundle read back), so a bundle `online import`
 * accepts always has its receipt. A bundle that cannot be completed voids the receipt (void-receipt.ts).
 */
import type { Journal } from '../../journal';
import type { ReceiptLanguage } from '../../receipt/language';
import type { WrittenCeremonyReceipt } from '../shared/journaled-receipt';
import { stepOutOfOrder } from '../shared/step-guard';
import { writeAirGapReceipt, type AirGapReceiptFacts } from './receipt';
import { requirePreflightedFolder, type SessionPreflight } from './session-preflight';
import type { WrappedBundleWriter } from './wrapped-bundle-writer';
import { voidReceipt } from '../shared/void-receipt';

/** What the session hands the step: its preflight, its staged bundle and its journal. */
interface ReceiptStepSession {
  readonly preflight: SessionPreflight;
  readonly bundle: WrappedBundleWriter;
  readonly journal: Journal;
}

/** What the receipt says besides the bundle and the journal (asked for once the folder passed). */
export type ReceiptStepFacts = Omit<AirGapReceiptFacts, 'bundle' | 'journal'>;

/** How the step runs: the receipt's language, and what to await between the receipt and the manifest. */
export interface ReceiptStepOptions {
  readonly language?: ReceiptLanguage;
  /**
   * Awaited after the receipt is written and journaled, before the manifest: the command line's
   * test pause (a process killed there must be closed by the next session, unfinished-session.ts).
   */
  readonly beforeManifest?: () => Promise<void>;
}

/**
 * Writes the receipt into `dir` (PREFLIGHT_REQUIRED, PREFLIGHT_FOLDER_DIFFERS: it must be the
 * folder the preflight checked; CEREMONY_STEP_OUT_OF_ORDER before a bundle was written), then
 * completes the bundle it names.
 */
export async function writeSessionReceipt(
  dir: string,
  session: ReceiptStepSession,
  facts: () => ReceiptStepFacts,
  beforeManifest?: () => Promise<void>,
): Promise<WrittenCeremonyReceipt> {
  requirePreflightedFolder('receipt', dir, session.preflight.require('receipt').receiptFolder);
  const bundle = session.bundle.bundle;
  if (!bundle) throw stepOutOfOrder({ reason: 'state', step: 'writeTheReceipt', side: 'airgap', state: 'wrapped' });
  const given = facts();
  const receipt = await writeAirGapReceipt(dir, { ...given, bundle, journal: session.journal });
  await beforeManifest?.();
  try {
    await session.bundle.complete();
  } catch (error) {
    await voidReceipt(receipt, session.journal, given.record.operator);
    throw error;
  }
  return receipt;
}
