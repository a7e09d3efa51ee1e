/**
 * What the `keyferry online …` commands share beyond the session (online-session.ts): the next
 * command to print, parameter rounds, closing the session, the proof table and lapsed keys.
 */

import { custodySetValues } from '../../core/ceremony/online/recorded-custody';
import { airGapJournalName } from '../../core/bundle/ceremony-facts';
import path from 'node:path';
import type { JournalEntry } from '../../core/journal';
import type { KeyProof } from '../../core/ceremony/online/key-proof';
import { REPLICA_PROOF_METHODS } from '../../core/ceremony/online/events';
import type { JournaledKey } from '../../core/ceremony/online/types';
import type { CustodyArrangement } from '../../core/bundle/custody-arrangement';

import { defineCommand, type CliCommand, type CliIo, type CommandSpec } from '../command';
import type { OptionTable } from '../options';
import type { MessageKey } from '../../i18n/catalogue';
import { cliTranslator } from '../cli-locale';
import { recurringCreateRefusal } from '../../core/ceremony/online/refused-create';
import { cliExpiry, printKeyTable, type PlacedKey } from '../cli-text';
import { keyStateText } from '../key-state-text';
import { ONLINE_COMMON_OPTIONS, type OnlineCommonValues, type OnlineSession } from '../online-session';
import { commandLine, onMedia } from '../command-line';
import { replacedCustodySets } from '../../core/ceremony/online/replaced-custody';
import { listValue } from '../../i18n/list';

/** The note under every online command's options: where credentials come from. */
const CREDENTIALS_NOTE = 'cli.note.credentials' as const;

/**
 * An `online …` command: its own `options`, then the connection options every online command
 * takes, with the note on where credentials come from under them.
 */
export function defineOnlineCommand<const N extends string, const T extends OptionTable>(
  spec: Omit<CommandSpec<N, T & typeof ONLINE_COMMON_OPTIONS>, 'options'> & {
    readonly options: T;
    /** What --journal is to this command, when not the steps' "created by create-key, continued here". */
    readonly journalHelp?: MessageKey;
  },
): CliCommand {
  const { journalHelp, ...command } = spec;
  const journal = journalHelp ? { journal: { ...ONLINE_COMMON_OPTIONS.journal, help: journalHelp } } : {};
  return defineCommand<N, T & typeof ONLINE_COMMON_OPTIONS>({
    ...command,
    // The same options; only --journal's help text may differ (a catalogue key like the one it replaces).
    options: { ...spec.options, ...ONLINE_COMMON_OPTIONS, ...journal } as T & typeof ONLINE_COMMON_OPTIONS,
    notes: [...(spec.notes ?? []), CREDENTIALS_NOTE],
  });
}

/**
 * The next online command, complete: the same journal and the options the journal cannot supply
 * (credentials file, CA file); region, project and endpoint come from the journal.
 */
export function nextOnline(sub: string, values: OnlineCommonValues, extra: string[] = []): string {
  return commandLine([
    'keyferry',
    'online',
    sub,
    '--journal',
    values.journal as string,
    ...(values.config ? ['--config', values.config] : []),
    ...(values['ca-file'] ? ['--ca-file', values['ca-file']] : []),
    ...extra,
  ]);
}

/** What the next round's names are read from: the ceremony's id and its journal's entries (a session, or a look not journaled). */
export interface RoundSource {
  readonly ceremony: Pick<OnlineSession['ceremony'], 'ceremonyId'>;
  readonly journal: Pick<OnlineSession['journal'], 'entries'>;
}

/** The journal's entries of every import-parameters bundle written, oldest first. */
export function writtenParametersEntries(session: RoundSource): JournalEntry[] {
  return session.journal.entries.filter((e) => e.event === 'parameters.bundle-written');
}

/** How many import-parameters bundles the ceremony's journal records (1 after the first `online params`). */
export function parametersRound(session: RoundSource): number {
  return writtenParametersEntries(session).length;
}

/** A folder name for round `n` of parameters and wrapping: the first keeps the plain name. */
export const roundName = (base: string, n: number) => (n > 1 ? `${base}-${n}` : base);

/**
 * A folder name on the media that no import-parameters bundle of this journal was written to: the
 * first of `names(1)`, `names(2)`, … not among them nor in `taken` (names given beside it). A Next
 * line of a later round must not name a folder an earlier one filled (the preflight refuses it).
 */
export function unwrittenFolderName(
  session: RoundSource,
  names: (n: number) => string,
  taken: ReadonlySet<string> = new Set(),
): string {
  const written = new Set(writtenParametersEntries(session).map((e) => path.basename(String(e.data.folder))));
  for (let n = 1; ; n++) {
    const name = names(n);
    if (!written.has(name) && !taken.has(name)) return name;
  }
}

