/**
 * What `online status` (and `online delete-material` after a deletion) says of keys on their way
 * (back) to imported material, from the journal's latest round (core/ceremony/online/material-round.ts),
 * never from an earlier one: a key whose material was deleted (its custody copy, its round); fresh
 * parameters written for a key whose material was deleted or lapsed (the air-gapped side is next);
 * a wrapped bundle checked and not imported; an import sent with no answer recorded while the KMS
 * shows the key still Pending import (it did not take effect: the same import runs again); an import
 * stopped part way (what finishes it, or why the same import would not); and verify first, when a
 * key holding material not proven stands the ceremony before a lost key's fresh parameters.
 */
import type { JournalEntry } from '../../core/journal';
import { materialRoundOf } from '../../core/ceremony/online/material-round';
import { recordedCustodyValues } from '../../core/ceremony/online/recorded-custody';
import type { RecordedCustody } from '../../core/ceremony/online/state';
import type { StatusNextSteps } from '../../core/ceremony/online/status-next-steps';
import type { CliIo } from '../command';
import type { OnlineCommonValues } from '../online-session';
import { cliTranslator } from '../cli-locale';
import { namedKeys } from '../../i18n/import-stopped-summary';
import { nextOnline, nextParametersCommand, type RoundSource } from './online-steps';
import type { JournaledKey, KeyStatus } from '../../core/ceremony/online/types';
import type { UnjournaledLook } from '../../core/ceremony/online/workflow';
import { proveFirst } from '../../core/ceremony/online/status-next-steps';
import { givenExpiryOf } from '../../core/ceremony/online/given-expiry';
import { missingTokensValues, wrapRefusedValues } from '../../i18n/import-stopped-summary';
import { groupMaterialValues } from '../../i18n/group-material-values';
import { ceremonyStateValue } from '../../i18n/ceremony-state';

/** Whether the next step of a key that lost its material is still fresh parameters ('parameters'), or later in its round. */
export function lostRoundWord(entries: readonly JournalEntry[], keyId: string): 'parameters' | 'later' {
  return materialRoundOf(entries, keyId).stage === 'parameters' ? 'parameters' : 'later';
}

/**
 * The round lines of the ceremony's keys (statusNextSteps: the journal's view against the KMS's
 * answer): keys that lost their material by the bundle of their round (at the air-gapped side, with
 * the custody copy recorded at their import: `importedCustody`), and keys sent an import with no
 * answer recorded that the KMS shows did not take effect.
 */
export function printRoundLines(
  io: CliIo,
  values: OnlineCommonValues,
  next: StatusNextSteps,
  importedCustody: (...keyIds: string[]) => RecordedCustody | undefined,
): void {
  const t = cliTranslator(io);
  for (const { round, keys: these, refused } of next.rounds) {
    const command = nextOnline('import', values, ['--bundle', round.folder]);
    const named = { count: these.length, keys: namedKeys(t, these), folder: round.folder, seq: round.seq, command };
    if (round.stage === 'wrap') {
      const { seq: custodySeq, ...custody } = recordedCustodyValues(importedCustody(...these.map((k) => k.keyId)));
      io.stdout(t.t('online.status.round-wrap', { ...named, ...custody, custodySeq }));
      continue;
    }
    // Its import refused for its expiry: the same import with --expires, not as it ran.
    io.stdout(
      t.t('online.status.round-import', {
        ...named,
        refused: refused?.kind ?? 'no',
        refusedSeq: refused?.refusedSeq ?? 0,
        code: refused?.code ?? '',
        heldIso: refused?.heldIso ?? '',
      }),
    );
  }
  for (const { round, keys: these } of next.notTaken) {
    const command = nextOnline('import', values, ['--bundle', round.folder, '--expect-digest', 'DIGEST']);
    io.stdout(
      t.t('online.status.unrecorded-not-taken', {
        count: these.length,
        keys: namedKeys(t, these),
        seq: round.stage === 'import' ? (round.sentSeq ?? round.seq) : round.seq,
        command,
      }),
    );
  }
}

/** What the line about a key whose material was deleted says: the key, its recorded custody copy, the step its round is at. */
export function deletedKeyValues(
  key: Pick<JournaledKey, 'alias' | 'spec' | 'keyId' | 'replicaOf' | 'region'>,
  ceremony: Pick<UnjournaledLook, 'importedCustody'>,
  round: string,
) {
  return {
    alias: key.alias,
    spec: key.spec,
    keyId: key.keyId,
    // A replica shares its alias with its primary: its region tells them apart.
    replica: key.replicaOf === null ? 'no' : 'yes',
    region: key.region,
    ...recordedCustodyValues(ceremony.importedCustody(key.keyId)),
    round,
  };
}

