/** Wrapping-key fingerprints shown large, each typed back by a named witness, confirmed or refused. */
import { useState } from 'react';
import { SelectField, TextField } from './Fields';
import { Hex } from './Hex';
import { StepButton } from './Step';
import { useT } from '../i18n';

interface FingerprintToConfirm {
  fingerprint: string;
  keyIds: readonly string[];
  confirmedBy: readonly string[];
  pending: readonly string[];
}

type ConfirmFingerprint = (request: { witness: string; typed: string }) => Promise<boolean>;

/** One wrapping-key fingerprint: shown large, typed back by a named witness, confirmed or refused. */
export function FingerprintCard({
  index,
  fingerprint,
  witnesses,
  available,
  onConfirm,
}: {
  index: number;
  fingerprint: FingerprintToConfirm;
  witnesses: readonly string[];
  available: boolean;
  onConfirm: ConfirmFingerprint;
}) {
  const [chosen, setWitness] = useState(fingerprint.pending[0] ?? witnesses[0] ?? '');
  const [typed, setTyped] = useState('');
  const confirmed = fingerprint.pending.length === 0;
  // Each witness confirms for themselves: once the chosen one has, the next who has not is asked.
  const witness = fingerprint.pending.includes(chosen) || confirmed ? chosen : (fingerprint.pending[0] ?? chosen);
  const { t } = useT();
  const names = (list: readonly string[]) => list.join(t('list.separator'));
  return (
    <div className={`card fingerprint ${confirmed ? 'confirmed' : ''}`}>
      <h3>
        {t('fingerprint.wrapping-key', { n: index + 1 })}{' '}
        {confirmed
          ? t('fingerprint.confirmed-by', { witnesses: names(fingerprint.confirmedBy) })
          : t('fingerprint.not-confirmed')}
      </h3>
      <p className="hint witnesses-status">
        {fingerprint.confirmedBy.length > 0
          ? t('fingerprint.typed-by', { witnesses: names(fingerprint.confirmedBy) })
          : ''}{' '}
        {fingerprint.pending.length > 0
          ? t('fingerprint.still-to-type', { witnesses: names(fingerprint.pending) })
          : ''}
      </p>
      <p className="hint covers">
        {t('fingerprint.covers', { count: fingerprint.keyIds.length })} {fingerprint.keyIds.join(', ')}
      </p>
      <Hex value={fingerprint.fingerprint} label={t('fingerprint.label', { n: index + 1 })} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void onConfirm({ witness, typed }).then((ok) => {
            if (ok) setTyped('');
          });
        }}
      >
        <SelectField
          label={t('fingerprint.witness', { n: index + 1 })}
          value={witness}
          options={witnesses.map((w) => ({ value: w, label: w }))}
          onChange={setWitness}
        />
        <TextField
          label={t('fingerprint.as-heard', { n: index + 1 })}
          value={typed}
          onChange={setTyped}
          mono
          hint={t('fingerprint.as-heard.hint')}
        />
        <StepButton submit available={available && typed.trim() !== '' && witness !== ''} primary={!confirmed}>
          {witness ? t('fingerprint.confirm-as', { witness }) : t('fingerprint.confirm')}
        </StepButton>
      </form>
    </div>
  );
}

/** Every fingerprint of a ceremony, one card each, in order. */
export function FingerprintConfirmation({
  fingerprints,
  witnesses,
  available,
  onConfirm,
}: {
  fingerprints: readonly FingerprintToConfirm[];
  witnesses: readonly string[];
  available: boolean;
  onConfirm: ConfirmFingerprint;
}) {
  return (
    <>
      {fingerprints.map((f, i) => (
        <FingerprintCard
          key={f.fingerprint}
          index={i}
          fingerprint={f}
          witnesses={witnesses}
          available={available}
          onConfirm={onConfirm}
        />
      ))}
    </>
  );
}
