/**
 * One KMS connection per replica region/project. A replica group's primary lives behind the
 * ceremony's own connection; each replica behind a connection of its region and project, opened
 * with the same credentials (Huawei's AK/SK are the account's, valid in every region) at the
 * endpoint beside the ceremony's own (`endpointBeside`: Huawei's regional endpoint, or the local
 * simulator's region host). Each connection is tested with list-keys and journaled
 * (`kms.replica-connected`, with the credential binding's source and the connection it reached).
 */
import { KeyferryError, toProblem } from '../../errors';
import { KmsClient } from '../../kms/client';
import { lookupKmsErrorCode } from '../../kms/error-codes';
import type { KmsClientOptions } from '../../kms/client-options';
import { endpointBeside } from '../../kms/endpoint';
import { isLoopbackHost } from '../../loopback-host';
import type { JsonObject } from '../../journal';
import type { ReplicaTarget } from '../shared/ceremony-plan';
import { ONLINE_EVENTS } from './events';
import type { OnlineKms } from './kms-calls';
import type { OnlineKeyState } from './state';
import { progressLine, reportProgress, type ProgressListener } from '../shared/progress';

/** Opens the connection of a replica's region/project (called once per target per session). */
export type ReplicaKmsFactory = (target: ReplicaTarget) => OnlineKms;

/** "region/projectId": one connection each. */
function targetKey(target: ReplicaTarget): string {
  return `${target.region}/${target.projectId}`;
}

/**
 * Real KMS clients for replica targets, beside `primary` (the ceremony's own client options):
 * same credentials, CA certificates, proxy environment, clock and retry policy; the endpoint of
 * the target's region. An explicit endpoint that names no region (a proxy or private endpoint)
 * has no region beside it: refused (REPLICA_ENDPOINT_UNKNOWN). An IAM token is scoped to the one
 * project it was issued for (KMS takes project-scoped tokens only), so a replica in another project
 * cannot be reached with it: refused before any call (REPLICA_TOKEN_ONE_PROJECT), rather than met
 * as the region's KMS.0305 and told to check the plan. `close()` closes every client opened.
 */
export function replicaKmsClients(primary: KmsClientOptions & { readonly endpoint: string }): {
  readonly open: ReplicaKmsFactory;
  close(): void;
} {
  const opened: KmsClient[] = [];
  return {
    open(target) {
      const endpoint = endpointBeside(new URL(primary.endpoint), target.region);
      if (!endpoint) {
        throw new KeyferryError('REPLICA_ENDPOINT_UNKNOWN', {
          region: target.region,
          endpoint: new URL(primary.endpoint).origin,
        });
      }
      if (primary.credentials.kind === 'token' && target.projectId !== primary.projectId) {
        throw new KeyferryError('REPLICA_TOKEN_ONE_PROJECT', {
          region: target.region,
          projectId: target.projectId,
          tokenProjectId: primary.projectId,
        });
      }
      const client = new KmsClient({
        ...primary,
        region: target.region,
        projectId: target.projectId,
        endpoint: endpoint.origin,
      });
      opened.push(client);
      return client;
    },
    close() {
      for (const client of opened.splice(0)) client.close();
    },
  };
}

/** What the ceremony needs to connect a replica target: its own connection's facts and the journal. */
interface ReplicaConnectContext {
  readonly primary: { readonly kms: OnlineKms; readonly region: string };
  journal(event: string, data: JsonObject): Promise<void>;
  kmsCall<T>(step: string, keyId: string | null, run: () => Promise<T>): Promise<T>;
  /** Told of each connection once journaled, as it happens (a surface says it then, not after the step). */
  readonly onProgress?: ProgressListener | undefined;
}

/** The connections of one session: the ceremony's own, and one per replica target connected so far. */
export class ReplicaConnections {
  readonly #open = new Map<string, OnlineKms>();
  readonly #factory: ReplicaKmsFactory | undefined;
  readonly #primary: ReplicaConnectContext['primary'];

  constructor(primary: ReplicaConnectContext['primary'], factory: ReplicaKmsFactory | undefined) {
    this.#primary = primary;
    this.#factory = factory;
  }

  /** The connection `key`'s calls go through. */
  kmsFor(key: Pick<OnlineKeyState, 'keyId' | 'target'>): OnlineKms {
    if (!key.target) return this.#primary.kms;
    const kms = this.#open.get(targetKey(key.target));
    if (!kms) throw new KeyferryError('REPLICA_NOT_CONNECTED', { keyId: key.keyId, ...key.target });
    return kms;
  }

