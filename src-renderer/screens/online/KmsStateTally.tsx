/**
 * A summary line's KMS-state part: when the states shown were read, then how many keys are in each
 * state (kms-state-of.ts). The ceremony's key table and step 7's key states say it alike.
 */
import { useT } from '../../i18n';
import { readTimesValues, tally, type KmsStateShown } from './kms-state-of';

export function KmsStateTally({ shown }: { shown: readonly KmsStateShown[] }) {
  const { t, locale } = useT();
  const labels = new Map(shown.map((k) => [k.key, k.label]));
  return (
    <>
      {t('ckeys.by-kms-state', readTimesValues(locale, shown))}{' '}
      {tally(shown.map((k) => k.key)).map(([state, n]) => (
        <span key={state} className="tally" data-kms-state={state}>
          {labels.get(state)} <strong>{n}</strong>
        </span>
      ))}
    </>
  );
}
