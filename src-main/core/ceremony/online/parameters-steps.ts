/**
 * The steps before the air gap: create the external keys (Pending import), fetch a wrapping key
 * and import token for every key waiting for material, and write the import-parameters bundle.
 */
import path from 'node:path';
import { writeImportParametersBundle } from '../../bundle';
import { groupHex } from '../../hex-groups';
import { KeyferryError, toProblem } from '../../errors';
import { problemData } from '../../journal';
import { sha256Hex } from '../../fs/durable-file';
import { plannedKeyCount, type PlannedKey, type ReplicaTarget } from '../shared/ceremony-plan';
import type { KmsKeyInfo } from '../../kms/types';
import {
  journaledPrimary,
  journaledReplica,
  keyUnderAlias,
  aliasesTaken,
  createTarget,
  plannedKeyRecords,
  plannedKeysMissing,
  refusePlanWithoutCreatedKeys,
} from './planned-keys';
import { refuseStep, type OnlineStepContext } from './step-context';
import { ONLINE_EVENTS } from './events';
import { issuedFromAnswer, keyMaterialExpiry, parametersForBundle } from './issued-parameters';
import { replicaPlaceOf, type OnlineKeyState } from './state';
import { membersTakingGroupMaterial } from './group-material';
import { parametersRoundKeys } from './parameters-round';
import type { CreatedKey, IssuedSummary, WrittenParametersBundle } from './types';
import { forEachKeyWithProgress } from './key-concurrency';
import { createRetryData, refusePlanDroppingUnansweredCreate, unrecordedCreateOf } from './unrecorded-create';
import { isAsymmetric } from '../../crypto/key-spec';
import { plannedKeyExpiry } from './planned-keys';
import { reportProgress, progressLine } from '../shared/progress';
import { ESTIMATE_BLOCK_BYTES, preflightDestinations } from '../../media/preflight';
import { mapInSlices } from '../../yield';
import { kmsTimeFromTokens } from '../shared/kms-time';
import type { Warning } from '../../../i18n/warning';
import { bundlePlanWarnings, expiriesPastByKms } from './parameters-warnings';
import { bundlePlanOf } from './bundle-plan';
import { airGapJournalForParameters } from './wrapped-bundle-makers';

/**
 * Upper estimates for an import-parameters bundle: a file-system block (4 KiB) per file and folder:
 * manifest.json, README.txt and keys/; per key its folder and three files.
 */
const BLOCK = ESTIMATE_BLOCK_BYTES;
const PARAMETERS_BASE_ENTRIES = 3;
const PARAMETERS_ENTRIES_PER_KEY = 4;
/** The step a refused check or a failed write of the import-parameters bundle is journaled under. */
const PARAMETERS_FOLDER_STEP = 'write-parameters-bundle';
const PARAMETERS_BASE_BYTES = 4 * BLOCK;
const PARAMETERS_BYTES_PER_KEY = 4 * BLOCK;

/**
 * Checks the folder an import-parameters bundle will be written to before anything is fetched:
 * new or empty, really writable, with room for the parameters of every key of the ceremony. A
 * refusal after the fetch would leave the KMS's fresh tokens issued and nothing written.
 */
export async function preflightParametersFolder(
  ctx: Pick<OnlineStepContext, 'state' | 'kmsCall'>,
  dir: string,
): Promise<void> {
  const keys = Math.max(1, ctx.state.keys.size);
  // A refusal is journaled (step.failed), so the receipt's deviations show the attempt.
  await ctx.kmsCall(PARAMETERS_FOLDER_STEP, null, () =>
    preflightDestinations([
      {
        role: 'parameters',
        folder: dir,
        expect: 'new-or-empty',
        bytes: PARAMETERS_BASE_BYTES + PARAMETERS_BYTES_PER_KEY * keys,
        entries: PARAMETERS_BASE_ENTRIES + PARAMETERS_ENTRIES_PER_KEY * keys,
      },
    ]),
  );
}

/**
 * One key to create: a planned key, or one of its replicas (`replica` names its group's primary and
 * place); `found`: the KMS already holds it under the key's alias, created by an attempt that stopped
 * before its answer was journaled (it is journaled, not created again).
 */
interface KeyToCreate {
  readonly key: PlannedKey;
  readonly replica?: { readonly replicaOf: string; readonly target: ReplicaTarget };
  readonly found?: KmsKeyInfo;
}

