/**
 * The air-gapped screen's network banner: which interfaces hold an address right now. Any live
 * interface other than loopback is shown as an alarm (a rehearsal says it is allowed there).
 */
import { useAppStore } from '../store/store';

export function NetworkBanner() {
  const network = useAppStore((s) => s.network);
  const mode = useAppStore((s) => s.mode);
  const refresh = useAppStore((s) => s.refreshNetwork);
  const busy = useAppStore((s) => s.busy !== null);
  if (!network) return null;
  const live = network.summary === 'online';
  const interfaces = network.interfaces.filter((i) => !i.internal);
  return (
    <div
      className={`banner ${live ? (mode === 'rehearsal' ? 'banner-warning' : 'banner-danger') : 'banner-ok'}`}
      role={live && mode !== 'rehearsal' ? 'alert' : 'status'}
    >
      <p className="banner-title">
        {live
          ? `Network present: ${network.liveInterfaces.join(', ')}`
          : 'No network: only loopback interfaces are up.'}
      </p>
      {live && (
        <ul className="interfaces">
          {interfaces.map((i) => (
            <li key={i.name}>
              <span className="mono">{i.name}</span>:{' '}
              {i.addresses.map((a) => `${a.address}${a.linkLocal ? ' (link-local)' : ''}`).join(', ') || 'no address'}
            </li>
          ))}
        </ul>
      )}
      <p>
        {live
          ? mode === 'rehearsal'
            ? 'Rehearsal: a live network is allowed here and recorded in the journal.'
            : 'An air-gapped workstation must have no live network. Unplug the cable, turn off Wi-Fi and Bluetooth, then check again.'
          : `Checked at ${new Date(network.checkedAt).toLocaleTimeString()}.`}
      </p>
      <button type="button" className="secondary" disabled={busy} onClick={() => void refresh()}>
        Check the interfaces again
      </button>
    </div>
  );
}
