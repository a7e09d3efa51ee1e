/** What the CLI says about a wrapped bundle left behind by a session that did not finish. */
import type { AbandonReport } from '../core/ceremony/airgap/ceremony-base';
import type { Translator } from '../i18n/translate';

/** One line per bundle withdrawn (or to delete by hand); nothing when no bundle had been written. */
export function withdrawalLines(report: AbandonReport | undefined, { t }: Translator): string[] {
  if (report?.withdrawnBundle) return [t('cli.bundle-withdrawn', { dir: report.withdrawnBundle })];
  if (report?.deleteByHand) return [t('cli.bundle-delete-by-hand', { dir: report.deleteByHand })];
  return [];
}
