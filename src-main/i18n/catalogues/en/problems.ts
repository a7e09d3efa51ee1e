/** Problems: `problem.CODE` (what went wrong) and `problem.CODE.next` (what to do next). */
export const enProblems = {
  'problem.INTERNAL': 'Unexpected failure: {detail}',
  'problem.INTERNAL.next':
    'Nothing was marked as done. Retry the step; if it fails again, keep the journal and report it.',
  'problem.UI_UNAVAILABLE': "{action} could not reach Keyferry's main process.",
  'problem.UI_UNAVAILABLE.next': 'Restart Keyferry; nothing was marked as done.',
  'problem.CLI_UNKNOWN_LANGUAGE': 'Keyferry does not speak the language "{lang}".',
  'problem.CLI_UNKNOWN_LANGUAGE.next': 'Use --lang en or --lang zh-CN.',
  'problem.IDENTIFIER_INVALID':
    'The {kind, select, ceremonyId {ceremony id} keyId {key id} projectId {project id} region {region} other {key alias}} "{value}" from {source} is not valid: {kind, select, ceremonyId {a ceremony id is 1-64 letters, digits, dots, underscores and dashes, starting with a letter or digit} keyId {a KMS key id is 36 characters, lower-case letters and digits in groups of 8-4-4-4-12 joined by dashes} projectId {a project id is 32 lower-case hex digits} region {a region is an id such as cn-north-4 or ap-southeast-1} other {a key alias is 1-255 of a-z A-Z 0-9 : / _ -}}.',
  'problem.IDENTIFIER_INVALID.next':
    '{kind, select, projectId {Copy the project id of the region from the console (My Credentials, API Credentials, Projects)} region {Give the region id as the console shows it} other {Copy it exactly as the console or the receipt shows it}}, then run the step again.',
} as const;
