/** The material expiry a person chose on a screen, as the core's expiry (checked by its parser). */
import { parseMaterialExpiry, type MaterialExpiry } from '../../core/ceremony/shared/ceremony-plan';
import { refuseDurationGoingOn } from '../../core/ceremony/online/resumed-import-expiry';
import type { MaterialExpiryChoice } from '../contract';
import type { ChannelHandler } from './channel-handler';
import type { CeremonySession } from './session';

/** "never", or a date-time that must lie in the future (checked by the core's parser). */
export function materialExpiry(choice: MaterialExpiryChoice | undefined, now: Date): MaterialExpiry {
  return !choice || choice.kind === 'never' ? { kind: 'never' } : parseMaterialExpiry(choice.at, now);
}

/**
 * The import's expiry as typed, in the forms `online import --expires` takes, resolved at the
 * session's clock by the same parser (refused with its words): the absolute time the screen shows
 * before the import, and the import then sends (checked again there). A duration is refused, as by
 * `online import`, when keys of the checked bundle already sent their import: only here is it still
 * a duration (resumed-import-expiry.ts).
 */
export function resolveImportExpiryHandler(session: CeremonySession): ChannelHandler<'resolveImportExpiry'> {
  return ({ text }) => {
    session.requireMode('online', 'rehearsal');
    const expiry = parseMaterialExpiry(text, session.now(), '--expires');
    if (session.online) refuseDurationGoingOn(text, session.online.ceremony, 'app');
    return expiry.kind === 'never' ? expiry : { kind: 'at', at: expiry.at.toISOString() };
  };
}
