/**
 * The built-in KMS simulator for rehearsals and tests: the Huawei Cloud KMS v1.0 API on loopback
 * (POST /v1.0/{project_id}/kms/{action}), same JSON, same error codes and statuses, AK/SK
 * signatures verified, a clock tests can move, state in memory or in an atomically written file.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { KeyferryError } from '../errors';
import { simulatedRegionOf } from '../loopback-host';
import { SimAuthenticator } from './auth';
import { createSimulatorClock, type SimulatorClock } from './clock';
import { CLOCK_CONTROL_PATH, handleClockControl } from './clock-control';
import type { SimContext } from './context';
import { SimulatorFaults } from './faults';
import { handleSimulatorRequest } from './request-handler';
import { createFreshState, type SimKeyState, type SimState, type SimStates } from './state';
import { SimulatorTraffic, type SimulatorTrafficOptions, type SimulatorTrafficStats } from './traffic';
import { createStatePersister, loadStateFile } from './state-file';
import { WrappingKeyPool } from './wrapping-key-pool';

export interface KmsSimulatorOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (any free port). */
  readonly port?: number;
  /** Persist state here after every change, and resume from it when it exists. */
  readonly statePath?: string;
  /** The base clock (default Date.now); `clock.advance` moves the simulator's time from it. */
  readonly now?: () => number;
  /**
   * Start with the simulator's clock at this time (epoch ms) instead of the base clock (or the time
   * a resumed state file was moved to). Refused when it is more than a minute before the resumed
   * time: the clock never runs backwards.
   */
  readonly startAt?: number;
  /** Serve the clock control (clock-control.ts) on loopback; refused when false (the default). */
  readonly clockControl?: boolean;
  /** Fixed credentials (random when absent; ignored when resuming a state file). */
  readonly credentials?: { readonly ak: string; readonly sk: string; readonly securityToken?: string };
  /** The first region's project and name (a resumed state file must record the same, else refused). */
  readonly projectId?: string;
  readonly region?: string;
  /** Serve https with this certificate instead of http. */
  readonly tls?: { readonly keyPem: string; readonly certPem: string };
  /** Pre-generated RSA-2048 wrapping keys kept ready (default 2). */
  readonly wrappingKeyPoolSize?: number;
  /** False: generate the pool once, then only on demand (a bench times the client, not RSA generation). */
  readonly refillWrappingKeys?: boolean;
  readonly onRequest?: (info: { action: string; status: number }) => void;
  /** A distant, rate-limited region: latency per answer and the API gateway's rate limit. */
  readonly traffic?: SimulatorTrafficOptions;
  /**
   * More regions served by the same process, for replica groups: each has its own project, keys,
   * wrapping keys and import-token secret; the account (AK/SK, domain) is shared, as Huawei's is.
   * A request reaches a region by its host, as the real endpoints are named:
   * http://kms.{region}.localhost:{port} (the first region also answers on 127.0.0.1). With
   * `statePath`, every region is kept in the state file (format version 2) and a resumed simulator
   * serves the file's regions plus any named here.
   */
  readonly regions?: readonly { readonly region: string; readonly projectId?: string }[];
}

/** One region the simulator serves. */
interface SimulatedRegion {
  readonly region: string;
  readonly projectId: string;
  /** http://kms.{region}.localhost:{port}: the endpoint a client of this region uses. */
  readonly endpoint: string;
}

