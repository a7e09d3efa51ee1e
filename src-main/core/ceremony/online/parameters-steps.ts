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
import type { PlannedKey, ReplicaTarget } from '../shared/ceremony-plan';
import type { OnlineStepContext } from './step-context';
import { ONLINE_EVENTS } from './events';
import { issuedFromAnswer, parametersForBundle } from './issued-parameters';
import { holdsImportedMaterial } from './state';
import type { CreatedKey, IssuedSummary, WrittenParametersBundle } from './types';
import { forEachKeyWithProgress } from './key-concurrency';
import { reportProgress, progressLine } from '../shared/progress';

/** One key to create: a planned key, or one of its replicas (`replica` names its group's primary and place). */
interface KeyToCreate {
  readonly key: PlannedKey;
  readonly replica?: { readonly replicaOf: string; readonly target: ReplicaTarget };
}

/**
 * Creates one external key per planned key through the ceremony's own connection, then one per
 * replica through its region/project's connection (a replica names its primary, so primaries
 * come first), journaling each; refuses an empty plan.
 */
export async function createExternalKeys(
  ctx: OnlineStepContext,
  planned: readonly PlannedKey[],
): Promise<CreatedKey[]> {
  if (planned.length === 0) throw new KeyferryError('CEREMONY_NO_KEYS');
  // One progress count over every key the KMS will hold, primaries and replicas alike.
  const total = planned.reduce((n, key) => n + 1 + (key.replicas?.length ?? 0), 0);
  const primaries = await createEach(
    ctx,
    planned.map((key) => ({ key })),
    { before: 0, total },
  );
  const replicas = planned.flatMap((key, i) =>
    (key.replicas ?? []).map((target) => ({
      key,
      replica: { replicaOf: (primaries[i] as CreatedKey).keyId, target },
    })),
  );
  return [
    ...primaries,
    ...(replicas.length > 0 ? await createEach(ctx, replicas, { before: primaries.length, total }) : []),
  ];
}

function createEach(
  ctx: OnlineStepContext,
  keys: readonly KeyToCreate[],
  count: { readonly before: number; readonly total: number },
): Promise<CreatedKey[]> {
  return forEachKeyWithProgress(
    { concurrency: ctx.concurrency, onProgress: ctx.onProgress, step: 'create-keys', count },
    keys,
    ({ key, replica }) => ({
      line: replica
        ? progressLine('create-replica', { spec: key.spec, alias: key.alias, region: replica.target.region })
        : progressLine('create-key', { spec: key.spec, alias: key.alias }),
    }),
    async ({ key, replica }) => {
      const kms = ctx.kmsFor({ keyId: '', ...(replica ? { target: replica.target } : {}) });
      const { keyId } = await ctx.kmsCall('create-key', null, () =>
        kms.createKey({
          alias: key.alias,
          spec: key.spec,
          usage: key.usage,
          description: key.description,
          origin: 'external',
        }),
      );
      const place = replica ? { replicaOf: replica.replicaOf, ...replica.target } : {};
      await ctx.journal(ONLINE_EVENTS.keyCreated, {
        keyId,
        alias: key.alias,
        spec: key.spec,
        usage: key.usage,
        description: key.description,
        ...place,
      });
      return { keyId, alias: key.alias, spec: key.spec, usage: key.usage, ...place };
    },
  );
}

/** Fetches and journals import parameters for every key not holding imported material. */
export async function fetchIssuedParameters(ctx: OnlineStepContext): Promise<IssuedSummary[]> {
  const { state } = ctx;
  const keys = [...state.keys.values()].filter((k) => !holdsImportedMaterial(k));
  return forEachKeyWithProgress(
    { concurrency: ctx.concurrency, onProgress: ctx.onProgress, step: 'fetch-parameters' },
    keys,
    (key) => ({ keyId: key.keyId, line: progressLine('fetch-parameters', { alias: key.alias }) }),
    async (key) => {
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
      await ctx.journal(ONLINE_EVENTS.parametersFetched, event);
      return summary;
    },
  );
}

/** Writes the latest parameters of every waiting key into the new folder `dir` and journals it. */
export async function writeParametersBundleStep(ctx: OnlineStepContext, dir: string): Promise<WrittenParametersBundle> {
  const now = ctx.now();
  const keys = [...ctx.state.keys.values()].filter((k) => !holdsImportedMaterial(k));
  const parameters = keys.map((k) => parametersForBundle(k, now));
  reportProgress(ctx.onProgress, {
    step: 'write-bundle',
    done: 0,
    total: 1,
    ...progressLine('write-parameters-bundle', { dir }),
  });
  const written = await writeImportParametersBundle(
    dir,
    {
      ceremonyId: ctx.state.ceremonyId,
      ceremony: { title: ctx.state.title, materialExpiry: ctx.state.expiry, onlineJournal: ctx.journalName },
      keys: parameters,
    },
    { now },
  );
  const keyIds = keys.map((k) => k.keyId);
  await ctx.journal(ONLINE_EVENTS.parametersWritten, {
    folder: path.resolve(dir),
    manifestSha256: written.digest,
    keyIds,
  });
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
    warnings: written.warnings.map((w) => w.message),
  };
}
