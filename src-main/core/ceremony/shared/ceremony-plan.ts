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
 * A key may have its own `materialExpiry` (AES keys only, same forms; refused for RSA and EC keys):
 * the plan's is then the default for the others. Each key's is journaled with its creation and
 * carried per key in the import-parameters bundle (format 4) to the air-gapped side and the import.
 *
 * `replicas` asks for the same material in a key of each region/project listed (a replica group):
 * the key itself (the primary) is created through the ceremony's own connection, each replica
 * through a connection of its region/project; the air-gapped side generates the material once
 * and wraps it once per wrapping key.
 */
import { z } from 'zod';
import {
  isAsymmetric,
  KEY_SPEC_INFO,
  KEY_SPECS,
  WRAPPING_ALGORITHMS,
  type KeySpec,
  type KeyUsage,
  type WrappingAlgorithm,
} from '../../crypto/key-spec';
import { KeyferryError } from '../../errors';
import { readInputFile } from '../../fs/input-file';
import { hasDateTimeForm, parseDuration, parseZonedDateTime } from '../../time-text';
import { keyAliasSchema, projectIdSchema, regionSchema } from '../../identifiers';
import { personName } from './person-name-shape';
import { MAX_PLANNED_KEYS, MAX_REPLICAS_PER_KEY } from './plan-limits';
import { planIssues, planRefinement, type PlanSource } from './plan-issues';
import { phraseOf, phrasesValue } from '../../../i18n/phrase';

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
  /** This AES key's own material expiry (absent: the plan's `materialExpiry`). */
  readonly materialExpiry?: MaterialExpiry;
}

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
  /**
   * Present when the plan left `materialExpiry` out and `materialExpiry` is the documented default
   * ('never'): the command line says so; the app's setup keeps its own expiry (plan-file.ts).
   */
  readonly materialExpiryDefaulted?: true;
  readonly keys: readonly PlannedKey[];
}

/** The material expiry of a plan that does not say one (documented in the plan's help and the README). */
const DEFAULT_PLAN_EXPIRY = 'never';

const plannedKeySchema = z.strictObject({
  alias: keyAliasSchema,
  spec: z.enum(KEY_SPECS),
  usage: z.enum(['ENCRYPT_DECRYPT', 'SIGN_VERIFY']).optional(),
  description: z.string().max(255).default(''),
  // AES keys only (refined below); read by parseMaterialExpiry like the plan's.
  materialExpiry: z.string().max(64).optional(),
  replicas: z
    .array(z.strictObject({ region: regionSchema, projectId: projectIdSchema }))
    .max(MAX_REPLICAS_PER_KEY)
    .optional(),
});

const ceremonyPlanSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    operator: personName,
    witnesses: z.array(personName).min(1).max(20),
    wrappingAlgorithm: z.enum(WRAPPING_ALGORITHMS).default('RSAES_OAEP_SHA_256'),
    // "never", a duration or a date-time: parseMaterialExpiry reads it and names both forms when it is neither.
    // Left out: DEFAULT_PLAN_EXPIRY, marked as not said (never filled in here, so nobody takes it for the plan's word).
    materialExpiry: z.string().max(64).optional(),
    keys: z.array(plannedKeySchema).min(1).max(MAX_PLANNED_KEYS),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.keys.forEach((key, i) => {
      if (seen.has(key.alias))
        ctx.addIssue(planRefinement(['keys', i, 'alias'], phraseOf('plan.problem.alias-twice', { alias: key.alias })));
      seen.add(key.alias);
      const replicas = key.replicas ?? [];
      const targets = replicas.map((r) => `${r.region}/${r.projectId}`);
      replicas.forEach((replica, j) => {
        if (targets.indexOf(targets[j] ?? '') !== j)
          ctx.addIssue(planRefinement(['keys', i, 'replicas', j], phraseOf('plan.problem.replica-twice', replica)));
      });
      if (key.materialExpiry !== undefined && isAsymmetric(key.spec))
        ctx.addIssue(
          planRefinement(['keys', i, 'materialExpiry'], phraseOf('plan.problem.expiry-asymmetric', { spec: key.spec })),
        );
      const kind = KEY_SPEC_INFO[key.spec].kind;
      if (key.usage && kind !== 'rsa' && key.usage !== KEY_SPEC_INFO[key.spec].defaultUsage) {
        const usage = KEY_SPEC_INFO[key.spec].defaultUsage;
        ctx.addIssue(
          planRefinement(['keys', i, 'usage'], phraseOf('plan.problem.usage-fixed', { spec: key.spec, usage })),
        );
      }
    });
    if (plannedKeyCount(plan.keys) > MAX_PLANNED_KEYS) {
      const count = plannedKeyCount(plan.keys);
      ctx.addIssue(planRefinement(['keys'], phraseOf('plan.problem.too-many-keys', { count, max: MAX_PLANNED_KEYS })));
    }
    const people = [plan.operator, ...plan.witnesses].map((p) => p.toLowerCase());
    if (new Set(people).size !== people.length) {
      ctx.addIssue(planRefinement(['witnesses'], phraseOf('plan.problem.same-person')));
    }
  });

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
export function parseCeremonyPlan(value: unknown, now: Date = new Date(), source: PlanSource = 'plan'): CeremonyPlan {
  const parsed = ceremonyPlanSchema.safeParse(value);
  if (!parsed.success) {
    const { shown, more } = planIssues(parsed.error, value, source);
    throw new KeyferryError('PLAN_INVALID', { issuesPhrases: phrasesValue(shown), more, source });
  }
  const { materialExpiry, ...plan } = parsed.data;
  // The plan as checked (a strict object: only its own fields), with its expiries and usages resolved.
  return {
    ...plan,
    materialExpiry: parseMaterialExpiry(materialExpiry ?? DEFAULT_PLAN_EXPIRY, now, 'materialExpiry'),
    ...(materialExpiry === undefined ? { materialExpiryDefaulted: true as const } : {}),
    keys: plan.keys.map((k) => ({
      alias: k.alias,
      spec: k.spec,
      usage: k.usage ?? KEY_SPEC_INFO[k.spec].defaultUsage,
      description: k.description,
      ...(k.replicas && k.replicas.length > 0 ? { replicas: k.replicas } : {}),
      ...(k.materialExpiry !== undefined
        ? { materialExpiry: parseMaterialExpiry(k.materialExpiry, now, 'materialExpiry') }
        : {}),
    })),
  };
}

/**
 * "never", a duration from `now` (`90d`, `36h`, `1d12h`: core/time-text.ts) or an ISO 8601
 * date-time with its zone that lies in the future. `field` names where the text came from (a plan's
 * `materialExpiry`, an `--expires` option) in the refusal, which also names both accepted forms, and
 * "original" too where the caller takes it (`original`: a restore's expiry, restored-expiry.ts).
 */
export function parseMaterialExpiry(
  value: string,
  now: Date = new Date(),
  field: 'materialExpiry' | '--expires' = '--expires',
  original = false,
): MaterialExpiry {
  const text = value.trim();
  if (text === 'never') return { kind: 'never' };
  const duration = parseDuration(text);
  const atMs = duration !== undefined && duration > 0 ? now.getTime() + duration : parseZonedDateTime(text);
  if (atMs === undefined)
    throw new KeyferryError('EXPIRY_INVALID', {
      field,
      value: text.slice(0, 64),
      original: original ? 'yes' : 'no',
      // 2027-02-30T00:00:00Z is a date-time in form: what is wrong is the day (a trial).
      noSuchMoment: hasDateTimeForm(text) ? 'yes' : 'no',
    });
  const at = new Date(atMs);
  if (at.getTime() <= now.getTime()) {
    throw new KeyferryError('EXPIRY_IN_PAST', { reason: 'plan', keyId: '', at: at.getTime(), now: now.getTime() });
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
