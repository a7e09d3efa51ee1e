/** The CLI's own refusals: options, journals, config files, credentials, outputs. zh-CN twin in ../zh-CN/cli-problems.ts. */
const WHERE =
  '{where, select, environment {the environment (KEYFERRY_AK, KEYFERRY_SK, KEYFERRY_IAM_TOKEN)} other {{where}}}';
const REPORT = 'Report this to the Keyferry maintainers.';

export const enCliProblems = {
  'problem.CLI_MISSING_OPTION':
    '{reason, select, empty {The option {option} was given an empty value (an unset shell variable?).} option {The option {option} is required.} withBundle {The option {option} is required with --bundle.} journal {The option --journal FILE is required: every ceremony step is journaled.} journalExisting {The option --journal FILE is required: this step continues a ceremony from its journal.} witness {No witness was named.} parameters {No import parameters were given.} materialKeyId {The bundle holds several keys: --material needs --key-id.} noKeys {No keys to create.} consoleFiles {Console files need {optionsList}.} region {The KMS region is not set.} shares {No shares were given.} other {The project ID is not set.}}',
  'problem.CLI_MISSING_OPTION.next':
    '{reason, select, empty {Give a folder to {option}, or leave the option out for its default (the journal’s folder).} journal {Give --journal FILE (created if missing, continued if present).} journalExisting {Give --journal FILE: the journal the ceremony’s earlier steps wrote (this step starts none).} witness {Name every witness with --witness NAME.} parameters {Give --bundle DIR (or the console files: --console-wrapping-key, --key-id, --spec, --import-token).} materialKeyId {Name the key the material is for with --key-id.} noKeys {Give --plan FILE, or --alias A --spec S with --operator and --witness.} consoleFiles {Give the wrapping key file, the key id, the key spec and the import token file (ImportToken.b64).} region {Give --region (e.g. cn-north-4) or "region" in the config file.} projectId {Give --project-id or "projectId" in the config file.} shares {Give the shares with --share FILE (share files) and/or --typed FILE (typed slips).} other {Run "keyferry {command} --help" for the usage.}}',
  'problem.JOURNAL_FOLDER_MISSING':
    'The journal {file} cannot be created: its folder {folder} does not exist. Nothing was written.',
  'problem.JOURNAL_FOLDER_MISSING.next':
    'Check --journal for a typing slip, or create that folder (or insert the media that holds it) first.',
  'problem.JOURNAL_MISSING':
    '{option, select, hsmJournal {The air-gapped journal {file} (--hsm-journal) does not exist, so the material in the token cannot be checked against it. Nothing was started.} verify {The journal {file} does not exist.} other {The journal {file} does not exist, so there is no ceremony to continue.}}{count, plural, =0 {} one { Its folder holds one journal file (.jsonl): {namesList}.} other { Its folder holds # journal files (.jsonl): {namesList}.}}',
  'problem.JOURNAL_MISSING.next':
    '{option, select, hsmJournal {Give --hsm-journal the path of the air-gapped journal whose wrap made the material in the token (a relative path is read from the folder the command runs in).} verify {Give the path of the journal to check (the receipt’s check command names its file; run it in that journal’s folder).} other {{count, plural, =0 {Start the ceremony with "keyferry online create-key", or give the path of its journal.} other {Give the path of the ceremony’s journal (one of those named, if its name was mistyped); only a new ceremony starts with "keyferry online create-key".}}}}',
  'problem.CUSTODY_FOLDERS_MISSING':
    'Custody needs {n} --custodian-folder options, one per custodian, each on its own media.',
  'problem.CUSTODY_FOLDERS_MISSING.next':
    'Give one --custodian-folder per custodian (the app checks they are on different volumes); for a rehearsal only, --shares-on-one-volume writes them into custodian-1, custodian-2, … in the current folder (never beside --out on the transfer media).',
  'problem.CUSTODIANS_NOT_NAMED':
    '--custody {m}/{n} gives a share to each of {n} custodians, but none is named: each slip, the backup and the receipt name who holds which share, and a restore names who presented it. Nothing was generated.',
  'problem.CUSTODIANS_NOT_NAMED.next':
    'Give --custodian NAME once per share, in the order of the --custodian-folder options (the first name holds the share written to the first folder). Only a rehearsal with --shares-on-one-volume may leave them unnamed (custodian-1, custodian-2, …).',
  'problem.OUTPUT_EXISTS':
    '{what, select, inFolder {The output folder already holds {path}; Keyferry never overwrites a file.} outFile {{path} already exists; Keyferry never overwrites a file.} notFolder {The output {path} exists and is not a folder.} other {{path} already exists; Keyferry never overwrites.}}',
  'problem.OUTPUT_EXISTS.next':
    '{what, select, inFolder {Choose a new, empty output folder.} outFile {Choose a new file name for --out.} notFolder {Choose a new folder for --out.} other {Choose a new folder for --wrapped-out.}}',
  'problem.CONFIRMATION_REQUIRED':
    'Deleting the material of key {keyId} makes every ciphertext under it unreadable until the same material is imported again.',
  'problem.CONFIRMATION_REQUIRED.next':
    'Add --yes to confirm, and --acknowledge-loss once you have read what the run with --yes says would be lost: the custody copy the journal records for the key (and, when it records none, --confirm-key-id with the key ID typed again). Nothing was deleted.',
  'problem.CONFIG_INVALID':
    'The config file {file} {why, select, unreadable {cannot be read} notSmallFile {is not a small regular file} notJson {is not valid JSON} other {{fieldCount, plural, one {has an invalid field: {fieldsList}} other {has invalid fields: {fieldsList}}}}}.',
  'problem.CONFIG_INVALID.next':
    'Fix the config file (JSON with region, projectId, endpoint, caFile, ak, sk, securityToken or iamToken).',
  'problem.CONFIG_TOO_OPEN':
    'The config file {file} can be read by other users (mode {mode}); it may hold credentials.',
  'problem.CONFIG_TOO_OPEN.next': 'Restrict it to its owner: chmod 600 {file}',
  'problem.CREDENTIALS_AMBIGUOUS': `Both an AK/SK pair and an IAM token are set in ${WHERE}.`,
  'problem.CREDENTIALS_AMBIGUOUS.next': 'Keep only one kind of credential.',
  'problem.CREDENTIALS_INCOMPLETE': `Only half of the AK/SK pair is set in ${WHERE}.`,
  'problem.CREDENTIALS_INCOMPLETE.next': 'Set both the access key ID (AK) and the secret access key (SK).',
  'problem.CREDENTIALS_MISSING':
    '{where, select, app {No access key was entered for this session.} other {No KMS credentials were given.}}',
  'problem.CREDENTIALS_MISSING.next':
    '{where, select, app {Enter the access key ID and the secret access key, then test the connection.} other {Set KEYFERRY_AK and KEYFERRY_SK (plus KEYFERRY_SECURITY_TOKEN for temporary keys) or KEYFERRY_IAM_TOKEN, or give --config FILE. Credentials are never taken from the command line.}}',
  'problem.CA_FILE_UNREADABLE': 'The CA file {file} cannot be read.',
  'problem.CA_FILE_UNREADABLE.next': 'Give a PEM file of CA certificates.',
  'problem.CA_FILE_NOT_PEM': 'The CA file {file} holds no PEM certificate.',
  'problem.CA_FILE_NOT_PEM.next':
    '{where, select, app {Choose a PEM file of CA certificates, or leave the field empty.} other {Give a PEM file of CA certificates.}}',
  'problem.CLI_COMMAND_MISSING': 'The command "{name}" is listed but its module does not provide it.',
  'problem.CLI_COMMAND_MISSING.next': REPORT,
  'problem.CLI_COMMAND_MISMATCH': 'The command "{listed}" loaded as "{loaded}".',
  'problem.CLI_COMMAND_MISMATCH.next': REPORT,
} as const;
