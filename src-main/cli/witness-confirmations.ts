/**
 * The witnesses' confirmations on the command line (DESIGN rule 7): every named witness types,
 * for themselves, the import-parameters bundle digest read aloud from the online workstation (one
 * value per witness whatever the number of keys; for the console's raw files, each wrapping-key
 * fingerprint). The bundle digest is never printed before every witness has typed it.
 * Non-interactive: `--witness-confirms NAME=DIGEST`, one per witness (one value never counts for
 * two people). On a terminal: each witness is asked in turn; an empty line is refused and asked
 * again (never recorded), and three wrong values stop the ceremony before any material exists.
 * Afterwards the lines printed about who confirmed what come from the journal entries, never from
 * what was meant to happen. Witness names are untrusted text: printed through terminalText.
 */
import { createInterface } from 'node:readline';
import {
  isRefusedValue,
  WITNESS_ATTEMPTS,
  type ArtefactToConfirm,
} from '../core/ceremony/airgap/witness-confirmations';
import { groupHex } from '../core/hex-groups';
import { isKeyferryError, KeyferryError } from '../core/errors';
import type { ProblemValues } from '../i18n/catalogue';
import type { Journal, JournalEntry } from '../core/journal';
import { terminalText } from '../core/terminal-text';
import { cliTranslator } from './cli-locale';
import { listValue } from '../i18n/list';
import { phraseOf, phrasesValue, phraseValue, type Phrase } from '../i18n/phrase';
import type { Translator } from '../i18n/translate';
import type { CliIo } from './command';
import { terminalGone } from './terminal-input';
import type { OptionDef } from './options';

/** What a ceremony offers for confirmations (the air-gapped side and the custody restore). */
interface ConfirmingCeremony {
  artefactsToConfirm(): ArtefactToConfirm[];
  confirmArtefact(witness: string, typed: string): Promise<{ confirmed: ArtefactToConfirm; remaining: number }>;
}

/**
 * How a message names an artefact: the bundle digest (binding N keys), or a wrapping key's fingerprint;
 * a phrase, so a refusal journaled with it reads in the language of whatever shows it (a receipt).
 */
function artefactPhrase(kind: ArtefactToConfirm['kind'], keyIds: readonly string[]): Phrase {
  return kind === 'import-parameters-bundle'
    ? phraseOf('witness.artefact.bundle', { count: keyIds.length })
    : phraseOf('witness.artefact.wrapping-key', { keysList: listValue(keyIds.map(terminalText)) });
}

/** The artefact named in the language of `t`'s translator (a prompt, a summary line). */
function artefactText(tr: Translator, kind: ArtefactToConfirm['kind'], keyIds: readonly string[]): string {
  return tr.message(artefactPhrase(kind, keyIds));
}

/**
 * Splits each `--witness-confirms NAME=VALUE` into the witness and what they typed, at the LAST "=":
 * a digest or fingerprint holds none, a person's name may.
 */
export function parseWitnessConfirms(given: readonly string[] | undefined): { witness: string; typed: string }[] {
  return (given ?? []).map((value) => {
    const at = value.lastIndexOf('=');
    if (at <= 0 || value.slice(at + 1).trim() === '')
      throw new KeyferryError('WITNESS_CONFIRMS_MALFORMED', { value: value.slice(0, 100) });
    return { witness: value.slice(0, at).trim(), typed: value.slice(at + 1) };
  });
}

