/**
 * The declarative ceremony plan (in the spirit of Let's Encrypt's ceremony tool): one JSON file,
 * fixed and checked before the day, naming the people, the keys to create and how to import them.
 *
 *     { "title": "Payments root keys 2025", "operator": "Ana", "witnesses": ["Ben", "Chloé"],
 *       "wrappingAlgorithm": "RSAES_OAEP_SHA_256", "materialExpiry": "never",
 *       "keys": [{ "alias": "payments-aes", "spec": "AES_256",
 *                  "replicas": [{ "region": "cn-east-3", "projectId": "…32 hex…" }] },
 *                { "alias": "signing-rsa", "spec": "RSA_3072", "usage": "SIGN_VERIFY" }] }
 *
 * `materialExpiry` ("never", a duration from key creation such as "90d", or an ISO 8601
 * date-time in the future) applies to AES keys only: imported asymmetric material never expires
 * (KMS rule). A duration is resolved when the plan is read, as the keys are created, and the
 * ceremony journals the absolute time.
 *
 * `replicas` asks for the same material in a key of each region/project listed (a replica group):
 * the key itself (the primary) is created through the ceremony's own connection, each replica
 * through a connection of its region/project; the air-gapped side generates the material once
 * and wraps it once per wrapping key.
 */
import { z } from 'zod';
import {
  KEY_SPEC_INFO,
  KEY_SPECS,
  WRAPPING_ALGORITHMS,
  type KeySpec,
  type KeyUsage,
  type WrappingAlgorithm,
} from '../../crypto/key-spec';
import { KeyferryError } from '../../errors';
import { readInputFile } from '../../fs/input-file';
import { parseDuration, parseZonedDateTime } from '../../time-text';
import { keyAliasSchema, projectIdSchema, regionSchema } from '../../identifiers';
import { personName } from './person-name';
import { MAX_PLANNED_KEYS } from './plan-limits';

const MAX_PLAN_FILE_BYTES = 256 * 1024;

/** When imported symmetric material expires: never, or at an instant. */
export type MaterialExpiry = { readonly kind: 'never' } | { readonly kind: 'at'; readonly at: Date };

/** Where a replica of a planned key lives: a region and project other than the ceremony's own connection. */
export interface ReplicaTarget {
  readonly region: string;
  readonly projectId: string;
}

export interface PlannedKey {
  readonly alias: string;
  readonly spec: KeySpec;
  readonly usage: KeyUsage;
  readonly description: string;
  /** The same material in a key of each of these regions/projects (none: a key alone). */
  readonly replicas?: readonly ReplicaTarget[];
}

/** Replicas one planned key may ask for. */
export const MAX_REPLICAS_PER_KEY = 8;

/** Every key the KMS will hold for `keys`: each planned key and each of its replicas. */
export function plannedKeyCount(keys: readonly { readonly replicas?: readonly unknown[] | undefined }[]): number {
  return keys.reduce((n, k) => n + 1 + (k.replicas?.length ?? 0), 0);
}

export interface CeremonyPlan {
  readonly title: string;
  readonly operator: string;
  readonly witnesses: readonly string[];
  readonly wrappingAlgorithm: WrappingAlgorithm;
  readonly materialExpiry: MaterialExpiry;
  readonly keys: readonly PlannedKey[];
}

const plannedKeySchema = z.strictObject({
  alias: keyAliasSchema,
  spec: z.enum(KEY_SPECS),
  usage: z.enum(['ENCRYPT_DECRYPT', 'SIGN_VERIFY']).optional(),
  description: z.string().max(255).default(''),
  replicas: z
    .array(z.strictObject({ region: regionSchema, projectId: projectIdSchema }))
    .max(MAX_REPLICAS_PER_KEY)
    .optional(),
});

const ceremonyPlanSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    operator: personName,
    witnesses: z.array(personName).min(1, 'name at least one witness').max(20),
    wrappingAlgorithm: z.enum(WRAPPING_ALGORITHMS).default('RSAES_OAEP_SHA_256'),
    // "never", a duration or a date-time: parseMaterialExpiry reads it and names both forms when it is neither.
    materialExpiry: z.string().max(64).default('never'),
    keys: z.array(plannedKeySchema).min(1).max(MAX_PLANNED_KEYS),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.keys.forEach((key, i) => {
      if (seen.has(key.alias))
        ctx.addIssue({ code: 'custom', path: ['keys', i, 'alias'], message: `alias "${key.alias}" appears twice` });
      seen.add(key.alias);
      const targets = (key.replicas ?? []).map((r) => `${r.region}/${r.projectId}`);
      targets.forEach((target, j) => {
        if (targets.indexOf(target) !== j)
          ctx.addIssue({
            code: 'custom',
            path: ['keys', i, 'replicas', j],
            message: `the replica in ${target} appears twice`,
          });
      });
      const kind = KEY_SPEC_INFO[key.spec].kind;
      if (key.usage && kind !== 'rsa' && key.usage !== KEY_SPEC_INFO[key.spec].defaultUsage) {
        ctx.addIssue({
          code: 'custom',
          path: ['keys', i, 'usage'],
          message: `${key.spec} keys can only be ${KEY_SPEC_INFO[key.spec].defaultUsage}`,
        });
      }
    });
    if (plannedKeyCount(plan.keys) > MAX_PLANNED_KEYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['keys'],
        message: `the keys and their replicas make ${plannedKeyCount(plan.keys)} keys, more than ${MAX_PLANNED_KEYS}`,
      });
    }
    const people = [plan.operator, ...plan.witnesses].map((p) => p.toLowerCase());
    if (new Set(people).size !== people.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['witnesses'],
        message: 'the operator and every witness must be different people',
      });
    }
  });

/**
 * Each plan field and the shape it takes, in the plan's own notation (`keys[].spec`): printed by
 * `online create-key --help` and after the field a plan error names.
 */
export const PLAN_FIELD_SHAPES: readonly (readonly [field: string, shape: string])[] = [
  ['title', 'text, 1-200 characters: "Payments keys 2026"'],
  ['operator', "the operator's name, 1-100 characters"],
  ['witnesses', 'a list of 1-20 names, all different from each other and from the operator: ["Ben", "Chloé"]'],
  ['wrappingAlgorithm', '"RSAES_OAEP_SHA_256" (default) or "RSAES_OAEP_SHA_1"'],
  [
    'materialExpiry',
    '"never" (default), a duration from key creation, "90d" (d, h, m, s: "36h", "1d12h"), or a future date-time with its zone, "2030-01-31T00:00:00Z"; AES keys only',
  ],
  ['keys', `a list of 1-${MAX_PLANNED_KEYS} keys, each {"alias": …, "spec": …} with optional "usage", "description"`],
  ['keys[].alias', 'a key alias, 1-255 of a-z A-Z 0-9 : / _ -, each alias once'],
  ['keys[].spec', KEY_SPECS.map((spec) => `"${spec}"`).join(', ')],
  [
    'keys[].usage',
    '"ENCRYPT_DECRYPT" or "SIGN_VERIFY" (a choice for RSA keys only; default: AES encrypts, EC and RSA sign)',
  ],
  ['keys[].description', 'text, at most 255 characters (optional)'],
  [
    'keys[].replicas',
    `up to ${MAX_REPLICAS_PER_KEY} places for the same material, each {"region": "cn-east-3", "projectId": 32 hex digits}, other than the ceremony's own connection (optional)`,
  ],
  ['keys[].replicas[].region', 'a region, e.g. "cn-east-3"'],
  ['keys[].replicas[].projectId', "that region's project id, 32 lower-case hex digits"],
];

const PLAN_FIELDS = ['title', 'operator', 'witnesses', 'wrappingAlgorithm', 'materialExpiry', 'keys'] as const;
const KEY_FIELDS = ['alias', 'spec', 'usage', 'description', 'replicas'] as const;

/** A plan path in the plan's notation: `keys[2].spec`. */
function planPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

