/**
 * Custody of one key (format 1 shares): splitting material into M-of-N shares, writing them to
 * custodians' media, reading share files and restoring. Indexes, names, ids and hex are values.
 */

/** Why bytes are not the key's private key (`notTheKey` in core/custody/material-check.ts). */
const NOT_THE_KEY =
  '{form, select, refused {{cause}} notExact {it is not a {spec} private key in PKCS#8 DER exactly as Keyferry encodes it.} other {it is not a {spec} private key.}}';
/** A recorded material check ("key check value 1A2B3C"), from `{kind}` and `{value}` with a prefix. */
const FIRST_CHECK = '{firstKind, select, kcv {key check value {firstValue}} other {public-key SHA-256 {firstValue}}}';
const OTHER_CHECK = '{otherKind, select, kcv {key check value {otherValue}} other {public-key SHA-256 {otherValue}}}';
const ONE_SPLIT = 'Gather shares of one split only.';
/** Who handed a share over, after their name: not its recorded custodian, the operator, a witness (presenters.ts). */
const WHO_PRESENTED =
  '{notCustodian, select, yes {{role, select, operator {, this ceremony’s operator, who is not its recorded custodian} witness {, a witness of this ceremony, who is not its recorded custodian} other {, who is not its recorded custodian}}} other {{role, select, operator {, its custodian, who is also this ceremony’s operator} witness {, its custodian, who is also a witness of this ceremony} other {}}}}';

