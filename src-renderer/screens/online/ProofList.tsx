/**
 * Each key's proof as main returned it (verify, or the key states at any step), built for 100 keys:
 * a summary line (how many verified, how many not), the screen's key filter and how many it shows,
 * and the proofs in a bounded scroll area (.key-list).
 */
import type { Response } from '../../../src-main/ipc/contract';
import { kmsStateText } from '../../../src-main/i18n/kms-state';
import { phraseText } from '../../../src-main/i18n/phrase';
import { useT } from '../../i18n';
import { useKeyFilter } from './key-filter';

export function ProofList({ proofs }: { proofs: Pick<Response<'verifyKeys'>, 'keys'> }) {
  const shown = useKeyFilter();
  const { t, message } = useT();
  const ok = proofs.keys.filter((p) => p.ok).length;
  const rows = proofs.keys.filter(shown);
  return (
    <>
      <p className="key-summary proof-summary">
        {t('verify.summary', { count: proofs.keys.length, ok, failed: proofs.keys.length - ok })}{' '}
        <span className="hint" aria-live="polite">
          {t('ckeys.shown', { shown: rows.length, count: proofs.keys.length })}
        </span>
      </p>
      <ul className="key-list proofs" tabIndex={0} aria-label={t('verify.proofs')}>
        {rows.map((p) => (
          <li key={p.keyId} className={p.ok ? 'ok' : 'bad'}>
            <strong>{p.ok ? t('verify.ok') : t('verify.not-ok')}</strong> <span className="mono">{p.keyId}</span>
            {t('text.bracketed', {
              text: t('verify.spec-state', { spec: p.spec, state: kmsStateText({ t }, p.keyState) }),
            })}
            {t('text.lead')}
            {phraseText({ message }, p.proof)}
          </li>
        ))}
      </ul>
    </>
  );
}