/**
 * Creates one external key per planned key through the ceremony's own connection, then one per
 * replica through its region/project's connection (a replica names its primary, so primaries
 * come first), journaling each; refuses an empty plan. Run again after a stop, it creates only the
 * keys the journal does not hold (see planned-keys.ts) and returns every key of the plan.
 */
export async function createExternalKeys(
  ctx: OnlineStepContext,
  planned: readonly PlannedKey[],
): Promise<CreatedKey[]> {
  if (planned.length === 0) throw new KeyferryError('CEREMONY_NO_KEYS');
  refusePlanWithoutCreatedKeys(ctx.state, planned);
  // A create sent and never answered whose alias the plan leaves out would leave its key behind.
  await refusePlanDroppingUnansweredCreate(ctx, planned);
  await ctx.journal(ONLINE_EVENTS.keysPlanned, { keys: plannedKeyRecords(planned) });
  // One progress count over every key the KMS will hold, primaries and replicas alike.
  const total = plannedKeyCount(planned);
  const primaryOf = (key: PlannedKey) => journaledPrimary(ctx.state, key.alias);
  await createEach(
    ctx,
    await withKeysFound(
      ctx,
      planned.filter((key) => !primaryOf(key)).map((key) => ({ key })),
    ),
    { before: total - plannedKeysMissing(ctx.state), total },
  );
  // Every primary exists now; a replica names its primary, so replicas come second.
  const primaries = planned.map((key) => primaryOf(key) as OnlineKeyState);
  const replicaSlots = planned.flatMap((key, i) =>
    (key.replicas ?? []).map((target) => ({ key, replicaOf: (primaries[i] as OnlineKeyState).keyId, target })),
  );
  const replicasToCreate = replicaSlots
    .filter(({ replicaOf, target }) => !journaledReplica(ctx.state, replicaOf, target))
    .map(({ key, replicaOf, target }) => ({ key, replica: { replicaOf, target } }));
  if (replicasToCreate.length > 0) {
    await createEach(ctx, await withKeysFound(ctx, replicasToCreate), {
      before: total - plannedKeysMissing(ctx.state),
      total,
    });
  }
  // Every key of the plan, primaries first (in plan order), then each primary's replicas.
  const replicas = replicaSlots.map(
    ({ replicaOf, target }) => journaledReplica(ctx.state, replicaOf, target) as OnlineKeyState,
  );
  return [...primaries, ...replicas].map((key) => createdKeyOf(key, ctx.state.expiry));
}

/** `key` as created, with the material expiry its import will request (`planExpiry`: the plan's). */
function createdKeyOf(key: OnlineKeyState, planExpiry: string): CreatedKey {
  const place = key.replicaOf !== undefined && key.target ? { replicaOf: key.replicaOf, ...key.target } : {};
  const materialExpiry = keyMaterialExpiry(key, planExpiry);
  return { keyId: key.keyId, alias: key.alias, spec: key.spec, usage: key.usage, materialExpiry, ...place };
}

/**
 * Marks the keys the KMS already holds under their alias (one list-keys per connection), created
 * by an attempt of this ceremony that stopped before journaling them; refuses an alias another key holds.
 */
async function withKeysFound(ctx: OnlineStepContext, keys: readonly KeyToCreate[]): Promise<KeyToCreate[]> {
  const listed = new Map<string, Promise<KmsKeyInfo[]>>();
  const list = (item: KeyToCreate): Promise<KmsKeyInfo[]> => {
    const kms = ctx.kmsFor({ keyId: '', ...(item.replica ? { target: item.replica.target } : {}) });
    const where = item.replica ? `${item.replica.target.region}/${item.replica.target.projectId}` : '';
    let keysThere = listed.get(where);
    if (!keysThere) {
      keysThere = ctx.kmsCall('list-keys', null, () => kms.listKeys());
      listed.set(where, keysThere);
    }
    return keysThere;
  };
  const result: KeyToCreate[] = [];
  const taken: KmsKeyInfo[] = [];
  for (const item of keys) {
    const sentAt = ctx.state.createsUnrecorded.get(createTarget(item.key.alias, item.replica?.target ?? {}));
    const under = keyUnderAlias(await list(item), item.key, sentAt);
    if (under.taken) taken.push(under.taken);
    result.push(under.found ? { ...item, found: under.found } : item);
  }
  // Every alias taken, said at once (the plan is corrected once), and journaled as the step refused.
  const [first, ...others] = taken;
  if (first) await refuseStep(ctx, 'create-key', null, aliasesTaken([first, ...others]));
  return result;
}

