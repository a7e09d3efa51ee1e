/**
 * Custody sets: one share per custodian per ceremony (a share of the ceremony backup key) and
 * one backup file holding every key's material encrypted under that key.
 */
export const enCustodySet = {
  'problem.CUSTODY_BACKUP_NOT_A_BACKUP':
    '{file} is not a Keyferry custody backup, or it is damaged beyond its line checks.',
  'problem.CUSTODY_BACKUP_NOT_A_BACKUP.next':
    'Use the backup file (keyferry-backup-<ceremony>-<set>.txt) a custodian carries with their share, or type it from its printout.',
  'problem.CUSTODY_BACKUP_LINE_INVALID':
    'Line {line} of the custody backup {file} does not match its check (line 0 is the KEYFERRY BACKUP header). Nothing was restored.',
  'problem.CUSTODY_BACKUP_LINE_INVALID.next':
    'Compare line {line} with another custodian’s copy or the printout, correct it and try again.',
  'problem.CUSTODY_BACKUP_LINE_OUT_OF_PLACE':
    'Line {line} of the custody backup {file} is missing or out of place: the line in its place is numbered {found} (the lines are numbered 1, 2, 3 … in order; line 0 is the KEYFERRY BACKUP header). Nothing was restored.',
  'problem.CUSTODY_BACKUP_LINE_OUT_OF_PLACE.next':
    'Check that line {line} is there, once, in its place, and that the number typed at its start is the printed one; then try again.',
  'problem.CUSTODY_BACKUP_TRUNCATED':
    'The custody backup {file} ends {cut, select, midLine {in the middle of line {line}} other {after {found}}} of its {expected} lines: it was not copied completely. Nothing was restored.',
  'problem.CUSTODY_BACKUP_TRUNCATED.next':
    'Use another custodian’s copy of the backup file, or type the missing lines from the printout.',
  'problem.CUSTODY_BACKUP_QR_INVALID':
    '{reason, select, order {A scanned text is not a backup QR code (it must start with its KFBQR line), or a code was given twice.} count {Only {found} of the backup’s {expected} QR codes were given.} mixed {The scanned QR codes come from two different backups.} other {The QR codes, joined, do not give back the backup file they were printed from.}} Nothing was restored.',
  'problem.CUSTODY_BACKUP_QR_INVALID.next':
    'Scan every code of one printout once (each caption says "QR n of N"), paste them all, and try again; or type the text lines instead.',
  'problem.CUSTODY_BACKUP_VERSION':
    'The custody backup {file} has format version {version}, which this Keyferry does not read. Nothing was restored.',
  'problem.CUSTODY_BACKUP_VERSION.next': 'Restore with the Keyferry version that wrote it, or a later one.',
  'problem.CUSTODY_SHARE_PATH_IS_FOLDER':
    '{folder} is a folder, not a share file: {count, plural, one {it holds the share file {namesList}} other {it holds # share files: {namesList}}}. Nothing was read from it.',
  'problem.CUSTODY_SHARE_PATH_IS_FOLDER.next':
    'Give the share file itself (keyferry-share-…-KofN.json, the one of this ceremony), not the folder that holds it.',
  'problem.CUSTODY_BACKUP_MISSING': 'The custody backup file {file} does not exist or is not a regular file.',
  'problem.CUSTODY_BACKUP_MISSING.next':
    '{surface, select, app {Present the backup file that travels with the shares (“Custody backup”, “Present the backup”); it lies beside each share file.} other {Give the backup file that travels with the shares (--backup FILE); it lies beside each share file.}}',
  'problem.CUSTODY_BACKUP_SWAPPED':
    'The backup file {file} is not the one these shares were made with: the shares are of ceremony {ceremonyId} and record backup digest {expected}; the file is of ceremony {backupCeremonyId}, with digest {actual}. Nothing was restored.',
  'problem.CUSTODY_BACKUP_SWAPPED.next':
    'Use the backup file that lies beside these share files (the digest is printed on every share slip).',
  'problem.CUSTODY_BACKUP_KEY_UNKNOWN':
    'Key {keyId} is not in the custody backup of ceremony {ceremonyId}. Nothing was restored.',
  'problem.CUSTODY_BACKUP_KEY_UNKNOWN.next':
    '{chosenBy, select, bundle {This custody set does not hold the material of the bundle’s key {keyId}: bring the shares and backup of the custody set that does. The air-gapped receipt of the wrapped bundle the key was last imported from names that set (its ceremony and its tag, which is in each of its share files’ names); {surface, select, app {the online workstation names it by its tag too (“Read the key states from the KMS”, in step “Verify the imported keys”), when that bundle named its set} other {keyferry online status names it by its tag too, when that bundle named its set}}.} other {Choose keys the backup holds (its file lists them at the top).}}',
  'problem.CUSTODY_BACKUP_ENTRY_INVALID':
    'The custody backup’s entry for key {keyId} does not decrypt to the recorded material: the file was altered. Nothing was restored.',
  'problem.CUSTODY_BACKUP_ENTRY_INVALID.next':
    'Use another custodian’s copy of the backup file, or type it from the printout.',
  'problem.CUSTODY_SET_SHARE_FILE_INVALID':
    'The share file {file} cannot be used: {fieldCount, plural, one {its field {fieldsList} is invalid} other {its fields {fieldsList} are invalid}}.',
  'problem.CUSTODY_SET_SHARE_FILE_INVALID.next':
    'Check that it was copied completely; otherwise type the share from its printed slip.',
  'problem.CUSTODY_SHARE_IS_SET':
    '{file} is a share of a ceremony custody set, which restores together with its backup file.',
  'problem.CUSTODY_SHARE_IS_SET.next': 'Give the backup file too (keyferry custody restore --backup FILE).',
  'problem.CUSTODY_SET_PARAMETERS_INVALID':
    '{m}-of-{n} custody is not allowed: it needs 2 <= M <= N <= 16. Nothing was written.',
  'problem.CUSTODY_SET_PARAMETERS_INVALID.next': 'Choose M of at least 2 and N between M and 16.',
  'problem.CUSTODY_SET_KEY_COUNT':
    'A custody set holds 1 to {max} keys; this ceremony has {count}. Nothing was written.',
  'problem.CUSTODY_SET_KEY_COUNT.next': 'Split the keys across ceremonies of at most {max} keys.',
  'problem.CUSTODY_SET_CUSTODIANS':
    'The {n} shares need {n} custodians, one each; custodians named: {count}. Nothing was written.',
  'problem.CUSTODY_SET_CUSTODIANS.next': 'Name exactly {n} custodians, one per share.',
  'problem.CUSTODY_SET_CUSTODIAN_INVALID':
    '{character, select, none {The custodian name "{name}" is not usable: a custodian name is 1-100 printable characters and at most 255 bytes as UTF-8 (85 Chinese characters).} other {The name of custodian {index} ("{name}") contains an invisible character, {character}, as a paste from a web page or a document brings along.}} Nothing was written.',
  'problem.CUSTODY_SET_CUSTODIAN_INVALID.next': 'Type each custodian’s name by hand (a plain name, no pasted text).',
  'problem.CUSTODY_SET_CUSTODIAN_TWICE':
    '{same, select, yes {Custodian "{firstName}" is named for shares {first} and {second}} other {The custodians of shares {first} and {second}, typed as "{firstName}" and "{secondName}", are one person by Keyferry’s comparison (it ignores upper and lower case and spaces before or after a name)}}: one person holding two shares weakens M-of-N. Nothing was written.',
  'problem.CUSTODY_SET_CUSTODIAN_TWICE.next': 'Name a different person for each share.',
  'problem.CUSTODY_SET_SPEC_MISMATCH':
    'The material for key {keyId} is {actual}, but the key is {spec}. Nothing was written.',
  'problem.CUSTODY_SET_SPEC_MISMATCH.next': 'Load the material of the right key spec.',
  'problem.CUSTODY_SET_UNVERIFIED': 'The custody set just made did not restore every key exactly. Nothing was written.',
  'problem.CUSTODY_SET_UNVERIFIED.next': 'Try the split again; if it fails again, report it.',
  'problem.CUSTODY_SET_TOO_FEW_SHARES':
    '{given, plural, =0 {No shares were given.} one {# of the {needed} shares needed was given.} other {# of the {needed} shares needed were given.}} Nothing was restored.',
  'problem.CUSTODY_SET_TOO_FEW_SHARES.next': 'Gather more custodians of this ceremony with their shares.',
  'problem.CUSTODY_SET_SHARE_CORRUPTED':
    'Share {index} is corrupted: its checksum does not match its contents. Nothing was restored.',
  'problem.CUSTODY_SET_SHARE_CORRUPTED.next':
    'Ask the custodian of share {index} for an intact copy (the share file or the printed slip), or use another custodian’s share.',
  'problem.CUSTODY_SET_SHARES_MIXED':
    'Shares {first} and {other} are not from the same custody set (ceremonies {firstCeremony} and {otherCeremony}). Nothing was restored.',
  'problem.CUSTODY_SET_SHARES_MIXED.next':
    'Present shares of one custody set only: the set that holds the material to restore, named by its ceremony and its tag (in each share file’s name) on the air-gapped receipt of the bundle the keys were last imported from; set the shares of any other set aside.',
  'problem.CUSTODY_SET_TWO_SETS':
    'Shares {first} and {other} belong to two different custody sets of ceremony {ceremonyId}: share {first} to the set with backup digest {firstDigest}…, share {other} to the set with backup digest {otherDigest}… (each split makes its own set: a later wrap of the ceremony made new material and a new set, or a custody split made a second set of the same material). Shares of two sets never combine. Nothing was restored.',
  'problem.CUSTODY_SET_TWO_SETS.next':
    'Use the shares of one set only, a set whose material the KMS imported: the online receipt names the wrapped bundle it imported, and that bundle’s air-gapped receipt names its custody set’s backup digest (each slip prints it too). Set the other set’s shares aside, and find out which material it holds before anyone destroys it: a set of a wrap whose bundle the KMS never imported holds material that will never be in the KMS (its custodians may destroy it); a second split of the imported material does not (keep it).',
  'problem.CUSTODY_SET_SHARE_DUPLICATE':
    'Share {index} was already presented: each share counts once. Nothing was restored.',
  'problem.CUSTODY_SET_SHARE_DUPLICATE.next': 'Bring a different custodian’s share instead of the second copy.',
  'problem.CUSTODY_SET_KEY_MISMATCH':
    'Shares {sharesList} did not rebuild the backup key recorded in them: at least one share is wrong though its checksum is intact. Nothing was restored.',
  'problem.CUSTODY_SET_KEY_MISMATCH.next':
    'Check each share against its custodian’s printed slip, or use other custodians’ shares.',
  'slip.set.keys': 'Keys',
  'slip.set.keysValue':
    '{grouped, select, yes {{count, plural, one {# key material} other {# key materials}} for {keys} keys (the keys of a replica group share one): the material its session wrapped, encrypted in the backup file} other {{count, plural, one {# key} other {# keys}}: the keys its session wrapped, encrypted in the backup file}}',
  'slip.set.shareValue':
    '{index} of {total} (any {threshold} shares with the backup file rebuild every key; fewer reveal nothing)',
  'slip.set.backupFile': 'Backup file',
  'slip.set.backupDigest': 'Backup digest (SHA-256)',
  'slip.set.backupKeyCheck': 'Backup key check',
  'slip.set.keep':
    'Keep this slip, the share file and the backup file together, away from every other custodian’s share. To restore, the custodians bring their shares and one copy of the backup file (or its printout); type the lines below exactly as printed (spaces and letter case do not matter) or scan the QR code.',
  'cli.custody.set-written':
    'Custody: one set for {keys, plural, one {# key} =2 {both keys} other {all # keys}}{grouped, select, no {} other { ({materials, plural, one {one material} other {# materials}}: the keys of a replica group share one, and the slips count materials)}}, {m}-of-{n}: each custodian holds one share, its slip and the backup {backup} (digest {digest}).',
  'cli.custody.set-holder': '  share {index} of custodian {custodian}: {folder}',
  'problem.CUSTODY_BACKUP_NOT_GIVEN':
    'Shares of a ceremony custody set restore with the ceremony backup file, and none was given.',
  'problem.CUSTODY_BACKUP_NOT_GIVEN.next':
    'Give --backup FILE: the keyferry-backup-<ceremony>-<set>.txt beside a share file, or its printout typed into a text file.',
  'cli.custody.backup-read':
    'Custody backup {file}: {keys, plural, one {# key} other {# keys}} of ceremony {ceremonyId}, digest {digest}',
  'cli.custody.set-restored':
    'Rebuilt {count, plural, one {# key} other {# keys}} of ceremony {ceremonyId} from shares {shares} of {n} ({m} needed) and the backup; each proven against the check value recorded for it:',
  'cli.custody.set-restored-key':
    '  {keyId}  {spec}  {kind, select, kcv {KCV} other {public-key SHA-256}} {value}{replicaOf, select, none {} other {: the material of its primary {replicaOf} (a replica holds its primary’s material; the custody set records it, and its check value, under the primary)}}',
  'cli.custody.proof-scope':
    'Proven against the check values recorded in the custody copy itself (its shares and backup), not against the material the KMS holds: shares of a set that a later wrap replaced prove just as well. To prove them against what the KMS holds, give --bundle with fresh import parameters (keyferry online params): the restore then compares the rebuilt material with each key’s bound material before anything is wrapped.',
  'cli.custody.set-nothing-written':
    'No plaintext file was written (give --out DIR to write every restored key into a new folder, or --bundle DIR to wrap them for a re-import).',
  'cli.custody.set-files-written':
    'Wrote {count, plural, one {# key} other {# keys}} into {dir}, one <key id>.key file each, {kept, select, yes {mode 0600} other {mode {mode} (the volume keeps no file permissions)}}: plaintext key material (what to do with it follows).',
  'problem.CUSTODY_OUT_EXISTS': '{path} already exists; Keyferry never overwrites. Nothing was restored.',
  'problem.CUSTODY_OUT_EXISTS.next': 'Choose a new folder name for --out.',
  'problem.CUSTODY_SHARE_HOLDER_DIFFERS':
    'Share {index} names {custodian} as its custodian, but the custody set’s backup names {holder} for share {index}: the share file was changed (its checksum is no seal). Nothing was restored.',
  'problem.CUSTODY_SHARE_HOLDER_DIFFERS.next':
    'Use the share file as the custodian received it (their copy, or the printed slip), and check who holds share {index}: the backup lists every holder. Keep the changed file for the audit. In a restore where that share was presented already, abandon the restore and start it again without it.',
  'problem.PLAINTEXT_OUT_IN_BUNDLE':
    '{where, select, beside {{path} would lie beside the bundle folder {bundle}, on what is likely the medium that carries bundles to the online workstation: plaintext key material written there would travel with it.} other {{path} lies inside the bundle folder {bundle}: plaintext key material written there would travel with that bundle, on the medium that carries it to the online workstation.}} Nothing was restored.',
  'problem.PLAINTEXT_OUT_IN_BUNDLE.next':
    'Give --out a place on this air-gapped workstation outside every bundle folder, and never on a transfer medium.',
  'receipt.people.holdsSet':
    'entry {seq}: holds share {share} of {total} of the ceremony’s custody set (the material of {materials, plural, one {# key or replica group} other {# keys or replica groups}}, backup digest {digest}…; any {threshold} rebuild them)',
  'receipt.people.holdsReplacedSet':
    'entry {seq}: holds share {share} of {total} of a custody set of this ceremony (the material of {materials, plural, one {# key or replica group} other {# keys or replica groups}}, backup digest {digest}…; any {threshold} rebuild them) that a later wrap replaces: session {session} made new material (entry {repeatSeq}) with a custody set of its own (entry {laterSeq}). Once that wrap’s bundle is imported, this set backs nothing and its shares are to be destroyed; until the online workstation shows which material the keys hold, keep this share',
  'receipt.people.withdrawnSet':
    'entry {seq}: was given share {share} of {total} of a custody set whose session did not finish (backup digest {digest}…): it was withdrawn, with any bundle its session wrote (see Deviations)',
  'receipt.people.notWithdrawnSet':
    'entry {seq}: was given share {share} of {total} of a custody set whose session did not finish (backup digest {digest}…): {how, select, kept {KEPT, not withdrawn: its session wrote its receipt before its bundle manifest; entry {failedSeq} says when it may be destroyed (see Deviations)} failed {NOT withdrawn, delete by hand only its files, those whose names carry {tag}, where entry {failedSeq} says they were left, and nothing else there: a later set’s live share may be beside them (see Deviations)} other {NOT withdrawn, delete by hand only its files, those whose names carry {tag}, from {folder}: the journal records no withdrawal of them; nothing else there}}',
  'receipt.people.cutSet':
    'entry {seq}: was to get share {share} of {total} of a custody set whose session was cut while writing it (backup digest {digest}…; its files carry {tag} in their names): {how, select, maybe {NOT withdrawn: the folder {folder} could not be read, and the writes may have reached it. Look on that medium: any such file there is of a set that rebuilds no material that was wrapped; delete it before anyone keeps or presents it as a share (entry {failedSeq}, see Deviations)} other {NOT withdrawn, check before deleting anything: {folder} holds such files, and the split may have finished without its entry (this journal may be a copy cut short); entry {failedSeq} says how to tell (see Deviations)}}',
  'receipt.people.presentedSet':
    'entry {seq}: share {share} of {total} of the ceremony’s custody set (the material of {materials, plural, one {# key or replica group} other {# keys or replica groups}}, backup digest {digest}…; any {threshold} rebuild them) was presented by {presenter} and used to rebuild the material',
  'cli.rehearse.human-actions':
    'People’s work for {keys, plural, one {# key} other {# keys}} (from the journals): {readAloud, plural, one {# value} other {# values}} read aloud, {typed} typed, {slips, plural, one {# slip} other {# slips}} printed and signed, {media, plural, one {# medium} other {# media}} handed over ({total} in all)',
  'cli.custody.split-done':
    'Split {spec} key material of key {keyId} (ceremony {ceremonyId}) into a custody set of {n} shares; any {m} of them with the backup {backup} rebuild it.',
  'cli.custody.split-check':
    '{kind, select, kcv {Key check value (KCV):  {value}} other {Public key SHA-256 fingerprint:  {value}}}',
  'cli.custody.split-written': 'Written into each custodian folder (every file checked by reading it back):',
  'cli.custody.split-share': '  share {index} of {n} for {custodian}: {file}  sha256 {sha256}',
  'cli.custody.split-companion': '    {file}',
  'cli.custody.plaintext-stopped':
    'Stopped by {signal, select, SIGINT {Ctrl-C (SIGINT)} other {{signal}}} {state, select, written {after the restored key material was written: the files above hold it in plain form; the WARNING above says what to do with them.} left {before the restored key material was all written, and files of it could not be taken away again: {files}. They hold key material in plain form: destroy them now, wherever they are.} other {before the restored key material was all written: what it had written was taken away again, with the folder it made; nothing of it is left. Run the same command again to write it.}}',
  'cli.custody.split-stopped':
    'Stopped by {signal, select, SIGINT {Ctrl-C (SIGINT)} other {{signal}}} before the custody split finished: {removed, plural, =0 {{moved, plural, =0 {nothing had been written to the custodian folders} other {none of the files it had written was removed}}} one {the # file it had written (share, slip, backup) was removed again from {folders}} other {the # files it had written (shares, slips, backup) were removed again from {folders}}}{left, plural, =0 {} other {; COULD NOT REMOVE {leftFiles}: delete them by hand before anyone takes them away as a share}}{moved, plural, =0 {} other {; NOT WHERE THEY WERE WRITTEN (their folder moved, or its media removed): {movedFiles}: find them and delete them before anyone takes them away as a share}}. The material file is unchanged; run the same command again to make a fresh split.',
  'cli.custody.split-material-file':
    'WARNING: {file} still holds this key material in plaintext. Once each custodian holds their folder, destroy it and every copy of it (overwrite the file, or destroy its medium); from now on the custody set keeps the material.',
  'cli.custody.split-next':
    'Print each slip and the backup printout, have each custodian sign their slip, and hand over each folder (share, slip, backup) to its custodian.',
  'problem.CUSTODY_RESTORE_EXPIRY_REQUIRED':
    'This material was imported with an expiry ({at, date, utc}{past, select, yes {, now past} other {}}); restoring it without {where, select, app {choosing an expiry} other {--expires}} would request "never", a change of policy nobody chose. Nothing was restored.',
  'problem.CUSTODY_RESTORE_EXPIRY_REQUIRED.next':
    '{where, select, app {Choose the expiry of the restored material: the original expiry (if still in the future), a new date or a duration such as 90d, or never.} other {Choose the expiry of the restored material: --expires original (the same expiry, if still in the future), --expires <ISO date-time or duration such as 90d>, or --expires never.}}',
  'problem.CUSTODY_RESTORE_EXPIRY_PASSED':
    'The original material expiry {at, date, utc} has passed; the KMS would delete the material again at once. Nothing was restored.',
  'problem.CUSTODY_RESTORE_EXPIRY_PASSED.next':
    '{where, select, app {Choose a new date, a duration such as 90d, or never.} other {Choose a new expiry (--expires <ISO date-time or duration such as 90d>) or --expires never.}}',
  'problem.CUSTODY_RESTORE_EXPIRY_UNKNOWN':
    'The import-parameters bundle does not say which expiry the material had (written by an older Keyferry), so {where, select, app {the original expiry} other {--expires original}} cannot be used. Nothing was restored.',
  'problem.CUSTODY_RESTORE_EXPIRY_UNKNOWN.next':
    '{where, select, app {Choose a date, a duration such as 90d, or never.} other {Give the expiry explicitly: --expires <ISO date-time or duration such as 90d> or --expires never.}}',
  'cli.opt.restore.expires':
    'material expiry the restored bundle requests: original (the expiry the material had, if still ahead), never, an ISO date-time or a duration (90d); required when the material had an expiry',
} as const;
