/**
 * On the connection step: opening the online journal found that an earlier session sent imports or
 * creates to the KMS and ended before recording the answers, and traced it first (journaled, listed
 * on the receipt under Deviations). The command line prints the same facts as its session starts;
 * the officer sees them here before pressing anything that sends again.
 */
import type { Connection } from '../../../src-main/ipc/contract';
import { listText } from '../../../src-main/i18n/list';
import { phraseText } from '../../../src-main/i18n/phrase';
import { useT } from '../../i18n';
import { namedKeys } from '../../../src-main/i18n/import-stopped-summary';

export function UnrecordedSessionNotice({ traces }: { traces: Connection['unrecordedSessions'] }) {
  const tr = useT();
  const { t } = tr;
  if (traces.length === 0) return null;
  return (
    <div className="warning session-unrecorded" role="status">
      {traces.map((trace) => {
        const reason = phraseText(tr, trace.reason);
        const text =
          trace.creates.length > 0
            ? t('connect.session-unrecorded-creates', {
                seq: trace.seq,
                reason,
                count: trace.creates.length,
                creates: listText(
                  tr,
                  trace.creates.map((c) =>
                    t('cli.session-unrecorded.create', {
                      alias: c.alias,
                      replica: c.region === undefined ? 'no' : 'yes',
                      region: c.region ?? '',
                      seq: c.seq,
                    }),
                  ),
                ),
              })
            : trace.keys.length === 0
              ? t('cli.session-ended-unrecorded', { seq: trace.seq, reason })
              : t('cli.session-unrecorded', { seq: trace.seq, reason, keys: namedKeys(tr, trace.keys) });
        return (
          <p key={trace.seq} data-seq={trace.seq}>
            {text}
          </p>
        );
      })}
    </div>
  );
}