/** The keys an import stopped part way did not reach, and when their import tokens run out (statusNextSteps). */
export interface MissingImports {
  readonly keys: readonly KeyStatus[];
  readonly tokens: StatusNextSteps['missingTokens'];
  readonly bundle: StatusNextSteps['missingBundle'];
  readonly refused: StatusNextSteps['missingRefused'];
  readonly wrap: StatusNextSteps['missingWrap'];
  readonly groups: boolean;
}

/**
 * An import stopped part way (Ctrl-C, the KMS unreachable): the keys it did not reach are still
 * Pending import (statusNextSteps' `missing`), and a replica group with them is not complete. Said,
 * with what finishes it; returns how many.
 */
export function printMissingImports(
  io: CliIo,
  values: OnlineCommonValues,
  { keys: missing, tokens, bundle, refused: expiry, wrap, groups }: MissingImports,
  total: number,
  ceremony: Pick<UnjournaledLook, 'groupMaterialHolders' | 'importedCustody'>,
  rounds: RoundSource,
): number {
  const missingIds = missing.map((k) => k.keyId);
  // The line runs as printed: into a folder of its own on the media, for the keys still waiting only.
  const command = nextParametersCommand(rounds, values, missingIds);
  const unproven = wrap?.refused?.code === 'WRAPPED_RESTORE_UNPROVEN' ? wrap.refused : undefined;
  const expires = givenExpiryOf(rounds.journal.entries, missingIds);
  if (missing.length > 0) {
    // A refusal of their expiry, or the KMS's word that their tokens expired (its clock, not this
    // computer's), that running the same import again would meet.
    io.stdout(
      cliTranslator(io).t('online.status.partly-imported', {
        count: missing.length,
        total,
        keys: namedKeys(cliTranslator(io), missing),
        ...missingTokensValues(tokens),
        // The --expires the stopped import was given, exactly, only where the journal records one.
        expiresGiven: expires === null ? 'no' : 'yes',
        expires: expires ?? '',
        groups: groups ? 'yes' : 'no',
        hasBundle: bundle === null ? 'no' : 'yes',
        bundle: bundle ?? '',
        refused: expiry?.kind ?? 'no',
        // Fresh parameters written for them: the wrap of that bundle, not the same import again (unless the
        // bundle plan takes it for none of them); unless a custody restore made for them was refused as
        // unproven since (said on its own below).
        wrap: unproven ? 'unproven' : wrap ? (wrap.blocked ? 'blocked' : 'yes') : 'no',
        dir: wrap?.folder ?? '',
        dirSeq: wrap?.seq ?? 0,
        since: wrap?.since === false ? 'no' : 'yes',
        ...wrapRefusedValues(cliTranslator(io), wrap?.refused ?? null, 'cli'),
        refusedSeq: expiry?.refusedSeq ?? 0,
        code: expiry?.code ?? '',
        by: expiry?.by ?? 'computer',
        importCommand: nextOnline('import', values, bundle === null ? [] : ['--bundle', bundle]),
        command,
      }),
    );
    // A restore of material this journal never saw wrapped, refused: new material, as before any import.
    if (unproven)
      io.stdout(
        cliTranslator(io).t('online.status.restore-unproven', {
          seq: unproven.seq,
          folder: unproven.folder,
          command,
        }),
      );
  }
  // Their tokens lapsed: a key taking its group's material is restored from the holder's custody copy.
  if (tokens?.lapsed)
    for (const { member, holder } of ceremony.groupMaterialHolders(missing.map((k) => k.keyId))) {
      const custody = recordedCustodyValues(ceremony.importedCustody(holder.keyId));
      io.stdout(
        cliTranslator(io).t('online.status.group-material', {
          ...groupMaterialValues(cliTranslator(io), member, holder, custody),
          command,
        }),
      );
    }
  return missing.length;
}

/**
 * Verify first (statusNextSteps' proveFirst): keys holding material not proven stand the ceremony
 * at 'imported', where the fresh parameters of a key that lost its material cannot be written; says
 * both next steps, in order. Returns whether it said them.
 */
export function printProveFirst(
  io: CliIo,
  values: OnlineCommonValues,
  session: RoundSource & { readonly ceremony: Pick<UnjournaledLook, 'keys' | 'step'> },
): boolean {
  const first = proveFirst(session.ceremony.keys(), session.journal.entries);
  if (!first) return false;
  const tr = cliTranslator(io);
  io.stdout(
    tr.t('online.status.prove-first', {
      proveCount: first.prove.length,
      prove: namedKeys(tr, first.prove),
      lostCount: first.lost.length,
      lost: namedKeys(tr, first.lost),
      statePhrase: ceremonyStateValue(session.ceremony.step),
      status: nextOnline('status', values),
      params: nextParametersCommand(session, values),
    }),
  );
  return true;
}
