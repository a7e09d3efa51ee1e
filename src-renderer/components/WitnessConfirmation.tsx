/**
 * The witnesses' confirmations (DESIGN rule 7). For an import-parameters bundle: one card, where
 * each witness in turn types the bundle digest read aloud from the online workstation; the digest
 * is not shown until every witness has typed it, and nobody can be skipped. The wrapping-key
 * fingerprints it binds stay available (folded) for anyone who wants to compare them too. For the
 * console's raw files: one card per wrapping key, whose fingerprint is shown to compare aloud.
 */
import { useState } from 'react';
import { SelectField, TextField } from './Fields';
import { Hex } from './Hex';
import { StepButton } from './Step';
import { useT } from '../i18n';
import { listText } from '../../src-main/i18n/list';
import type { ArtefactToConfirmView } from '../../src-main/ipc/contract';

type ConfirmAsWitness = (request: { witness: string; typed: string; artefact: number }) => Promise<boolean>;

interface CardProps {
  artefact: ArtefactToConfirmView;
  available: boolean;
  onConfirm: ConfirmAsWitness;
}

/** Who has typed the value and who is still to, and the form for the next witness (never a skip). */
function WitnessTyping({ artefact, available, onConfirm, label }: CardProps & { label: (witness: string) => string }) {
  const tr = useT();
  const { t } = tr;
  const names = (list: readonly string[]) => listText(tr, list);
  const [chosen, setWitness] = useState(artefact.pending[0] ?? '');
  const [typed, setTyped] = useState('');
  // Each witness confirms for themselves: once the chosen one has, the next who has not is asked.
  const witness = artefact.pending.includes(chosen) ? chosen : (artefact.pending[0] ?? '');
  return (
    <>
      <p className="hint witnesses-status">
        {artefact.confirmedBy.length > 0 ? t('fingerprint.typed-by', { witnesses: names(artefact.confirmedBy) }) : ''}{' '}
        {artefact.pending.length > 0
          ? t('fingerprint.still-to-type', { witnesses: names(artefact.pending) })
          : t('bundle-confirm.all-confirmed', { witnesses: names(artefact.confirmedBy) })}
      </p>
      {witness !== '' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void onConfirm({ witness, typed, artefact: artefact.index }).then((ok) => {
              if (ok) setTyped('');
            });
          }}
        >
          <SelectField
            label={t('bundle-confirm.witness')}
            value={witness}
            options={artefact.pending.map((w) => ({ value: w, label: w }))}
            onChange={setWitness}
          />
          <TextField
            label={label(witness)}
            value={typed}
            onChange={setTyped}
            mono
            hint={t('fingerprint.as-heard.hint')}
          />
          <StepButton submit available={available && typed.trim() !== ''}>
            {t('fingerprint.confirm-as', { witness })}
          </StepButton>
        </form>
      )}
    </>
  );
}

/** The import-parameters bundle: every witness types its digest as heard; shown only once all have. */
function BundleDigestCard({ artefact, available, onConfirm }: CardProps) {
  const tr = useT();
  const { t } = tr;
  const confirmed = artefact.pending.length === 0;
  const names = (list: readonly string[]) => listText(tr, list);
  return (
    <div className={`card fingerprint bundle-digest ${confirmed ? 'confirmed' : ''}`}>
      <h3>
        {t('bundle-confirm.title')}{' '}
        {confirmed
          ? t('fingerprint.confirmed-by', { witnesses: names(artefact.confirmedBy) })
          : t('fingerprint.not-confirmed')}
      </h3>
      <p>{t('bundle-confirm.intro', { count: artefact.keyIds.length })}</p>
      {artefact.shown ? (
        <>
          <p>{t('bundle-confirm.shown')}</p>
          <Hex value={artefact.shown} label={t('bundle-confirm.label')} />
        </>
      ) : (
        <p className="hint digest-hidden">{t('bundle-confirm.hidden')}</p>
      )}
      <WitnessTyping
        artefact={artefact}
        available={available}
        onConfirm={onConfirm}
        label={(witness) => t('bundle-confirm.typed-as', { witness })}
      />
      <details className="covered-fingerprints">
        <summary>{t('bundle-confirm.fingerprints', { count: artefact.keyIds.length })}</summary>
        <ul className="key-list">
          {artefact.fingerprints.map((f) => (
            <li key={f.keyId}>
              <span className="mono">{f.keyId}</span> <Hex value={f.fingerprint} size="small" />
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** One wrapping key of the console's files: its fingerprint shown large, typed back by each witness. */
function WrappingKeyCard({ artefact, available, onConfirm, n }: CardProps & { n: number }) {
  const tr = useT();
  const { t } = tr;
  const confirmed = artefact.pending.length === 0;
  const names = (list: readonly string[]) => listText(tr, list);
  return (
    <div className={`card fingerprint ${confirmed ? 'confirmed' : ''}`}>
      <h3>
        {t('fingerprint.wrapping-key', { n })}{' '}
        {confirmed
          ? t('fingerprint.confirmed-by', { witnesses: names(artefact.confirmedBy) })
          : t('fingerprint.not-confirmed')}
      </h3>
      <p className="hint covers">
        {t('fingerprint.covers', { count: artefact.keyIds.length })} {names(artefact.keyIds)}
      </p>
      <Hex value={artefact.shown ?? ''} label={t('fingerprint.label', { n })} />
      <WitnessTyping
        artefact={artefact}
        available={available}
        onConfirm={onConfirm}
        label={() => t('fingerprint.as-heard', { n })}
      />
    </div>
  );
}

/** Everything the witnesses of a ceremony confirm, one card per artefact, in order. */
export function WitnessConfirmation({
  confirmations,
  available,
  onConfirm,
}: {
  confirmations: readonly ArtefactToConfirmView[];
  available: boolean;
  onConfirm: ConfirmAsWitness;
}) {
  return (
    <>
      {confirmations.map((a) =>
        a.kind === 'import-parameters-bundle' ? (
          <BundleDigestCard key={a.index} artefact={a} available={available} onConfirm={onConfirm} />
        ) : (
          <WrappingKeyCard key={a.index} n={a.index + 1} artefact={a} available={available} onConfirm={onConfirm} />
        ),
      )}
    </>
  );
}
