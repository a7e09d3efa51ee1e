/**
 * The app's main process: the IPC plumbing (a request the contract refused, an unknown channel),
 * the mode guard, the ceremony session's refusals, paths handed in from the screens, receipts,
 * remembered credentials, printing, and the desktop's own words (file pickers, menu, About).
 */
const pathRole =
  '{what, select, ceremonyFolder {ceremony folder} parametersBundle {import-parameters bundle folder} parametersTarget {folder for the import-parameters bundle} materialFile {key material file} airGapJournal {air-gapped journal} receiptPdf {folder for the receipt PDF} shareFile {share file} backupFile {custody backup file} planFile {ceremony plan file} other {file}}';
const side = '{side, select, online {online} restore {custody restore} other {air-gapped}}';

export const enMainProcess = {
  'problem.IPC_BAD_REQUEST': `The request for {channel} was not valid: {field, select, none {the request} other {the field {field}}} {rule, select, missing {is missing} wrongType {has the wrong kind of value} tooShort {is shorter than {limit, number}} tooLong {is longer than {limit, number}} tooSmall {is below {limit, number}} tooLarge {is above {limit, number}} badFormat {is not in the expected form} notOneOf {is not one of the accepted choices} unknownField {names a field Keyferry does not know} absolutePath {must be a full path (starting with / or a drive letter)} controlCharacters {must not contain control characters} pkcs11Library {must be a PKCS#11 shared library (.so, .dll or .dylib)} shareOrTyped {must give either the share file or the typed slip lines, not both} custodyCounts {must not ask for more shares than custodians (M of N, one custodian and one folder per share)} hsmCustody {cannot split HSM material into custody shares} other {is not accepted}}{more, plural, =0 {} one { (and # more problem)} other { (and # more problems)}}.`,
  'problem.IPC_BAD_REQUEST.next': 'Check what was entered and try again.',
  'problem.IPC_UNKNOWN_CHANNEL': 'The app asked for an operation that does not exist.',
  'problem.IPC_UNKNOWN_CHANNEL.next': 'Restart Keyferry; if this happens again, report it with the log.',
  'problem.IPC_BAD_RESPONSE':
    'Keyferry produced an answer for {channel} that does not match its contract; it was discarded.',
  'problem.IPC_BAD_RESPONSE.next': 'Nothing was marked as done. Retry; if it fails again, keep the log and report it.',
  'problem.IPC_UNAVAILABLE': 'Keyferry’s main process did not answer {channel}.',
  'problem.IPC_UNAVAILABLE.next': 'Restart Keyferry; if this happens again, keep the log and report it.',
  'problem.IPC_UNTRUSTED_SENDER': 'This page is not allowed to talk to Keyferry.',
  'problem.IPC_UNTRUSTED_SENDER.next': 'Use the Keyferry window itself; nothing was done.',

  'problem.MODE_LOCKED': 'Keyferry is in air-gapped mode for the rest of this session.',
  'problem.MODE_LOCKED.next': 'Close Keyferry and start it again to choose another mode.',
  'problem.STEP_RUNNING':
    'Another step of the ceremony is still running, and only one step runs at a time: this one was not started, and nothing was changed by it.',
  'problem.STEP_RUNNING.next':
    'Wait until that step has finished, then look at where the ceremony stands before going on.',
  'problem.MODE_CEREMONY_STARTED':
    'A ceremony has started in {mode, select, online {online} rehearsal {rehearsal} other {air-gapped}} mode in this session: its steps keep the mode they began in (a rehearsal’s shortcuts, a network guard), so the mode is not changed.',
  'problem.MODE_CEREMONY_STARTED.next':
    'Finish or leave that ceremony here, then close Keyferry and start it again to choose another mode; its journal keeps what was done.',
  'problem.REHEARSAL_BUNDLE_NOT_ITS_OWN':
    'This is a rehearsal: its air-gapped side takes only the import parameters its own online side fetched from the built-in simulator ({own, select, none {its online side has not started in this run} other {ceremony {own}}}). {source, select, console {The console files name the key {other}, which is not a key of it: perhaps a real one.} other {The bundle in {dir} is of ceremony {other}, perhaps a real one.}} A rehearsal allows a network, custody shares on one volume and other shortcuts a real ceremony refuses, and its wrap would reach the real online side as a real one. Nothing was read.',
  'problem.REHEARSAL_BUNDLE_NOT_ITS_OWN.next':
    'To wrap a real ceremony’s parameters, close Keyferry on the air-gapped workstation (no network), start it again and choose “Air-gapped workstation”. To rehearse, {own, select, none {start this rehearsal’s online side first, then } other {}}give what this rehearsal’s online side wrote.',
  'problem.MODE_GUARD_FAILED': `The network guard for {mode, select, online {online} rehearsal {rehearsal} other {air-gapped}} mode could not be put in place, so the mode was not changed.`,
  'problem.MODE_GUARD_FAILED.next':
    'Close Keyferry and start it again; if this happens again, keep the log and report it.',
  'problem.MODE_NOT_CHOSEN': 'No mode has been chosen yet.',
  'problem.MODE_NOT_CHOSEN.next': 'Choose a mode on the start screen.',
  'problem.MODE_WRONG': `This step runs only in {first, select, online {online} rehearsal {rehearsal} other {air-gapped}}{second, select, none {} online { or online} rehearsal { or rehearsal} other { or air-gapped}} mode; Keyferry is in {mode, select, online {online} rehearsal {rehearsal} other {air-gapped}} mode.`,
  'problem.MODE_WRONG.next': 'Use the workstation meant for this step, or restart Keyferry and choose the right mode.',

  'problem.CEREMONY_NOT_SET_UP': 'The ceremony has no title, operator and witnesses yet.',
  'problem.CEREMONY_NOT_SET_UP.next': 'Fill in the ceremony setup first.',
  'problem.KMS_NOT_CONNECTED': 'Keyferry is not connected to a KMS yet.',
  'problem.KMS_NOT_CONNECTED.next':
    'Enter the connection settings and use "Test connection" first (in rehearsal: start the simulator).',
  'problem.AIRGAP_NOT_STARTED': 'The air-gapped side has not started.',
  'problem.AIRGAP_NOT_STARTED.next': 'Check the network first.',
  'problem.RESTORE_NOT_STARTED': 'No custody restore ceremony has started.',
  'problem.RESTORE_NOT_STARTED.next': 'Check the network first; that starts the restore ceremony.',
  'problem.RESTORE_ABANDONED': 'The restore ceremony was abandoned; its shares and material were wiped.',
  'problem.RESTORE_ABANDONED.next': 'Check the network to start a new restore ceremony.',
  'problem.CEREMONY_ALREADY_STARTED': 'This ceremony has started; its people and folder are fixed in its journal.',
  'problem.CEREMONY_ALREADY_STARTED.next': 'Finish it, or close Keyferry and start again for another ceremony.',
  'problem.CEREMONY_FOLDER_MISSING': 'No ceremony folder was chosen.',
  'problem.CEREMONY_FOLDER_MISSING.next':
    'Choose the folder where the journal and the receipts of this ceremony are kept.',

  'problem.PATH_NOT_ABSOLUTE': `The ${pathRole} "{path}" is not a full path.`,
  'problem.PATH_NOT_ABSOLUTE.next':
    'Pick the folder with Browse, or type the full path (starting with / or a drive letter).',
  'problem.FOLDER_READ_ONLY': 'Keyferry cannot write into {dir} (read-only media or no permission).',
  'problem.FOLDER_READ_ONLY.next': 'Unlock the media or choose another folder.',
  'problem.FOLDER_CROWDED': '{dir} already holds 99 folders named {name}.',
  'problem.FOLDER_CROWDED.next': 'Choose another folder, or clear the old attempts away.',
  'problem.DESKTOP_UNAVAILABLE':
    '{action, select, print {Printing needs the Keyferry desktop window, which is not available here.} pdf {Saving a PDF needs the Keyferry desktop window, which is not available here.} other {No file dialog is available here.}}',
  'problem.DESKTOP_UNAVAILABLE.next':
    '{action, select, print {Open {file} in a browser and print it from there.} pdf {Open {file} in a browser and print it from there.} other {Type the full path into the field instead.}}',

  'problem.RECEIPT_CHANGED': 'The receipt {file} changed after it was written.',
  'problem.RECEIPT_CHANGED.next': 'Keep the media as evidence and write the receipt again into another folder.',
  'problem.RECEIPT_NOT_WRITTEN': `No ${side} receipt has been written in this session.`,
  'problem.RECEIPT_NOT_WRITTEN.next': 'Write the receipt first (the last step of the ceremony).',
  'problem.PRINT_FAILED': 'The receipt was not printed ({reason}).',
  'problem.PRINT_FAILED.next': 'Check the printer and print again, or save the receipt as a PDF.',
  'problem.RECEIPT_NAME_INVALID': '"{name}" is not a plain PDF file name.',
  'problem.RECEIPT_NAME_INVALID.next': 'Use a name like receipt.pdf.',

  'problem.CREDENTIALS_CHOICE_UNCLEAR': 'Both typed-in and remembered credentials were offered for one connection.',
  'problem.CREDENTIALS_CHOICE_UNCLEAR.next':
    'Either connect with the remembered credentials, or type new ones (and tick "Remember" to replace them).',
  'problem.CREDENTIALS_REMEMBER_NEEDS_ENTRY': 'Only credentials typed in now can be remembered.',
  'problem.CREDENTIALS_REMEMBER_NEEDS_ENTRY.next':
    'Type the access key ID and the secret access key, tick "Remember", then test the connection.',
  'problem.CREDENTIALS_REMEMBER_FAILED': 'Connected to the KMS, but the credentials were not remembered: {cause}',
  'problem.CREDENTIALS_REMEMBER_FAILED.next':
    'Carry on with this session (the credentials are held until Keyferry closes), or try remembering again later.',
  'problem.CREDENTIALS_NOT_REMEMBERED': 'No credentials are remembered on this computer (profile "{profile}").',
  'problem.CREDENTIALS_NOT_REMEMBERED.next':
    'Enter the access key ID and the secret access key, then test the connection.',
  'problem.CREDENTIALS_PROFILE_INVALID': 'A remembered-credentials profile name is 1-64 of a-z 0-9 and -.',
  'problem.CREDENTIALS_PROFILE_INVALID.next': 'Use the profile "default".',
  'problem.CREDENTIALS_NOT_SAVED': 'The remembered credentials could not be replaced ({errno}).',
  'problem.CREDENTIALS_NOT_SAVED.next': 'Check that Keyferry may write to its settings folder, then try again.',
  'problem.CREDENTIALS_UNREADABLE': 'The remembered credentials could not be read back on this computer.',
  'problem.CREDENTIALS_UNREADABLE.next': 'Forget the remembered credentials and enter them again.',
  'problem.CREDENTIALS_INVALID':
    '{field, select, accessKeyId {The access key ID (AK) is not 8-128 letters and digits} secretAccessKey {The secret access key (SK) is not 8-256 characters without spaces} securityToken {The security token is not 1-16384 characters without spaces} region {The region is missing or longer than 64 characters} projectId {The project id is missing or longer than 64 characters} endpoint {The endpoint is missing or longer than 2048 characters} other {The credentials are not in the expected form}}, so the credentials were not remembered.',
  'problem.CREDENTIALS_INVALID.next': 'Copy the access key ID and secret access key again from the cloud console.',
  'problem.CREDENTIALS_ENCRYPTION_UNAVAILABLE':
    'This computer offers no OS keystore encryption, so Keyferry will not save credentials on it.',
  'problem.CREDENTIALS_ENCRYPTION_UNAVAILABLE.next':
    'Use the credentials for this session only; they are forgotten when Keyferry closes.',
  'problem.CREDENTIALS_VAULT_UNAVAILABLE':
    '{reason, select, noDesktop {Remembering credentials needs the desktop app’s OS keychain, which is not available here.} other {This computer offers no OS keystore encryption for remembered credentials.}}',
  'problem.CREDENTIALS_VAULT_UNAVAILABLE.next':
    'Enter the credentials for this session only; they are forgotten when Keyferry closes.',

  // The desktop's own words: file pickers (title per purpose, the accept button) and the menu.
  'dialog.pick.ceremony-folder': 'Choose the ceremony folder',
  'dialog.pick.read-bundle': 'Choose the bundle folder on the removable media',
  'dialog.pick.write-bundle': 'Choose where to write the bundle (a new folder is created inside)',
  'dialog.pick.save-receipt': 'Choose where to save the receipt PDF',
  'dialog.pick.custody-folder': 'Choose where to write the custody shares',
  'dialog.pick.material-file': 'Choose the key material file',
  'dialog.pick.share-file': 'Choose a custody share file',
  'dialog.pick.backup-file': 'Choose the custody backup file',
  'dialog.pick.console-file': 'Choose a file downloaded from the cloud console',
  'dialog.pick.journal-file': 'Choose the journal file (.jsonl)',
  'dialog.pick.plan-file': 'Choose the ceremony plan file (.json)',
  'dialog.pick.hsm-module': 'Choose the HSM vendor’s PKCS#11 library (.so, .dll, .dylib)',
  'menu.file': 'File',
  'menu.edit': 'Edit',
  'menu.window': 'Window',
  'menu.help': 'Help',
  'dialog.pick.button': 'Choose',
} as const;
