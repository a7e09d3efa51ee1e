/**
 * The KMS connections of one online session: step 1 tests the ceremony's own endpoint and
 * credentials with list-keys (journaled `kms.connected`, with where the credentials came from and
 * what they are bound to, never a secret), then reaches every replica region/project the journal's
 * keys live in (replica-connections.ts); a step that calls the KMS is refused until then.
 */
import type { ReplicaTarget } from '../shared/ceremony-plan';
import { stepOutOfOrder, type CeremonyStepName } from '../shared/step-guard';
import type { OnlineCredentialBinding } from './credential-source';
import { ONLINE_EVENTS } from './events';
import type { OnlineKms } from './kms-calls';
import { distinctTargets, ReplicaConnections, type ReplicaKmsFactory } from './replica-connections';
import type { OnlineStepContext } from './step-context';

/** What step 1 found: the connection tested and how many keys its credentials see. */
interface Connected {
  endpoint: string;
  projectId: string;
  region: string;
  keysVisible: number;
}

export class OnlineSessionConnection {
  readonly #kms: OnlineKms;
  readonly #region: string;
  readonly #replicas: ReplicaConnections;
  #connected = false;
  /** The credential binding given to connect(), journaled again with each replica connection. */
  #credentials: OnlineCredentialBinding | undefined;

  constructor(own: { readonly kms: OnlineKms; readonly region: string }, replicaKms: ReplicaKmsFactory | undefined) {
    this.#kms = own.kms;
    this.#region = own.region;
    this.#replicas = new ReplicaConnections({ kms: own.kms, region: own.region }, replicaKms);
  }

  /** The connection a key's KMS calls go through: its replica region/project's, else the ceremony's own. */
  kmsFor(key: Parameters<ReplicaConnections['kmsFor']>[0]): OnlineKms {
    return this.#replicas.kmsFor(key);
  }

  /** Refuses `step` until this session connected. */
  require(step: CeremonyStepName): void {
    if (!this.#connected) throw stepOutOfOrder({ reason: 'notConnected', step });
  }

  /** Step 1: list-keys on the ceremony's own connection, journaled, then every replica target its keys need. */
  async connect(ctx: OnlineStepContext, credentials: OnlineCredentialBinding | undefined): Promise<Connected> {
    const keys = await ctx.kmsCall('connect', null, () => this.#kms.listKeys());
    const result = {
      endpoint: this.#kms.endpoint.origin,
      projectId: this.#kms.projectId,
      region: this.#region,
      keysVisible: keys.length,
    };
    await ctx.journal(ONLINE_EVENTS.connected, {
      ...result,
      ...(credentials ? { credentials: { ...credentials } } : {}),
    });
    this.#credentials = credentials;
    // A later session of a ceremony with replica groups reaches every replica's region/project too.
    await this.connectReplicas(ctx, distinctTargets([...ctx.state.keys.values()]));
    this.#connected = true;
    return result;
  }

  /** The refusal of a replica placed where the ceremony's own connection is, if any (ReplicaConnections). */
  ownTargetRefusal(targets: readonly ReplicaTarget[]): ReturnType<ReplicaConnections['ownTargetRefusal']> {
    return this.#replicas.ownTargetRefusal(targets);
  }

  /** Connects each of `targets` not connected yet (each journaled; an unreachable one refuses the step). */
  async connectReplicas(ctx: OnlineStepContext, targets: readonly ReplicaTarget[]): Promise<void> {
    if (targets.length === 0) return;
    await this.#replicas.connect(
      { primary: { kms: this.#kms, region: this.#region }, ...ctx },
      targets,
      this.#credentials ? { ...this.#credentials } : undefined,
    );
  }
}
