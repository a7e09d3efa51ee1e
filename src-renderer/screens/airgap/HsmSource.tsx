/**
 * The air-gapped HSM source (PKCS#11). In its own step, before the witnesses confirm, the officer
 * names the module (typed or picked), lists its tokens, picks one (label and serial), types the
 * user PIN and checks the token: the capability result (each spec can or cannot, with the
 * mechanisms or the reason and what would work instead) and the crashed session's objects are
 * shown before anyone types; the material step then generates in (or takes from) that token.
 * The PIN lives in this component's state only until the check is sent, then is cleared; the
 * store and every answer never hold it. Key material never reaches the renderer (it never leaves
 * the token): only labels, key check values and public-key fingerprints come back.
 */
import { useState, type ReactNode } from 'react';
import type { HsmCapabilityView, HsmTokenView, KeySpecName } from '../../../src-main/ipc/contract';
import { CheckboxField, SelectField, TextField } from '../../components/Fields';
import { FieldRow } from '../../components/FieldRow';
import { Hex } from '../../components/Hex';
import { SourceChoice, sourceChoices } from '../../components/SourceChoice';
import { StepButton } from '../../components/Step';
import { useT } from '../../i18n';
import { useAppStore } from '../../store/store';
import { phraseText } from '../../../src-main/i18n/phrase';
import { listText } from '../../../src-main/i18n/list';
import { CrashedObjects, DestroyedObjects, UnprovenObjects } from './CrashedObjects';
import { destroyedBeforeRefusal } from '../../../src-main/ipc/schemas/airgap';
import { AIR_GAP_PLAN } from './plan';

const KEY_SOURCES = sourceChoices('hsm-keys', 'hsm.keys', {
  generate: 'hsm.keys.generate',
  existing: 'hsm.keys.existing',
});

