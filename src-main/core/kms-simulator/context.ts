/** What every simulator action sees: the state, the clock and the wrapping-key pool. */
import type { Body } from './fields';
import { simError } from './sim-error';
import type { SimKey, SimState } from './state';
import type { WrappingKeyPool } from './wrapping-key-pool';

export interface SimContext {
  readonly state: SimState;
  readonly now: () => number;
  readonly pool: WrappingKeyPool;
  /** import-key-material calls that took effect, per key id (not persisted): what tests assert "no duplicate import" on. */
  readonly importsApplied: Map<string, number>;
  /** import-key-material requests that got past the API gateway to the KMS, per key id (applied or refused). */
  readonly importsReceived: Map<string, number>;
}

interface ActionResult {
  readonly body: unknown;
  /** True when the state changed (and must be persisted before answering). */
  readonly changed: boolean;
}

export type ActionHandler = (ctx: SimContext, body: Body) => Promise<ActionResult> | ActionResult;

/** The key `keyId`, or KMS.0207 (HTTP 404). */
export function findKey(ctx: SimContext, keyId: string): SimKey {
  const key = ctx.state.keys.get(keyId);
  if (!key) throw simError('KMS.0207');
  return key;
}

/** The key as describe-key and list-keys show it (every value a string, as the real API does). */
export function keyInfoOf(ctx: SimContext, key: SimKey): Record<string, string> {
  return {
    key_id: key.keyId,
    domain_id: ctx.state.domainId,
    key_alias: key.alias,
    realm: ctx.state.region,
    key_spec: key.spec,
    key_usage: key.usage,
    key_description: key.description,
    creation_date: String(key.createdAt),
    scheduled_deletion_date: key.scheduledDeletionAt === undefined ? '' : String(key.scheduledDeletionAt),
    key_state: String(key.state),
    default_key_flag: '0',
    key_type: '1',
    origin: key.origin,
    ...(key.materialExpiresAt !== undefined ? { expiration_time: String(key.materialExpiresAt) } : {}),
    key_rotation_enabled: 'false',
    sys_enterprise_project_id: '0',
  };
}

/** Refuses keys that are not Enabled: 0209 disabled, 0210 pending deletion, 1301 otherwise. */
export function requireEnabled(key: SimKey): void {
  if (key.state === 2) return;
  if (key.state === 3) throw simError('KMS.0209');
  if (key.state === 4) throw simError('KMS.0210');
  throw simError(
    'KMS.1301',
    key.state === 5 ? 'The key is waiting for key material (Pending import).' : 'The key is pending activation.',
  );
}
