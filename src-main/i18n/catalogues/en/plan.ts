/**
 * The ceremony plan: each field's shape (`online create-key --help`, and after a field a plan
 * error names) and what is wrong with a field (PLAN_INVALID). Field paths (`keys[1].spec`),
 * aliases and values from the plan are values, printed as written.
 */
export const enPlan = {
  'plan.field-shape':
    '{field, select, title {text, 1-200 characters: "Payments keys 2026"} operator {the operator\u2019s name, 1-100 characters} witnesses {a list of 1-20 names, all different from each other and from the operator: ["Ben", "Chloé"]} wrappingAlgorithm {"RSAES_OAEP_SHA_256" (default) or "RSAES_OAEP_SHA_1"} materialExpiry {"never" (default), a duration from key creation, "90d" (d, h, m, s: "36h", "1d12h"), or a future date-time with its zone, "2030-01-31T00:00:00Z"; AES keys only} keys {a list of 1-{max} keys, each with "alias" and "spec", optionally "usage", "description" and "replicas"} keys_alias {a key alias, 1-255 of a-z A-Z 0-9 : / _ -, each alias once} keys_spec {one of {specsList}} keys_usage {"ENCRYPT_DECRYPT" or "SIGN_VERIFY" (a choice for RSA keys only; default: AES encrypts, EC and RSA sign)} keys_description {text, at most 255 characters (optional)} keys_materialExpiry {this AES key\u2019s own material expiry, in the forms of "materialExpiry" (optional; default: the plan\u2019s "materialExpiry"); not for RSA or EC keys, whose imported material never expires} keys_replicas {up to {maxReplicas} places for the same material, each with "region" ("cn-east-3") and "projectId" (32 hex digits), other than the ceremony\u2019s own connection (optional)} keys_replicas_region {a region: lower-case words joined by dashes, ending in a number, e.g. "cn-east-3" or "ap-southeast-1"} keys_replicas_projectId {that region\u2019s project id, 32 lower-case hex digits} other {{field}}}',
  'plan.issue': '{field}: {problemPhrase}',
  'plan.issue.shaped': '{field}: {problemPhrase} (should be: {shapePhrase})',
  'plan.issue.whole': 'the plan: {problemPhrase}',
  'plan.problem.unknown-fields':
    'unknown {count, plural, one {field} other {fieldsList}} {fieldsList} (the fields are {allowedList})',
  'plan.problem.wrong-type':
    'expected {expected, select, array {a list} object {an object} string {text} number {a number} boolean {true or false} other {{expected}}}, found {found, select, array {a list} object {an object} string {text} number {a number} boolean {true or false} null {null} missing {nothing} other {{found}}}',
  'plan.problem.too-small':
    '{origin, select, string {{minimum, plural, one {at least # character} other {at least # characters}}} array {{minimum, plural, one {at least # entry} other {at least # entries}}} other {at least {minimum}}}',
  'plan.problem.too-big':
    '{origin, select, string {{maximum, plural, one {at most # character} other {at most # characters}}} array {{maximum, plural, one {at most # entry} other {at most # entries}}} other {at most {maximum}}}',
  'plan.problem.not-allowed': 'not one of the allowed values',
  'plan.problem.bad-form': 'not in the allowed form',
  'plan.problem.control-characters': 'a name cannot contain control or invisible characters',
  'plan.problem.alias-twice': 'the alias "{alias}" appears twice',
  'plan.problem.replica-twice': 'the replica in {region}/{projectId} appears twice',
  'plan.problem.usage-fixed': '{spec} keys can only be {usage}',
  'plan.problem.too-many-keys': 'the keys and their replicas make {count} keys, more than {max}',
  'plan.problem.expiry-asymmetric':
    'imported {spec} material never expires (a KMS rule): leave "materialExpiry" out for this key; it applies to AES keys only',
  'plan.problem.same-person': 'the operator and every witness must be different people',
  'plan.problem.invalid': 'not valid',
} as const;
