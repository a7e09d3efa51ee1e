/** A bundle just written: its folder and where it is, what to do with its digest, the digest, and more inside. */
import type { ReactNode } from 'react';
import { Hex } from './Hex';
import { useT } from '../i18n';

export function WrittenBundleCard({
  bundle,
  lead,
  digestLabel,
  readAloud = false,
  children,
}: {
  bundle: { readonly folderName: string; readonly dir: string; readonly manifestSha256: string };
  /** The sentence above the digest (compare it online; or read it aloud). */
  lead: string;
  digestLabel: string;
  /** The digest is the one value read aloud to the other side (the import-parameters bundle): set apart. */
  readAloud?: boolean;
  children?: ReactNode;
}) {
  const { t } = useT();
  return (
    <div className="card">
      <p>
        {t('wrapped.written')} <span className="file-name">{bundle.folderName}</span> {t('receipt.in')}{' '}
        <span className="file-name">{bundle.dir}</span>
      </p>
      {readAloud ? (
        <p className="digest-to-read">
          <strong>{lead}</strong>
        </p>
      ) : (
        <p>{lead}</p>
      )}
      <Hex value={bundle.manifestSha256} label={digestLabel} />
      {children}
    </div>
  );
}
