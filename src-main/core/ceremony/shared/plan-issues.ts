/**
 * What is wrong with a ceremony plan, as catalogue phrases (PLAN_INVALID's `issuesPhrases`): the
 * field in the plan's own notation (`keys[1].spec`, printed as written), the kind of problem zod
 * found (unknown field, wrong type, too short, not one of…) and the shape the field should have.
 * Nothing here is English: the officer reads it in the CLI's or the app's language.
 */
import type { z } from 'zod';
import { KEY_SPECS } from '../../crypto/key-spec';
import type { MessageValues } from '../../../i18n/catalogue';
import { phraseOf, phraseValue, type Phrase } from '../../../i18n/phrase';
import { MAX_PLANNED_KEYS, MAX_REPLICAS_PER_KEY } from './plan-limits';
import { listValue } from '../../../i18n/list';

/** Every plan field, in the plan's notation (`keys[].spec`): `online create-key --help` lists each with its shape. */
export const PLAN_FIELD_PATHS = [
  'title',
  'operator',
  'witnesses',
  'wrappingAlgorithm',
  'materialExpiry',
  'keys',
  'keys[].alias',
  'keys[].spec',
  'keys[].usage',
  'keys[].description',
  'keys[].materialExpiry',
  'keys[].replicas',
  'keys[].replicas[].region',
  'keys[].replicas[].projectId',
] as const;
type PlanFieldPath = (typeof PLAN_FIELD_PATHS)[number];

/** The values of `plan.field-shape` (the shape `field` takes) for `field`. */
export function planFieldShapeValues(field: PlanFieldPath): MessageValues<'plan.field-shape'> {
  return {
    field: field.replace(/\[\]\./g, '_'),
    max: MAX_PLANNED_KEYS,
    maxReplicas: MAX_REPLICAS_PER_KEY,
    specsList: listValue(KEY_SPECS.map((spec) => `"${spec}"`)),
  };
}

const PLAN_FIELDS = ['title', 'operator', 'witnesses', 'wrappingAlgorithm', 'materialExpiry', 'keys'] as const;
const KEY_FIELDS = ['alias', 'spec', 'usage', 'description', 'materialExpiry', 'replicas'] as const;
const REPLICA_FIELDS = ['region', 'projectId'] as const;

/** A problem the plan's own refinements add: its phrase travels in the issue's params. */
export function planRefinement(path: PropertyKey[], problem: Phrase): z.core.$ZodRawIssue {
  return { code: 'custom', path, message: problem.key, params: { problem }, input: undefined };
}

/**
 * Where a plan came from: a plan file (or the app's form), or the options of `online create-key`
 * (one key), whose refusals name the option typed, not a field of a file nobody wrote.
 */
export type PlanSource = 'plan' | 'options';

/** The option of `online create-key` each plan field of its one key comes from. */
const OPTION_OF_FIELD: Readonly<Record<string, string>> = {
  title: '--title',
  operator: '--operator',
  witnesses: '--witness',
  wrappingAlgorithm: '--wrapping-algorithm',
  materialExpiry: '--expires',
  'keys[0].alias': '--alias',
  'keys[0].spec': '--spec',
  'keys[0].usage': '--usage',
  'keys[0].description': '--description',
};

/** A plan path in the plan's notation: `keys[2].spec`. */
function planPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

/** The value at `path` in the plan as given, to name what was found instead of the expected type. */
function foundKind(plan: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = plan;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return 'missing';
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

const KNOWN_TYPES = new Set(['array', 'object', 'string', 'number', 'boolean', 'null', 'missing']);
const typeName = (name: string): string => (KNOWN_TYPES.has(name) ? name : 'other');

/** What zod found wrong, as a phrase. */
function problemOf(issue: z.core.$ZodIssue, plan: unknown): Phrase {
  switch (issue.code) {
    case 'unrecognized_keys': {
      const depth = issue.path.filter((part) => typeof part === 'string').length;
      const allowed = depth === 0 ? PLAN_FIELDS : depth === 1 ? KEY_FIELDS : REPLICA_FIELDS;
      return phraseOf('plan.problem.unknown-fields', {
        count: issue.keys.length,
        fieldsList: listValue(issue.keys.map((k) => `"${k}"`)),
        allowedList: listValue(allowed),
      });
    }
    case 'invalid_type':
      return phraseOf('plan.problem.wrong-type', {
        expected: typeName(issue.expected),
        found: typeName(foundKind(plan, issue.path)),
      });
    case 'too_small':
      return phraseOf('plan.problem.too-small', {
        origin: issue.origin === 'string' || issue.origin === 'array' ? issue.origin : 'other',
        minimum: Number(issue.minimum),
      });
    case 'too_big':
      return phraseOf('plan.problem.too-big', {
        origin: issue.origin === 'string' || issue.origin === 'array' ? issue.origin : 'other',
        maximum: Number(issue.maximum),
      });
    case 'invalid_value':
      return phraseOf('plan.problem.not-allowed');
    case 'invalid_format':
      return issue.path.at(-1) === 'operator' || issue.path.includes('witnesses')
        ? phraseOf('plan.problem.control-characters')
        : phraseOf('plan.problem.bad-form');
    case 'custom': {
      const problem = (issue.params as { problem?: Phrase } | undefined)?.problem;
      return problem ?? phraseOf('plan.problem.invalid');
    }
    default:
      return phraseOf('plan.problem.invalid');
  }
}

/** The documented field a path falls under: `keys[2].replicas[0].region` → `keys[].replicas[].region`. */
function documentedField(path: readonly PropertyKey[]): PlanFieldPath | undefined {
  const general = path
    .map((part) => (typeof part === 'number' ? '[]' : String(part)))
    .join('.')
    .replace(/\.\[\]/g, '[]');
  return PLAN_FIELD_PATHS.find((field) => field === general);
}

/** One issue as a phrase: the field, what is wrong, and the shape it should have. */
function planIssuePhrase(issue: z.core.$ZodIssue, plan: unknown, source: PlanSource): Phrase {
  const problemPhrase = phraseValue(problemOf(issue, plan));
  if (issue.path.length === 0) return phraseOf('plan.issue.whole', { problemPhrase });
  const path = planPath(issue.path);
  const field = (source === 'options' ? OPTION_OF_FIELD[path.replace(/\[\d+\]$/, '')] : undefined) ?? path;
  // An unknown field is named with the fields allowed there: the shape would repeat them.
  const documented = issue.code === 'unrecognized_keys' ? undefined : documentedField(issue.path);
  return documented
    ? phraseOf('plan.issue.shaped', {
        field,
        problemPhrase,
        shapePhrase: phraseValue(phraseOf('plan.field-shape', planFieldShapeValues(documented))),
      })
    : phraseOf('plan.issue', { field, problemPhrase });
}

/** The issues PLAN_INVALID names (the first few) and how many more there are. */
const PLAN_ISSUES_SHOWN = 5;
export function planIssues(error: z.ZodError, plan: unknown, source: PlanSource): { shown: Phrase[]; more: number } {
  const shown = error.issues.slice(0, PLAN_ISSUES_SHOWN).map((issue) => planIssuePhrase(issue, plan, source));
  return { shown, more: error.issues.length - shown.length };
}
