/** The rehearsal's simulator clock on the online screen (ipc/handlers/rehearsal-clock.ts). zh-CN twin in ../zh-CN/rehearsal-clock.ts. */
export const enRehearsalClock = {
  'sim-clock.title': 'Rehearsal: the simulator’s clock',
  'sim-clock.intro':
    'Let time pass for the built-in KMS simulator only, to rehearse what happens a day or a year later: an import token lapses 24 hours after it was fetched (KMS.2601: fetch fresh parameters), imported material at its expiry. The clock moves forward only; each move is journaled and printed on the receipt as a rehearsal override.',
  'sim-clock.now':
    'Simulator clock: now {now, date, utc}{ahead, plural, =0 { (the same as this computer)} one { (# hour ahead of this computer)} other { (# hours ahead of this computer)}}.',
  'sim-clock.amount': 'Move the clock forward by',
  'sim-clock.unit': 'Unit',
  'sim-clock.unit.hours': 'hours',
  'sim-clock.unit.days': 'days',
  'sim-clock.move': 'Move the simulator clock',
  'sim-clock.amount.hint': 'For example 25 hours: past the 24 hours an import token is valid.',
  'sim-clock.moved':
    'Moved the simulator clock forward by {hours, plural, one {# hour} other {# hours}}, to {now, date, utc} (journaled).',
  'action.moving-simulator-clock': 'Moving the simulator’s clock',
  'problem.SIM_CLOCK_REHEARSAL_ONLY':
    'The simulator’s clock is moved only in a rehearsal, against the built-in simulator; Keyferry is {mode, select, online {in online mode} airgapped {in air-gapped mode} other {in no mode yet}}.',
  'problem.SIM_CLOCK_REHEARSAL_ONLY.next':
    'A real KMS keeps real time: rehearse expiries by choosing Rehearsal on the start screen (restart Keyferry to change the mode).',
  'problem.SIM_CLOCK_NOT_STARTED': 'The built-in simulator has not started yet, so it has no clock to move.',
  'problem.SIM_CLOCK_NOT_STARTED.next': 'Start the simulator in step 1 first.',
} as const;
