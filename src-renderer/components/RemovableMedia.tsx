/**
 * The removable volumes mounted now (from the main process's media listing), offered as one-click
 * choices for a bundle or custody folder: label, mount point, free space, read-only or not.
 */
import { useState } from 'react';
import type { VolumeList } from '../../src-main/ipc/contract';
import { api } from '../api';
import { useAppStore } from '../store/store';

const gigabytes = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;

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
  const list = async () => {
    const listed = await run(section, 'Listing the removable media', () => api().listVolumes());
    if (listed) setVolumes(listed.volumes);
  };
  return (
    <div className="removable-media">
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void list()}
        aria-label={`Show removable media for: ${label}`}
      >
        Show removable media
      </button>
      {volumes && volumes.length === 0 && (
        <p className="hint">No removable media is mounted. Insert it, then show the list again, or type the path.</p>
      )}
      {volumes && volumes.length > 0 && (
        <ul className="volumes">
          {volumes.map((v) => (
            <li key={v.mountPoint}>
              <button
                type="button"
                className="secondary"
                onClick={() => onChoose(v.mountPoint)}
                aria-label={`Use ${v.label} for: ${label}`}
              >
                Use {v.label}
              </button>{' '}
              <span className="file-name">{v.mountPoint}</span>: {gigabytes(v.freeBytes)} free of{' '}
              {gigabytes(v.totalBytes)}
              {v.writable ? '' : ', read-only'}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
