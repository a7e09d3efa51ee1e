/** The folder of an import-parameters bundle on removable media, and the button that reads it. */
import { useState } from 'react';
import { useAppStore } from '../store/store';
import { PathField } from './Fields';
import { StepButton } from './Step';
import { useT } from '../i18n';

/** The bundle folder being typed; in a rehearsal it starts at the bundle the online side just wrote. */
export function useBundleFolder(): [string, (folder: string) => void] {
  const mode = useAppStore((s) => s.mode);
  const lastParameters = useAppStore((s) => s.parametersBundle);
  return useState(mode === 'rehearsal' ? (lastParameters?.dir ?? '') : '');
}

/** The bundle folder field (typed, browsed or a listed volume) and "Read the bundle". */
export function BundleFolderField({
  section,
  label,
  folder,
  onChange,
  available,
  onRead,
}: {
  section: string;
  label: string;
  folder: string;
  onChange: (folder: string) => void;
  available: boolean;
  onRead: (folder: string) => void;
}) {
  const { t } = useT();
  return (
    <>
      <PathField purpose="read-bundle" section={section} label={label} value={folder} onChange={onChange} />
      <StepButton available={available && folder.trim() !== ''} onClick={() => onRead(folder.trim())}>
        {t('bundle.read')}
      </StepButton>
    </>
  );
}