/** The `online params` line that fetches the next round of parameters, into its own folder on the media. */
export function nextParametersCommand(
  session: RoundSource,
  values: OnlineCommonValues,
  keyIds: readonly string[] = [],
): string {
  const out = onMedia(roundName(`import-parameters-${session.ceremony.ceremonyId}`, parametersRound(session) + 1));
  return nextOnline('params', values, ['--out', out, ...keyIds.flatMap((id) => ['--key-id', id])]);
}

/**
 * Where the air-gapped side writes the wrapped-material bundle of this round: beside the parameters
 * bundle `dir`, on the same removable media (the path the Next line gave for that bundle), never in
 * the air-gapped working folder, from which it would have to be copied.
 */
export function wrappedBesideBundle(session: OnlineSession, dir: string): string {
  return path.join(
    path.dirname(dir),
    roundName(`wrapped-material-${session.ceremony.ceremonyId}`, parametersRound(session)),
  );
}

/**
 * The air-gapped side's `airgap wrap` for the parameters bundle `dir` of this round, then `extra`,
 * in the air-gapped journal `journal` (default: the ceremony's usual name).
 */
export function airgapWrapCommand(
  session: OnlineSession,
  dir: string,
  extra: readonly string[] = [],
  journal = airGapJournalName(session.ceremony.ceremonyId),
): string {
  const { operator, witnesses } = session.ceremony;
  return commandLine([
    'keyferry',
    'airgap',
    'wrap',
    '--bundle',
    dir,
    ...extra,
    '--out',
    wrappedBesideBundle(session, dir),
    '--journal',
    journal,
    '--operator',
    operator,
    ...witnesses.flatMap((w) => ['--witness', w]),
  ]);
}

/**
 * When the ceremony has created nothing and its last create attempt was refused for a reason the same
 * create meets again (core refused-create.ts): prints that refusal and its way out, and says so (true).
 * `online status` and `online params` say it, not "create the keys first" or "run the create again".
 */
export function printCreateRefusal(io: CliIo, session: OnlineSession): boolean {
  const refused = session.ceremony.step === 'new' ? recurringCreateRefusal(session.journal.entries) : undefined;
  if (!refused) return false;
  const tr = cliTranslator(io);
  const said = tr.problem({ code: refused.code, message: refused.reason, values: refused.values, nextStep: '' });
  io.stdout(tr.t('online.status.create-refused', { seq: refused.seq }));
  io.stdout(said.message);
  io.stdout(said.nextStep);
  return true;
}

export async function withSession<T>(session: OnlineSession, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    await session.close();
  }
}

/** The proof table after an import or a status: `keys` (the ceremony's) adds region and group for replica groups. */
export function printProofs(io: CliIo, proofs: readonly KeyProof[], keys: readonly PlacedKey[]): void {
  const { t, message } = cliTranslator(io);
  printKeyTable(io, keys, ['keyId', 'spec', 'state', 'proof'], proofs, (p) => [
    p.keyId,
    p.spec,
    keyStateText(io, p.keyState),
    t('online.proof', { ok: p.ok ? 'yes' : 'no', proof: message(p.proof) }),
  ]);
}

/** The catalogue's select word for each way a replica group is proven (select words take no hyphens). */
const GROUP_PROOF_WORD = {
  'public-key-equal': 'publicKeyEqual',
  'kcv-of-wrapped-material': 'kcvOfWrappedMaterial',
} as const satisfies Record<(typeof REPLICA_PROOF_METHODS)[number], string>;

/**
 * What verification proved of the replica groups of `keys` (the journal's, after verification): one
 * line per way of proof with the number of groups proven so (a hundred groups stay two lines), then
 * one line per group NOT proven although every member holds imported material. A group with a member
 * still Pending import is not named: the table's state column says it, and nothing can be proven yet.
 * The proof table shows each member's own proof; only these lines say a group holds one material.
 */
export function printGroupProofs(io: CliIo, keys: readonly JournaledKey[]): void {
  const { t } = cliTranslator(io);
  const groups = keys.flatMap((primary) => {
    const members = keys.filter((k) => k.keyId === primary.keyId || k.replicaOf === primary.keyId);
    const complete = members.length > 1 && members.every((k) => k.imported);
    return primary.replicaOf === null && complete ? [{ primary, count: members.length }] : [];
  });
  for (const method of REPLICA_PROOF_METHODS) {
    const count = groups.filter((g) => g.primary.groupProof === method).length;
    if (count > 0) io.stdout(t('online.group-proofs', { method: GROUP_PROOF_WORD[method], count }));
  }
  for (const { primary, count } of groups.filter((g) => g.primary.groupProof === null))
    io.stdout(t('online.group-not-proven', { alias: primary.alias, count, primary: primary.keyId }));
}

