/**
 * Steps 5 to 8 online: check the wrapped-material bundle against what the KMS issued, choose the
 * material expiry, import, verify, write the receipt (and delete symmetric material if needed).
 */
import { useState } from 'react';
import { ExpiryChoice, expiryChoice, expiryComplete, type ExpiryForm } from '../../components/ExpiryChoice';
import { DigestField, digestComplete } from '../../components/DigestField';
import { useT } from '../../i18n';
// The one rendering of a bundle's custody arrangement (the CLI prints the same line); type-only imports, renderer-safe.
import { custodyLine } from '../../../src-main/i18n/custody-line';
import { madeByLine } from '../../../src-main/i18n/made-by-line';
import { CheckboxField, PathField, TextField } from '../../components/Fields';
import { Hex } from '../../components/Hex';
import { MaterialCheck } from '../../components/MaterialCheck';
import { ReceiptStep } from '../../components/ReceiptStep';
import { PlannedStep } from '../../components/PlannedStep';
import { StepButton } from '../../components/Step';
import { selectCeremonyKeys } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { useOnlineSteps } from '../../store/allowed-steps';
import { useKeyFilter } from './key-filter';
import { replicaPlaces } from './replica-groups';
import { phraseText } from '../../../src-main/i18n/phrase';
import { namedKeys } from '../../../src-main/i18n/import-stopped-summary';
import { momentText, neverOrMoment } from '../../../src-main/i18n/moment';
import { ReadBundleCard } from '../../components/ReadBundleCard';
import { ONLINE_PLAN } from './plan';
import { OtherJournalOverride } from './OtherJournalOverride';
import { ImportStopped } from './ImportStopped';
import { KeyStatusFacts } from './KeyStatusFacts';
import { useKmsStateOf } from './kms-state-of';
import { KmsStateTally } from './KmsStateTally';
import { ProofList } from './ProofList';
import { TypedImportExpiry, useTypedImportExpiry } from './TypedImportExpiry';

export function CheckBundleStep() {
  const steps = useOnlineSteps();
  const shown = useKeyFilter();
  const mode = useAppStore((s) => s.mode);
  const lastWrapped = useAppStore((s) => s.wrappedBundle);
  const checked = useAppStore((s) => s.checkedBundle);
  const checkWrapped = useAppStore((s) => s.checkWrapped);
  const placeOf = replicaPlaces(useAppStore(selectCeremonyKeys));
  const [folder, setFolder] = useState(mode === 'rehearsal' ? (lastWrapped?.dir ?? '') : '');
  const [digest, setDigest] = useState('');
  const [fromRehearsal, setFromRehearsal] = useState(false);
  const { t } = useT();
  const available = steps.canRun('checkWrappedBundle');
  const request = {
    folder: folder.trim(),
    expectedDigest: digest.trim(),
    digestSource: fromRehearsal ? ('rehearsal-air-gapped-side' as const) : ('air-gapped-receipt' as const),
  };
  const typeDigest = (value: string) => {
    setDigest(value);
    setFromRehearsal(false);
  };
  return (
    <PlannedStep plan={ONLINE_PLAN.check} state={steps.display(['checkWrappedBundle'], 'checkWrappedBundle')}>
      <PathField
        purpose="read-bundle"
        section="online-check"
        label={t('check.folder')}
        value={folder}
        onChange={setFolder}
      />
      <DigestField
        label={t('check.digest-required')}
        value={digest}
        onChange={typeDigest}
        hint={t('digest.field.required')}
      />
      {mode === 'rehearsal' && lastWrapped && (
        <p className="hint">
          <StepButton
            available={available}
            primary={false}
            onClick={() => {
              setDigest(lastWrapped.manifestSha256Grouped);
              setFromRehearsal(true);
            }}
          >
            {t('check.use-rehearsal-digest')}
          </StepButton>{' '}
          {t('check.rehearsal-digest-hint')}
        </p>
      )}
      <StepButton
        available={available && folder.trim() !== '' && digestComplete(digest)}
        onClick={() => void checkWrapped(request)}
      >
        {t('check.button')}
      </StepButton>
      <OtherJournalOverride
        available={available && folder.trim() !== '' && digestComplete(digest)}
        fields={`${request.folder}\n${request.expectedDigest}`}
        onAccept={(word) => void checkWrapped({ ...request, acceptOtherAirGapJournal: word })}
      />
      {checked && (
        <ReadBundleCard warnings={checked.warnings}>
          <p>
            {t('check.matches', {
              source: checked.digestSource === 'rehearsal-air-gapped-side' ? 'rehearsal' : 'receipt',
            })}
          </p>
          <p className={checked.custody?.kind === 'none' ? 'warning custody' : 'custody'}>
            {custodyLine(t, checked.custody)}
          </p>
          {checked.madeBy && <p className="made-by">{madeByLine(t, checked.madeBy)}</p>}
          {checked.otherAirGapJournalAccepted && <p className="warning">{t('check.other-journal.accepted')}</p>}
          <p>{t('check.digest-lead')}</p>
          <Hex value={checked.manifestSha256} label={t('wrap.digest')} />
          <ul className="key-list">
            {checked.keys.filter(shown).map((k) => (
              <li key={k.keyId}>
                <strong>{k.alias}</strong>
                {t('import.place', { ...placeOf(k.keyId) })}
                {t('text.bracketed', { text: k.spec })}
                {t('text.lead')}
                <MaterialCheck keyCheckValue={k.keyCheckValue} publicKeyFingerprint={k.publicKeyFingerprint} />
              </li>
            ))}
          </ul>
        </ReadBundleCard>
      )}
    </PlannedStep>
  );
}

