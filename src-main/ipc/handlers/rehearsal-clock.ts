/**
 * The rehearsal simulator's clock: read it, and move it forward so a team can rehearse what a day
 * or a year later looks like (an import token lapses after 24 hours: KMS.2601, fetch fresh
 * parameters; imported material at its expiry) without outside tools. The in-process twin of
 * `keyferry kms-sim advance`: only in rehearsal mode, only the built-in simulator, only forward.
 * Each move is journaled in the online journal (`rehearsal.clock-moved`, an override in
 * core/journal/deviations.ts) before the clock moves, so the receipt lists it.
 */
import { KeyferryError } from '../../core/errors';
import type { KmsSimulator } from '../../core/kms-simulator/index';
import type { SimulatorClockView } from '../contract';
import type { ChannelHandler } from './channel-handler';
import type { CeremonySession, OnlineSide } from './session';

/** The online journal's event for one move of the rehearsal simulator's clock. */
const SIMULATOR_CLOCK_MOVED = 'rehearsal.clock-moved';

const HOUR_MS = 60 * 60 * 1000;

type ClockHandlers = {
  simulatorClock: ChannelHandler<'simulatorClock'>;
  moveSimulatorClock: ChannelHandler<'moveSimulatorClock'>;
};

/** The built-in simulator of a rehearsal whose online side runs against it; refused otherwise. */
function rehearsalSimulator(session: CeremonySession): { sim: KmsSimulator; online: OnlineSide } {
  const mode = session.context.mode.current();
  if (mode !== 'rehearsal') {
    // ICU select keys take no hyphen: air-gapped travels as `airgapped`.
    throw new KeyferryError('SIM_CLOCK_REHEARSAL_ONLY', {
      mode: mode === 'air-gapped' ? 'airgapped' : (mode ?? 'none'),
    });
  }
  const sim = session.simulator;
  const online = session.online;
  if (!sim || !online?.connection.rehearsal || online.connection.endpoint !== sim.endpoint) {
    throw new KeyferryError('SIM_CLOCK_NOT_STARTED');
  }
  return { sim, online };
}

/** The clock read once: the computer's time and the offset, the simulator's time their sum (as clock.now()). */
function clockView(sim: KmsSimulator): SimulatorClockView {
  const computerNow = sim.clock.baseNow();
  const offsetMs = sim.clock.offset();
  return {
    now: new Date(computerNow + offsetMs).toISOString(),
    computerNow: new Date(computerNow).toISOString(),
    offsetMs: Math.round(offsetMs),
  };
}

export function rehearsalClockHandlers(session: CeremonySession): ClockHandlers {
  return {
    simulatorClock: () => clockView(rehearsalSimulator(session).sim),

    moveSimulatorClock: async ({ hours }) => {
      const { sim, online } = rehearsalSimulator(session);
      const advancedMs = hours * HOUR_MS;
      const from = sim.clock.now();
      const journal = session.onlineJournal;
      if (!journal) throw new KeyferryError('SIM_CLOCK_NOT_STARTED');
      // Journaled first: a move the receipt cannot list never happens.
      await journal.append(online.ceremony.operator, SIMULATOR_CLOCK_MOVED, {
        from: new Date(from).toISOString(),
        to: new Date(from + advancedMs).toISOString(),
        advancedMs,
        offsetMs: Math.round(sim.clock.offset() + advancedMs),
        endpoint: sim.endpoint,
      });
      sim.clock.advance(advancedMs);
      session.context.log.info('rehearsal.clock-moved', { hours, offsetMs: sim.clock.offset() });
      return clockView(sim);
    },
  };
}
