/**
 * An import that goes on (keys of the checked bundle already sent their import: taken, or with no
 * answer on record) given its material expiry as a duration: counted from now, it would give the
 * keys still to import (never sent, or sent with no answer on record, which the next import sends
 * again unless the KMS took it) another expiry than those (a trial's 30d given again after Ctrl-C,
 * in the CLI; the app's typed expiry likewise). Refused (EXPIRY_DURATION_RESUMED) before anything
 * is sent, naming the moment to give instead when every key imported took one; the CLI and the
 * app's typed expiry both ask here.
 */
import { isAsymmetric } from '../../crypto/key-spec';
import { KeyferryError } from '../../errors';
import { parseDuration } from '../../time-text';
import type { JournaledKey } from './types';
import type { OnlineStep } from '../shared/ceremony-states';

/** Where the expiry was typed: the words name `--expires` or the app's typed expiry. */
type ExpiryTypedIn = 'cli' | 'app';

/** What is read of the online ceremony (workflow.ts): its step, its keys, the bundle checked in this session. */
interface ImportGoingOn {
  readonly step: OnlineStep;
  keys(): readonly JournaledKey[];
  readonly shown: { readonly checked: { readonly keys: readonly { readonly keyId: string }[] } | null };
}

/** A key that sent its import: taken, or with no answer on record. */
export const sentImport = (k: JournaledKey): boolean =>
  k.imported || k.importSentUnrecorded || k.importAnswerUnproven !== null;

/** Nothing to refuse unless the ceremony waits to import a bundle checked in this session. */
export function refuseDurationGoingOn(typed: string, ceremony: ImportGoingOn, where: ExpiryTypedIn): void {
  const given = typed.trim();
  const checked = ceremony.shown.checked;
  if (parseDuration(given) === undefined || ceremony.step !== 'material-checked' || !checked) return;
  const carried = new Set(checked.keys.map((k) => k.keyId));
  // Only AES material expires: RSA and EC keys, sent or still to send, take no expiry (a trial's EC key left).
  const aes = ceremony.keys().filter((k) => carried.has(k.keyId) && !isAsymmetric(k.spec));
  const sent = aes.filter(sentImport);
  // Still to import: never sent, or sent with no answer on record (sent again unless the KMS took it).
  if (sent.length === 0 || aes.every((k) => k.imported)) return;
  const imported = sent.filter((k) => k.imported);
  const moments = [...new Set(imported.map((k) => k.expiresAt ?? 'never'))];
  const only = moments.length === 1 ? (moments[0] as string) : undefined;
  throw new KeyferryError('EXPIRY_DURATION_RESUMED', {
    given,
    where,
    count: sent.length,
    imported: imported.length,
    unrecorded: sent.length - imported.length,
    same: imported.length === 0 ? 'unknown' : only === undefined ? 'mixed' : only === 'never' ? 'never' : 'at',
    heldAt: only === undefined || only === 'never' ? 0 : Date.parse(only),
    heldIso: only ?? '',
  });
}
