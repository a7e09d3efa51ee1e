/**
 * The steps both air-gapped handlers run the same way on their workflow (the air-gapped side,
 * air-gapped.ts, and the custody restore, custody-restore.ts): the network check that starts
 * the workflow, a witness's confirmation, writing the bundle into the folder the preflight
 * checked, and writing the receipt into the ceremony folder.
 */
import type { AirGapCeremony } from '../../core/ceremony/airgap/workflow';
import type { RestoreCeremony } from '../../core/ceremony/restore/workflow';
import type { ValidRequest, WrittenReceiptView } from '../contract';
import { confirmationView, networkCheckView, writtenBundleView } from './airgap-views';
import { requirePlan } from './preflight';
import { storeReceipt } from './receipt';
import type { CeremonySession, PreflightPlan } from './session';

type AirGapWorkflow = AirGapCeremony | RestoreCeremony;

/**
 * Step 1: starts (or finds) the workflow, which first closes an earlier session of its journal that
 * ended without stopping (a crash, a power cut), then its network check; a live network is allowed
 * in rehearsal only. The answer says what was closed and withdrawn.
 */
export async function checkNetworkOn(
  session: CeremonySession,
  start: (session: CeremonySession) => Promise<{ readonly ceremony: AirGapWorkflow }>,
) {
  const mode = session.requireMode('air-gapped', 'rehearsal');
  const { ceremony } = await start(session);
  const result = await ceremony.checkNetwork({ allowNetwork: mode === 'rehearsal' });
  return networkCheckView(result, ceremony.unfinishedEarlier);
}

/** A witness types the value they heard: the artefact as it now stands. */
export async function witnessConfirmation(
  ceremony: AirGapWorkflow,
  { witness, typed, artefact }: ValidRequest<'confirmAsWitness'>,
) {
  return confirmationView(
    await ceremony.confirmArtefact(witness, typed, artefact === undefined ? {} : { index: artefact }),
  );
}

/** Writes the wrapped-material bundle into the folder the preflight checked, with the expiry chosen there. */
export async function writePlannedBundle(ceremony: AirGapWorkflow, plan: PreflightPlan | undefined) {
  const planned = requirePlan(plan);
  const written = await ceremony.writeWrappedBundle(planned.wrappedBundle, {
    ...(planned.materialExpiry && planned.materialExpiry !== 'plan' ? { expiry: planned.materialExpiry } : {}),
  });
  return { written, view: writtenBundleView(written) };
}

/** Writes the receipt into the ceremony folder and keeps it for preview and printing. */
export async function writeCeremonyReceipt(
  session: CeremonySession,
  side: 'air-gapped' | 'custody-restore',
  ceremony: AirGapWorkflow,
): Promise<WrittenReceiptView> {
  return storeReceipt(session, side, await ceremony.writeReceipt(session.requireSetup().folder));
}
