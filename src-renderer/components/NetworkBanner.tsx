/**
 * The air-gapped screen's network banner: which interfaces hold an address right now. Any live
 * interface other than loopback is shown as an alarm (a rehearsal says it is allowed there).
 */
import { useAppStore } from '../store/store';
import { useT } from '../i18n';
import { listText } from '../../src-main/i18n/list';

export function NetworkBanner() {
  const network = useAppStore((s) => s.network);
  const mode = useAppStore((s) => s.mode);
  const refresh = useAppStore((s) => s.refreshNetwork);
  const busy = useAppStore((s) => s.busy !== null);
  const { t } = useT();
  if (!network) return null;
  const live = network.summary === 'online';
  const interfaces = network.interfaces.filter((i) => !i.internal);
  return (
    <div
      className={`banner ${live ? (mode === 'rehearsal' ? 'banner-warning' : 'banner-danger') : 'banner-ok'}`}
      role={live && mode !== 'rehearsal' ? 'alert' : 'status'}
    >
      <p className="banner-title">
        {live ? t('network.present', { interfaces: listText({ t }, network.liveInterfaces) }) : t('network.none')}
      </p>
      {live && (
        <ul className="interfaces">
          {interfaces.map((i) => (
            <li key={i.name}>
              <span className="mono">{i.name}</span>
              {t('text.lead')}
              {listText(
                { t },
                i.addresses.map((a) => (a.linkLocal ? t('network.link-local', { address: a.address }) : a.address)),
              ) || t('network.no-address')}
            </li>
          ))}
        </ul>
      )}
      <p>
        {live
          ? mode === 'rehearsal'
            ? t('network.rehearsal-allowed')
            : t('network.must-be-offline')
          : t('network.checked-at', { at: new Date(network.checkedAt).getTime() })}
      </p>
      <button type="button" className="secondary" disabled={busy} onClick={() => void refresh()}>
        {t('network.check-again')}
      </button>
    </div>
  );
}