export function ImportStep() {
  const steps = useOnlineSteps();
  const shown = useKeyFilter();
  const checked = useAppStore((s) => s.checkedBundle);
  const imported = useAppStore((s) => s.imported);
  const importMaterial = useAppStore((s) => s.importMaterial);
  const placeOf = replicaPlaces(useAppStore(selectCeremonyKeys));
  const [expiry, setExpiry] = useState<ExpiryForm>({ kind: 'bundle', date: '' });
  // A typed expiry counts once main resolved that very text (the moment shown is the one sent).
  const typed = expiry.kind === 'typed' ? (expiry.typed ?? '').trim() : null;
  const { current: resolvedTyped, setResolved } = useTypedImportExpiry(typed);
  const override = typed === null ? expiryChoice(expiry) : resolvedTyped;
  const ready = expiryComplete(expiry) && (typed === null || resolvedTyped !== undefined);
  const tr = useT();
  const { t } = tr;
  return (
    <PlannedStep plan={ONLINE_PLAN.import} state={steps.display(['importMaterial'], 'importMaterial')}>
      {checked && (
        <ul className="key-list requested">
          {checked.keys.filter(shown).map((k) => (
            <li key={k.keyId}>
              {k.alias}
              {t('import.place', { ...placeOf(k.keyId) })}
              {t('text.bracketed', { text: k.spec })}
              {t('text.lead')}
              {t('import.requested', { when: neverOrMoment(tr, k.requestedExpiresAt) })}
            </li>
          ))}
        </ul>
      )}
      <ExpiryChoice
        name="import-expiry"
        legend={t('import.expiry-legend')}
        value={expiry}
        onChange={setExpiry}
        offerBundle
        offerTyped
      />
      {typed !== null && (
        <TypedImportExpiry typed={typed} current={resolvedTyped} onResolved={setResolved} available={steps.inSession} />
      )}
      {override && <p className="warning">{t('import.override')}</p>}
      <StepButton
        available={steps.canRun('importMaterial') && ready}
        onClick={() => void importMaterial(override ? { expiry: override } : {})}
      >
        {t('import.button')}
      </StepButton>
      <ImportStopped bundleKeyIds={checked ? new Set(checked.keys.map((k) => k.keyId)) : undefined} />
      {imported.length > 0 && (
        <ul className="key-list imported">
          {imported.filter(shown).map((k) => (
            <li key={k.keyId} data-key-id={k.keyId}>
              <span className="mono">{k.keyId}</span>
              {t('import.place', { ...placeOf(k.keyId) })}
              {t('text.bracketed', { text: k.spec })}
              {t('text.lead')}
              {t('import.imported', {
                when: neverOrMoment(tr, k.expiresAt),
                source: k.expirySource,
                how: k.confirmation,
              })}
            </li>
          ))}
        </ul>
      )}
    </PlannedStep>
  );
}

