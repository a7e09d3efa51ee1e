/** What passed the preflight: the folders this ceremony writes to, the expiry, an acknowledged loss. */
import type { PreflightView } from '../../src-main/ipc/contract';
import { useT } from '../i18n';

export function PreflightResult({ plan }: { plan: PreflightView }) {
  const { t, utc } = useT();
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
      <p>
        {plan.expiry.kind === 'never'
          ? t('preflight.expiry-never')
          : t('preflight.expiry-at', { at: utc(plan.expiry.at) })}
      </p>
      {plan.noBackupKeyIds.length > 0 && (
        <p className="warning">{t('preflight.acknowledged', { count: plan.noBackupKeyIds.length })}</p>
      )}
    </div>
  );
}
