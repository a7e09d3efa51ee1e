/** One line saying who keeps a copy of the material, from a wrapped bundle's manifest. */
import type { CustodyArrangement } from '../core/bundle/custody-arrangement';
import type { Translator } from './translate';
import { listText } from './list';
import { custodySetTag } from '../core/custody/set-tag';

export function custodyLine(t: Translator['t'], custody: CustodyArrangement | null): string {
  const list = (items: readonly string[]) => listText({ t }, items);
  const none = {
    threshold: 0,
    total: 0,
    custodians: '',
    label: '',
    serial: '',
    labelled: 'no',
    serialKnown: 'no',
    acknowledged: 'no',
    set: 'unnamed',
    setTag: '',
  };
  if (!custody) return t('bundle.custody', { ...none, kind: 'unknown' });
  switch (custody.kind) {
    case 'shares': {
      const line = t('bundle.custody', {
        ...none,
        kind: 'shares',
        threshold: custody.threshold,
        total: custody.total,
        custodians: list(custody.custodians),
        // Format version 5 names the set; older bundles and per-key shares do not.
        ...(custody.backupDigest ? { set: 'named', setTag: custodySetTag(custody.backupDigest) } : {}),
      });
      if (!custody.presented) return line;
      const shares = custody.presented.map((p) => t('bundle.custody.presentedShare', { ...p }));
      const named = custody.custodians.length === custody.total ? 'all' : 'presenters';
      return line + t('bundle.custody.presented', { shares: list(shares), named });
    }
    case 'hsm-token':
      // PKCS#11 labels and serials are blank-padded fields; a token may leave either blank.
      return t('bundle.custody', {
        ...none,
        kind: 'hsmToken',
        label: custody.label,
        serial: custody.serial,
        labelled: custody.label.trim() ? 'yes' : 'no',
        serialKnown: custody.serial.trim() ? 'yes' : 'no',
      });
    case 'material-files':
      return t('bundle.custody', { ...none, kind: 'materialFiles' });
    case 'none':
      return t('bundle.custody', { ...none, kind: 'none', acknowledged: custody.acknowledged ? 'yes' : 'no' });
  }
}