/**
 * The HSM options of a restore from the token that holds the material: its module (the officer's
 * path), the token, and the air-gapped journal that recorded the material's objects in it (by the
 * name its wrapped bundle gave; AIR-GAPPED-JOURNAL when no checked bundle named one). Without it a
 * restore into a new journal finds no token object, after every witness typed the digest.
 */
export function hsmRestoreWords(token: string, airGapJournal: string | undefined): string[] {
  return [
    '--hsm-module',
    'PKCS11-MODULE',
    '--hsm-token',
    token || 'TOKEN',
    '--hsm-journal',
    airGapJournal ?? 'AIR-GAPPED-JOURNAL',
  ];
}

/**
 * Lines for keys whose imported material lapsed in the KMS (back in Pending import), with the way
 * back (`withSteps` false: their latest round is past fresh parameters, and says its own next step).
 * `round`: the folder on the media its fresh parameters go to (unwrittenFolderName), and for one of
 * several sources of material (material-sources.ts) its keys, fetched for alone (`--key-id`).
 */
export function lapsedLines(
  io: CliIo,
  keys: readonly { keyId: string; alias: string; spec: string; lapsed: boolean; expiresAt: string | null }[],
  params: string,
  custody: CustodyArrangement | null = null,
  airGapJournal?: string,
  withSteps = true,
  round?: { readonly keyIds?: readonly string[]; readonly folder: string },
): string[] {
  const lapsed = keys.filter((k) => k.lapsed);
  if (lapsed.length === 0) return [];
  const { t } = cliTranslator(io);
  // What the officer brings, when the journal's checked wrapped bundle recorded the custody copy.
  const token = custody?.kind === 'hsm-token' ? custody.label || custody.serial : '';
  const restoreFrom =
    custody?.kind === 'hsm-token'
      ? { custody: 'hsm', token, m: 0, n: 0 }
      : custody?.kind === 'shares'
        ? { custody: 'shares', token: '', m: custody.threshold, n: custody.total }
        : { custody: 'unknown', token: '', m: 0, n: 0 };
  const hsmWords = custody?.kind === 'hsm-token' ? ` ${commandLine(hsmRestoreWords(token, airGapJournal))}` : '';
  // On the media in both steps: written there online, read there on the air-gapped workstation.
  const bundle = onMedia(round?.folder ?? 'import-parameters-restore');
  const chosen = round?.keyIds ? ` ${commandLine(round.keyIds.flatMap((id) => ['--key-id', id]))}` : '';
  // No custody copy: nothing to restore from; only a material file somebody still holds can be wrapped again.
  const file = custody?.kind === 'none' ? 'brought' : custody?.kind === 'material-files' ? 'kept' : null;
  const step2 = file
    ? t('online.lapsed.step2-wrap', {
        command: `keyferry airgap wrap --bundle ${bundle} --material FILE --expires EXPIRY`,
        file,
      })
    : t('online.lapsed.step2', {
        command: `keyferry custody restore${hsmWords} --bundle ${bundle} --expires EXPIRY`,
        ...restoreFrom,
        ...custodySetValues(custody),
      });
  return [
    t('online.lapsed.heading', { count: lapsed.length }),
    ...lapsed.map((k) =>
      t('online.lapsed.key', {
        alias: k.alias,
        spec: k.spec,
        keyId: k.keyId,
        expires: cliExpiry(io, k.expiresAt ?? undefined),
      }),
    ),
    ...(withSteps
      ? [
          file === 'brought'
            ? t('online.lapsed.no-custody', { count: lapsed.length })
            : t('online.lapsed.next', { count: lapsed.length }),
          t('online.lapsed.step1', { command: `${params}${chosen} --out ${bundle}` }),
          step2,
          t('online.lapsed.step3', { command: 'keyferry online import', by: file ? 'wrap' : 'restore' }),
        ]
      : []),
  ];
}

/**
 * The custody sets no imported material is backed by (replaced-custody.ts: a later wrap of other
 * material replaced each), one line each saying its shares, slips and backup are to be destroyed:
 * said after an import, by online status, and (as the operator's record) on the online receipt.
 */
export function replacedCustodyLines(io: CliIo, entries: readonly JournalEntry[]): string[] {
  const { t } = cliTranslator(io);
  return replacedCustodySets(entries).map(({ custodians, manifestSha256: _, ...set }) =>
    t('online.import.replaced-custody-set', { ...set, custodiansList: listValue(custodians) }),
  );
}
