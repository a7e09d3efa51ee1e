/**
 * The declarative ceremony plan (in the spirit of Let's Encrypt's ceremony tool): one JSON file,
 * fixed and checked before the day, naming the people, the keys to create and how to import them.
 *
 *     { "title": "Payments root keys 2025", "operator": "Ana", "witnesses": ["Ben", "Chloé"],
 *       "wrappingAlgorithm": "RSAES_OAEP_SHA_256", "materialExpiry": "never",
 *       "keys": [{ "alias": "payments-aes", "spec": "AES_256" },
 *                { "alias": "signing-rsa", "spec": "RSA_3072", "usage": "SIGN_VERIFY" }] }
 *
 * `materialExpiry` ("never" or an ISO 8601 date-time in the future) applies to AES keys only:
 * imported asymmetric material never expires (KMS rule).
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
import { keyAliasSchema } from '../../identifiers';
import { personName } from './person-name';

export const MAX_PLANNED_KEYS = 500;
const MAX_PLAN_FILE_BYTES = 256 * 1024;

/** When imported symmetric material expires: never, or at an instant. */
export type MaterialExpiry = { readonly kind: 'never' } | { readonly kind: 'at'; readonly at: Date };

export interface PlannedKey {
  readonly alias: string;
  readonly spec: KeySpec;
  readonly usage: KeyUsage;
  readonly description: string;
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
});

export const ceremonyPlanSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    operator: personName,
    witnesses: z.array(personName).min(1, 'name at least one witness').max(20),
    wrappingAlgorithm: z.enum(WRAPPING_ALGORITHMS).default('RSAES_OAEP_SHA_256'),
    materialExpiry: z.union([z.literal('never'), z.iso.datetime({ offset: true })]).default('never'),
    keys: z.array(plannedKeySchema).min(1).max(MAX_PLANNED_KEYS),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.keys.forEach((key, i) => {
      if (seen.has(key.alias))
        ctx.addIssue({ code: 'custom', path: ['keys', i, 'alias'], message: `alias "${key.alias}" appears twice` });
      seen.add(key.alias);
      const kind = KEY_SPEC_INFO[key.spec].kind;
      if (key.usage && kind !== 'rsa' && key.usage !== KEY_SPEC_INFO[key.spec].defaultUsage) {
        ctx.addIssue({
          code: 'custom',
          path: ['keys', i, 'usage'],
          message: `${key.spec} keys can only be ${KEY_SPEC_INFO[key.spec].defaultUsage}`,
        });
      }
    });
    const people = [plan.operator, ...plan.witnesses].map((p) => p.toLowerCase());
    if (new Set(people).size !== people.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['witnesses'],
        message: 'the operator and every witness must be different people',
      });
    }
  });

function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(plan)'}: ${issue.message}`)
    .join('; ');
}

/** Parses and checks a plan given as a JSON value; refuses a plan whose expiry is not in the future. */
export function parseCeremonyPlan(value: unknown, now: Date = new Date()): CeremonyPlan {
  const parsed = ceremonyPlanSchema.safeParse(value);
  if (!parsed.success) {
    throw new KeyferryError(
      'PLAN_INVALID',
      `The ceremony plan is not valid: ${formatIssues(parsed.error)}.`,
      'Correct the plan file and load it again.',
    );
  }
  const plan = parsed.data;
  return {
    title: plan.title,
    operator: plan.operator,
    witnesses: plan.witnesses,
    wrappingAlgorithm: plan.wrappingAlgorithm,
    materialExpiry: parseMaterialExpiry(plan.materialExpiry, now),
    keys: plan.keys.map((k) => ({
      alias: k.alias,
      spec: k.spec,
      usage: k.usage ?? KEY_SPEC_INFO[k.spec].defaultUsage,
      description: k.description,
    })),
  };
}

/** "never" or an ISO 8601 date-time that lies in the future. */
export function parseMaterialExpiry(value: string, now: Date = new Date()): MaterialExpiry {
  if (value === 'never') return { kind: 'never' };
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw new KeyferryError(
      'EXPIRY_INVALID',
      `"${value}" is not "never" or an ISO 8601 date-time.`,
      'Give "never" or a date-time such as 2030-01-31T00:00:00Z.',
    );
  }
  if (at.getTime() <= now.getTime()) {
    throw new KeyferryError(
      'EXPIRY_IN_PAST',
      `The material expiry ${at.toISOString()} is not in the future.`,
      'Choose a later date, or "never".',
    );
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
    throw new KeyferryError(
      'PLAN_NOT_JSON',
      `The ceremony plan ${file} is not valid JSON.`,
      'Correct the plan file and load it again.',
    );
  }
  return parseCeremonyPlan(json, now);
}
