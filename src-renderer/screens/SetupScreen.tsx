/**
 * Ceremony setup: the title, the operator, the witnesses and the folder for journals and receipts;
 * receipt paper and language; on the online side the wrapping algorithm and the material expiry of
 * AES keys (main checks it with a plan's rule and journals it when the online side starts).
 */
import { useState } from 'react';
import { DEFAULT_PAPER_SIZE, PAPER_SIZES, RECEIPT_LANGUAGES, type CeremonySetup } from '../../src-main/ipc/contract';
import { Activity } from '../components/Activity';
import { RadioChoices } from '../components/RadioChoices';
import { WrappingAlgorithmChoice, type WrappingAlgorithm } from '../components/WrappingAlgorithmChoice';
import { TextField } from '../components/Fields';
import { FieldRow } from '../components/FieldRow';
import { FormSubmit } from '../components/FormSubmit';
import { ScreenHeading } from '../components/ScreenHeading';
import { useT } from '../i18n';
import { useAppStore } from '../store/store';

type PaperSize = CeremonySetup['paperSize'];
type ReceiptLanguage = CeremonySetup['receiptLanguage'];

export function SetupScreen() {
  const mode = useAppStore((s) => s.mode);
  const setup = useAppStore((s) => s.setup);
  const started = useAppStore((s) => !!s.ceremony && (s.ceremony.online !== null || s.ceremony.airGap !== null));
  const languagesInUse = useAppStore((s) => s.ceremony?.receiptLanguagesInUse);
  const saveSetup = useAppStore((s) => s.saveSetup);
  const goTo = useAppStore((s) => s.goTo);
  const { t } = useT();
  const [title, setTitle] = useState(setup?.title ?? (mode === 'rehearsal' ? t('setup.rehearsal-title') : ''));
  const [operator, setOperator] = useState(setup?.operator ?? '');
  const [witnesses, setWitnesses] = useState<string[]>(setup ? [...setup.witnesses] : ['']);
  const [folder, setFolder] = useState(setup?.folder ?? '');
  const [paperSize, setPaperSize] = useState<PaperSize>(setup?.paperSize ?? DEFAULT_PAPER_SIZE);
  // None shown until the officer chooses one (a setup saved before shows its choice): left so, a
  // journal continued keeps the language it records, as the CLI does, and a new one takes the app's.
  // A default shown checked could not be chosen (a click on it changes nothing), and sent back on a
  // second save it would replace the journal's.
  const [receiptLanguage, setReceiptLanguage] = useState<ReceiptLanguage | undefined>(
    setup?.receiptLanguageChosen ?? undefined,
  );
  const [wrappingAlgorithm, setWrappingAlgorithm] = useState<WrappingAlgorithm>(
    setup?.wrappingAlgorithm ?? 'RSAES_OAEP_SHA_256',
  );
  const [materialExpiry, setMaterialExpiry] = useState(setup?.materialExpiry ?? 'never');
  const next = mode === 'air-gapped' ? 'air-gapped' : 'online';
  const fixed = !!(setup && started);

  const submit = async () => {
    if (setup && started) {
      goTo(next);
      return;
    }
    const ok = await saveSetup({
      title: title.trim(),
      operator: operator.trim(),
      witnesses: witnesses.map((w) => w.trim()).filter((w) => w !== ''),
      ...(folder.trim() !== '' ? { folder: folder.trim() } : {}),
      paperSize,
      ...(receiptLanguage !== undefined ? { receiptLanguage } : {}),
      ...(mode !== 'air-gapped' ? { wrappingAlgorithm } : {}),
      ...(mode !== 'air-gapped' && materialExpiry.trim() !== '' ? { materialExpiry: materialExpiry.trim() } : {}),
    });
    if (ok) goTo(next);
  };

  return (
    <div className="screen">
      <ScreenHeading>{t('setup.heading')}</ScreenHeading>
      <p className="lead">{t('setup.lead')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField label={t('setup.title')} value={title} onChange={setTitle} required name="title" />
        <TextField
          label={t('setup.operator')}
          value={operator}
          onChange={setOperator}
          required
          name="operator"
          hint={t('setup.operator.hint')}
        />
        <fieldset>
          <legend>{t('setup.witnesses')}</legend>
          <p className="hint">{t('setup.witnesses.hint')}</p>
          {witnesses.map((witness, i) => (
            <div key={i} className="row">
              <TextField
                label={t('setup.witness', { n: i + 1 })}
                value={witness}
                name={`witness-${i + 1}`}
                onChange={(value) => setWitnesses(witnesses.map((w, j) => (j === i ? value : w)))}
              />
              {witnesses.length > 1 && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setWitnesses(witnesses.filter((_, j) => j !== i))}
                >
                  {t('setup.remove-witness', { n: i + 1 })}
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => setWitnesses([...witnesses, ''])}
            disabled={witnesses.length >= 20}
          >
            {t('setup.add-witness')}
          </button>
        </fieldset>
        <FieldRow
          purpose="ceremony-folder"
          section="setup"
          text="setup.folder"
          hint={mode === 'rehearsal' ? t('setup.folder.hint-rehearsal') : t('setup.folder.hint')}
          value={folder}
          onChange={setFolder}
        />
        <RadioChoices
          legend={t('setup.paperSize.label')}
          hint={t('setup.paperSize.hint')}
          name="paper-size"
          choices={PAPER_SIZES}
          value={paperSize}
          disabled={fixed}
          onChange={setPaperSize}
          label={(size) => t(`setup.paperSize.${size}`)}
        />
        <RadioChoices
          legend={t('setup.receiptLanguage.label')}
          hint={t('setup.receiptLanguage.hint')}
          name="receipt-language"
          choices={RECEIPT_LANGUAGES}
          value={receiptLanguage}
          disabled={fixed}
          onChange={setReceiptLanguage}
          label={(language) => t(`setup.receiptLanguage.${language}`)}
        />
        {/* None chosen shows none checked: once a journal started, what its receipts print in is said. */}
        {receiptLanguage === undefined &&
          languagesInUse?.map(({ side, language }) => (
            <p key={side} className="hint" data-receipt-language-in-use={side}>
              {t('setup.receiptLanguage.inUse', {
                journal: t('journal.label', { side: side.replace(/-/g, '_') }),
                language: t(`setup.receiptLanguage.${language}`),
              })}
            </p>
          ))}
        {mode !== 'air-gapped' && (
          <WrappingAlgorithmChoice
            at="setup"
            value={wrappingAlgorithm}
            disabled={fixed}
            onChange={setWrappingAlgorithm}
          />
        )}
        {mode !== 'air-gapped' && (
          <TextField
            label={t('setup.materialExpiry')}
            value={materialExpiry}
            onChange={setMaterialExpiry}
            name="material-expiry"
            mono
            disabled={fixed}
            hint={t('setup.materialExpiry.hint')}
          />
        )}
        <FormSubmit>{fixed ? t('common.continue') : t('setup.save-and-continue')}</FormSubmit>
      </form>
      <Activity section="setup" />
    </div>
  );
}
