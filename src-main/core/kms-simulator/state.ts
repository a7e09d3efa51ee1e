/**
 * The simulator's state: its identity (region, project, AK/SK), its own secrets (import-token
 * sealing key, material fingerprint key) and its keys. Held in memory; optionally persisted
 * (see state-file.ts). This is a rehearsal tool: its state file holds rehearsal key material and
 * must never be given real key material.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import { KEY_SPECS, type KeySpec, type KeyUsage } from '../crypto/key-spec';
import { keyIdSchema, projectIdSchema, regionSchema } from '../identifiers';

export type SimKeyState = 1 | 2 | 3 | 4 | 5;

export interface SimKey {
  keyId: string;
  alias: string;
  spec: KeySpec;
  usage: KeyUsage;
  description: string;
  origin: 'kms' | 'external';
  state: SimKeyState;
  createdAt: number;
  scheduledDeletionAt?: number;
  /** base64: the AES key, or the private key as PKCS#8 DER. */
  material?: string;
  /** Symmetric imported material: when it lapses (ms). */
  materialExpiresAt?: number;
  /** HMAC of the first material ever imported: later imports must match (KMS.2606). */
  materialFingerprint?: string;
}

export interface SimState {
  version: 1;
  region: string;
  projectId: string;
  domainId: string;
  accessKeyId: string;
  secretKey: string;
  securityToken?: string;
  /** base64 32 bytes: seals import tokens and IAM tokens. */
  tokenSecret: string;
  /** base64 32 bytes: keys the material fingerprints. */
  fingerprintSecret: string;
  keys: Map<string, SimKey>;
  /** How far the simulator's clock was moved from real time (ms; absent = not moved). See clock.ts. */
  clockOffsetMs?: number;
}