/** What one refused value says in a refusal naming several witnesses (`witness.refusal`). */
function refusalPhrase(error: KeyferryError): Phrase {
  const v = error.values ?? {};
  const reason =
    error.code === 'WITNESS_DIGEST_SLIP'
      ? 'slip'
      : error.code === 'WITNESS_DIGEST_MISMATCH'
        ? 'mismatch'
        : error.code === 'WITNESS_TYPED_FINGERPRINT'
          ? 'fingerprint'
          : error.code === 'WITNESS_TYPED_OTHER_BUNDLE'
            ? 'otherBundle'
            : 'form';
  const witness = String(v.witness ?? v.typist ?? '');
  return {
    key: 'witness.refusal',
    values: {
      witness,
      reason,
      count: Number(v.count ?? 0),
      groupsList: String(v.groupsList ?? ''),
      typedList: String(v.typedList ?? ''),
      keyId: String(v.keyId ?? ''),
      folder: String(v.folder ?? ''),
      other: v.other === 'yes' ? 'yes' : 'no',
      bundleCeremony: String(v.bundleCeremony ?? ''),
      kind: v.kind === 'wrapped' ? 'wrapped' : 'parameters',
    },
  };
}

/**
 * Records each given confirmation as that witness's own; a witness named more often than there are
 * values to confirm (one for a bundle) is refused before anything is recorded. Every value is
 * checked: each wrong one is refused (and journaled) and the refusal names every witness whose
 * value was wrong, not only the first.
 */
export async function confirmGiven(
  ceremony: ConfirmingCeremony,
  given: readonly { witness: string; typed: string }[],
): Promise<void> {
  const artefacts = ceremony.artefactsToConfirm().length;
  const counts = new Map<string, number>();
  for (const { witness } of given) {
    counts.set(witness, (counts.get(witness) ?? 0) + 1);
    if ((counts.get(witness) ?? 0) > artefacts)
      throw new KeyferryError('WITNESS_CONFIRMS_TWICE', { witness: witness.slice(0, 100) });
  }
  const refused: KeyferryError[] = [];
  for (const { witness, typed } of given) {
    try {
      await ceremony.confirmArtefact(witness, typed);
    } catch (error) {
      if (!isRefusedValue(error)) throw error;
      refused.push(error);
    }
  }
  const [first] = refused;
  // One refusal: its own words, its next step for a value given on the command line (nobody types here).
  if (first && refused.length === 1)
    throw first.values && 'given' in first.values
      ? new KeyferryError(
          first.code as 'WITNESS_DIGEST_SLIP',
          { ...(first.values as ProblemValues<'WITNESS_DIGEST_SLIP'>), given: 'option' },
          { cause: first },
        )
      : first;
  // Every witness typed the digest of one parameters bundle beside this one (all heard the same): its
  // own next step. A wrapped bundle's digest is never the value to type: the digest is read again.
  const sameNeighbour = refused.every(
    (e) =>
      e.code === 'WITNESS_TYPED_OTHER_BUNDLE' &&
      e.values?.folder === first?.values?.folder &&
      e.values?.kind !== 'wrapped',
  );
  const otherBundle = !sameNeighbour ? 'no' : first?.values?.other === 'yes' ? 'ceremony' : 'folder';
  if (refused.length > 1)
    throw new KeyferryError('WITNESS_CONFIRMS_REFUSED', {
      otherBundle,
      folder: sameNeighbour ? String(first?.values?.folder ?? '') : '',
      bundleCeremony: String(first?.values?.bundleCeremony ?? ''),
      ceremonyId: String(first?.values?.ceremonyId ?? ''),
      count: refused.length,
      witnessesList: listValue(refused.map((e) => String(e.values?.witness ?? e.values?.typist ?? ''))),
      refusalsPhrases: phrasesValue(refused.map(refusalPhrase)),
    });
}

/** Clear the row the cursor is on. */
const ERASE_LINE = '\x1b[2K';
/** Cursor up one row and clear it. */
const ERASE_ROW = `\x1b[1A${ERASE_LINE}`;

/**
 * A line reader over `input` that yields undefined at the end of the input. A terminal that goes
 * away at the prompt (its window closed, the SSH connection dropped: reads and mode changes fail
 * with EIO) is the end of the input too, not an internal failure: the witness typed nothing.
 */