export interface KmsSimulator {
  readonly endpoint: string;
  readonly region: string;
  readonly projectId: string;
  readonly domainId: string;
  readonly ak: string;
  readonly sk: string;
  readonly securityToken: string | undefined;
  readonly clock: SimulatorClock;
  readonly faults: SimulatorFaults;
  /** Every region served, the first one (region, projectId above) first. */
  readonly regions: readonly SimulatedRegion[];
  /** Resolves once the pool of ready wrapping keys is full (so a bench times the client, not RSA generation). */
  wrappingKeysReady(): Promise<void>;
  /** Requests served, throttled answers and the most requests in flight at once. */
  trafficStats(): SimulatorTrafficStats;
  /** How many import-key-material calls took effect for `keyId` since this simulator started (0, 1, or a duplicate). */
  importCount(keyId: string): number;
  /** How many import-key-material requests for `keyId` got past the API gateway to the KMS (applied or refused). */
  importRequestCount(keyId: string): number;
  /** Issues an IAM token (X-Auth-Token) for this project. */
  issueIamToken(ttlMs?: number): string;
  /** Test hook: puts a key into a state the API cannot reach directly (e.g. 1, Pending activation). */
  setKeyState(keyId: string, state: SimKeyState): Promise<void>;
  close(): Promise<void>;
}

/** A region of the same account: shared AK/SK and domain, its own project, secrets and keys. */
function sharedAccountState(account: SimState, region: string, projectId: string | undefined): SimState {
  const fresh = createFreshState({
    region,
    ...(projectId ? { projectId } : {}),
    accessKeyId: account.accessKeyId,
    secretKey: account.secretKey,
    ...(account.securityToken ? { securityToken: account.securityToken } : {}),
  });
  return { ...fresh, domainId: account.domainId };
}

async function initialStates(options: KmsSimulatorOptions): Promise<SimStates> {
  const loaded = options.statePath ? await loadStateFile(options.statePath) : undefined;
  if (loaded) {
    refuseOtherFirstRegion(loaded.first, options, options.statePath ?? '');
    return loaded;
  }
  const first = createFreshState({
    ...(options.region ? { region: options.region } : {}),
    ...(options.projectId ? { projectId: options.projectId } : {}),
    ...(options.credentials ? { accessKeyId: options.credentials.ak, secretKey: options.credentials.sk } : {}),
    ...(options.credentials?.securityToken ? { securityToken: options.credentials.securityToken } : {}),
  });
  return { first, others: [] };
}

/**
 * A resumed simulator serves the region and project its state file records first: asked for
 * another (a rehearsal's options changed between starts), it refuses instead of serving the file's
 * silently, so a client configured for the asked region never meets keys of another.
 */
function refuseOtherFirstRegion(first: SimState, options: KmsSimulatorOptions, file: string): void {
  if (options.region !== undefined && options.region !== first.region)
    throw new KeyferryError('SIM_STATE_REGION_DIFFERS', { file, region: options.region, recorded: first.region });
  if (options.projectId !== undefined && options.projectId !== first.projectId)
    throw new KeyferryError('SIM_REGION_PROJECT_DIFFERS', {
      file,
      region: first.region,
      projectId: options.projectId,
      recorded: first.projectId,
    });
}

/**
 * Every region served, the first first: the resumed (or fresh) ones, then each asked-for region not
 * among them. A region asked for with another project than the one its state records is refused.
 */
function regionStatesOf(
  { first, others }: SimStates,
  asked: KmsSimulatorOptions['regions'],
  statePath: string | undefined,
): Map<string, SimState> {
  const states = new Map([first, ...others].map((r) => [r.region, r]));
  for (const extra of asked ?? []) {
    const known = states.get(extra.region);
    if (known && extra.projectId !== undefined && extra.projectId !== known.projectId)
      throw new KeyferryError('SIM_REGION_PROJECT_DIFFERS', {
        file: statePath ?? '',
        region: extra.region,
        projectId: extra.projectId,
        recorded: known.projectId,
      });
    if (!known) states.set(extra.region, sharedAccountState(first, extra.region, extra.projectId));
  }
  return states;
}

/** Sets the clock to `startAt`, unless that moves a resumed clock back by more than a minute. */
function startClockAt(clock: SimulatorClock, startAt: number, statePath: string | undefined): void {
  const resumed = clock.now();
  if (clock.offset() !== 0 && startAt < resumed - 60_000) {
    throw new KeyferryError('SIM_CLOCK_BACKWARDS', {
      file: statePath ?? '',
      resumedAt: resumed,
      startAt,
    });
  }
  clock.set(Math.max(startAt, clock.offset() !== 0 ? resumed : startAt));
}

