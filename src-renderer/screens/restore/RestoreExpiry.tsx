/**
 * The material expiry a restored bundle requests, as the officer chooses it on the restore
 * screen: when the fresh bundle says the material had an expiry, nothing is chosen for them
 * (the original, a date, a duration or "never" said explicitly; main decides: restored-expiry.ts).
 */
import { useState } from 'react';
import { ExpiryChoice, expiryComplete, type ExpiryForm } from '../../components/ExpiryChoice';
import { useAppStore } from '../../store/store';
import { useT } from '../../i18n';
import type { RestoreExpiryChoice } from '../../../src-main/ipc/contract';

/** What the restore channel takes for the chosen expiry (undefined: nothing chosen). */
function restoreExpiry(form: ExpiryForm): RestoreExpiryChoice | undefined {
  switch (form.kind) {
    case 'original':
    case 'never':
      return { kind: form.kind };
    case 'at':
      return { kind: 'at', at: `${form.date}T00:00:00Z` };
    case 'in':
      return { kind: 'in', duration: (form.duration ?? '').trim() };
    default:
      return undefined;
  }
}

/** The expiry form's state: the recorded expiry (epoch ms, when the material had one), the form, and what main is asked. */
export function useRestoreExpiry() {
  const recorded = useAppStore((s) => s.restoreParameters?.materialExpiry ?? null);
  const hadExpiry = recorded !== null && recorded !== 'never' ? Date.parse(recorded) : undefined;
  const [chosen, setExpiry] = useState<ExpiryForm | null>(null);
  const expiry = chosen ?? { kind: hadExpiry === undefined ? 'never' : null, date: '' };
  return { hadExpiry, expiry, setExpiry, choice: restoreExpiry(expiry), complete: expiryComplete(expiry) };
}

/** The recorded expiry (if any) and the choice. */
export function RestoreExpiry({ state }: { readonly state: ReturnType<typeof useRestoreExpiry> }) {
  const { t } = useT();
  const { hadExpiry, expiry, setExpiry } = state;
  return (
    <>
      {hadExpiry !== undefined && <p className="recorded-expiry">{t('restore.expiry.had', { at: hadExpiry })}</p>}
      <ExpiryChoice
        name="restore-expiry"
        legend={t('restore.expiry')}
        value={expiry}
        onChange={setExpiry}
        {...(hadExpiry === undefined ? {} : { original: hadExpiry })}
        offerDuration
      />
    </>
  );
}