const keySchema = z.object({
  keyId: keyIdSchema,
  alias: z.string().min(1).max(255),
  spec: z.enum(KEY_SPECS),
  usage: z.enum(['ENCRYPT_DECRYPT', 'SIGN_VERIFY']),
  description: z.string().max(255),
  origin: z.enum(['kms', 'external']),
  state: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  createdAt: z.number().int().nonnegative(),
  scheduledDeletionAt: z.number().int().nonnegative().optional(),
  material: z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .optional(),
  materialExpiresAt: z.number().int().nonnegative().optional(),
  materialFingerprint: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/** The fields of a region that are its own (the account's AK/SK, domain and clock are shared). */
const regionFields = {
  region: regionSchema,
  projectId: projectIdSchema,
  tokenSecret: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  fingerprintSecret: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  keys: z.array(keySchema),
};

/** More regions served by the same simulator (replica groups). */
const MAX_EXTRA_REGIONS = 32;

const stateFileV1Schema = z.object({
  format: z.literal('keyferry-kms-simulator-state'),
  version: z.literal(1),
  region: regionSchema,
  projectId: projectIdSchema,
  domainId: z.string().regex(/^[0-9a-f]{32}$/),
  accessKeyId: z.string().regex(/^[A-Z0-9]{20}$/),
  secretKey: z.string().regex(/^[A-Za-z0-9]{40}$/),
  securityToken: z.string().min(1).max(8192).optional(),
  tokenSecret: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  fingerprintSecret: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  keys: z.array(keySchema),
  /** Up to about 100 years either way. */
  clockOffsetMs: z.number().int().min(-3.2e12).max(3.2e12).optional(),
});

/**
 * Version 2 (a simulator serving several regions): version 1's fields are the first region and the
 * account; `regions` holds every further region's own project, secrets and keys. A simulator of one
 * region still writes version 1, which every earlier Keyferry reads.
 */
const stateFileV2Schema = stateFileV1Schema.extend({
  version: z.literal(2),
  regions: z.array(z.object(regionFields).strict()).min(1).max(MAX_EXTRA_REGIONS),
});

export const stateFileSchema = z
  .discriminatedUnion('version', [stateFileV1Schema, stateFileV2Schema])
  .superRefine((file, ctx) => {
    const regions = [file.region, ...(file.version === 2 ? file.regions.map((r) => r.region) : [])];
    if (new Set(regions).size !== regions.length)
      ctx.addIssue({ code: 'custom', path: ['regions'], message: 'a region is listed twice' });
  });
type StateFile = z.infer<typeof stateFileSchema>;

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

interface SimIdentity {
  region?: string;
  projectId?: string;
  accessKeyId?: string;
  secretKey?: string;
  securityToken?: string;
}

/** A fresh state with random identity and secrets (or the ones given). */
export function createFreshState(identity: SimIdentity = {}): SimState {
  return {
    version: 1,
    region: identity.region ?? 'sim-local-1',
    projectId: identity.projectId ?? randomBytes(16).toString('hex'),
    domainId: randomBytes(16).toString('hex'),
    accessKeyId: identity.accessKeyId ?? randomText(UPPER_ALNUM, 20),
    secretKey: identity.secretKey ?? randomText(ALNUM, 40),
    ...(identity.securityToken ? { securityToken: identity.securityToken } : {}),
    tokenSecret: randomBytes(32).toString('base64'),
    fingerprintSecret: randomBytes(32).toString('base64'),
    keys: new Map(),
  };
}

/** The first region (with the account and clock) and every further region, each its own state. */
export interface SimStates {
  readonly first: SimState;
  readonly others: readonly SimState[];
}

/** Version 1 for one region, version 2 when the simulator serves more. */
export function stateToFile({ first, others }: SimStates): StateFile {
  const { keys, version: _version, ...rest } = first;
  const base = { format: 'keyferry-kms-simulator-state' as const, ...rest, keys: [...keys.values()] };
  if (others.length === 0) return { ...base, version: 1 };
  return {
    ...base,
    version: 2,
    regions: others.map((r) => ({
      region: r.region,
      projectId: r.projectId,
      tokenSecret: r.tokenSecret,
      fingerprintSecret: r.fingerprintSecret,
      keys: [...r.keys.values()],
    })),
  };
}

const keyMap = (keys: readonly SimKey[]) => new Map(keys.map((key) => [key.keyId, { ...key }]));

function firstRegionOf(file: StateFile): SimState {
  if (file.version === 2) {
    const { regions: _regions, ...first } = file;
    return firstRegionOf({ ...first, version: 1 });
  }
  const { keys, format: _format, ...rest } = file;
  return { ...rest, keys: keyMap(keys) };
}

export function stateFromFile(file: StateFile): SimStates {
  const first = firstRegionOf(file);
  const others = (file.version === 2 ? file.regions : []).map((r): SimState => ({
    version: 1,
    region: r.region,
    projectId: r.projectId,
    domainId: first.domainId,
    accessKeyId: first.accessKeyId,
    secretKey: first.secretKey,
    ...(first.securityToken ? { securityToken: first.securityToken } : {}),
    tokenSecret: r.tokenSecret,
    fingerprintSecret: r.fingerprintSecret,
    keys: keyMap(r.keys),
  }));
  return { first, others };
}

/**
 * Applies the passage of time: lapsed symmetric material is deleted (the key returns to Pending
 * import) and keys past their scheduled deletion are removed. Returns true when anything changed.
 */
export function applyTime(state: SimState, now: number): boolean {
  let changed = false;
  for (const key of [...state.keys.values()]) {
    if (key.scheduledDeletionAt !== undefined && key.scheduledDeletionAt <= now) {
      state.keys.delete(key.keyId);
      changed = true;
      continue;
    }
    if (key.materialExpiresAt !== undefined && key.materialExpiresAt <= now) {
      delete key.material;
      delete key.materialExpiresAt;
      if (key.state === 2 || key.state === 3) key.state = 5;
      changed = true;
    }
  }
  return changed;
}