/** Starts the simulator and resolves once it listens. */
export async function startKmsSimulator(options: KmsSimulatorOptions = {}): Promise<KmsSimulator> {
  const resumed = await initialStates(options);
  const state = resumed.first;
  const regionStates = regionStatesOf(resumed, options.regions, options.statePath);
  const clock = createSimulatorClock(options.now, state);
  if (options.startAt !== undefined) startClockAt(clock, options.startAt, options.statePath);
  const pool = new WrappingKeyPool(options.wrappingKeyPoolSize ?? 2, { refill: options.refillWrappingKeys ?? true });
  const counters = { importsApplied: new Map<string, number>(), importsReceived: new Map<string, number>() };
  const ctx: SimContext = { state, now: clock.now, pool, ...counters };
  const persister = options.statePath
    ? createStatePersister(options.statePath, () => ({ first: state, others: [...regionStates.values()].slice(1) }))
    : undefined;
  const persist = () => persister?.save() ?? Promise.resolve();
  await persist();
  const faults = new SimulatorFaults();
  const traffic = new SimulatorTraffic(options.traffic);
  const depsOf = (regionCtx: SimContext) => ({
    ctx: regionCtx,
    auth: new SimAuthenticator(regionCtx.state, clock.now, clock.baseNow),
    faults,
    traffic,
    persist,
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  const deps = depsOf(ctx);
  const regionDeps = new Map([[state.region, deps]]);
  for (const [region, regionState] of regionStates)
    if (region !== state.region)
      regionDeps.set(region, depsOf({ state: regionState, now: clock.now, pool, ...counters }));
  const depsFor = (req: http.IncomingMessage) => {
    const named = simulatedRegionOf((req.headers.host ?? '').replace(/:\d+$/, ''));
    return named === undefined ? deps : regionDeps.get(named);
  };
  const clockDeps = {
    enabled: options.clockControl ?? false,
    clock,
    states: [...regionStates.values()],
    persist,
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  };
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) =>
    void ((req.url ?? '').split('?')[0] === CLOCK_CONTROL_PATH
      ? handleClockControl(req, res, clockDeps)
      : handleSimulatorRequest(req, res, depsFor(req) ?? deps, depsFor(req) === undefined));
  const server = options.tls
    ? https.createServer({ key: options.tls.keyPem, cert: options.tls.certPem }, listener)
    : http.createServer(listener);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new KeyferryError('SIM_LISTEN_FAILED', { host, port: options.port ?? 0, detail: error.code ?? error.message }),
      ),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const scheme = options.tls ? 'https' : 'http';
  return {
    endpoint: `${scheme}://${urlHost}:${port}`,
    regions: [...regionDeps.values()].map((d) => ({
      region: d.ctx.state.region,
      projectId: d.ctx.state.projectId,
      endpoint: `${scheme}://kms.${d.ctx.state.region}.localhost:${port}`,
    })),
    region: state.region,
    projectId: state.projectId,
    domainId: state.domainId,
    ak: state.accessKeyId,
    sk: state.secretKey,
    securityToken: state.securityToken,
    clock,
    faults,
    trafficStats: () => traffic.stats(),
    importCount: (keyId) => ctx.importsApplied.get(keyId) ?? 0,
    importRequestCount: (keyId) => ctx.importsReceived.get(keyId) ?? 0,
    wrappingKeysReady: () => pool.filled(),
    issueIamToken: (ttlMs) => deps.auth.issueIamToken(ttlMs),
    setKeyState: async (keyId, keyState) => {
      const key = [...regionStates.values()].find((r) => r.keys.has(keyId))?.keys.get(keyId);
      if (!key) throw new KeyferryError('SIM_NO_SUCH_KEY', { keyId });
      key.state = keyState;
      await persist();
    },
    close: async () => {
      pool.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await persist();
    },
  };
}