function TokenDetails({ token }: { token: HsmTokenView }) {
  const { t } = useT();
  return (
    <div className="hsm-token" aria-live="polite">
      <p>
        {t('hsm.token.details', {
          manufacturer: token.manufacturer,
          model: token.model,
          serial: token.serial,
          firmware: token.firmware,
          slot: token.slotId,
        })}
      </p>
      {!token.initialized && <p className="hint">{t('hsm.token.uninitialized')}</p>}
      <p>{t('hsm.token.pin', { state: token.pin })}</p>
      <details>
        <summary>{t('hsm.mechanisms', { count: token.mechanismCount })}</summary>
        <ul className="mechanisms">
          {token.mechanisms.map((m) => (
            <li key={m.name} className="mono">
              {!m.present
                ? t('hsm.mechanism.missing', { name: m.name })
                : m.minKeySize !== null && m.maxKeySize !== null && m.maxKeySize > 0
                  ? t('hsm.mechanism.range', { name: m.name, min: m.minKeySize, max: m.maxKeySize })
                  : t('hsm.mechanism.present', { name: m.name })}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** The capability check as read before anything is generated. */
function HsmCapabilityResult({ result }: { result: HsmCapabilityView }) {
  const { t, problemLine } = useT();
  const { token } = result;
  return (
    <section
      className={`banner ${result.accepted ? 'banner-ok' : 'banner-warning'}`}
      aria-labelledby="hsm-result-title"
      data-hsm-result={result.accepted ? 'accepted' : 'refused'}
    >
      <p className="banner-title" id="hsm-result-title">
        {t('hsm.result.title', {
          label: token.label,
          manufacturer: token.manufacturer,
          model: token.model,
          serial: token.serial,
          firmware: token.firmware,
        })}
      </p>
      <p>{result.accepted ? t('hsm.result.accepted') : t('hsm.result.refused')}</p>
      {result.checks.map((check) => (
        <div key={check.algorithm}>
          <p>{t('hsm.result.algorithm', { algorithm: check.algorithm })}</p>
          <ul className="capabilities">
            {check.specs.map((s) => {
              if (s.ok)
                return (
                  <li key={s.spec} data-spec={s.spec} data-ok="yes">
                    {t('hsm.result.spec-ok', { spec: s.spec, mechanisms: listText({ t }, s.mechanisms) })}
                  </li>
                );
              const shown = s.problem ? problemLine(s.problem) : null;
              const other = s.problem?.values?.['worksWithAlgorithm'];
              return (
                <li key={s.spec} data-spec={s.spec} data-ok="no">
                  <strong>{t('hsm.result.spec-refused', { spec: s.spec })}</strong>
                  {shown && <> {shown}</>}
                  {typeof other === 'string' && <p>{t('hsm.result.other-algorithm', { algorithm: other })}</p>}
                </li>
              );
            })}
          </ul>
          {result.zeroFilledPadAccepted && check.keyWrapFraming === 'zero-filled' && check.keyWrapMechanism && (
            <p className="warning">{t('hsm.result.zero-filled', { mechanism: check.keyWrapMechanism })}</p>
          )}
        </div>
      ))}
    </section>
  );
}

/** The initialized tokens of the module last listed, and the one chosen by serial (else the first). */
function useChosenToken(serial: string): HsmTokenView | null {
  const tokens = useAppStore((s) => s.hsmTokens);
  const usable = (tokens?.tokens ?? []).filter((tk) => tk.initialized);
  return usable.find((tk) => tk.serial === serial) ?? usable[0] ?? null;
}

/**
 * The module (typed or picked), "List the tokens" (no PIN), the token chosen by label and serial
 * with its details. `children` (the PIN and what follows) appear once a token can be chosen.
 */
function HsmTokenPicker({
  section,
  available,
  serial,
  onSerial,
  children,
}: {
  section: string;
  available: boolean;
  serial: string;
  onSerial: (serial: string) => void;
  children: ReactNode;
}) {
  const tokens = useAppStore((s) => s.hsmTokens);
  const listTokens = useAppStore((s) => s.listHsmTokens);
  const [modulePath, setModulePath] = useState(tokens?.modulePath ?? '');
  const chosen = useChosenToken(serial);
  const usable = (tokens?.tokens ?? []).filter((tk) => tk.initialized);
  const { t } = useT();
  return (
    <>
      <FieldRow purpose="hsm-module" section={section} text="hsm.module" value={modulePath} onChange={setModulePath} />
      <StepButton
        available={available && modulePath.trim() !== ''}
        onClick={() => void listTokens(modulePath.trim(), section)}
      >
        {t('hsm.list-tokens')}
      </StepButton>
      {tokens && (
        <>
          <p>
            {t('hsm.module.found', {
              manufacturer: tokens.module.manufacturer,
              description: tokens.module.description,
              version: tokens.module.version,
              cryptoki: tokens.module.cryptoki,
            })}
          </p>
          {usable.length === 0 ? (
            <p className="hint">{t('hsm.no-token')}</p>
          ) : (
            <>
              <SelectField
                label={t('hsm.token')}
                value={chosen?.serial ?? ''}
                options={usable.map((tk) => ({
                  value: tk.serial,
                  label: t('hsm.token.option', { label: tk.label, serial: tk.serial }),
                }))}
                onChange={onSerial}
              />
              {chosen && <TokenDetails token={chosen} />}
              {children}
            </>
          )}
        </>
      )}
    </>
  );
}

/** What opens the chosen token: its module, the token (serial, else label), the PIN, the rehearsal override. */
type TokenLogin = { modulePath: string; token: string; pin: string; acceptZeroFilledPad?: true };

/**
 * The PIN field, the rehearsal-only override and the button that sends them with the chosen
 * token, as both HSM sources ask for them. The PIN leaves this field when sent (cleared whatever
 * the answer).
 */
function PinForm({
  chosen,
  available,
  onSend,
  children,
}: {
  chosen: HsmTokenView | null;
  /** The step may run (a token must be chosen and a PIN typed too). */
  available: boolean;
  onSend: (login: TokenLogin) => void;
  /** The button's words. */
  children: ReactNode;
}) {
  const mode = useAppStore((s) => s.mode);
  const tokens = useAppStore((s) => s.hsmTokens);
  const [pin, setPin] = useState('');
  const [acceptZeroFilled, setAcceptZeroFilled] = useState(false);
  const { t } = useT();
  const send = () => {
    const typed = pin;
    setPin('');
    if (!tokens || !chosen) return;
    onSend({
      modulePath: tokens.modulePath,
      token: chosen.serial || chosen.label,
      pin: typed,
      ...(mode === 'rehearsal' && acceptZeroFilled ? { acceptZeroFilledPad: true as const } : {}),
    });
  };
  return (
    <>
      {mode === 'rehearsal' && (
        <CheckboxField
          id="hsm-accept-zero-filled"
          label={t('hsm.zero-filled.accept')}
          checked={acceptZeroFilled}
          onChange={setAcceptZeroFilled}
        />
      )}
      <FieldRow text="hsm.pin" type="password" value={pin} onChange={setPin} />
      <StepButton available={available && chosen !== null && pin !== ''} onClick={send}>
        {children}
      </StepButton>
    </>
  );
}

/**
 * The token check (its own step, before the witnesses): whether to generate or take keys already
 * in the token (by label), the PIN, then the capability result and what was done with the objects
 * a crashed session left. A refusal (HSM_LABEL_TAKEN, an ambiguous key label) shows in the step,
 * after what the check destroyed before it, which the refusal carries.
 */
export function HsmTokenCheck({
  available,
  keys,
}: {
  available: boolean;
  keys: readonly { keyId: string; alias: string; spec: KeySpecName }[];
}) {
  const capability = useAppStore((s) => s.hsmCapability);
  const checkToken = useAppStore((s) => s.checkHsmToken);
  const refusal = useAppStore((s) => (s.problem?.section === AIR_GAP_PLAN.hsm.section ? s.problem : null));
  const destroyedFirst = destroyedBeforeRefusal(refusal?.values);
  const [serial, setSerial] = useState('');
  const [keySource, setKeySource] = useState<'generate' | 'existing'>('generate');
  const [labels, setLabels] = useState<Record<string, string>>({});
  const chosen = useChosenToken(serial);
  const { t } = useT();
  const labelsGiven = Object.fromEntries(
    Object.entries(labels)
      .map(([keyId, label]) => [keyId, label.trim()] as const)
      .filter(([, label]) => label !== ''),
  );

  const check = (login: TokenLogin) =>
    checkToken({
      ...login,
      ...(keySource === 'existing'
        ? { existingKeys: Object.keys(labelsGiven).length > 0 ? { labels: labelsGiven } : {} }
        : {}),
    });

  return (
    <div className="hsm-source">
      <HsmTokenPicker section={AIR_GAP_PLAN.hsm.section} available={available} serial={serial} onSerial={setSerial}>
        <SourceChoice choices={KEY_SOURCES} value={keySource} onChange={setKeySource} />
        {keySource === 'existing' &&
          keys.map((k) => (
            <TextField
              key={k.keyId}
              label={t('hsm.key-label', { alias: k.alias, spec: k.spec })}
              value={labels[k.keyId] ?? ''}
              onChange={(value) => setLabels({ ...labels, [k.keyId]: value })}
              hint={t('hsm.key-label.hint')}
            />
          ))}
        <PinForm chosen={chosen} available={available} onSend={(login) => void check(login)}>
          {t('hsm.check')}
        </PinForm>
      </HsmTokenPicker>
      {capability && <HsmCapabilityResult result={capability} />}
      {capability && <CrashedObjects cleanup={capability.crashedObjects} />}
      {destroyedFirst && (
        <div className="crashed-objects" data-testid="destroyed-before-refusal">
          {destroyedFirst.count > 0 && <DestroyedObjects destroyed={destroyedFirst} />}
          <UnprovenObjects unproven={destroyedFirst.unproven} />
        </div>
      )}
    </div>
  );
}

/** The material step's HSM source: generate in (or take from) the token the token check accepted. */
export function HsmProduce({ available }: { available: boolean }) {
  const capability = useAppStore((s) => s.hsmCapability);
  const generate = useAppStore((s) => s.generateMaterial);
  const { t } = useT();
  if (!capability?.accepted) return <p className="hint">{t('hsm.check-first', { number: AIR_GAP_PLAN.hsm.number })}</p>;
  return (
    <StepButton available={available} onClick={() => void generate()}>
      {capability.existingKeys ? t('hsm.produce.existing') : t('hsm.produce.generate')}
    </StepButton>
  );
}

/**
 * The custody restore of HSM material: the token the air-gapped journal recorded, its PIN, and
 * the proof that each recorded token object still holds that material (check computed in the HSM).
 */
export function RestoreHsmSource({ available }: { available: boolean }) {
  const restored = useAppStore((s) => s.hsmRestored);
  const restore = useAppStore((s) => s.restoreFromHsm);
  const [serial, setSerial] = useState('');
  const [journal, setJournal] = useState('');
  const chosen = useChosenToken(serial);
  const { t, message } = useT();
  const submit = (login: TokenLogin) =>
    restore({ ...login, ...(journal.trim() !== '' ? { airGapJournal: journal.trim() } : {}) });
  return (
    <div className="hsm-source">
      <HsmTokenPicker section="restore-shares" available={available} serial={serial} onSerial={setSerial}>
        <FieldRow
          purpose="journal-file"
          section="restore-shares"
          text="hsm.restore.journal"
          value={journal}
          onChange={setJournal}
        />
        <PinForm chosen={chosen} available={available} onSend={(login) => void submit(login)}>
          {t('hsm.restore.button')}
        </PinForm>
      </HsmTokenPicker>
      {restored && (
        <div className="card" data-hsm-restored="yes">
          <p>
            {t('hsm.restore.result', {
              label: restored.token.label,
              serial: restored.token.serial,
              journal: restored.recordedIn,
            })}
          </p>
          <ul className="key-list">
            {restored.keys.map((k) => (
              <li key={k.keyId}>
                {t('hsm.restore.key', { keyId: k.keyId, spec: k.spec, label: k.objectLabel, seq: k.recordedSeq })}{' '}
                {k.keyCheckValue && <Hex value={k.keyCheckValue} size="small" label={t('hsm.restore.kcv')} />}
                {k.publicKeyFingerprint && (
                  <Hex value={k.publicKeyFingerprint} size="small" label={t('hsm.restore.public-key')} />
                )}
              </li>
            ))}
          </ul>
          <p>{phraseText({ message }, restored.proof)}</p>
        </div>
      )}
    </div>
  );
}
