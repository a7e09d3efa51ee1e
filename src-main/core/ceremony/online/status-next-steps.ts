/**
 * What a look at the ceremony's keys in the KMS (`online status`, the app's key states) says is
 * next for each key not finished, from the journal's view of the keys, the KMS's answer and the
 * journal's latest round of each key (material-round.ts), never an earlier one:
 * - `keys`: the keys as the look judges them: a key that lost its material and is Enabled again
 *   after an import sent with no answer recorded is not lost (its material is back);
 * - `deleted`: material deleted on request, and whether its next step is still fresh parameters;
 * - `rounds`: keys that lost their material whose round went past the parameters, one group per
 *   bundle: fresh parameters written (`wrap`: the air-gapped side is next) or a wrapped bundle
 *   checked and not imported (`import`);
 * - `notTaken`: an import sent with no answer recorded while the KMS shows the key still Pending
 *   import (it did not take effect: the same import runs again), one group per bundle;
 * - `sentUnrecorded`: Enabled with an import of this ceremony sent and not recorded (the next import
 *   records it), and the bundles those imports came from; `unproven`: Enabled with an import of this
 *   ceremony answered by an error that did not prove whether it took effect (KMS.0101, HTTP 400),
 *   and their bundles; `foreign`: Enabled although this ceremony never sent an import;
 * - `missing`: still Pending import with nothing else to say of it (an import stopped part way).
 */
import type { JournalEntry } from '../../journal';
import { KeyState, keyStateOfName } from '../../kms/types';
import { materialRoundOf, type MaterialRound } from './material-round';
import type { JournaledKey, KeyStatus } from './types';

type BundleRound = Exclude<MaterialRound, { stage: 'parameters' }>;

/** Keys grouped by the bundle of their round. */
interface RoundGroup {
  readonly round: BundleRound;
  readonly keys: readonly JournaledKey[];
}

export interface StatusNextSteps {
  readonly keys: readonly JournaledKey[];
  readonly deleted: readonly { readonly key: JournaledKey; readonly round: 'parameters' | 'later' }[];
  readonly rounds: readonly RoundGroup[];
  readonly notTaken: readonly RoundGroup[];
  readonly sentUnrecorded: SentImports;
  readonly unproven: SentImports;
  readonly foreign: readonly KeyStatus[];
  readonly missing: readonly KeyStatus[];
}

/** Keys Enabled after an import this ceremony sent, and the bundles those imports came from. */
interface SentImports {
  readonly keys: readonly KeyStatus[];
  readonly folders: readonly string[];
}

/** This ceremony sent the key an import whose taking effect the journal does not prove. */
const sentByUs = (k: JournaledKey) => k.importSentUnrecorded || k.importAnswerUnproven !== null;

const enabled = String(KeyState.Enabled);
const pendingImport = String(KeyState.PendingImport);

/** Groups `keys` by the folder of their round (one group per bundle and stage). */
function byBundle(keys: readonly JournaledKey[], rounds: ReadonlyMap<string, MaterialRound>): RoundGroup[] {
  const groups = new Map<string, { round: BundleRound; keys: JournaledKey[] }>();
  for (const key of keys) {
    const round = rounds.get(key.keyId);
    if (!round || round.stage === 'parameters') continue;
    const group = groups.get(`${round.stage} ${round.folder}`);
    if (group) group.keys.push(key);
    else groups.set(`${round.stage} ${round.folder}`, { round, keys: [key] });
  }
  return [...groups.values()];
}

/** The next steps of the ceremony's `journaled` keys against the KMS's `status` (see above). */
export function statusNextSteps(
  journaled: readonly JournaledKey[],
  status: readonly KeyStatus[],
  entries: readonly JournalEntry[],
): StatusNextSteps {
  const stateOf = new Map(status.map((s) => [s.keyId, keyStateOfName(s.keyState)]));
  const keys = journaled.map((k) =>
    sentByUs(k) && stateOf.get(k.keyId) === enabled ? { ...k, lapsed: false, deleted: false } : k,
  );
  const rounds = new Map(keys.map((k) => [k.keyId, materialRoundOf(entries, k.keyId)]));
  const notTaken = keys.filter((k) => {
    const round = rounds.get(k.keyId);
    return (
      round?.stage === 'import' && round.sentSeq !== undefined && !k.imported && stateOf.get(k.keyId) === pendingImport
    );
  });
  const lost = keys.filter((k) => (k.deleted || k.lapsed) && !notTaken.includes(k));
  const byId = new Map(keys.map((k) => [k.keyId, k]));
  const unrecorded = status.filter((s) => !byId.get(s.keyId)?.imported && stateOf.get(s.keyId) === enabled);
  const sentImports = (these: readonly KeyStatus[]): SentImports => ({
    keys: these,
    folders: [
      ...new Set(
        these.flatMap((s) => {
          const round = rounds.get(s.keyId);
          return round?.stage === 'import' ? [round.folder] : [];
        }),
      ),
    ],
  });
  const sent = unrecorded.filter((s) => !!byId.get(s.keyId)?.importSentUnrecorded);
  const unproven = unrecorded.filter((s) => !sent.includes(s) && byId.get(s.keyId)?.importAnswerUnproven);
  return {
    keys,
    deleted: keys
      .filter((k) => k.deleted)
      .map((key) => ({ key, round: rounds.get(key.keyId)?.stage === 'parameters' ? 'parameters' : 'later' })),
    rounds: byBundle(lost, rounds),
    notTaken: byBundle(notTaken, rounds),
    sentUnrecorded: sentImports(sent),
    unproven: sentImports(unproven),
    foreign: unrecorded.filter((s) => !sent.includes(s) && !unproven.includes(s)),
    missing: status.filter((s) => {
      const k = byId.get(s.keyId);
      const waiting = !!k && !k.imported && !k.lapsed && !k.deleted && !notTaken.includes(k);
      return waiting && stateOf.get(s.keyId) === pendingImport;
    }),
  };
}