/** Creates (or takes back) and journals each of `keys`; the journal then holds them (createdKeyOf reads it). */
async function createEach(
  ctx: OnlineStepContext,
  keys: readonly KeyToCreate[],
  count: { readonly before: number; readonly total: number },
): Promise<void> {
  await forEachKeyWithProgress(
    { concurrency: ctx.concurrency, onProgress: ctx.onProgress, step: 'create-keys', count },
    keys,
    ({ key, replica, found }) => ({
      line: found
        ? progressLine('create-key-found', {
            spec: key.spec,
            alias: key.alias,
            // A replica found in its region is named as such (a trial read it as the primary).
            replica: replica ? 'yes' : 'no',
            region: replica?.target.region ?? '',
          })
        : replica
          ? progressLine('create-replica', { spec: key.spec, alias: key.alias, region: replica.target.region })
          : progressLine('create-key', { spec: key.spec, alias: key.alias }),
    }),
    async ({ key, replica, found }, _index, recording) => {
      const kms = ctx.kmsFor({ keyId: '', ...(replica ? { target: replica.target } : {}) });
      // Where it goes, journaled with the send and with its failure (the next session tells an unanswered send so).
      const sent = {
        alias: key.alias,
        ...(replica ? { region: replica.target.region, projectId: replica.target.projectId } : {}),
      };
      // A send of this create the journal holds no answer to: the key found is its key, else this is its retry.
      const unanswered = unrecordedCreateOf(ctx.journalEntries(), createTarget(key.alias, replica?.target ?? {}));
      if (!found)
        // Before the request goes out: a stop after it leaves the mark by which the next run may take the key back.
        await ctx.journal(ONLINE_EVENTS.createSending, {
          ...sent,
          spec: key.spec,
          usage: key.usage,
          ...createRetryData(unanswered),
        });
      const { keyId } =
        found ??
        (await ctx.kmsCall(
          'create-key',
          null,
          () =>
            kms.createKey({
              alias: key.alias,
              spec: key.spec,
              usage: key.usage,
              description: key.description,
              origin: 'external',
            }),
          sent,
        ));
      const place = replica ? { replicaOf: replica.replicaOf, ...replica.target } : {};
      recording(keyId);
      await ctx.journal(ONLINE_EVENTS.keyCreated, {
        keyId,
        alias: key.alias,
        spec: key.spec,
        usage: key.usage,
        description: key.description,
        ...place,
        ...(found ? { foundInKms: true, ...(unanswered ? { sent: { ...unanswered } } : {}) } : {}),
        ...(isAsymmetric(key.spec) ? {} : { plannedExpiry: plannedKeyExpiry(key, ctx.state.expiry) }),
      });
    },
  );
}

/** Fetches and journals import parameters for every key of the round (parameters-round.ts: the keys waiting for material, or those chosen). */
export async function fetchIssuedParameters(ctx: OnlineStepContext): Promise<IssuedSummary[]> {
  const { state } = ctx;
  const keys = parametersRoundKeys(state);
  return forEachKeyWithProgress(
    { concurrency: ctx.concurrency, onProgress: ctx.onProgress, step: 'fetch-parameters' },
    keys,
    (key) => ({
      keyId: key.keyId,
      line: progressLine('fetch-parameters', { alias: key.alias, ...replicaPlaceOf(key) }),
    }),
    async (key, _index, recording) => {
      const kms = ctx.kmsFor(key);
      const answer = await ctx.kmsCall('get-parameters-for-import', key.keyId, () =>
        kms.getParametersForImport({
          keyId: key.keyId,
          wrappingAlgorithm: state.wrappingAlgorithm,
        }),
      );
      let issued: ReturnType<typeof issuedFromAnswer>;
      try {
        issued = issuedFromAnswer(
          key,
          answer,
          state.wrappingAlgorithm,
          key.target?.region ?? ctx.region,
          kms.projectId,
        );
      } catch (error) {
        // A wrapping key the KMS should never issue (weak, or one its own import would refuse).
        const problem = toProblem(error);
        await ctx.journal(ONLINE_EVENTS.parametersRefused, {
          keyId: key.keyId,
          wrappingKeyFingerprint: sha256Hex(answer.publicKeyDer),
          ...problemData(problem),
        });
        throw error;
      }
      const { event, summary } = issued;
      recording();
      await ctx.journal(ONLINE_EVENTS.parametersFetched, event);
      return summary;
    },
  );
}

