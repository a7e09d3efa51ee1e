/** Each key's proof as main returned it (verify, or the key states at any step): verified or not, and how. */
import type { Response } from '../../../src-main/ipc/contract';
import { kmsStateText } from '../../../src-main/i18n/kms-state';
import { phraseText } from '../../../src-main/i18n/phrase';
import { useT } from '../../i18n';
import { useKeyFilter } from './key-filter';

export function ProofList({ proofs }: { proofs: Response<'verifyKeys'> }) {
  const shown = useKeyFilter();
  const { t, message } = useT();
  return (
    <ul className="key-list">
      {proofs.keys.filter(shown).map((p) => (
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
  );
}
