/**
 * The air-gapped material step's third source: an HSM through its PKCS#11 module. The officer
 * names the module (typed or picked), lists its tokens, picks one (label and serial), types the
 * user PIN and checks the token: the capability result (each spec can or cannot, with the
 * mechanisms or the reason and what would work instead) is shown before anything is generated.
 * The PIN lives in this component's state only until the check is sent, then is cleared; the
 * store and every answer never hold it. Key material never reaches the renderer (it never leaves
 * the token): only labels, key check values and public-key fingerprints come back.
 */
import { useState } from 'react';
import type { HsmCapabilityView, HsmTokenView, KeySpecName } from '../../../src-main/ipc/contract';
import { CheckboxField, PathField, SelectField, TextField } from '../../components/Fields';
import { SourceChoice } from '../../components/SourceChoice';
import { StepButton } from '../../components/Step';
import { useT } from '../../i18n';
import { useAppStore } from '../../store/store';

const KEY_SOURCES = [
  { value: 'generate', id: 'hsm-keys-generate', label: 'hsm.keys.generate' },
  { value: 'existing', id: 'hsm-keys-existing', label: 'hsm.keys.existing' },
] as const;

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
export function HsmCapabilityResult({ result }: { result: HsmCapabilityView }) {
  const { t, problem } = useT();
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
                    {t('hsm.result.spec-ok', { spec: s.spec, mechanisms: s.mechanisms.join(', ') })}
                  </li>
                );
              const shown = s.problem ? problem(s.problem) : null;
              const other = s.problem?.values?.['worksWithAlgorithm'];
              return (
                <li key={s.spec} data-spec={s.spec} data-ok="no">
                  <strong>{t('hsm.result.spec-refused', { spec: s.spec })}</strong>
                  {shown && (
                    <>
                      {' '}
                      {shown.message} {shown.nextStep}
                    </>
                  )}
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

export function HsmSource({
  available,
  keys,
}: {
  available: boolean;
  keys: readonly { keyId: string; alias: string; spec: KeySpecName }[];
}) {
  const mode = useAppStore((s) => s.mode);
  const plan = useAppStore((s) => s.ceremony?.airGap?.preflight ?? null);
  const tokens = useAppStore((s) => s.hsmTokens);
  const capability = useAppStore((s) => s.hsmCapability);
  const listTokens = useAppStore((s) => s.listHsmTokens);
  const checkToken = useAppStore((s) => s.checkHsmToken);
  const generate = useAppStore((s) => s.generateMaterial);
  const [modulePath, setModulePath] = useState('');
  const [serial, setSerial] = useState('');
  const [pin, setPin] = useState('');
  const [keySource, setKeySource] = useState<'generate' | 'existing'>('generate');
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [acceptZeroFilled, setAcceptZeroFilled] = useState(false);
  const { t, message } = useT();
  const custodyPlanned = (plan?.custody ?? null) !== null;
  const usable = (tokens?.tokens ?? []).filter((tk) => tk.initialized);
  const chosen = usable.find((tk) => tk.serial === serial) ?? usable[0] ?? null;
  const labelsGiven = Object.fromEntries(
    Object.entries(labels)
      .map(([keyId, label]) => [keyId, label.trim()] as const)
      .filter(([, label]) => label !== ''),
  );

  const check = async () => {
    if (!tokens || !chosen) return;
    const typed = pin;
    // The PIN leaves this field now: cleared whatever the answer.
    setPin('');
    await checkToken({
      modulePath: tokens.modulePath,
      token: chosen.serial || chosen.label,
      pin: typed,
      ...(keySource === 'existing'
        ? { existingKeys: Object.keys(labelsGiven).length > 0 ? { labels: labelsGiven } : {} }
        : {}),
      ...(mode === 'rehearsal' && acceptZeroFilled ? { acceptZeroFilledPad: true as const } : {}),
    });
  };

  if (custodyPlanned) return <p className="banner banner-warning">{t('hsm.custody-planned')}</p>;
  return (
    <div className="hsm-source">
      <PathField
        purpose="hsm-module"
        section="air-material"
        label={t('hsm.module')}
        value={modulePath}
        onChange={setModulePath}
        hint={t('hsm.module.hint')}
      />
      <StepButton available={available && modulePath.trim() !== ''} onClick={() => void listTokens(modulePath.trim())}>
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
                onChange={setSerial}
              />
              {chosen && <TokenDetails token={chosen} />}
              <SourceChoice
                legend={t('hsm.keys')}
                name="hsm-keys"
                value={keySource}
                options={KEY_SOURCES.map((o) => ({ ...o, label: message({ key: o.label }) }))}
                onChange={setKeySource}
              />
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
              {mode === 'rehearsal' && (
                <CheckboxField
                  id="hsm-accept-zero-filled"
                  label={t('hsm.zero-filled.accept')}
                  checked={acceptZeroFilled}
                  onChange={setAcceptZeroFilled}
                />
              )}
              <TextField label={t('hsm.pin')} type="password" value={pin} onChange={setPin} hint={t('hsm.pin.hint')} />
              <StepButton available={available && chosen !== null && pin !== ''} onClick={() => void check()}>
                {t('hsm.check')}
              </StepButton>
            </>
          )}
        </>
      )}
      {capability && <HsmCapabilityResult result={capability} />}
      {capability?.accepted && (
        <StepButton available={available} onClick={() => void generate()}>
          {capability.existingKeys ? t('hsm.produce.existing') : t('hsm.produce.generate')}
        </StepButton>
      )}
    </div>
  );
}