/**
 * Deleting an imported AES key's material: per key, first what the online journal recorded of its
 * custody copy (main reads it; the command line's words), then the acknowledgement that needs: the
 * key ID typed again when there is NO copy, a ticked acknowledgement otherwise. The warning and what
 * was typed or ticked belong to one key at a time (typing one key's ID never arms another's). The
 * keys follow the screen's key filter and scroll in a bounded area (a batch imports 100 AES keys).
 */
function DeleteMaterial({ keys, available }: { keys: ReturnType<typeof selectCeremonyKeys>; available: boolean }) {
  const readWarning = useAppStore((s) => s.readDeletionWarning);
  const warning = useAppStore((s) => s.deletionWarning);
  const deleteMaterial = useAppStore((s) => s.deleteMaterial);
  const [typed, setTyped] = useState('');
  const [accepted, setAccepted] = useState(false);
  const shownKey = useKeyFilter();
  const { t, message } = useT();
  const importedAes = keys.filter((k) => k.imported && k.spec === 'AES_256');
  if (importedAes.length === 0) return null;
  const rows = importedAes.filter(shownKey);
  const read = (keyId: string) => {
    setTyped('');
    setAccepted(false);
    void readWarning(keyId);
  };
  return (
    <details>
      <summary>{t('delete.summary')}</summary>
      <p className="hint" aria-live="polite">
        {t('ckeys.shown', { shown: rows.length, count: importedAes.length })}
      </p>
      {/* One row per imported AES key (100 in a batch): in a bounded scroll area, as the key tables. */}
      <div className="table-wrap bounded delete-rows" tabIndex={0} role="region" aria-label={t('delete.summary')}>
        {rows.map((k) => {
          const shown = warning?.keyId === k.keyId ? warning : null;
          const armed = shown !== null && (shown.keyIdToType ? typed.trim() === k.keyId : accepted);
          return (
            <div key={k.keyId} className="row">
              <StepButton available={available} primary={false} onClick={() => read(k.keyId)}>
                {t('delete.read-warning', { alias: k.alias })}
              </StepButton>
              {shown && (
                <>
                  <p className="warning">{phraseText({ message }, shown.warning)}</p>
                  {shown.keyIdToType ? (
                    <TextField
                      label={t('delete.type-key-id', { keyId: k.keyId })}
                      value={typed}
                      onChange={setTyped}
                      mono
                    />
                  ) : (
                    <CheckboxField
                      id={`delete-acknowledge-${k.keyId}`}
                      label={t('delete.acknowledge', { alias: k.alias })}
                      checked={accepted}
                      onChange={setAccepted}
                    />
                  )}
                  <StepButton
                    available={available && armed}
                    primary={false}
                    onClick={() => void deleteMaterial(k.keyId, shown.keyIdToType ? typed : undefined)}
                  >
                    {t('delete.button', { alias: k.alias })}
                  </StepButton>
                </>
              )}
            </div>
          );
        })}
      </div>
    </details>
  );
}

/**
 * The KMS's own word on each key: its state as the app last read it (the key list, this read, the
 * proofs of verify) and when, and when its material expires (read on demand); a summary line by
 * state, the screen's key filter, a bounded list. As `online status` says it, the keys holding
 * material proven and what is next for the others (until an import, a verify or a deletion changes them).
 */
