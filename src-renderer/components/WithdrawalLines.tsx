/**
 * What a session that did not finish left on the media, in the words the command line prints: its
 * unreceipted bundle withdrawn (or to delete by hand), its custody files removed from the
 * custodians' folders (or to delete by hand; for an earlier session, `notWithdrawn`: one line per
 * holder, as the command line prints it, instead of one list of files). Used where the officer left a ceremony and where a
 * session found an earlier one ended by a crash or a power cut (`earlier`: its custody lines say
 * "that session", and files not removed or not found are NOT withdrawn).
 */
import type { ReactNode } from 'react';
import { listText } from '../../src-main/i18n/list';
import { phraseText } from '../../src-main/i18n/phrase';
import type { UnfinishedSessionView, WithdrawalView } from '../../src-main/ipc/contract';
import { useT } from '../i18n';

export function WithdrawalLines({
  report,
  noBundle,
  earlier = false,
  notWithdrawn,
}: {
  report: WithdrawalView;
  noBundle?: ReactNode;
  earlier?: boolean;
  notWithdrawn?: UnfinishedSessionView['notWithdrawn'];
}) {
  const tr = useT();
  const { t } = tr;
  return (
    <>
      {report.deleteByHand !== null ? (
        <p className="warning" role="alert">
          {t('cli.bundle-delete-by-hand', { dir: report.deleteByHand })}
        </p>
      ) : report.withdrawnBundle !== null ? (
        <p>{t('cli.bundle-withdrawn', { dir: report.withdrawnBundle, how: 'recorded' })}</p>
      ) : (
        noBundle
      )}
      {report.withdrawnCustody.length > 0 && (
        <p className="custody-withdrawn">
          {t(earlier ? 'cli.earlier-custody-withdrawn' : 'cli.custody-withdrawn', {
            count: report.withdrawnCustody.length,
            folders: listText(tr, report.withdrawnCustody),
          })}
        </p>
      )}
      {notWithdrawn
        ? notWithdrawn.map((line) => (
            <p key={phraseText(tr, line)} className="warning custody-by-hand" role="alert">
              {phraseText(tr, line)}
            </p>
          ))
        : report.custodyByHand.length > 0 && (
            <p className="warning custody-by-hand" role="alert">
              {t(earlier ? 'cli.earlier-custody-not-withdrawn' : 'cli.custody-delete-by-hand', {
                files: listText(tr, report.custodyByHand),
              })}
            </p>
          )}
    </>
  );
}
