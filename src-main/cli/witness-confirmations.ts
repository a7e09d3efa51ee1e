/**
 * The witnesses' confirmations on the command line (DESIGN rule 7): every named witness types
 * every wrapping-key fingerprint for themselves. Non-interactive: `--witness-confirms NAME=VALUE`,
 * one per witness and fingerprint (one value never counts for two people). On a terminal: each
 * witness is asked in turn; an empty line is refused and asked again (never recorded), and three
 * wrong values stop the ceremony before any material exists. Afterwards the lines printed about
 * who confirmed what come from the journal entries, never from what was meant to happen.
 */
import { createInterface } from 'node:readline';
import type { FingerprintToConfirm } from '../core/ceremony/airgap/fingerprint-confirmation';
import { groupHex } from '../core/hex-groups';
import { isKeyferryError, KeyferryError } from '../core/errors';
import type { Journal } from '../core/journal';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';

export const MAX_ATTEMPTS = 3;

/** What a ceremony offers for confirmations (the air-gapped side and the custody restore). */
export interface ConfirmingCeremony {
  fingerprints(): FingerprintToConfirm[];
  confirmFingerprint(witness: string, typed: string): Promise<{ confirmed: FingerprintToConfirm; remaining: number }>;
}

/** Splits each `--witness-confirms NAME=VALUE` into the witness and what they typed. */
export function parseWitnessConfirms(given: readonly string[] | undefined): { witness: string; typed: string }[] {
  return (given ?? []).map((value) => {
    const at = value.indexOf('=');
    if (at <= 0 || value.slice(at + 1).trim() === '')
      throw new KeyferryError('WITNESS_CONFIRMS_MALFORMED', { value: value.slice(0, 100) });
    return { witness: value.slice(0, at).trim(), typed: value.slice(at + 1) };
  });
}

/** Records each given confirmation as that witness's own; a witness named more often than there are fingerprints is refused. */
export async function confirmGiven(
  ceremony: ConfirmingCeremony,
  given: readonly { witness: string; typed: string }[],
): Promise<void> {
  const fingerprints = ceremony.fingerprints().length;
  const counts = new Map<string, number>();
  for (const { witness } of given) {
    counts.set(witness, (counts.get(witness) ?? 0) + 1);
    if ((counts.get(witness) ?? 0) > fingerprints) throw new KeyferryError('WITNESS_CONFIRMS_TWICE', { witness });
  }
  for (const { witness, typed } of given) await ceremony.confirmFingerprint(witness, typed);
}

/** A line reader over `input` that yields undefined at the end of the input. */
function lineReader(input: NodeJS.ReadableStream, terminal: boolean) {
  const rl = createInterface({ input, terminal, crlfDelay: Infinity });
  // Ctrl-C at the prompt is a stop by the officer: hand it to the process's stop handlers (interrupts.ts).
  rl.on('SIGINT', () => process.kill(process.pid, 'SIGINT'));
  const lines = rl[Symbol.asyncIterator]();
  return {
    next: async (): Promise<string | undefined> => {
      const { value, done } = await lines.next();
      return done ? undefined : String(value);
    },
    close: () => rl.close(),
  };
}

/**
 * Asks each witness still pending, fingerprint by fingerprint, to type it. Empty lines are refused
 * and asked again; after MAX_ATTEMPTS wrong values the ceremony stops (WITNESS_ATTEMPTS_EXHAUSTED);
 * the end of the input stops it too (WITNESS_INPUT_ENDED). Nothing is recorded for a witness who did not type the value.
 */
export async function confirmInteractively(
  ceremony: ConfirmingCeremony,
  io: CliIo,
  input: NodeJS.ReadableStream,
  terminal: boolean,
): Promise<void> {
  const { t } = cliTranslator(io);
  const reader = lineReader(input, terminal);
  try {
    for (const f of ceremony.fingerprints()) {
      const artefactText = t('witness.artefact.wrapping-key', { keys: f.keyIds.join(', ') });
      io.stdout(t('witness.prompt.intro', { artefactText }));
      io.stdout(`  ${f.grouped}`);
      for (const witness of f.pending) {
        for (let attempt = 1; ;) {
          io.stdout(t('witness.prompt.ask', { witness }));
          const line = await reader.next();
          if (line === undefined) throw new KeyferryError('WITNESS_INPUT_ENDED', { witness, artefactText });
          if (line.trim() === '') {
            io.stdout(t('witness.prompt.empty', { witness }));
            continue;
          }
          try {
            await ceremony.confirmFingerprint(witness, line);
            io.stdout(t('witness.prompt.confirmed', { witness }));
            break;
          } catch (error) {
            if (!isKeyferryError(error)) throw error;
            const problem = cliTranslator(io).problem(error.toProblem());
            io.stdout(t('witness.prompt.refused', { ...problem, attempt, max: MAX_ATTEMPTS }));
            if (attempt >= MAX_ATTEMPTS)
              throw new KeyferryError('WITNESS_ATTEMPTS_EXHAUSTED', { witness, attempts: attempt, artefactText });
            attempt++;
          }
        }
      }
    }
  } finally {
    reader.close();
  }
}

/** Refuses to go on while any witness has not confirmed any fingerprint (naming who). */
export function requireEveryWitness(ceremony: ConfirmingCeremony, io: CliIo): void {
  const missing = ceremony.fingerprints().find((f) => f.pending.length > 0);
  if (!missing) return;
  const { t } = cliTranslator(io);
  throw new KeyferryError('WITNESS_CONFIRMATION_MISSING', {
    count: missing.pending.length,
    pending: missing.pending.join(', '),
    artefactText: t('witness.artefact.wrapping-key', { keys: missing.keyIds.join(', ') }),
  });
}

/** One line per confirmation the journal holds from `fromSeq` on: who, what, which entry. */
export function confirmationLinesFromJournal(journal: Journal, fromSeq: number, io: CliIo): string[] {
  const { t } = cliTranslator(io);
  return journal.entries
    .filter((e) => e.seq >= fromSeq && e.event === 'fingerprint.confirmed')
    .map((e) => {
      const keys = Array.isArray(e.data.keyIds) ? e.data.keyIds.map(String).join(', ') : '';
      const fingerprint = typeof e.data.wrappingKeyFingerprint === 'string' ? e.data.wrappingKeyFingerprint : '';
      return t('witness.summary', {
        witness: e.actor,
        artefactText: t('witness.artefact.wrapping-key', { keys }),
        digest: groupHex(fingerprint),
        seq: e.seq,
      });
    });
}
