/**
 * On the preflight step, when this air-gapped journal already finished wraps of the ceremony: each
 * earlier bundle (folder, digest, receipt, until when it can be imported) and custody set. While
 * one can still be imported the core refuses a new wrap unless the officer chooses "Wrap again"
 * and says why (sent as the preflight's `wrapAgain`; journaled, listed on the receipt).
 */
import type { EarlierWrapView } from '../../../src-main/ipc/contract';
import { momentText } from '../../../src-main/i18n/moment';
import { listText } from '../../../src-main/i18n/list';
import { CheckboxField, TextField } from '../../components/Fields';
import { Hex } from '../../components/Hex';
import { useT } from '../../i18n';

export interface WrapAgainForm {
  readonly chosen: boolean;
  readonly reason: string;
}

export const NO_WRAP_AGAIN: WrapAgainForm = { chosen: false, reason: '' };

/** One empty list for the store selector: a fresh [] per call would re-render without end (React error 185). */
export const NO_EARLIER_WRAPS: readonly EarlierWrapView[] = [];

/** The reason to send, or null while the choice is made without one; undefined when not chosen. */
export function wrapAgainReason(form: WrapAgainForm): string | null | undefined {
  if (!form.chosen) return undefined;
  const reason = form.reason.trim();
  return reason === '' ? null : reason;
}

export function EarlierWraps({
  earlier,
  value,
  onChange,
}: {
  earlier: readonly EarlierWrapView[];
  value: WrapAgainForm;
  onChange: (form: WrapAgainForm) => void;
}) {
  const { t, locale } = useT();
  if (earlier.length === 0) return null;
  const importable = earlier.some((w) => w.importable);
  return (
    <div
      className="banner banner-warning"
      role="group"
      aria-labelledby="earlier-wraps-title"
      data-testid="earlier-wraps"
    >
      <p className="banner-title" id="earlier-wraps-title">
        {t('preflight.earlier.title', { count: earlier.length })}
      </p>
      <ul className="files">
        {earlier.map((w) => (
          <li key={w.session}>
            {t('preflight.earlier.bundle', { session: w.session })} <span className="file-name">{w.folder}</span>{' '}
            <Hex value={w.bundleDigest} size="small" label={t('preflight.earlier.digest')} />{' '}
            {t('preflight.earlier.tokens', {
              tokens: w.tokensUntil === null ? 'unknown' : w.importable ? 'live' : 'expired',
              until: w.tokensUntil === null ? '' : momentText(locale, w.tokensUntil),
            })}{' '}
            {w.custody
              ? t('preflight.earlier.custody', {
                  custodians: listText({ t }, w.custody.custodians),
                })
              : t(w.hsmCustody ? 'preflight.earlier.hsm-custody' : 'preflight.earlier.no-custody')}
          </li>
        ))}
      </ul>
      <p>{t(importable ? 'preflight.earlier.importable' : 'preflight.earlier.expired')}</p>
      <p className="hint">{t('preflight.earlier.after')}</p>
      {importable && (
        <>
          <CheckboxField
            id="preflight-wrap-again"
            label={t('preflight.wrap-again')}
            checked={value.chosen}
            onChange={(chosen) => onChange({ ...value, chosen })}
          />
          {value.chosen && (
            <TextField
              label={t('preflight.wrap-again.reason')}
              value={value.reason}
              onChange={(reason) => onChange({ ...value, reason })}
              hint={t('preflight.wrap-again.reason-hint')}
              required
            />
          )}
        </>
      )}
    </div>
  );
}
