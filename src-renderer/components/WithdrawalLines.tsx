/**
 * What a session that did not finish left on the media, in the words the command line prints: its
 * unreceipted bundle withdrawn (or to delete by hand), its custody files removed from the
 * custodians' folders (or to delete by hand; for an earlier session, `notWithdrawn`: one line per
 * holder, as the command line prints it, instead of one list of files). Used where the officer left a ceremony and where a
 * session found an earlier one ended by a crash or a power cut (`earlier`: its custody lines say
 * "that session", and files not removed or not found are NOT withdrawn), and the HSM token objects it
 * generated: destroyed, or left with the pkcs11-tool command that deletes each.
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
      <TokenObjectLines report={report} />
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

/** The HSM token objects of the session: which were destroyed; which are left, each with its delete command. */
function TokenObjectLines({ report }: { report: WithdrawalView }) {
  const tr = useT();
  const { t } = tr;
  const cleanup = report.tokenObjects;
  if (!cleanup) return null;
  const token = { token: cleanup.tokenLabel, serial: cleanup.tokenSerial };
  const named = (o: NonNullable<WithdrawalView['tokenObjects']>['destroyed'][number]) =>
    t('hsm.object', { label: o.label, objectClass: o.objectClass, objectId: o.objectId });
  const { problem } = cleanup;
  return (
    <>
      {cleanup.destroyed.length > 0 && (
        <p className="token-objects-destroyed">
          {t('cli.hsm-objects-destroyed', {
            ...token,
            count: cleanup.destroyed.length,
            objects: listText(tr, cleanup.destroyed.map(named)),
          })}
        </p>
      )}
      {cleanup.left.length > 0 && (
        <div className="warning token-objects-left" role="alert">
          <p>
            {t('cli.hsm-objects-left', {
              ...token,
              count: cleanup.left.length,
              cause: problem ? 'failed' : 'crash',
              reason: problem ? tr.problem({ ...problem, message: problem.code, nextStep: '' }).message : '',
            })}
          </p>
          {cleanup.left.map((o) => (
            <pre key={o.command}>
              <code>{o.command}</code>
            </pre>
          ))}
        </div>
      )}
    </>
  );
}