function lineReader(input: NodeJS.ReadableStream, terminal: boolean, echo: TerminalEcho | undefined) {
  // No prompt of readline's own: a redraw after a correction must not add "> " and wrap an 80-column line.
  const rl = createInterface({ input, terminal, crlfDelay: Infinity, ...(echo ? { output: echo, prompt: '' } : {}) });
  // Ctrl-C at the prompt is a stop by the officer: hand it to the process's stop handlers (interrupts.ts),
  // leaving nothing of a half-typed value on the screen.
  rl.on('SIGINT', () => {
    echo?.write(`\r${ERASE_LINE}`);
    process.kill(process.pid, 'SIGINT');
  });
  const lines = rl[Symbol.asyncIterator]();
  return {
    next: async (): Promise<string | undefined> => {
      try {
        const { value, done } = await lines.next();
        return done ? undefined : String(value);
      } catch (error) {
        if (terminalGone(error)) return undefined;
        throw error;
      }
    },
    close: () => {
      try {
        rl.close(); // on a terminal: sets it back from raw mode, which fails once the terminal is gone
      } catch (error) {
        if (!terminalGone(error)) throw error;
      }
    },
  };
}

/** The terminal a witness types on: what they type is shown there while they type (its width, to erase it). */
type TerminalEcho = NodeJS.WritableStream & { readonly columns?: number };

/**
 * Erases what a witness typed from the terminal once they pressed Enter: the next witness must type
 * what they hear from the online workstation, not copy the line above (the digest itself is not
 * shown on this side until every witness typed it). `shown`: the prompt's row count is not touched.
 */
function eraseTyped(echo: TerminalEcho, typed: string): void {
  // A terminal that reports no width (0: a pseudo-terminal opened with no window size) is taken as 80
  // columns: a row per character would erase what was printed above the prompt.
  const columns = echo.columns !== undefined && echo.columns > 0 ? echo.columns : 80;
  const rows = Math.max(1, Math.ceil(typed.length / columns));
  echo.write(`${ERASE_ROW.repeat(rows)}\r`);
}

/**
 * Asks each witness still pending to type the value of each artefact: the bundle digest (not
 * printed: it is heard from the online workstation), or a console file's wrapping-key fingerprint
 * (printed, to compare aloud). Empty lines are refused and asked again; after WITNESS_ATTEMPTS wrong
 * values the ceremony stops (WITNESS_ATTEMPTS_EXHAUSTED); the end of the input stops it too
 * (WITNESS_INPUT_ENDED). Nothing is recorded for a witness who did not type the value. On a
 * terminal (`echo`) the witness sees what they type, so a slip can be seen and corrected before
 * Enter; the line is erased once entered, so the next witness cannot copy it.
 */
export async function confirmInteractively(
  ceremony: ConfirmingCeremony,
  io: CliIo,
  input: NodeJS.ReadableStream,
  terminal: boolean,
  echo?: TerminalEcho,
): Promise<void> {
  const tr = cliTranslator(io);
  const { t } = tr;
  const reader = lineReader(input, terminal, echo);
  try {
    for (const artefact of ceremony.artefactsToConfirm()) {
      if (artefact.kind === 'import-parameters-bundle') io.stdout(t('witness.prompt.bundle-intro'));
      else {
        io.stdout(t('witness.prompt.intro', { artefactText: artefactText(tr, artefact.kind, artefact.keyIds) }));
        io.stdout(`  ${artefact.shown ?? ''}`);
      }
      for (const witness of artefact.pending) {
        const shownName = terminalText(witness);
        for (let attempt = 1; ;) {
          io.stdout(t('witness.prompt.ask', { witness: shownName }));
          const line = await reader.next();
          if (line === undefined)
            throw new KeyferryError('WITNESS_INPUT_ENDED', {
              witness: shownName,
              artefactPhrase: phraseValue(artefactPhrase(artefact.kind, artefact.keyIds)),
            });
          if (echo && line.trim() !== '') {
            eraseTyped(echo, line);
            io.stdout(t('witness.prompt.typed-hidden', { witness: shownName }));
          }
          if (line.trim() === '') {
            io.stdout(t('witness.prompt.empty', { witness: shownName }));
            continue;
          }
          try {
            await ceremony.confirmArtefact(witness, line);
            io.stdout(t('witness.prompt.confirmed', { witness: shownName }));
            break;
          } catch (error) {
            if (!isKeyferryError(error)) throw error;
            // The last wrong value the core counts stops the confirmations, caused by its refusal.
            const exhausted = error.code === 'WITNESS_ATTEMPTS_EXHAUSTED';
            const refused = exhausted && isKeyferryError(error.cause) ? error.cause : error;
            const problem = cliTranslator(io).problemLine(refused.toProblem());
            io.stdout(t('witness.prompt.refused', { problem, attempt, max: WITNESS_ATTEMPTS }));
            // Not a value refused (a journal that cannot be written): no more than as many tries either.
            if (exhausted || attempt >= WITNESS_ATTEMPTS) throw error;
            attempt++;
          }
        }
      }
    }
  } finally {
    reader.close();
  }
}

