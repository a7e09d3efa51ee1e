/**
 * The core's guards that make the preflight a step no path can skip (app and CLI alike), and the
 * app's screens for it: the preflight step before material exists, the acknowledgements of
 * possible loss, and leaving a ceremony that holds material.
 */
const preflightedStep =
  '{step, select, generate {generate key material} load {load key material} hsm {use the HSM} restore {rebuild the material from the shares} split {split the material for custody} bundle {write the wrapped-material bundle} other {write the receipt}}';
const folderRole = '{role, select, bundle {the wrapped-material bundle} receipt {the receipt} other {a custodian}}';

export const enAppSafety = {
  'problem.PREFLIGHT_REQUIRED': `Cannot ${preflightedStep} yet: the folders this session writes to (wrapped-material bundle, receipt, custodians) have not passed the preflight. Nothing was generated or written.`,
  'problem.PREFLIGHT_REQUIRED.next':
    'Run the preflight step first (in the app: "Check the folders"; on the command line every wrap and restore command runs it), then this step.',
  'problem.PREFLIGHT_FOLDER_DIFFERS': `The folder for ${folderRole} is {folder}, but the preflight checked {checked}. Nothing was written.`,
  'problem.PREFLIGHT_FOLDER_DIFFERS.next':
    'Write to the folder the preflight checked, or run the preflight again for the new folder before any material exists.',
  'problem.PREFLIGHT_EXPIRY_DIFFERS':
    'The wrapped-material bundle would request the material expiry {given}, but the preflight planned {planned} (and any acknowledgement of loss was given for that). Nothing was written.',
  'problem.PREFLIGHT_EXPIRY_DIFFERS.next':
    'Write the bundle with the expiry chosen in the preflight step. To change it, start the air-gapped side again: a new session, a new preflight.',
  'problem.MATERIAL_NO_BACKUP_UNACKNOWLEDGED':
    'The AES material of {count, plural, one {# key} other {# keys}} would expire in the KMS at {expiresAt} with no custody copy: after that it can never be imported again and every ciphertext under the key is unreadable. Nothing was generated.',
  'problem.MATERIAL_NO_BACKUP_UNACKNOWLEDGED.next':
    'In the preflight step: plan custody shares, or choose "never" as the material expiry, or tick the acknowledgement of this loss (journaled and printed on the receipt); on the command line: --custody, --expires never or --no-backup.',
  'problem.CUSTODY_NOT_PREFLIGHTED':
    'The custody split names {given, plural, one {# folder} other {# folders}}, but the preflight checked {planned, plural, =0 {no custodian folder} one {# custodian folder} other {# custodian folders}}. No share was written.',
  'problem.CUSTODY_NOT_PREFLIGHTED.next':
    'Custody is planned before any material exists: start the air-gapped side again and give the custodian folders in the preflight step.',
  'problem.CUSTODY_PLANNED_NOT_SPLIT':
    'The preflight planned custody shares for {custodians} custodians, but the material was not split yet: wrapping wipes the material, so it would be kept nowhere. Nothing was wrapped.',
  'problem.CUSTODY_PLANNED_NOT_SPLIT.next': 'Split the material for custody first (Custody screen), then wrap it.',
  'problem.CEREMONY_NOTHING_TO_LEAVE': 'No ceremony step holds material or is under way on this side.',
  'problem.CEREMONY_NOTHING_TO_LEAVE.next': 'Nothing needs to be abandoned; go on.',
} as const;
