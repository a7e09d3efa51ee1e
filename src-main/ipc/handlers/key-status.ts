/**
 * The app's look at the ceremony's keys in the KMS, with the same facts as `online status`: the
 * states the KMS answers, the keys holding material proven at any step (each proof journaled), and
 * what is next for each key not finished, from the same core reading (status-next-steps.ts). Keys
 * are named (alias, key id, a replica's region), never more.
 */
import { proveFirst, statusNextSteps, type UnprovenImport } from '../../core/ceremony/online/status-next-steps';
import { recordedCustodyValues } from '../../core/ceremony/online/recorded-custody';
import { exposureToSay } from '../../core/ceremony/online/exposed-material';
import { refusedBeforeImport, type RefusedImport } from '../../core/ceremony/online/refused-imports';
import type { JournaledKey, KeyStatus } from '../../core/ceremony/online/types';
import type { OnlineCeremony } from '../../core/ceremony/online/workflow';
import { everyKeyVerified } from '../../core/ceremony/online/key-status';
import type { Journal } from '../../core/journal';
import type { Response } from '../contract';
import type { CeremonyClock } from '../schemas/key-status';
import { groupHex } from '../../core/hex-groups';

function named(k: JournaledKey | KeyStatus) {
  return { keyId: k.keyId, alias: k.alias, replicaOf: k.replicaOf, region: k.region };
}

/** A key named, with the answer on record to the import sent to it. */
function withAnswer(k: UnprovenImport) {
  return { ...named(k), answer: { ...k.answer } };
}

/**
 * The bundle plan as the app says it (bundle-plan.ts): null when at most one bundle serves the keys
 * waiting and nothing is to be destroyed or fetched anew. The step's own lines say that one path
 * already; a checked wrap's "check and import that wrap" would be false where its import was refused.
 */
function planToSay(ceremony: Pick<OnlineCeremony, 'bundlePlan' | 'keys'>) {
  const plan = ceremony.bundlePlan();
  if (plan.takes.length <= 1 && plan.destroy.length === 0 && plan.fresh.length === 0) return null;
  const keys = new Map(ceremony.keys().map((k) => [k.keyId, k]));
  const these = (ids: readonly string[]) => ids.flatMap((id) => keys.get(id) ?? []).map(named);
  return {
    takes: plan.takes.map((t) => ({
      folder: t.folder,
      digest: groupHex(t.manifestSha256),
      seq: t.seq,
      keys: these(t.keyIds),
      wrap: t.wrap && { ...t.wrap },
    })),
    destroy: plan.destroy.map((d) => ({ folder: d.folder, digest: groupHex(d.manifestSha256) })),
    fresh: these(plan.fresh),
  };
}

const refusal = (refused: RefusedImport | null | undefined) => (refused ? { ...refused } : null);

/**
 * Reads the keys' states, proves those holding material and says what is next (see above), judging
 * import tokens by the ceremony's clock `now`: `clock` says whose it is (a rehearsal's simulator's, so
 * a refusal of Keyferry's own is said by that clock, not this computer's).
 */
export async function keyStatusView(
  ceremony: OnlineCeremony,
  journal: Pick<Journal, 'entries'>,
  { now, clock }: { readonly now: Date; readonly clock: CeremonyClock },
): Promise<Response<'keyStatus'>> {
  const status = await ceremony.status();
  const next = statusNextSteps(ceremony.keys(), status, journal.entries, now, ceremony.bundlePlan());
  // The custody copy the journal recorded at a lost material's import: what its next step restores from.
  const custodyOf = (...keys: JournaledKey[]) => {
    const { acknowledged: _, ...custody } = recordedCustodyValues(
      ceremony.importedCustody(...keys.map((k) => k.keyId)),
    );
    return custody;
  };
  // As online status: the keys holding material are proven at any step, others may wait for their next round.
  const proofs = ceremony.keys().some((k) => k.imported) ? await ceremony.verifyKeys({ anyStep: true }) : null;
  // After the proofs: a key still not proven stands the ceremony at its proof, before a lost key's parameters.
  const first = proveFirst(ceremony.keys(), journal.entries);
  return {
    clock,
    checkedAt: now.toISOString(),
    keys: status.map((s) => ({ ...s })),
    proofs: proofs && {
      allVerified: everyKeyVerified(proofs, ceremony.keys()),
      keys: proofs.map((p) => ({ ...p })),
    },
    next: {
      deleted: next.deleted.map(({ key, round }) => ({
        ...named(key),
        spec: key.spec,
        round,
        custody: custodyOf(key),
      })),
      lapsed: next.lapsed.map(({ key, round }) => ({
        ...named(key),
        spec: key.spec,
        expiresAt: key.expiresAt,
        round,
        custody: custodyOf(key),
      })),
      proveFirst: first ? { prove: first.prove.map(named), lost: first.lost.map(named), step: ceremony.step } : null,
      rounds: next.rounds.map(({ round, keys, refused }) => ({
        stage: round.stage,
        folder: round.folder,
        seq: round.seq,
        keys: keys.map(named),
        refused: refusal(refused),
        custody: custodyOf(...keys),
      })),
      notTaken: next.notTaken.map(({ round, keys }) => ({
        folder: round.folder,
        seq: round.stage === 'import' ? (round.sentSeq ?? round.seq) : round.seq,
        keys: keys.map(named),
      })),
      sentUnrecorded: { keys: next.sentUnrecorded.keys.map(named), folders: [...next.sentUnrecorded.folders] },
      unproven: { keys: next.unproven.keys.map(withAnswer), folders: [...next.unproven.folders] },
      // Any answer on record that proves nothing (KMS.0101 as well as a lost one), the key still Pending import.
      answeredNotTaken: next.answeredNotTaken.map(({ folder, keys }) => ({
        folder,
        keys: keys.map(withAnswer),
      })),
      foreign: next.foreign.map(named),
      // An import stopped part way: once some key holds its material (before that, nothing is part way), as online status.
      missing: next.keys.some((k) => k.imported) ? next.missing.map(named) : [],
      missingTokens: next.missingTokens && { ...next.missingTokens },
      missingRefused: refusal(next.missingRefused),
      missingWrap: next.missingWrap && { ...next.missingWrap },
      groups: next.groups,
      beforeImport: next.nothingImported
        ? {
            step: ceremony.step,
            refused: refusal(refusedBeforeImport(journal.entries, ceremony.step)),
            exposed: exposureToSay(journal.entries) ?? null,
            plan: planToSay(ceremony),
          }
        : null,
      // Their tokens lapsed: a key never imported whose group's material another member holds takes that material.
      groupMaterial: next.missingTokens?.lapsed
        ? ceremony.groupMaterialHolders(next.missing.map((k) => k.keyId)).map(({ member, holder }) => ({
            member: named(member),
            holder: named(holder),
            custody: custodyOf(holder),
          }))
        : [],
    },
  };
}
