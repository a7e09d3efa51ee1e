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
    'The AES material of {count, plural, one {# key} other {# keys}} would expire in the KMS at {expiresAt, date, moment} with no custody copy: after that it can never be imported again and every ciphertext under the key is unreadable. Nothing was generated.',
  'problem.MATERIAL_NO_BACKUP_UNACKNOWLEDGED.next':
    '{surface, select, app {In the preflight step: plan custody shares, or choose “Never” as the material expiry, or tick the acknowledgement of this loss (“I understand: this material is kept nowhere …”; journaled and printed on the receipt), then press “Check the folders” again.} other {In the preflight step: plan custody shares, or choose "never" as the material expiry, or tick the acknowledgement of this loss (journaled and printed on the receipt); on the command line: --custody, --expires never or --no-backup.}}',
  'problem.CUSTODY_NOT_PREFLIGHTED':
    'The custody split names {given, plural, one {# folder} other {# folders}}, but the preflight checked {planned, plural, =0 {no custodian folder} one {# custodian folder} other {# custodian folders}}. No share was written.',
  'problem.CUSTODY_NOT_PREFLIGHTED.next':
    'Custody is planned before any material exists: start the air-gapped side again and give the custodian folders in the preflight step.',
  'problem.CUSTODY_PLANNED_NOT_SPLIT':
    'The preflight planned custody shares for {custodians} custodians, but the material was not split yet: wrapping wipes the material, so it would be kept nowhere. Nothing was wrapped.',
  'problem.CUSTODY_PLANNED_NOT_SPLIT.next': 'Split the material for custody first (Custody screen), then wrap it.',
  'problem.CEREMONY_NOTHING_TO_LEAVE': 'No ceremony step holds material or is under way on this side.',
  'problem.CEREMONY_NOTHING_TO_LEAVE.next': 'Nothing needs to be abandoned; go on.',
  'problem.CUSTODY_SAME_VOLUME_REFUSED': 'Custody shares on one volume are accepted only in a rehearsal.',
  'problem.CUSTODY_SAME_VOLUME_REFUSED.next': 'Give each custodian a folder on their own media.',
  'problem.CUSTODY_NOT_PLANNED':
    'No custody split was planned in the preflight step, so there is nothing to split. No share was written.',
  'problem.CUSTODY_NOT_PLANNED.next':
    'Custody is planned before any material exists: start the air-gapped side again and plan the custodians in the preflight step.',
  'preflight.title': 'Check the folders before any material exists',
  'preflight.expiry-overridden':
    'The ceremony plan (carried in the import-parameters bundle) asks for {kind, select, never {no expiry (never)} other {the expiry {planned}}} for {count, plural, one {# key} other {# keys}}: the expiry chosen overrides it (journaled; both receipts list it).',
  'preflight.intro':
    'Nothing is generated until every place this ceremony writes to passes: the new folder of the wrapped bundle on the transfer media, the receipt in the ceremony folder and, for custody, each custodian folder. Each must be new or empty, take a real test write, and have room; custodians each on their own volume, none on the transfer media.',
  'preflight.custody': 'Keep custody shares of the material (M of N custodians)',
  'preflight.custody.hint':
    'The shares are written after the material exists and before it is wrapped (Custody screen); their folders are checked now.',
  'preflight.no-backup.title': 'No copy of this AES material will exist',
  'preflight.no-backup.consequence':
    'The AES material of {count, plural, one {# key} other {# keys}} will expire in the KMS at {expiresAt} and no custody share is planned. After that moment it can never be imported again, and every ciphertext under {count, plural, one {the key} other {these keys}} is unreadable for ever.',
  'preflight.no-backup.acknowledge':
    'I understand: this material is kept nowhere and is lost for ever after {expiresAt} (journaled and printed on the receipt)',
  'preflight.button': 'Check the folders',
  'preflight.passed': 'Preflight passed. This ceremony writes only here:',
  'preflight.bundle': 'Wrapped-material bundle (new folder):',
  'preflight.receipt': 'Receipt folder:',
  'preflight.custodian': 'Custodian {n}:',
  'preflight.expiry-plan': 'Material expiry requested in the bundle: each key its own, as the ceremony plan asks.',
  'preflight.expiry-never': 'Material expiry requested in the bundle: never.',
  'preflight.expiry-at': 'Material expiry requested in the bundle: {at}.',
  'preflight.acknowledged':
    'Acknowledged (journaled, printed on the receipt): no copy of the AES material of {count, plural, one {# key} other {# keys}} exists.',
  'preflight.earlier.title':
    'This journal already finished {count, plural, one {a wrap} other {# wraps}} of this ceremony: a new wrap makes NEW material beside {count, plural, one {it} other {them}}, unless it takes material that exists already (keys already in the HSM token, or a material file)',
  'preflight.earlier.bundle': 'Session {session}: wrapped-material bundle',
  'preflight.earlier.digest': 'bundle digest',
  'preflight.earlier.tokens':
    '{tokens, select, live {import tokens valid until {until} (unless its keys hold their material already);} expired {import tokens expired at {until};} other {import token held by the console (counted as importable);}}',
  'preflight.earlier.custody': 'custody set held by {custodians}.',
  'preflight.earlier.hsm-custody': 'custody copy: the HSM token objects its material was generated as (keep them).',
  'preflight.earlier.no-custody': 'no custody set.',
  'preflight.earlier.importable':
    'A bundle above can still be imported, and the online side can import only one. Wrap again only if it will not be imported (its media lost or damaged, or it must not be used), and say why: the reason is journaled and listed on the receipt.',
  'preflight.earlier.expired':
    'None of them can be imported any more (their import tokens expired): this wrap needs no reason. It is journaled and listed on the receipt.',
  'preflight.earlier.after':
    'Import one bundle only for each key. If this wrap makes new material, then once it is imported have the custodians of each other custody set all of whose keys this wrap makes new material for destroy those shares; a custody set that also backs other keys (whose material the KMS may hold from an earlier bundle) is KEPT (the receipt names both); if it wraps material that exists already (keys already in the HSM token, or a material file) and that is the material of the earlier bundles (their receipts’ key check values and public-key fingerprints agree), no custody set is destroyed.',
  'preflight.wrap-again': 'Wrap again: new material beside the bundles above',
  'preflight.wrap-again.reason': 'Why (journaled, on the receipt)',
  'preflight.wrap-again.reason-hint': 'e.g. media with the first bundle lost',
  'preflight.first': 'Check the folders first (previous step): nothing is generated before they pass.',
  'preflight.first.step': 'Check the folders first (step {number}): nothing is generated before they pass.',
  'action.checking-folders': 'Checking the folders',
  'custody.planned': '{m} of {n} shares, planned in the preflight step:',
  'custody.planned-holder': 'Custodian {n}: {name}',
  'custody.not-planned':
    'No custody split is planned. Custody is planned in the preflight step of the air-gapped side, before any material exists.',
  'wrapped.planned-folder': 'Written into the folder the preflight checked:',
  'restore.preflight.title': 'Check the folders before the shares are rebuilt',
  'restore.preflight.intro':
    'The new folder of the restored bundle on the transfer media and the receipt in the ceremony folder are checked before any share becomes material.',
  'leave.title': 'Leave this ceremony?',
  'leave.side':
    '{side, select, air {The air-gapped ceremony} other {The custody restore ceremony}} is not finished ({running, select, yes {a step is still running} other {it has reached step “{statePhrase}”}}).',
  'leave.consequence':
    'Leaving abandons it: the material held is wiped, the stop is journaled as on the command line after Ctrl-C (interrupted, then abandoned), and a written bundle that no receipt names is withdrawn, so the online side refuses it. To go on, start that side again from the network check.',
  'leave.stay': 'Stay in the ceremony',
  'leave.confirm': 'Abandon the ceremony and leave',
  'leave.close': 'Abandon the ceremony and close Keyferry',
  'leave.window-message': 'A ceremony on this workstation is not finished. Close Keyferry anyway?',
  'left.title':
    '{side, select, air {The air-gapped ceremony} other {The custody restore ceremony}} was abandoned at step “{statePhrase}”.',
  'left.wiped':
    '{wiped, plural, =0 {No finished key material was held.} one {The key material held (# key) was wiped.} other {The key material held (# keys) was wiped.}}',
  'left.no-bundle': 'No bundle of this attempt was written.',
  'left.dismiss': 'Dismiss',
  'action.leaving-ceremony': 'Abandoning the ceremony',
  'delete.custody':
    '{custody, select, none {Key {keyId} has NO custody copy (online journal entry {seq}: the air-gapped side kept none{acknowledged, select, yes {, acknowledged there} other {}}). Deleting its imported material destroys it for ever: the KMS accepts only the same material again and no copy exists anywhere, so every ciphertext under the key becomes unreadable. To destroy it anyway, type the key ID again; to stop using the key without losing it, disable the key instead.} shares {Deleting the imported material of key {keyId} cannot be undone by the KMS: it accepts only the same material again. Online journal entry {seq} records its custody copy: {threshold} of {total} shares, held by {custodiansList}{set, select, named {, custody set {setTag} (the tag in its share files’ names)} other {}}; without {threshold} of them every ciphertext under the key is unreadable for ever. Make sure at least {threshold} of those custodians still hold their shares.} hsmToken {Deleting the imported material of key {keyId} cannot be undone by the KMS: it accepts only the same material again. Online journal entry {seq} records its custody copy: the HSM token "{token}"; without it every ciphertext under the key is unreadable for ever. Make sure that token still holds the material.} materialFiles {Deleting the imported material of key {keyId} cannot be undone by the KMS: it accepts only the same material again. Online journal entry {seq} records its custody copy: the material files loaded on the air-gapped workstation; without them every ciphertext under the key is unreadable for ever. Make sure those files are still kept.} other {Deleting the imported material of key {keyId} cannot be undone by the KMS: unless custody shares of the same material exist, every ciphertext under the key is unreadable for ever. Check that custody shares of this key exist (the air-gapped receipt lists them).}} The acknowledgement is journaled and printed on the receipt.',
  'delete.read-warning': 'What would deleting the material of {alias} lose?',
  'delete.acknowledge': 'I have read what deleting the material of {alias} loses, and accept it',
} as const;
