/**
 * Step 4 air-gapped, before any material exists: where the wrapped bundle goes, the expiry it
 * requests, the custody plan, and (AES with an expiry and no custody) the acknowledgement that the
 * material is kept nowhere. The main process runs the core's preflight; the core refuses material
 * until it passed, and writes only where it checked.
 */
import { useState } from 'react';
import { CustodyPlanFields, custodyPlan, EMPTY_CUSTODY, type CustodyForm } from '../../components/CustodyPlanFields';
import { ExpiryChoice, expiryChoice, expiryComplete, type ExpiryForm } from '../../components/ExpiryChoice';
import { CheckboxField } from '../../components/Fields';
import { FieldRow } from '../../components/FieldRow';
import { PreflightResult } from '../../components/PreflightResult';
import { PlannedStep } from '../../components/PlannedStep';
import { StepButton } from '../../components/Step';
import { selectParameterKeys } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { useAirGapSteps } from '../../store/allowed-steps';
import { useT } from '../../i18n';
import { momentText } from '../../../src-main/i18n/moment';
import { AIR_GAP_PLAN } from './plan';
import { EarlierWraps, NO_EARLIER_WRAPS, NO_WRAP_AGAIN, wrapAgainReason, type WrapAgainForm } from './EarlierWraps';

export function PreflightStep() {
  const steps = useAirGapSteps();
  const plan = useAppStore((s) => s.ceremony?.airGap?.preflight ?? null);
  const mode = useAppStore((s) => s.mode);
  const keys = useAppStore(selectParameterKeys);
  const preflight = useAppStore((s) => s.preflightAirGap);
  const [folder, setFolder] = useState('');
  // Each key's planned expiry (from the bundle) is what this side requests unless the officer chooses one.
  const hasPlan = useAppStore((s) => (s.overview?.planExpiry ?? null) !== null);
  const [chosenExpiry, setExpiry] = useState<ExpiryForm | null>(null);
  const expiry = chosenExpiry ?? { kind: hasPlan ? 'plan' : 'never', date: '' };
  const [keepShares, setKeepShares] = useState(false);
  const [custody, setCustody] = useState<CustodyForm>(EMPTY_CUSTODY);
  const [acknowledged, setAcknowledged] = useState(false);
  const [fromHsm, setFromHsm] = useState(false);
  const earlier = useAppStore((s) => s.ceremony?.airGap?.earlierWraps ?? NO_EARLIER_WRAPS);
  const [wrapAgain, setWrapAgain] = useState<WrapAgainForm>(NO_WRAP_AGAIN);
  const reason = wrapAgainReason(wrapAgain);
  const { t, locale } = useT();
  const choice = expiryChoice(expiry);
  // The AES material that would expire at a moment: every AES key under a chosen date, else each key's plan.
  const expiring = keys
    .filter((k) => k.spec === 'AES_256')
    .map((k) => (choice ? (choice.kind === 'at' ? choice.at : null) : k.plannedExpiry))
    .filter((at): at is string => at !== null && at !== 'never')
    .sort();
  // Only once a whole date is given (a half-typed one is no moment to name).
  // HSM material: the token keeps it (no loss to acknowledge) and it cannot be split into shares.
  const shares = keepShares && !fromHsm;
  const expiresAt = expiring[0];
  const needsAcknowledgement = expiryComplete(expiry) && expiresAt !== undefined && !shares && !fromHsm;
  const plannedCustody = shares ? custodyPlan(custody) : null;
  const open = steps.canRun('preflight');
  const complete =
    folder.trim() !== '' &&
    expiryComplete(expiry) &&
    (!shares || plannedCustody !== null) &&
    (!needsAcknowledgement || acknowledged) &&
    reason !== null;
  const stepState = steps.stopped
    ? 'stopped'
    : plan || steps.isDone('generateMaterial')
      ? 'done'
      : open
        ? 'current'
        : 'waiting';
  return (
    <PlannedStep plan={AIR_GAP_PLAN.preflight} state={stepState}>
      <p>{t('preflight.intro')}</p>
      <EarlierWraps earlier={earlier} value={wrapAgain} onChange={setWrapAgain} />
      <FieldRow purpose="write-bundle" section="air-preflight" text="wrap.folder" value={folder} onChange={setFolder} />
      <ExpiryChoice
        name="bundle-expiry"
        legend={t('wrap.expiry')}
        value={expiry}
        offerPlan={hasPlan}
        onChange={(form) => {
          setExpiry(form);
          setAcknowledged(false);
        }}
      />
      <CheckboxField id="preflight-hsm" label={t('preflight.hsm')} checked={fromHsm} onChange={setFromHsm} />
      {!fromHsm && (
        <CheckboxField
          id="preflight-custody"
          label={t('preflight.custody')}
          checked={keepShares}
          onChange={setKeepShares}
        />
      )}
      {shares && (
        <>
          <p className="hint">{t('preflight.custody.hint')}</p>
          <CustodyPlanFields
            value={custody}
            onChange={setCustody}
            section="air-preflight"
            rehearsal={mode === 'rehearsal'}
          />
        </>
      )}
      {needsAcknowledgement && (
        <div className="banner banner-warning" role="group" aria-labelledby="no-backup-title">
          <p className="banner-title" id="no-backup-title">
            {t('preflight.no-backup.title')}
          </p>
          <p>
            {t('preflight.no-backup.consequence', { count: expiring.length, expiresAt: momentText(locale, expiresAt) })}
          </p>
          <CheckboxField
            id="preflight-no-backup"
            label={t('preflight.no-backup.acknowledge', { expiresAt: momentText(locale, expiresAt) })}
            checked={acknowledged}
            onChange={setAcknowledged}
          />
        </div>
      )}
      <StepButton
        available={open && complete}
        onClick={() =>
          void preflight({
            folder: folder.trim(),
            ...(choice ? { expiry: choice } : {}),
            ...(plannedCustody ? { custody: plannedCustody } : {}),
            ...(needsAcknowledgement && acknowledged ? { acknowledgeNoBackup: true } : {}),
            ...(fromHsm ? { materialFromHsm: true } : {}),
            ...(reason ? { wrapAgain: reason } : {}),
          })
        }
      >
        {t('preflight.button')}
      </StepButton>
      {plan && <PreflightResult plan={plan} />}
    </PlannedStep>
  );
}
