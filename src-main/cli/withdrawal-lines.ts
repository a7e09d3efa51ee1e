/** What the CLI says about a wrapped bundle left behind by a session that did not finish. */
import type { AbandonReport } from '../core/ceremony/airgap-ceremony-base';

/** One line per bundle withdrawn (or to delete by hand); nothing when no bundle had been written. */
export function withdrawalLines(report: AbandonReport | undefined): string[] {
  if (!report) return [];
  if (report.withdrawnBundle)
    return [
      `The wrapped-material bundle in ${report.withdrawnBundle} was withdrawn (marked ABANDONED.txt, no receipt names it): the online import refuses it; do not carry it over.`,
    ];
  if (report.deleteByHand)
    return [
      `The wrapped-material bundle in ${report.deleteByHand} could not be withdrawn: delete that folder by hand before anyone carries it to the online workstation.`,
    ];
  return [];
}
