/**
 * What a custodian hands over for a restore, as a file on media or as text typed from paper
 * (FileOrTyped: share slips and the backup), and a custody set's backup (BackupField: from its
 * file, or typed/pasted from its printout; checked in main, line by line).
 */
import { useState } from 'react';
import { PathField, TextAreaField } from '../../components/Fields';
import { SourceChoice } from '../../components/SourceChoice';
import { StepButton } from '../../components/Step';
import { useAppStore } from '../../store/store';
import { useRestoreSteps } from '../../store/allowed-steps';
import { useT } from '../../i18n';

const BACKUP_SOURCES = [
  { value: 'file', id: 'backup-file', label: 'restore.backup.source.file' },
  { value: 'typed', id: 'backup-typed', label: 'restore.backup.source.typed' },
] as const;

interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** A file path, or the text typed from paper, as `typed` says. */
export function FileOrTyped({
  typed,
  file,
  text,
}: {
  typed: boolean;
  file: FieldProps & { readonly purpose: 'share-file' | 'backup-file' };
  text: FieldProps & { readonly hint: string };
}) {
  return typed ? (
    <TextAreaField label={text.label} value={text.value} onChange={text.onChange} hint={text.hint} />
  ) : (
    <PathField
      purpose={file.purpose}
      section="restore-shares"
      label={file.label}
      value={file.value}
      onChange={file.onChange}
    />
  );
}

/** A custody set's backup: from its file, or typed/pasted from its printout. */
export function BackupField() {
  const steps = useRestoreSteps();
  const backup = useAppStore((s) => s.presentedBackup);
  const present = useAppStore((s) => s.presentBackup);
  const [source, setSource] = useState<(typeof BACKUP_SOURCES)[number]['value']>('file');
  const [file, setFile] = useState('');
  const [typed, setTyped] = useState('');
  const { t, message } = useT();
  const ready = source === 'file' ? file.trim() !== '' : typed.trim() !== '';
  const submit = async () => {
    const ok = await present(source === 'file' ? { kind: 'file', file: file.trim() } : { kind: 'typed', typed });
    if (ok) {
      setFile('');
      setTyped('');
    }
  };
  return (
    <fieldset className="custody-backup">
      <legend>{t('restore.backup')}</legend>
      <p className="hint">{t('restore.backup.intro')}</p>
      <SourceChoice
        legend={t('restore.backup.source')}
        name="backup-source"
        value={source}
        options={BACKUP_SOURCES.map((o) => ({ ...o, label: message({ key: o.label }) }))}
        onChange={setSource}
      />
      <FileOrTyped
        typed={source === 'typed'}
        file={{ purpose: 'backup-file', label: t('restore.backup.file'), value: file, onChange: setFile }}
        text={{
          label: t('restore.backup.typed'),
          hint: t('restore.backup.typed.hint'),
          value: typed,
          onChange: setTyped,
        }}
      />
      <StepButton available={steps.canRun('presentBackup') && ready} onClick={() => void submit()}>
        {t('restore.backup.present')}
      </StepButton>
      {backup && (
        <p className="backup-presented">
          {t('restore.backup.presented', {
            ceremonyId: backup.ceremonyId,
            keys: backup.keys,
            source: backup.source,
            digest: `${backup.digest.slice(0, 16)}…`,
          })}
        </p>
      )}
    </fieldset>
  );
}