/** One issue: the field, what is wrong, and the shape it should have. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const field = planPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length === 0 ? 'the plan' : field;
    const allowed = issue.path.length === 0 ? PLAN_FIELDS : KEY_FIELDS;
    return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (the fields are ${allowed.join(', ')})`;
  }
  const general = issue.path
    .map((part) => (typeof part === 'number' ? '[]' : String(part)))
    .join('.')
    .replace(/\.\[\]/g, '[]');
  const shape = PLAN_FIELD_SHAPES.find(([name]) => name === general)?.[1];
  const what = issue.code === 'invalid_value' ? 'not one of the allowed values' : issue.message;
  return `${field || 'the plan'}: ${what}${shape ? ` (should be: ${shape})` : ''}`;
}

function formatIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map(describeIssue);
  const more = error.issues.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/**
 * An example plan an officer can save and edit (`keyferry online create-key --example-plan >
 * plan.json`): every field, one key of each kind; the same shape as a rehearsal's plan.json.
 */
export function examplePlan(): Record<string, unknown> {
  return {
    title: 'Payments keys 2026',
    operator: 'Ana Lima',
    witnesses: ['Ben Okafor', 'Chloé Martin'],
    wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
    materialExpiry: 'never',
    keys: [
      { alias: 'payments/aes', spec: 'AES_256', description: 'Encrypts card data at rest' },
      { alias: 'payments/signing-rsa', spec: 'RSA_3072', usage: 'SIGN_VERIFY' },
      { alias: 'payments/signing-ec', spec: 'EC_P256' },
    ],
  };
}

/** Parses and checks a plan given as a JSON value; refuses a plan whose expiry is not in the future. */
export function parseCeremonyPlan(value: unknown, now: Date = new Date()): CeremonyPlan {
  const parsed = ceremonyPlanSchema.safeParse(value);
  if (!parsed.success) {
    throw new KeyferryError('PLAN_INVALID', { issues: formatIssues(parsed.error) });
  }
  const plan = parsed.data;
  return {
    title: plan.title,
    operator: plan.operator,
    witnesses: plan.witnesses,
    wrappingAlgorithm: plan.wrappingAlgorithm,
    materialExpiry: parseMaterialExpiry(plan.materialExpiry, now, 'materialExpiry'),
    keys: plan.keys.map((k) => ({
      alias: k.alias,
      spec: k.spec,
      usage: k.usage ?? KEY_SPEC_INFO[k.spec].defaultUsage,
      description: k.description,
      ...(k.replicas && k.replicas.length > 0 ? { replicas: k.replicas } : {}),
    })),
  };
}

/**
 * "never", a duration from `now` (`90d`, `36h`, `1d12h`: core/time-text.ts) or an ISO 8601
 * date-time with its zone that lies in the future. `field` names where the text came from (a plan's
 * `materialExpiry`, an `--expires` option) in the refusal, which also names both accepted forms.
 */
export function parseMaterialExpiry(
  value: string,
  now: Date = new Date(),
  field: 'materialExpiry' | '--expires' = '--expires',
): MaterialExpiry {
  const text = value.trim();
  if (text === 'never') return { kind: 'never' };
  const duration = parseDuration(text);
  const atMs = duration !== undefined && duration > 0 ? now.getTime() + duration : parseZonedDateTime(text);
  if (atMs === undefined) throw new KeyferryError('EXPIRY_INVALID', { field, value: text.slice(0, 64) });
  const at = new Date(atMs);
  if (at.getTime() <= now.getTime()) {
    throw new KeyferryError('EXPIRY_IN_PAST', { reason: 'plan', keyId: '', at: at.toISOString() });
  }
  return { kind: 'at', at };
}

/** Loads a plan from a JSON file (size-capped). */
export async function loadCeremonyPlan(file: string, now: Date = new Date()): Promise<CeremonyPlan> {
  const text = (await readInputFile(file, 'plan', MAX_PLAN_FILE_BYTES)).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyferryError('PLAN_NOT_JSON', { file });
  }
  return parseCeremonyPlan(json, now);
}
