/**
 * The online screen's key filter: one text the officer types (part of an alias, key ID, spec or
 * state) narrows every key list on the screen, so a 100-key ceremony stays readable.
 */
import type { CeremonyState } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n';
import { useAppStore } from '../../store/store';
import { selectCeremonyKeys } from '../../store/selectors';
import { useKmsStateOf } from './kms-state-of';

type CeremonyKey = NonNullable<CeremonyState['online']>['keys'][number];

/**
 * Where one key of the ceremony stands in its journal (and the parameters issued this session): the
 * ceremony's own steps, not the KMS's states (those: KMS_STATE_NAMES, as read, kms-state-of.ts).
 */
export type CeremonyKeyState = 'created' | 'issued' | 'unanswered' | 'unproven' | 'imported' | 'verified' | 'lapsed';

export function ceremonyKeyState(key: CeremonyKey, issued: ReadonlySet<string>): CeremonyKeyState {
  if (key.verified) return 'verified';
  if (key.imported) return 'imported';
  if (key.importSentUnrecorded) return 'unanswered';
  // Answered with a failure whose code proves nothing (not a refusal): recorded, and not unrecorded.
  if (key.importAnswerUnproven) return 'unproven';
  if (key.lapsed) return 'lapsed';
  return issued.has(key.keyId) ? 'issued' : 'created';
}

export interface FilterableKey {
  readonly keyId: string;
  readonly alias?: string | null;
  readonly spec?: string | null;
}

/** True when `filter` (case-insensitive, trimmed) is part of the key's alias, ID, spec or state (or is empty). */
export function keyMatches(filter: string, key: FilterableKey, stateWords: readonly string[] = []): boolean {
  const wanted = filter.trim().toLowerCase();
  if (wanted === '') return true;
  return [key.alias ?? '', key.keyId, key.spec ?? '', ...stateWords].some((field) =>
    field.toLowerCase().includes(wanted),
  );
}

/** The screen's filter as a predicate over any key list (its journal state and its KMS state as last read looked up). */
export function useKeyFilter(): (key: FilterableKey) => boolean {
  const filter = useAppStore((s) => s.keyFilter);
  const keys = useAppStore(selectCeremonyKeys);
  const issued = useAppStore((s) => s.issued);
  const issuedIds = new Set(issued.map((k) => k.keyId));
  const kmsStateOf = useKmsStateOf();
  const { t } = useT();
  const states = new Map(keys.map((k) => [k.keyId, ceremonyKeyState(k, issuedIds)]));
  return (key) => {
    const state = states.get(key.keyId);
    return keyMatches(filter, key, [
      ...(state ? [state, t('ckeys.state', { state })] : []),
      kmsStateOf(key.keyId).label,
    ]);
  };
}
