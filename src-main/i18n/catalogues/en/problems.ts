/** Problems: `problem.CODE` (what went wrong) and `problem.CODE.next` (what to do next). */
export const enProblems = {
  'problem.INTERNAL': 'Unexpected failure: {detail}',
  'problem.INTERNAL.next':
    'Nothing was marked as done. Retry the step; if it fails again, keep the journal and report it.',
  'problem.UI_UNAVAILABLE': '{action} could not reach Keyferry’s main process.',
  'problem.UI_UNAVAILABLE.next': 'Restart Keyferry; nothing was marked as done.',
  'problem.CLI_UNKNOWN_LANGUAGE': 'Keyferry does not speak the language "{lang}".',
  'problem.CLI_UNKNOWN_LANGUAGE.next': 'Use --lang en or --lang zh-CN.',
  'problem.WRAPPING_KEY_WEAK':
    'The wrapping key (fingerprint {fingerprint}…) {weakness, select, size {is RSA-{bits}; a wrapping key must be RSA-2048, RSA-3072 or RSA-4096} exponentSmall {has public exponent {exponent}; below 3 RSA does not encrypt at all (with 1 the wrapped file is readable by anyone)} exponentEven {has an even public exponent ({exponent}), which is not RSA encryption} exponentLarge {has a public exponent of {exponent} or more; at most 2^256 is allowed} modulusEven {has an even modulus, which anyone can factor} modulusSmallFactor {has a modulus divisible by {divisor}, which anyone can factor} modulusSquare {has a modulus that is a perfect square, which anyone can factor} other {has a modulus whose two primes are so close that anyone can factor it}}. Nothing was wrapped with it.',
  'problem.WRAPPING_KEY_WEAK.next':
    'A KMS never issues such a key: treat the media or the connection it came through as tampered with, tell the ceremony administrator, and fetch new import parameters on the online workstation.',
  'problem.IDENTIFIER_INVALID':
    'The {kind, select, ceremonyId {ceremony id} keyId {key id} projectId {project id} region {region} other {key alias}} "{value}" from {sourcePhrase} is not valid: {kind, select, ceremonyId {a ceremony id is 1-64 letters, digits, dots, underscores and dashes, starting with a letter or digit} keyId {a KMS key id is 36 characters, lower-case letters and digits in groups of 8-4-4-4-12 joined by dashes} projectId {a project id is 32 lower-case hex digits} region {a region is an id such as cn-north-4 or ap-southeast-1} other {a key alias is 1-255 of a-z A-Z 0-9 : / _ -}}.',
  'problem.IDENTIFIER_INVALID.next':
    '{kind, select, projectId {Copy the project id of the region from the console (My Credentials, API Credentials, Projects)} region {Give the region id as the console shows it} other {Copy it exactly as the console or the receipt shows it}}, then run the step again.',
} as const;