function KmsKeyStates({ available }: { available: boolean }) {
  const shown = useKeyFilter();
  const readKeyStates = useAppStore((s) => s.readKeyStates);
  const keyStatus = useAppStore((s) => s.keyStatus);
  const keys = useAppStore(selectCeremonyKeys);
  const kmsStateOf = useKmsStateOf();
  const { t, locale } = useT();
  const states = keys.map((k) => ({ ...k, kms: kmsStateOf(k.keyId) }));
  const anyRead = states.some((k) => k.kms.reading !== undefined);
  const rows = states.filter(shown);
  return (
    <>
      <StepButton available={available} primary={false} onClick={() => void readKeyStates()}>
        {t('verify.read-states')}
      </StepButton>
      {anyRead && (
        <>
          <p className="key-summary kms-states-summary">
            <strong>{t('ckeys.total', { count: states.length })}</strong> ·{' '}
            <KmsStateTally shown={states.map((k) => k.kms)} />{' '}
            <span className="hint" aria-live="polite">
              {t('ckeys.shown', { shown: rows.length, count: states.length })}
            </span>
          </p>
          <ul className="key-list key-states" tabIndex={0} aria-label={t('ckeys.col.kms-state')}>
            {rows.map((k) => (
              <li key={k.keyId} data-kms-state={k.kms.key}>
                {k.alias}
                {t('text.bracketed', { text: k.spec })}
                {t('text.lead')}
                {k.kms.cell}
                {k.kms.reading?.materialExpiresAt
                  ? t('verify.material-expires', { at: momentText(locale, k.kms.reading.materialExpiresAt) })
                  : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {keyStatus && <KeyStatusFacts status={keyStatus} total={keys.length} />}
    </>
  );
}

export function VerifyStep() {
  const steps = useOnlineSteps();
  const keys = useAppStore(selectCeremonyKeys);
  const proofs = useAppStore((s) => s.proofs);
  const verifyKeys = useAppStore((s) => s.verifyKeys);
  const waiting = keys.filter((k) => !k.imported && k.expiresAt !== null);
  // Keys holding imported material not proven stand the ceremony at 'imported': no fresh parameters
  // can be fetched or written for the waiting keys before those are proven (PARAMETERS_AFTER_PROOF).
  const unproven = keys.filter((k) => k.imported && !k.verified);
  const tr = useT();
  const { t } = tr;
  return (
    <PlannedStep plan={ONLINE_PLAN.verify} state={steps.display(['verifyKeys'], 'verifyKeys')}>
      <p>{t('verify.intro')}</p>
      <StepButton available={steps.canRun('verifyKeys')} onClick={() => void verifyKeys()}>
        {t('verify.button')}
      </StepButton>
      {proofs && <ProofList proofs={proofs} />}
      <KmsKeyStates available={steps.inSession} />
      {waiting.length > 0 && (
        <div className="banner banner-warning" role="status">
          <p className="banner-title">{t('verify.waiting')}</p>
          {unproven.length > 0 && (
            <p className="verify-first">
              {t('verify.waiting.prove-first', { count: unproven.length, keys: namedKeys(tr, unproven) })}
            </p>
          )}
          <ul className="key-list">
            {waiting.map((k) => (
              <li key={k.keyId}>
                {k.alias}
                {t('text.bracketed', { text: k.spec })} <span className="mono">{k.keyId}</span>
                {t('text.lead')}
                {t('verify.material-gone', { how: k.lapsed ? 'lapsed' : 'deleted' })}
              </li>
            ))}
          </ul>
          <p>{t('verify.restore-hint')}</p>
        </div>
      )}
      <DeleteMaterial keys={keys} available={steps.canRun('deleteMaterial')} />
    </PlannedStep>
  );
}

export function OnlineReceiptStep() {
  const steps = useOnlineSteps();
  return <ReceiptStep plan={ONLINE_PLAN.receipt} side="online" steps={steps} />;
}
