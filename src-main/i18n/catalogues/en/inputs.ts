/**
 * English texts of what Keyferry is handed: input files (core/fs/input-file.ts) and secrets named
 * by an environment variable (core/secret-from-environment.ts). zh-CN twin in ../zh-CN/inputs.ts.
 */
export const enInputs = {
  'problem.INPUT_FILE_UNREADABLE':
    'Could not read the {kind, select, wrappingKey {wrapping key file} importToken {import token file} material {key material file} share {share file} typedShare {typed share file} plan {ceremony plan} journal {journal} caCertificates {CA certificate file} other {file}} {file}: {reason, select, missing {no such file} link {it is a link, not the file itself} notAFile {it is not a regular file} tooLarge {it is {size} bytes, more than the {max} bytes such a file can be} denied {permission was denied} other {the system said {errno}}}.',
  'problem.INPUT_FILE_UNREADABLE.next':
    '{reason, select, link {Give the path of the file itself.} tooLarge {Check that this is the right file.} other {Check the path and that the media is still inserted, then run the step again.}}',
  'problem.SECRET_ENV_NAME_INVALID':
    'The option --{option} takes the NAME of an environment variable, not a {holds, select, pin {PIN} other {passphrase}}; what was given is not a variable name (it is not shown, in case it is the secret).',
  'problem.SECRET_ENV_NAME_INVALID.next':
    'Put the {holds, select, pin {PIN} other {passphrase}} in an environment variable without echoing it (read -rs VAR; export VAR) and give --{option} VAR.',
  'problem.SECRET_ENV_MISSING':
    'The environment variable {name} named by --{option} is {state, select, empty {empty} other {not set}}.',
  'problem.SECRET_ENV_MISSING.next':
    'Set {name} to the {holds, select, pin {PIN} other {passphrase}} without echoing it (read -rs {name}; export {name}), then run the command again.',
} as const;
