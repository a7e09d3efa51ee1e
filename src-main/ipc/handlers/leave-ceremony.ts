/**
 * Leaving an air-gapped ceremony half-way (the officer confirmed it, on another screen or on
 * closing the window): the app's counterpart of a Ctrl-C on the command line. What is held is
 * wiped, `ceremony.interrupted` (with why) and `ceremony.abandoned` are journaled, a bundle no
 * receipt names is withdrawn, the custody files the session wrote are removed and the HSM token
 * objects it generated destroyed (or named to delete by hand); the answer says
 * which, for the screen the officer lands on. Refused when there is nothing to leave on that side.
 */
import { KeyferryError } from '../../core/errors';
import { abandonReportView } from './abandon-report-view';
import type { ChannelHandler } from './channel-handler';
import type { CeremonySession } from './session';

export function leaveCeremonyHandlers(session: CeremonySession): { leaveCeremony: ChannelHandler<'leaveCeremony'> } {
  return {
    leaveCeremony: async ({ side, reason }) => {
      session.requireMode('air-gapped', 'rehearsal');
      if (!session.unfinishedSides().includes(side)) throw new KeyferryError('CEREMONY_NOTHING_TO_LEAVE', {});
      return abandonReportView(await session.leave(side, reason));
    },
  };
}
