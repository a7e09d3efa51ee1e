/**
 * Writing a wrapped-material bundle: the material expiry requested in it, the removable media
 * folder it is created in, the button, and once written the folder and digest to compare online.
 */
import { useState, type ReactNode } from 'react';
import type { MaterialExpiryChoice, WrittenWrappedView } from '../../src-main/ipc/contract';
import { ExpiryChoice, expiryChoice, expiryComplete, type ExpiryForm } from './ExpiryChoice';
import { PathField } from './Fields';
import { Hex } from './Hex';
import { StepButton } from './Step';
import { useT } from '../i18n';

/** Expiry, media folder and "Write the wrapped-material bundle"; then the written folder and its digest. */
export function WrappedBundleWriter({
  section,
  expiryName,
  expiryLegend,
  folderLabel,
  folderHint,
  digestLabel,
  available,
  onWrite,
  bundle,
  children,
}: {
  section: string;
  expiryName: string;
  expiryLegend: string;
  folderLabel: string;
  folderHint: string;
  digestLabel: string;
  /** The wrapped material waits to be written. */
  available: boolean;
  onWrite: (request: { folder: string; expiry?: MaterialExpiryChoice }) => void;
  bundle: WrittenWrappedView | null;
  /** More about the written bundle, inside its card. */
  children?: ReactNode;
}) {
  const [folder, setFolder] = useState('');
  const [expiry, setExpiry] = useState<ExpiryForm>({ kind: 'never', date: '' });
  const choice = expiryChoice(expiry);
  const { t } = useT();
  return (
    <>
      <ExpiryChoice name={expiryName} legend={expiryLegend} value={expiry} onChange={setExpiry} />
      <PathField
        purpose="write-bundle"
        section={section}
        label={folderLabel}
        value={folder}
        onChange={setFolder}
        hint={folderHint}
      />
      <StepButton
        available={available && folder.trim() !== '' && expiryComplete(expiry)}
        onClick={() => onWrite({ folder: folder.trim(), ...(choice ? { expiry: choice } : {}) })}
      >
        {t('wrapped.write')}
      </StepButton>
      {bundle && (
        <div className="card">
          <p>
            {t('wrapped.written')} <span className="file-name">{bundle.folderName}</span> {t('receipt.in')}{' '}
            <span className="file-name">{bundle.dir}</span>
          </p>
          <p>{t('wrapped.digest-to-compare')}</p>
          <Hex value={bundle.manifestSha256} label={digestLabel} />
          {children}
        </div>
      )}
    </>
  );
}
