/**
 * The removable volumes mounted now (from the main process's media listing), offered as one-click
 * choices for a bundle or custody folder: label, mount point, free space, read-only or not.
 */
import { useState } from 'react';
import type { VolumeList } from '../../src-main/ipc/contract';
import { api } from '../api';
import { useAppStore } from '../store/store';
import { uiAction } from '../store/ui-action';
import { useT } from '../i18n';

export function RemovableMedia({
  section,
  label,
  onChoose,
}: {
  section: string;
  label: string;
  onChoose: (mountPoint: string) => void;
}) {
  const run = useAppStore((s) => s.run);
  const busy = useAppStore((s) => s.busy !== null);
  const [volumes, setVolumes] = useState<VolumeList['volumes'] | null>(null);
  const { t } = useT();
  const gigabytes = (bytes: number) => t('media.gigabytes', { size: Math.round(bytes / 1e8) / 10 });
  const list = async () => {
    const listed = await run(section, uiAction('action.listing-removable-media'), () => api().listVolumes());
    if (listed) setVolumes(listed.volumes);
  };
  return (
    <div className="removable-media">
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void list()}
        aria-label={t('media.show-for', { field: label })}
      >
        {t('media.show')}
      </button>
      {volumes && volumes.length === 0 && <p className="hint">{t('media.none')}</p>}
      {volumes && volumes.length > 0 && (
        <ul className="volumes">
          {volumes.map((v) => (
            <li key={v.mountPoint}>
              <button
                type="button"
                className="secondary"
                onClick={() => onChoose(v.mountPoint)}
                aria-label={t('media.use-for', { volume: v.label, field: label })}
              >
                {t('media.use', { volume: v.label })}
              </button>{' '}
              <span className="file-name">{v.mountPoint}</span>
              {t('text.lead')}
              {t('media.free', { free: gigabytes(v.freeBytes), total: gigabytes(v.totalBytes) })}
              {v.writable ? '' : t('media.read-only')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
