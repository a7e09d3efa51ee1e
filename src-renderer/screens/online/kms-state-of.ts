/**
 * A ceremony key's state in the KMS as the screen says it: the state the app last read (store/kms-states.ts)
 * and when, or "Not read". The one reading every key list of the online screen shows and filters by.
 */
import { kmsStateText } from '../../../src-main/i18n/kms-state';
import { momentText } from '../../../src-main/i18n/moment';
import { useT } from '../../i18n';
import { useAppStore } from '../../store/store';
import type { KmsStateReading } from '../../store/kms-states';

export interface KmsStateShown {
  /** The KMS's state number as text ("5"), or 'unread'. */
  readonly key: string;
  /** The state in the reader's language ("Pending import"), or "Not read". */
  readonly label: string;
  /** The label with the time it was read. */
  readonly cell: string;
  readonly reading: KmsStateReading | undefined;
}

/** How many of each value, in first-seen order. */
export function tally<T extends string>(values: readonly T[]): [T, number][] {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts];
}

/** A function from a key ID to its KMS state as shown (see above). */
export function useKmsStateOf(): (keyId: string) => KmsStateShown {
  const readings = useAppStore((s) => s.kmsStates);
  const { t, locale } = useT();
  return (keyId) => {
    const reading = readings[keyId];
    if (!reading) {
      const unread = t('ckeys.kms-state', { read: 'no', state: '', at: '' });
      return { key: 'unread', label: unread, cell: unread, reading };
    }
    const label = kmsStateText({ t }, reading.state);
    return {
      key: reading.state,
      label,
      cell: t('ckeys.kms-state', { read: 'yes', state: label, at: momentText(locale, reading.readAt) }),
      reading,
    };
  };
}

/**
 * The values of `ckeys.by-kms-state` (a summary line's lead): when the states shown were read, one
 * time or the earliest and the latest, or none read yet.
 */
export function readTimesValues(locale: Parameters<typeof momentText>[0], shown: readonly KmsStateShown[]) {
  const times = [...new Set(shown.flatMap((k) => (k.reading ? [k.reading.readAt] : [])))].sort();
  const [first, last] = [times[0], times[times.length - 1]];
  return {
    times: times.length === 0 ? 'none' : times.length === 1 ? 'one' : 'other',
    first: first === undefined ? '' : momentText(locale, first),
    last: last === undefined ? '' : momentText(locale, last),
  };
}