/** Refuses to go on while any witness has not confirmed any artefact (naming who). */
export function requireEveryWitness(ceremony: ConfirmingCeremony): void {
  const missing = ceremony.artefactsToConfirm().find((a) => a.pending.length > 0);
  if (!missing) return;
  throw new KeyferryError('WITNESS_CONFIRMATION_MISSING', {
    count: missing.pending.length,
    pendingList: listValue(missing.pending.map(terminalText)),
    artefactPhrase: phraseValue(artefactPhrase(missing.kind, missing.keyIds)),
  });
}

function stringList(entry: JournalEntry, field: string): string[] {
  const value = entry.data[field];
  return Array.isArray(value) ? value.map(String) : [];
}

/** One line per confirmation the journal holds from `fromSeq` on: who, what, which entry. */
export function confirmationLinesFromJournal(journal: Journal, fromSeq: number, io: CliIo): string[] {
  const tr = cliTranslator(io);
  const { t } = tr;
  return journal.entries
    .filter((e) => e.seq >= fromSeq && e.event === 'witness.confirmed')
    .map((e) => {
      const kind = e.data.artefact === 'wrapping-key' ? 'wrapping-key' : 'import-parameters-bundle';
      const digest = typeof e.data.digest === 'string' ? e.data.digest : '';
      const values = {
        witness: terminalText(e.actor),
        artefactText: artefactText(tr, kind, stringList(e, 'keyIds')),
        digest: groupHex(digest),
        seq: e.seq,
      };
      return e.data.source === 'rehearsal-online-side'
        ? t('witness.summary.rehearsal', values)
        : t('witness.summary', values);
    });
}

/**
 * The witness step of a ceremony command (airgap wrap, the restore ceremony): the values given
 * with --witness-confirms, else each witness asked on a terminal; refused unless every witness
 * confirmed; then one line per confirmation the journal recorded.
 */
export async function confirmAsEveryWitness(
  ceremony: ConfirmingCeremony,
  journal: Journal,
  given: readonly string[] | undefined,
  io: CliIo,
): Promise<void> {
  const fromSeq = journal.count + 1;
  const typed = parseWitnessConfirms(given);
  if (typed.length > 0) await confirmGiven(ceremony, typed);
  else if (process.stdin.isTTY) await confirmInteractively(ceremony, io, process.stdin, true, process.stdout);
  requireEveryWitness(ceremony);
  for (const line of confirmationLinesFromJournal(journal, fromSeq, io)) io.stdout(line);
}

/** `--confirm-fingerprint`, kept in the tables only to refuse it (CLI_CONFIRM_FINGERPRINT_REPLACED). */
export const CONFIRM_FINGERPRINT_OPTION = {
  type: 'string',
  multiple: true,
  arg: 'HEX',
  group: 'replaced',
  help: 'cli.opt.confirm-fingerprint',
} as const satisfies OptionDef;
