/**
 * What a stopped air-gapped session did (session-stop.ts AbandonReport) as its view crosses IPC:
 * the state it reached, the keys wiped, and what of it was withdrawn or is left to delete by hand.
 * Said where the officer left a ceremony (leave-ceremony.ts) and where one stopped on its own
 * (witnesses-stop.ts), in the same words.
 */
import type { AbandonReport } from '../../core/ceremony/airgap/session-stop';
import type { LeftCeremonyView } from '../contract';
import { tokenObjectsView } from './airgap-views';

export function abandonReportView(report: AbandonReport): LeftCeremonyView {
  return {
    state: report.state,
    wipedKeys: report.wipedKeys,
    withdrawnBundle: report.withdrawnBundle,
    deleteByHand: report.deleteByHand,
    withdrawnCustody: [...report.withdrawnCustody],
    custodyByHand: [...report.custodyByHand],
    ...tokenObjectsView(report.tokenObjects),
  };
}