export const enCustody = {
  'problem.CUSTODY_MATERIAL_INVALID': `The {spec} key material cannot be split: {reason, select, length {it holds {size} bytes, not {bytes}.} publicKey {its recorded public key does not belong to its private key.} other {${NOT_THE_KEY}}}`,
  'problem.CUSTODY_MATERIAL_INVALID.next': 'Load the key material again with the right key spec.',
  'problem.CUSTODY_RESTORE_MISMATCH': `The shares did not rebuild the recorded key material: {reason, select, length {the rebuilt material is {size} bytes, not the {bytes} of {spec}.} kcv {the rebuilt key’s check value {actual} differs from the recorded {expected}.} fingerprint {the rebuilt key’s public-key SHA-256 {actual} differs from the recorded {expected}.} other {the rebuilt bytes do not form the key: ${NOT_THE_KEY}}}{odd, plural, =0 {} one { Share {oddSharesList} disagrees with the others.} other { Shares {oddSharesList} disagree with the others.}} At least one share is wrong though its checksum is intact.`,
  'problem.CUSTODY_RESTORE_MISMATCH.next':
    'Nothing was written. Check each share against its custodian’s printed slip, or use other custodians’ shares.',
  'problem.CUSTODY_SHARE_CORRUPTED': 'Share {index} is corrupted: its checksum does not match its contents.',
  'problem.CUSTODY_SHARE_CORRUPTED.next':
    'Ask the custodian of share {index} for an intact copy (the share file or the printed slip), or use another custodian’s share.',
  'problem.CUSTODY_SHARE_FOREIGN':
    'Share {index} (custodian {custodian}) {field, select, bundleKey {is a share of key "{found}", which the import-parameters bundle does not hold (it holds {heldList}).} ceremonyId {belongs to ceremony "{found}", not the expected "{expected}".} keyId {belongs to key "{found}", not the expected "{expected}".} other {belongs to key spec "{found}", not the expected "{expected}".}}',
  'problem.CUSTODY_SHARE_FOREIGN.next':
    '{field, select, bundleKey {Use the shares of the key the parameters were fetched for, or fetch parameters for this key.} other {Use only shares of this ceremony and key.}}',
  'problem.CUSTODY_SHARES_MIXED': `{reason, select, field {The shares are from different {field, select, ceremonyId {ceremonies} keyId {keys} other {key specs}}: share {first} has "{firstValue}", share {other} has "{otherValue}".} split {The shares are from different splits: share {first} is {firstM}-of-{firstN}, share {other} is {otherM}-of-{otherN}.} material {Shares {first} and {other} record different material (${FIRST_CHECK} vs ${OTHER_CHECK}, or a different length).} other {Shares {first} and {other} are not from the same split (they carry the same Shamir coordinate).}}`,
  'problem.CUSTODY_SHARES_MIXED.next': `{reason, select, field {Gather shares of one ceremony and key only.} other {${ONE_SPLIT}}}`,
  'problem.CUSTODY_SHARE_DUPLICATE': 'Share {index} was given more than once.',
  'problem.CUSTODY_SHARE_DUPLICATE.next':
    'Give each share once; bring a different custodian’s share instead of the second copy of share {index}.',
  'problem.CUSTODY_TOO_FEW_SHARES':
    '{given, plural, =0 {No shares were given.} one {# of the {needed} shares needed was given: {missing, plural, one {# more is needed} other {# more are needed}}.} other {# of the {needed} shares needed were given: {missing, plural, one {# more is needed} other {# more are needed}}.}}',
  'problem.CUSTODY_TOO_FEW_SHARES.next':
    '{given, plural, =0 {Gather the custodians and their shares.} other {Gather {missing, plural, one {# more custodian} other {# more custodians}} of this key with their shares.}}',
  'problem.CUSTODY_SHAMIR_INVALID':
    '{reason, select, parameters {Cannot split into {n} shares with threshold {m}: need 2 <= M <= N <= {max}.} empty {Cannot split an empty secret.} count {Combining needs between 2 and {max} shares; got {count}.} lengths {The shares have different or impossible lengths.} other {Two shares carry the same x-coordinate, or one carries zero.}}',
  'problem.CUSTODY_SHAMIR_INVALID.next': 'Check the custody parameters and the shares, then try again.',
  'problem.CUSTODY_SHARE_FILE_INVALID':
    'The share file {file} cannot be used: {reason, select, slip {it is the text of a printed slip, not a share file} backup {it is the custody backup, not a share} html {it is a page for printing (a slip or the backup), not a share file} notJson {it is not valid JSON} notObject {it is not a JSON object} notShare {it is not a Keyferry custody share} version {its format version {version} is not one this Keyferry reads} fields {{fieldCount, plural, one {its field {fieldsList} is invalid} other {its fields {fieldsList} are invalid}}} base64 {its share is not canonical base64} tooShort {its share is too short} other {it is not UTF-8 text}}.',
  'problem.CUSTODY_SHARE_FILE_INVALID.next':
    '{surface, select, app {{reason, select, slip {A slip’s lines are presented as a typed share (“Lines typed from the printed slip”); as a share file, give the share’s .json file.} backup {The backup is presented as the backup (“Custody backup”, “Present the backup”); as a share file, give each share’s .json file.} html {As a share file, give the share’s .json file beside it; a printed slip’s lines can be presented as a typed share instead (“Lines typed from the printed slip”).} other {Check that this is a Keyferry custody share file and that it was copied completely; otherwise type the share from its printed slip.}}} other {{reason, select, slip {A slip’s lines are presented as a typed share (on the command line --typed FILE, one file per slip; in the app “Lines typed from the printed slip”); as a share file, give the share’s .json file.} backup {The backup is presented as the backup (on the command line --backup FILE, or left beside the first share file; in the app the backup step); as a share file, give each share’s .json file.} html {As a share file, give the share’s .json file beside it; a printed slip’s lines can be presented as a typed share instead (--typed FILE; in the app “Lines typed from the printed slip”).} other {Check that this is a Keyferry custody share file and that it was copied completely; otherwise type the share from its printed slip.}}}}',
  'problem.CUSTODY_SPLIT_REFUSED':
    '{reason, select, parameters {{m}-of-{n} custody is not allowed: it needs {min} <= M <= N <= {max}.} spec {The key material is {actual} but {spec} was requested.} ceremonyId {The ceremony id "{value}" is not valid.} keyId {The key id "{value}" is not valid.} other {The {n} shares need {n} custodians, one each; custodians named: {count}.}}',
  'problem.CUSTODY_SPLIT_REFUSED.next':
    '{reason, select, parameters {Choose M of at least 2 and N between M and 16.} spec {Give the key spec of the material being split.} ceremonyId {Use the ceremony’s own id: a ceremony id is 1-64 letters, digits, dots, underscores and dashes, starting with a letter or digit (e.g. KF-20261130-abcdef).} keyId {Use the KMS key id: a KMS key id is 36 characters: lower-case letters and digits in groups of 8-4-4-4-12 separated by dashes (e.g. 0d0466b0-e727-4d9c-b35d-f84bb474a37f).} other {{surface, select, app {Name exactly {n} custodians, one per share (“Add a custodian”).} other {Name exactly {n} custodians, one per share: repeat --custodian NAME once for each.}}}}',
  'problem.CUSTODY_SPLIT_UNVERIFIED': 'The shares just made did not rebuild the key material exactly.',
  'problem.CUSTODY_SPLIT_UNVERIFIED.next': 'Nothing was written. Try the split again; if it fails again, report it.',
  'problem.CUSTODY_DESTINATION_MISSING':
    'The destination for share {index} ({folder}) {found, select, parent {does not exist: the folder it would be in ({parent}) is there, but Keyferry does not create a custodian’s folder.} file {is a file, not a folder.} other {is not an existing folder, nor is the folder it would be in ({parent}): the custodian’s media may not be mounted.}} Nothing was written.',
  'problem.CUSTODY_DESTINATION_MISSING.next':
    '{found, select, parent {Create that folder on the custodian’s media (or give a folder there that exists), then run the step again.} file {Give a folder on the custodian’s media, not a file, then run the step again.} other {Insert the custodian’s media and give an existing folder on it, then run the step again.}}',
  'problem.CUSTODY_FILE_EXISTS': '{file} already exists; Keyferry never overwrites.',
  'problem.CUSTODY_FILE_EXISTS.next': 'Choose an empty folder, or move the old file away first.',
  'problem.CUSTODY_DESTINATIONS_COUNT': '{destinations} destinations were given for {shares} shares.',
  'problem.CUSTODY_DESTINATIONS_COUNT.next':
    'Give exactly one destination folder per share, each on a different custodian’s media.',
  'problem.CUSTODIAN_FOLDER_CHANGED':
    'The folder of custodian {index} ({folder}) is no longer as the preflight found it: {change, select, link {it is now a symbolic link, or lies under one, so the shares would land wherever it points} notEmpty {it now holds files (another medium there, or files put in)} otherVolume {another volume is there now (the stick taken out or no longer mounted, so the path lies on the disk below it; or sticks swapped, or plugged in another order)} notAFolder {a file is there now, not a folder} other {it, or the folder it lies in, is gone or does not read}}. No share was written.',
  'problem.CUSTODIAN_FOLDER_CHANGED.next':
    'Put back at that path the custodian’s medium the preflight checked, as it was, then {surface, select, app {split again (the refusal is journaled; the receipt lists it). If that medium cannot be put back, leave the ceremony (Setup, then “Abandon the ceremony and leave”): no share was written, and a new session checks new folders} other {run the same command again (this run has stopped and wiped the material; the refusal is journaled)}}. If nobody here changed the media, stop and tell the operator and the witnesses.',
  'problem.CUSTODY_SAME_VOLUME':
    'The destinations for shares {first} and {second} ({firstFolder} and {secondFolder}) are on the same volume: one lost or copied drive would carry two shares.',
  'problem.CUSTODY_SAME_VOLUME.next':
    '{surface, select, app {Give each custodian’s share its own removable media: choose their folders so, then check the folders again (custodian folders on one volume are accepted only in a rehearsal with test material).} other {Give each custodian’s share its own removable media (for a rehearsal with test material only: custody split --shares-on-one-volume).}}',
  'problem.CUSTODY_SAME_FOLDER':
    'The folders for shares {first} and {second} are the same folder ({folder}{also, select, none {} other {, also given as {also}}}), given twice: each share goes in a folder of its own, on its custodian’s own media. No share was written.',
  'problem.CUSTODY_SAME_FOLDER.next':
    'Give each custodian’s share a different folder, on that custodian’s own removable media, then run the step again.',
  'problem.CUSTODY_FOLDER_INSIDE_OTHER':
    'The folder of custodian {second} ({secondCustodian}), {secondFolder}, lies inside the folder of custodian {first} ({firstCustodian}), {firstFolder}: the media of custodian {first} ({firstCustodian}) would carry both shares. Nothing was read or written.',
  'problem.CUSTODY_FOLDER_INSIDE_OTHER.next':
    'Give each custodian’s share a folder of its own, not one inside another, on that custodian’s own removable media, then run the step again.',
  'problem.CUSTODY_SPLIT_NO_ROOM':
    'The folder of custodian {index} ({custodian}), {folder}, is on a volume with {freeKiB} KiB free, but about {neededKiB} KiB will be written {sharedWith, plural, =0 {there} one {on it, into this folder and the one other custodian folder given on that volume ({othersList})} other {on it, into this folder and the # other custodian folders given on that volume ({othersList})}}{bigBlocks, select, yes { (the volume allocates {blockKiB} KiB at least to each file and folder)} other {}}: the share, its slip and the backup file with its printout. Nothing was read or written.',
  'problem.CUSTODY_SPLIT_NO_ROOM.next':
    'Free space on that custodian’s media or give a folder on larger media (--out), then run custody split again.',
  'problem.CUSTODY_SHARES_WRITE_FAILED':
    '{at, select, custodian {On the medium of custodian {atIndex} ({atCustodian}), folder {atFolder}: } other {}}{reason, select, refused {{cause}} other {Writing the shares failed.}}{removed, plural, =0 {} one { The # file this split had already written was removed again.} other { The # files this split had already written were removed again.}}{left, plural, =0 {} other { Could not remove {leftoversList}: delete by hand, that split is incomplete.}}{moved, plural, =0 {} other { Not where they were written (the folder was moved, renamed, replaced or deleted while Keyferry wrote into it, or its media was removed): {movedList}. Find them wherever that folder is now and delete them before anyone takes them away as a share.}}',
  'problem.CUSTODY_SHARES_WRITE_FAILED.next':
    '{command, select, wrap {{surface, select, app {Fix the media, then run the wrap steps again in this ceremony, with the same journal (the same “Ceremony folder”): they make fresh material and a fresh custody set (never keep a share of this attempt).} other {Fix the media, then run the same keyferry airgap wrap command again with the same journal: it makes fresh material and a fresh custody set (never keep a share of this attempt).}}} other {Fix the media, then run the split again (it makes fresh shares; never mix shares of two splits).}}',
  'cli.custody.restore.default-title': 'Custody restore ceremony',
  'cli.custody.restore.parameters':
    'Import parameters of ceremony {ceremonyId} for {count, plural, one {key} other {keys}} {keys}',
  'cli.custody.restore.expiry': 'Requested material expiry: {expiry} (the online import uses it).',
  'cli.custody.restore.expiry-of-key':
    'Requested material expiry of key {keyId}: {expiry} (the online import uses it).',
  'cli.custody.restore.expiry-overridden':
    'WARNING: the restored bundle requests the AES material expiry {requested} for {count, plural, one {# key} other {# keys}} ({keyIds}), not the ceremony plan’s {planned} (carried in the import-parameters bundle). Journaled as an override: the restore receipt lists it, and the online import names it again. To request each key’s own planned expiry, give --expires original.',
  'cli.custody.restore.refusal-journaled':
    'The refused attempt is recorded in the journal {journal} (ceremony.abandoned), so whoever reads the journal later sees it.',
  'cli.custody.restore.refusal-not-journaled': 'The refusal could not be recorded in the journal {journal}: {problem}',
  'cli.custody.restore.refusal-not-journaled-unfinished':
    'The refusal was not recorded in the journal {journal}: its session {session} did not finish, and recording it would first close that session and withdraw what it wrote. That is done when a restore or a wrap starts on that journal, after its own checks; nothing was written or removed now.',
  'cli.custody.restore.no-plaintext': 'No plaintext was written. {hint}',
  'cli.custody.prove.rebuilt':
    'Rebuilt {spec} key material of key {keyId} (ceremony {ceremonyId}) from {count} of {n} shares ({m} needed):',
  'cli.custody.prove.share': '  share {index} of {n}, custodian {custodian}',
  'cli.custody.prove.proof':
    'Proof: the rebuilt material’s {kind, select, kcv {key check value} other {public-key SHA-256}} {value} matches the value recorded in every share.',
  'cli.custody.prove.nothing-written':
    'No plaintext file was written (give --out FILE to hand the material to an HSM, or --bundle DIR to wrap it for a re-import).',
  'cli.custody.prove.written':
    'Wrote {file} ({size} bytes, {kept, select, yes {mode 0600} other {mode {mode}: the volume keeps no file permissions}}): {form, select, aes {the raw 32-byte AES key} other {the private key as PKCS#8 DER}}.',
  'cli.custody.plaintext-warning':
    'WARNING: {count, plural, one {this file holds} other {these # files hold}} plaintext key material, recorded in no journal and seen by no witness:',
  'cli.custody.plaintext-file': '  {file}',
  'cli.custody.plaintext-permissions':
    'The volume holding {count, plural, one {this file} other {these files}} keeps no file permissions (as FAT32 and exFAT media do): {count, plural, one {it is} other {they are}} readable by every account of this computer (mode {mode}), not only by yours, and by any computer the medium is plugged into. Keep the medium in your hands until the HSM holds the material.',
  'cli.custody.plaintext-next':
    '{networked, select, yes {{count, plural, one {It was} other {They were}} just written on this networked machine, as --allow-network allowed: fit only for a rehearsal with test material. Never copy {count, plural, one {it} other {them}} elsewhere or import {count, plural, one {it} other {them}} where real data depends on {count, plural, one {it} other {them}}; when the rehearsal is done, delete {count, plural, one {the file} other {the files}} and wipe the media {count, plural, one {it was} other {they were}} on.} other {Keep {count, plural, one {it} other {them}} offline: never on a networked machine, in a synchronised folder or on media others can reach. Hand {count, plural, one {it} other {them}} to the HSM at once, then destroy every copy: delete {count, plural, one {the file} other {the files}} and wipe or destroy the media {count, plural, one {it was} other {they were}} on.}}',
  'cli.custody.restore.share-read-from':
    'Share {index} was read from {count, plural, one {the file {filesList}} other {the files {filesList}}}.',
  'cli.custody.restore.share-presented':
    '  share {index} of {total} (custodian {custodian}) presented by {presentedBy} from {source, select, file {{file}} other {typed slip {file}}}',
  'cli.custody.restore.rebuilt':
    'Rebuilt {spec} key material of key {keyId} from shares {shares} of {total} ({threshold} needed).',
  'problem.CUSTODY_PRESENTER_SEVERAL_SHARES':
    '{where, select, cli {{presentedBy} would hand over {count} shares (shares {sharesList}).} other {{presentedBy} would then have handed over {count} shares (shares {sharesList}).}} M-of-N custody means M different people each hand over their own share: one person who hands over several could rebuild the key material alone. {where, select, cli {Nothing was presented or rebuilt.} other {This share was not accepted and nothing was rebuilt.}}',
  'problem.CUSTODY_PRESENTER_SEVERAL_SHARES.next':
    '{where, select, cli {Have each share handed over by its own custodian (or one person per share) and name them with --presented-by INDEX=NAME. If one person must carry several shares, the operator can allow it with --one-person-several-shares "REASON": journaled as an override and printed on the receipt.} other {Have this share handed over by its own custodian (or another person who has handed over none). If one person must carry several shares, the operator can allow it by giving the reason under "Why one person hands over several shares": journaled as an override and printed on the receipt.}}',
  'problem.CUSTODY_PRESENTER_REASON_INVALID':
    'The reason for one person to hand over several shares must be one line of 1 to {max} characters, with no control characters.',
  'problem.CUSTODY_PRESENTER_REASON_INVALID.next':
    '{where, select, cli {Say in a few words why, e.g. --one-person-several-shares "Alice is abroad; Carol carries her share under the board’s letter".} other {Say in a few words why, e.g. "Alice is abroad; Carol carries her share under the board’s letter".}}',
  'cli.custody.restore.several-shares-allowed':
    'WARNING: {presentedBy} hands over {count} shares (shares {sharesList}): fewer different people take part in this restore than M-of-N custody asks for. Allowed by --one-person-several-shares with the reason "{reason}"; journaled as an override, and the restore receipt lists it.',
  'cli.custody.restore.presenter-flagged': `WARNING: share {index} (custodian {custodian}) is handed over by {presentedBy}${WHO_PRESENTED}. Journaled as an override: the restore receipt lists it. M-of-N custody counts on each custodian bringing their own share, apart from the people who run and check the ceremony: make sure this handover was agreed.`,
  'restore.presenter-flagged': `Warning: share {index} (custodian {custodian}) was handed over by {presentedBy}${WHO_PRESENTED}. Journaled as an override: the receipt lists it. M-of-N custody counts on each custodian bringing their own share: make sure this handover was agreed.`,
  'restore.several-shares-allowed':
    'Warning: {presentedBy} has handed over {count} shares (shares {sharesList}), allowed for the reason given. Journaled as an override: the receipt lists it.',
  'journal.reason.presenter-flagged': `Share {index} (custodian {custodian}) was handed over by {presentedBy}${WHO_PRESENTED}.`,
  'journal.reason.presenter-several-shares':
    '{presentedBy} handed over shares {sharesList}: one person brought more than one share, which the operator allowed with the reason "{reason}".',
} as const;
