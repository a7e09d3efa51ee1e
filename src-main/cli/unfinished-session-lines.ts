/** What the CLI says when a session starts on a journal whose last session ended without stopping (a crash, a power cut). */
import type { UnfinishedSessionReport } from '../core/ceremony/airgap/unfinished-session';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';
import { withdrawalLines } from './session-stop-lines';

/** The lines naming the earlier session and what was withdrawn of it (or is left to delete by hand); none when there was none. */
export function unfinishedSessionLines(
  io: Pick<CliIo, 'env' | 'locale'>,
  report: UnfinishedSessionReport | null,
): string[] {
  if (!report) return [];
  const translator = cliTranslator(io);
  const withdrawn = withdrawalLines({ state: 'new', wipedKeys: 0, underWay: 'nothing', ...report }, translator);
  return [
    translator.t('cli.session-unfinished', { session: report.session, from: report.fromSeq, to: report.toSeq }),
    ...withdrawn,
  ];
}
