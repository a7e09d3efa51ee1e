/**
 * What a custodian hands over for a restore, as a file on media or as text typed from paper
 * (FileOrTyped: share slips and the backup), and a custody set's backup (BackupField: from its
 * file, or typed/pasted from its printout; checked in main, line by line).
 */
import { useState } from 'react';
import { PathField, TextAreaField } from '../../components/Fields';
import { SourceChoice, sourceChoices, type SourceOf } from '../../components/SourceChoice';
import { StepButton } from '../../components/Step';
import { useAppStore } from '../../store/store';
import { useRestoreSteps } from '../../store/allowed-steps';
import { useT } from '../../i18n';

const BACKUP_SOURCES = sourceChoices('backup-source', 'restore.backup.source', {
  file: 'restore.backup.source.file',
  typed: 'restore.backup.source.typed',
});

/** What each kind of thing handed over reads as: its file field and its typed field. */
const FILE_OR_TYPED = {
  share: {
    purpose: 'share-file',
    file: 'restore.share-file',
    typed: 'restore.slip-lines',
    hint: 'restore.slip-lines.hint',
  },
  backup: {
    purpose: 'backup-file',
    file: 'restore.backup.file',
    typed: 'restore.backup.typed',
    hint: 'restore.backup.typed.hint',
  },
} as const;

/** A file path and a typed text, kept apart (switching between file and typed loses neither) until `clear`. */
export function useFileOrTyped() {
  const [file, setFile] = useState('');
  const [typed, setTyped] = useState('');
  return {
    file,
    setFile,
    typed,
    setTyped,
    /** Whether the chosen one (`asTyped`: the text, else the file) holds something. */
    filled: (asTyped: boolean) => (asTyped ? typed : file).trim() !== '',
    clear: () => {
      setFile('');
      setTyped('');
    },
  };
}

/** The file field of a share slip or the backup, or the text typed from its paper, as `typed` says. */
export function FileOrTyped({
  kind,
  typed,
  input,
}: {
  kind: keyof typeof FILE_OR_TYPED;
  typed: boolean;
  input: ReturnType<typeof useFileOrTyped>;
}) {
  const { t } = useT();
  const texts = FILE_OR_TYPED[kind];
  return typed ? (
    <TextAreaField label={t(texts.typed)} value={input.typed} onChange={input.setTyped} hint={t(texts.hint)} />
  ) : (
    <PathField
      purpose={texts.purpose}
      section="restore-shares"
      label={t(texts.file)}
      value={input.file}
      onChange={input.setFile}
    />
  );
}

/** A custody set's backup: from its file, or typed/pasted from its printout. */
export function BackupField() {
  const steps = useRestoreSteps();
  const backup = useAppStore((s) => s.presentedBackup);
  const present = useAppStore((s) => s.presentBackup);
  const [source, setSource] = useState<SourceOf<typeof BACKUP_SOURCES>>('file');
  const input = useFileOrTyped();
  const { t } = useT();
  const submit = async () => {
    const ok = await present(
      source === 'file' ? { kind: 'file', file: input.file.trim() } : { kind: 'typed', typed: input.typed },
    );
    if (ok) input.clear();
  };
  return (
    <fieldset className="custody-backup">
      <legend>{t('restore.backup')}</legend>
      <p className="hint">{t('restore.backup.intro')}</p>
      <SourceChoice choices={BACKUP_SOURCES} value={source} onChange={setSource} />
      <FileOrTyped kind="backup" typed={source === 'typed'} input={input} />
      <StepButton
        available={steps.canRun('presentBackup') && input.filled(source === 'typed')}
        onClick={() => void submit()}
      >
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
