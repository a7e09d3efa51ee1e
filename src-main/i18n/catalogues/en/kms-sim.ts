/** `keyferry kms-sim` and `keyferry kms-sim advance`: the simulator's clock. zh-CN twin in ../zh-CN/kms-sim.ts. */
export const enKmsSim = {
  'kms-sim.clock.line':
    '{now, date, moment} ({offset} {direction, select, behind {behind} other {ahead of}} this computer); clock control {control, select, on {on: keyferry kms-sim advance --endpoint {endpoint} --by 25h} other {off}}',
  'kms-sim.clock.moved':
    'Simulator time: {now, date, utc} ({offset} {direction, select, behind {behind} other {ahead of}} this computer).',
  'kms-sim.clock.expired':
    'The KMS decides by this time: import tokens fetched more than 24 hours before it are refused (KMS.2601), and imported material whose expiry it passed is deleted (the key is back in Pending import). Keyferry itself and its journals keep this computer’s time.',
  'problem.SIM_CLOCK_OPTION_INVALID':
    '{option} "{text}" is not {accepts, select, duration {a duration (e.g. 25h, 30d, 1d12h)} date {a date-time with its time zone (e.g. 2027-03-01T09:00:00Z)} other {a date-time with its time zone (e.g. 2027-03-01T09:00:00Z) nor a duration (e.g. +25h, +30d)}}.',
  'problem.SIM_CLOCK_OPTION_INVALID.next':
    'Give {option} {accepts, select, duration {whole numbers with d, h, m or s, at most ten years} date {an ISO 8601 date-time ending in Z or an offset such as +08:00} other {an ISO 8601 date-time ending in Z or an offset, or a duration of whole numbers with d, h, m or s (at most ten years)}}.',
  'problem.SIM_CLOCK_BACKWARDS':
    'The simulator state file {file} resumes at {resumedAt, date, utc}; --start-at {startAt, date, utc} would move its clock back.',
  'problem.SIM_CLOCK_BACKWARDS.next':
    'Leave --start-at out (the clock resumes where it was moved to) or give a later time: like the real KMS, the simulator never goes back in time.',
  'problem.SIM_ADVANCE_HOW': 'Say how far to move the simulator’s clock: --by or --to (one of them).',
  'problem.SIM_ADVANCE_HOW.next':
    'For example: keyferry kms-sim advance --endpoint http://127.0.0.1:PORT --by 25h (a day and an hour: past an import token’s 24 hours).',
  'problem.SIM_CLOCK_NOT_LOOPBACK':
    'The simulator’s clock is moved only over loopback (http://127.0.0.1, localhost or [::1]); {endpoint} is not.',
  'problem.SIM_CLOCK_NOT_LOOPBACK.next':
    'Run keyferry kms-sim advance on the computer that runs the simulator, with the endpoint the simulator printed.',
  'problem.SIM_CLOCK_CONTROL_OFF': 'The simulator at {endpoint} was not started with clock control.',
  'problem.SIM_CLOCK_CONTROL_OFF.next':
    'Stop it (Ctrl+C) and start it again with its --state file and --clock-control (keys, credentials and the clock are kept in the state file), then run this again with the endpoint it prints.',
  'problem.SIM_CLOCK_TO_PAST':
    'The simulator’s time is already {now, date, utc}: its clock moves only forward, like time for the real KMS.',
  'problem.SIM_CLOCK_TO_PAST.next': 'Give --to a later time, or --by a duration.',
  'problem.SIM_CLOCK_FAILED':
    'The simulator at {endpoint} did not move its clock: {why, select, badRequest {it refused the request as malformed (KFSIM.BAD_REQUEST)} notJson {it wants a JSON body (KFSIM.NOT_JSON)} method {it refused the HTTP method (KFSIM.METHOD)} stateWrite {it could not write its --state file (KFSIM.STATE_WRITE)} refused {it refused with {code}} notSimulator {it answered HTTP {status}, which is not how the simulator answers} noAnswer {no answer within {seconds} s} other {it could not be reached ({code})}}.',
  'problem.SIM_CLOCK_FAILED.next':
    'Check that the simulator runs and that --endpoint is the one it printed (it changes when it restarts without --port).',
  'problem.SIM_STATE_REGION_DIFFERS':
    'The simulator state {file} records {recorded} as its first region, but region {region} was asked for.',
  'problem.SIM_STATE_REGION_DIFFERS.next':
    'Leave the region out (the state file keeps it), ask for {recorded}, or use another state file for a simulator serving {region} first.',
  'problem.SIM_REGION_PROJECT_DIFFERS':
    'The simulator state {file} records region {region} with project {recorded}, but project {projectId} was asked for.',
  'problem.SIM_REGION_PROJECT_DIFFERS.next':
    'Leave the project of {region} out (the state file keeps it) or use another state file for a new account.',
  'kms-sim.cli.non-loopback':
    'WARNING: the KMS simulator will listen on a non-loopback address and be reachable from the network.\nWARNING: its AK/SK and every key in it are for rehearsal only. Bind to 127.0.0.1 unless you really mean this.',
  'kms-sim.cli.banner': 'Keyferry KMS simulator (rehearsal only: never import real key material)',
  'kms-sim.cli.label':
    '{field, select, endpoint {endpoint} region {region} project {project ID} ak {AK} sk {SK} iamToken {IAM token} state {state} clock {clock} other {traffic}}',
  'kms-sim.cli.iam-token':
    '{token} (valid until {until, date, moment}; KEYFERRY_IAM_TOKEN instead of AK/SK, this project only)',
  'kms-sim.cli.state': '{where, select, memory {in memory (lost when the simulator stops)} other {{file}}}',
  'kms-sim.cli.traffic':
    '{latency} ms per answer; {rate, plural, =0 {no rate limit} other {# requests a second, the rest answered APIG.0308}}',
  'kms-sim.cli.request': '{at, date, moment} {action} -> {status}',
  'kms-sim.cli.dropped': 'dropped',
  'kms-sim.cli.stop-hint': 'Press Ctrl+C to stop.',
  'kms-sim.cli.stopped': 'Stopped ({signal}).',
  'cli.online.connected':
    'Ceremony {id}: connected to {endpoint} (project {projectId}, {keys, plural, one {# key} other {# keys}} visible; credentials from {source, select, environment {the environment} other {the config file}}).',
  'cli.online.replica-connected':
    '  and region {region} for replicas: connected to {endpoint} (project {projectId}, {keys, plural, one {# key} other {# keys}} visible; the same credentials).',
  'kms-sim.region.line': '{region}  project {projectId}  endpoint {endpoint}',
} as const;