  /** The refusal of a replica placed where the ceremony's own connection is (its group's primary lives there), if any. */
  ownTargetRefusal(targets: readonly ReplicaTarget[]): KeyferryError | undefined {
    const own = { region: this.#primary.region, projectId: this.#primary.kms.projectId };
    const same = targets.find((t) => targetKey(t) === targetKey(own));
    return same ? new KeyferryError('REPLICA_SAME_AS_PRIMARY', { ...same }) : undefined;
  }

  /**
   * Connects every target not connected yet in this session: list-keys through it, then
   * `kms.replica-connected` {endpoint, region, projectId, keysVisible, credentials?}, then the
   * progress `replica-connected` (step `connect`) with the same values.
   */
  async connect(
    ctx: ReplicaConnectContext,
    targets: readonly ReplicaTarget[],
    credentials: JsonObject | undefined,
  ): Promise<void> {
    for (const target of targets) {
      const key = targetKey(target);
      if (this.#open.has(key)) continue;
      if (!this.#factory) throw new KeyferryError('REPLICA_CONNECTION_UNAVAILABLE', { ...target });
      const factory = this.#factory;
      // A connection refused before any call (no endpoint beside, a token of another project) is journaled as the step failing.
      const kms = await ctx.kmsCall('connect', null, () => Promise.resolve().then(() => factory(target)));
      await refuseUnboundReplica(ctx, this.#primary.kms, target, kms, credentials);
      // Said as the replica's refusal inside the call, so the journal's step.failed (and the receipt's
      // Deviations) name the region, project and endpoint, not only the gateway's or the KMS's code.
      const keys = await ctx.kmsCall('connect', null, () =>
        kms.listKeys().catch((error: unknown) => {
          throw replicaRefusal(error, target, kms) ?? error;
        }),
      );
      const connected = { endpoint: kms.endpoint.origin, region: target.region, projectId: kms.projectId };
      await ctx.journal(ONLINE_EVENTS.replicaConnected, {
        ...connected,
        keysVisible: keys.length,
        ...(credentials ? { credentials: { ...credentials, endpoint: kms.endpoint.origin, ...target } } : {}),
      });
      this.#open.set(key, kms);
      const line = progressLine('replica-connected', { ...connected, keys: keys.length });
      reportProgress(ctx.onProgress, { step: 'connect', done: 0, total: 0, ...line });
    }
  }
}

/**
 * A replica's first call refused where the ceremony's own connection, with the same credentials,
 * works: said with the replica's region, project and endpoint, or the officer cannot tell which of
 * the plan's projects is wrong.
 * - APIGW.0101 ("the endpoint does not offer this KMS API"): the region is not served there
 *   (REPLICA_REGION_NOT_SERVED; for the local simulator, how to serve it: `kms-sim --regions`).
 * - An authentication or permission refusal (a KMS code answered with HTTP 401 or 403, e.g. KMS.0306
 *   for a project ID that is not these credentials' project in that region): REPLICA_ACCESS_REFUSED
 *   with that code. Neither is retryable, so the retry policy of `kmsCall` sees the same as before.
 *   (An IAM token meets no replica of another project here: refused before any call, above.)
 */
function replicaRefusal(error: unknown, target: ReplicaTarget, kms: OnlineKms): KeyferryError | undefined {
  const { code } = toProblem(error);
  const where = { region: target.region, projectId: target.projectId, endpoint: kms.endpoint.origin };
  if (code === 'APIGW.0101') {
    const simulator = isLoopbackHost(kms.endpoint.hostname) ? 'yes' : 'no';
    return new KeyferryError('REPLICA_REGION_NOT_SERVED', { ...where, simulator }, { cause: error });
  }
  const status = lookupKmsErrorCode(code)?.httpStatus;
  if (status === 401 || status === 403)
    return new KeyferryError('REPLICA_ACCESS_REFUSED', { ...where, code }, { cause: error });
  return undefined;
}

/**
 * The credential binding, checked again for each replica region before anything is sent there:
 * the credentials are bound to the ceremony's own endpoint (`credentials.endpoint`, else the
 * connection's), and may reach a replica region only at the endpoint beside it for that region
 * (Huawei's regional KMS endpoint, or the local simulator's region host) and only for the
 * replica's own project. A connection elsewhere (another host, port or project, e.g. from a
 * factory that does not build beside the ceremony's endpoint) is journaled `kms.replica-refused`
 * (a deviation) and refused: CREDENTIALS_REPLICA_ENDPOINT_DIFFERS.
 */
async function refuseUnboundReplica(
  ctx: Pick<ReplicaConnectContext, 'journal'>,
  primary: OnlineKms,
  target: ReplicaTarget,
  kms: OnlineKms,
  credentials: JsonObject | undefined,
): Promise<void> {
  const bound = typeof credentials?.endpoint === 'string' ? credentials.endpoint : primary.endpoint.origin;
  const beside = endpointBeside(new URL(bound), target.region)?.origin ?? null;
  const endpoint = kms.endpoint.origin;
  const field = endpoint !== beside ? 'endpoint' : kms.projectId !== target.projectId ? 'projectId' : null;
  if (field === null) return;
  const values = {
    region: target.region,
    field,
    expected: field === 'endpoint' ? (beside ?? '') : target.projectId,
    given: field === 'endpoint' ? endpoint : kms.projectId,
    bound,
  };
  await ctx.journal(ONLINE_EVENTS.replicaRefused, {
    code: 'CREDENTIALS_REPLICA_ENDPOINT_DIFFERS',
    ...values,
    projectId: target.projectId,
    ...(credentials?.source !== undefined ? { source: credentials.source } : {}),
  });
  throw new KeyferryError('CREDENTIALS_REPLICA_ENDPOINT_DIFFERS', values);
}

/** The distinct replica targets of `keys`, in order. */
export function distinctTargets(keys: readonly { readonly target?: ReplicaTarget | undefined }[]): ReplicaTarget[] {
  const seen = new Map<string, ReplicaTarget>();
  for (const k of keys) if (k.target && !seen.has(targetKey(k.target))) seen.set(targetKey(k.target), k.target);
  return [...seen.values()];
}
