/** What passed the preflight: the folders this ceremony writes to, the expiry, an acknowledged loss. */
import type { PreflightView } from '../../src-main/ipc/contract';
import type { Translator } from '../../src-main/i18n/translate';
import { momentText } from '../../src-main/i18n/moment';
import { useT } from '../i18n';

/** The expiry the bundle will request: one for every AES key, or each key's own planned one. */
export function plannedExpiryLine({ t, locale }: Pick<Translator, 't' | 'locale'>, plan: PreflightView): string {
  if (plan.expiry === null) return t('preflight.expiry-plan');
  return plan.expiry.kind === 'never'
    ? t('preflight.expiry-never')
    : t('preflight.expiry-at', { at: momentText(locale, plan.expiry.at) });
}

export function PreflightResult({ plan }: { plan: PreflightView }) {
  const tr = useT();
  const { t } = tr;
  return (
    <div className="card preflight-result">
      <p>{t('preflight.passed')}</p>
      <ul className="files">
        <li>
          {t('preflight.bundle')} <span className="file-name">{plan.wrappedBundle}</span>
        </li>
        <li>
          {t('preflight.receipt')} <span className="file-name">{plan.receiptFolder}</span>
        </li>
        {plan.custodianFolders.map((folder, i) => (
          <li key={folder}>
            {t('preflight.custodian', { n: i + 1 })} {plan.custody?.custodians[i]}{' '}
            <span className="file-name">{folder}</span>
          </li>
        ))}
      </ul>
      <p>{plannedExpiryLine(tr, plan)}</p>
      {plan.expiryOverrides.map((o) => (
        <p className="hint" role="note" key={o.planned}>
          {t('preflight.expiry-overridden', {
            count: o.keyIds.length,
            kind: o.planned === 'never' ? 'never' : 'at',
            planned: o.planned === 'never' ? '' : momentText(tr.locale, o.planned),
          })}
        </p>
      ))}
      {plan.noBackupKeyIds.length > 0 && (
        <p className="warning">{t('preflight.acknowledged', { count: plan.noBackupKeyIds.length })}</p>
      )}
    </div>
  );
}