/**
 * The material expiry a parameters bundle records: the plan's, except when every key in it waits
 * for material it held before (lapsed or deleted) and some of that material was imported with an
 * expiry (the plan's, one chosen on the air-gapped side, or --expires at import): then the latest
 * such expiry, so a custody restore from this bundle must choose its expiry explicitly instead of
 * silently requesting "never" because the plan said so.
 */
function bundleMaterialExpiry(planned: string, keys: readonly OnlineKeyState[]): string {
  if (keys.length === 0 || !keys.every((k) => k.imported)) return planned;
  const imported = keys.map((k) => k.imported?.expiresAt ?? null).filter((at): at is string => at !== null);
  return imported.length > 0 ? (imported.sort().at(-1) as string) : planned;
}

/**
 * Writes the latest parameters of every waiting key into the new folder `dir` and journals it; the
 * bundle names the journal's operator and witnesses (format version 5). `signal`: a stop, which
 * ends the write and removes what it wrote (write-bundle.ts).
 */
export async function writeParametersBundleStep(
  ctx: OnlineStepContext,
  dir: string,
  signal?: AbortSignal,
): Promise<WrittenParametersBundle> {
  const now = ctx.now();
  const keys = parametersRoundKeys(ctx.state);
  // The KMS's time as the newest tokens prove it (this computer's clock may lag it), for both warnings.
  const kmsNow = kmsTimeFromTokens(
    now,
    keys.map((k) => k.issued.at(-1)?.tokenExpiresAt),
  );
  // In slices: each key's wrapping public key is checked again (100 keys held the event loop for 3-5 ms).
  // A key that takes its group's material (held by a member outside the round) is bound to the holder's.
  const takers = membersTakingGroupMaterial(keys, ctx.state.keys);
  const holderOf = new Map(takers.map(({ member, holder }) => [member.keyId, holder]));
  const parameters = await mapInSlices(keys, (k) =>
    parametersForBundle(k, now, ctx.state.expiry, holderOf.get(k.keyId)),
  );
  reportProgress(ctx.onProgress, {
    step: 'write-bundle',
    done: 0,
    total: 1,
    ...progressLine('write-parameters-bundle', { dir }),
  });
  const airGapJournal = airGapJournalForParameters(ctx.state.airGapJournalTrail);
  const written = await ctx.kmsCall(PARAMETERS_FOLDER_STEP, null, () =>
    writeImportParametersBundle(
      dir,
      {
        ceremonyId: ctx.state.ceremonyId,
        ceremony: {
          title: ctx.state.title,
          materialExpiry: bundleMaterialExpiry(ctx.state.expiry, keys),
          onlineJournal: ctx.journalName,
          // Under the digest the witnesses type: the air-gapped side runs with these people only.
          people: { operator: ctx.state.operator, witnesses: [...ctx.state.witnesses] },
          // And in the journal of the wraps checked so far only: a new one would make a second material and custody set.
          ...(airGapJournal ? { airGapJournal } : {}),
        },
        keys: parameters,
      },
      { now, ...(signal ? { signal } : {}) },
    ),
  );
  const keyIds = keys.map((k) => k.keyId);
  await ctx.journal(ONLINE_EVENTS.parametersWritten, {
    folder: path.resolve(dir),
    manifestSha256: written.digest,
    keyIds,
  });
  // Said once this bundle is journaled: the plan counts it with every bundle written before.
  const earlier = bundlePlanWarnings(bundlePlanOf(ctx.state, ctx.journalEntries(), now), ctx.state.keys);
  reportProgress(ctx.onProgress, {
    step: 'write-bundle',
    done: 1,
    total: 1,
    ...progressLine('parameters-bundle-written', {}),
  });
  return {
    dir: path.resolve(dir),
    manifestSha256: written.digest,
    manifestSha256Grouped: groupHex(written.digest),
    keyIds,
    warnings: [...earlier, expiriesPastByKms(keys, parameters, now, kmsNow), ...written.warnings].filter(
      (w): w is Warning => w !== undefined,
    ),
    materialExpiries: Object.fromEntries(parameters.map((p) => [p.keyId, p.materialExpiry ?? 'never'])),
    importedBefore: keys.filter((k) => k.firstImport !== undefined).map((k) => k.keyId),
    takingGroupMaterial: takers.map(({ member, holder }) => ({ keyId: member.keyId, holder: holder.keyId })),
  };
}
