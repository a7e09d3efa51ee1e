/**
 * Transfer bundles (import-parameters and wrapped-material folders): why one is refused when it is
 * read, and why writing one failed. File names, key ids, hex and codes are values.
 */
const REFUSED =
  'Do not use this bundle. Write it again on the machine that made it, into a fresh folder, and check its digest.';
const FETCH_AGAIN = 'Fetch new parameters on the online workstation and write a new import-parameters bundle.';
const RECONNECT = 'Reconnect the media and read the bundle again.';
/** A file missing, cut short or changed: most often a copy that did not finish, so the first way on is a whole copy. */
const COPY_AGAIN =
  'Do not use this copy. Copy the bundle again, whole, from the media or the machine that wrote it, and check its digest. Only if no whole copy is left, write it again there into a fresh folder (for an import-parameters bundle: online params again, whose new import tokens replace these).';

export const enBundle = {
  'problem.BUNDLE_DUPLICATE_KEY': 'The manifest lists key {keyId} more than once.',
  'problem.BUNDLE_DUPLICATE_KEY.next': REFUSED,
  'problem.BUNDLE_REPLICA_INVALID':
    '{reason, select, version {The manifest format version does not match its contents: version 6 is for import parameters naming the ceremony’s air-gapped journal (ceremony.airGapJournal), version 5 for import parameters naming the ceremony’s people (ceremony.people), version 4 for import parameters whose keys carry their own material expiry (materialExpiry), version 3 for import parameters carrying the material a key is bound to (boundMaterial), version 2 for bundles with replica groups (keys with replicaOf), version 1 for bundles with neither.} unknownPrimary {Key {keyId} is a replica of {primary}, which is not another key of this bundle.} chained {Key {keyId} is a replica of {primary}, which is itself a replica.} specDiffers {Key {keyId} is a replica of {primary} but has another key spec.} usageDiffers {Key {keyId} is a replica of {primary} but has another key usage.} sameTarget {Key {keyId} is a replica of {primary} in a region and project where its group already has a key.} membersDiffer {Keys {keyId} and {primary} are replicas of one group, whose primary is not in this bundle, but their public-key fingerprints or key check values differ: a replica group holds one material.} other {Key {keyId} is a replica of {primary} but its public-key fingerprint or key check value differs: a replica group holds one material.}}',
  'problem.BUNDLE_REPLICA_INVALID.next': REFUSED,
  'problem.BUNDLE_DUPLICATE_FILE': 'The manifest lists the file {file} more than once.',
  'problem.BUNDLE_DUPLICATE_FILE.next': REFUSED,
  'problem.BUNDLE_MANIFEST_LISTS_ITSELF': 'The manifest lists itself ({file}) as a file.',
  'problem.BUNDLE_MANIFEST_LISTS_ITSELF.next': REFUSED,
  'problem.BUNDLE_LAYOUT_MISMATCH':
    '{listing, select, missing {The manifest does not list {file}, which its keys need.} other {The manifest lists {file}, which does not belong to any of its keys.}}',
  'problem.BUNDLE_LAYOUT_MISMATCH.next': REFUSED,
  'problem.BUNDLE_FILE_MISSING':
    '{where, select, unread {{file} could not be read.} absent {The bundle has no {file}.} other {{count, plural, one {{file} is listed in the manifest but missing from the bundle folder.} other {# files listed in the manifest are missing from the bundle folder: {filesList}{more, plural, =0 {} other { and # more}}.}}}}',
  'problem.BUNDLE_FILE_MISSING.next': COPY_AGAIN,
  'problem.BUNDLE_UNEXPECTED_FILE':
    '{entry, select, folder {The folder {name} is in the bundle but not in its manifest.} deep {The bundle holds a folder nested too deep: {name}.} undecodable {The bundle holds an entry whose name is not valid text (UTF-8), shown here as {name}: no manifest names it, and Keyferry never writes such a name.} other {{name} is in the bundle folder but not in its manifest.}}',
  // Most often something copied in beside a whole bundle (another bundle's file): a clean copy, not a new bundle (a trial).
  'problem.BUNDLE_UNEXPECTED_FILE.next':
    'Do not use this folder as it is: something was copied into it (a file of another bundle, for one). Copy the bundle again, whole, into a new empty folder from the media or the machine that wrote it, and check its digest. Only if no whole copy is left, write it again there into a fresh folder (for an import-parameters bundle: online params again, whose new import tokens replace these).',
  'problem.BUNDLE_FILE_TOO_LARGE': '{file} is larger than the {limit}-byte limit for bundle files.',
  'problem.BUNDLE_FILE_TOO_LARGE.next': REFUSED,
  'problem.BUNDLE_SIZE_MISMATCH':
    '{file} is {size} bytes but the manifest says {expected}: it was changed or cut short.',
  'problem.BUNDLE_SIZE_MISMATCH.next': COPY_AGAIN,
  'problem.BUNDLE_TOO_LARGE': 'The bundle holds {total} bytes, more than the {limit}-byte limit.',
  'problem.BUNDLE_TOO_LARGE.next': REFUSED,
  'problem.BUNDLE_TOO_MANY_FILES': 'The bundle folder {dir} holds more than {limit} entries.',
  'problem.BUNDLE_TOO_MANY_FILES.next': REFUSED,
  'problem.BUNDLE_HASH_MISMATCH': '{file} does not match its SHA-256 in the manifest: it was changed or damaged.',
  'problem.BUNDLE_HASH_MISMATCH.next': COPY_AGAIN,
  'problem.BUNDLE_SYMLINK':
    '{where, select, folder {{name} is a symbolic link, not a bundle folder.} raced {{name} became a symbolic link while the bundle was read.} other {The bundle contains a symbolic link, {name}; bundles never hold links.}}',
  'problem.BUNDLE_SYMLINK.next': `{where, select, folder {Open the bundle folder itself.} other {${REFUSED}}}`,
  'problem.BUNDLE_SPECIAL_FILE':
    '{kind, select, fifo {The bundle contains a named pipe (FIFO), {name}; bundles hold only regular files.} socket {The bundle contains a socket, {name}; bundles hold only regular files.} device {The bundle contains a device file, {name}; bundles hold only regular files.} special {The bundle contains a special file, {name}; bundles hold only regular files.} other {{name} is not a regular file.}}',
  'problem.BUNDLE_SPECIAL_FILE.next': REFUSED,
  'problem.BUNDLE_UNREADABLE':
    '{cause, select, denied {{action, select, list {This account is not allowed to look inside {name} ({errno}).} other {This account is not allowed to read {name} ({errno}).}}} other {{action, select, open {Could not open {name} ({errno}): the media may have been removed.} read {Could not read {name} ({errno}): the media may have been removed.} look {Could not look at {name} ({errno}): the media may have been removed.} other {Could not list {name} ({errno}).}}}}',
  'problem.BUNDLE_UNREADABLE.next': `{cause, select, denied {Give this account read access to the bundle folder and every file in it (or mount the media readable for it), then read the bundle again.} other {${RECONNECT}}}`,
  'problem.BUNDLE_CHANGED_WHILE_READING': '{file} was replaced while the bundle was read.',
  'problem.BUNDLE_CHANGED_WHILE_READING.next': 'Make sure nothing else is writing to the media, then read it again.',
  'problem.BUNDLE_FOLDER_MISSING':
    'There is no {dir}: {parent, select, yes {the folder it would be in exists, so the name is probably mistyped (or the bundle was moved)} other {neither it nor the folder it would be in exists (a mistyped path, or the media not mounted there)}}.',
  'problem.BUNDLE_FOLDER_MISSING.next':
    'Check the path: the bundle’s folder as this workstation mounts the media (ls the media folder to see the bundles on it); if the media was removed, reconnect it. Then run again.',
  'problem.BUNDLE_NOT_A_FOLDER': '{dir} is not a folder.',
  'problem.BUNDLE_NOT_A_FOLDER.next': 'Pick the bundle folder (the one holding manifest.json).',
  'problem.BUNDLE_UNSAFE_PATH': 'The manifest lists the file name {name}, which could point outside the bundle folder.',
  'problem.BUNDLE_UNSAFE_PATH.next': REFUSED,
  'problem.BUNDLE_MANIFEST_MISSING': '{dir} has no {file}: it is not a bundle, or writing it never finished.',
  'problem.BUNDLE_MANIFEST_MISSING.next':
    'Pick the bundle folder itself, or write the bundle again into a fresh folder.',
  'problem.BUNDLE_MANIFEST_INVALID':
    '{reason, select, notJson {{file} is not valid JSON: it was damaged, edited or cut short while being written.} notObject {{file} is not a JSON object.} formatVersion {{file} gives a format version that is not a whole number any Keyferry writes: it was damaged or changed.} spec {Key {keyId} ({keySpec}) {problem, select, kcvOnAsymmetric {has a key check value, which only symmetric keys have} noFingerprint {has no public key fingerprint} expiryOnAsymmetric {asks for an expiry, but imported asymmetric material never expires} noKcv {has no key check value} other {has a public key fingerprint, which only asymmetric keys have}}.} other {{file} does not match the {format} format: {fieldCount, plural, one {its field {fieldsList} is invalid} other {its fields {fieldsList} are invalid}}.}}',
  'problem.BUNDLE_MANIFEST_INVALID.next': REFUSED,
  'problem.BUNDLE_UNKNOWN_FORMAT': '{file} has format {format}, which is not a Keyferry bundle (expected {expected}).',
  'problem.BUNDLE_UNKNOWN_FORMAT.next': 'Check that you picked a Keyferry bundle folder.',
  'problem.BUNDLE_UNSUPPORTED_VERSION':
    'The bundle has format version {version}; this Keyferry reads {format} version {supportedList} only.',
  'problem.BUNDLE_UNSUPPORTED_VERSION.next':
    'Use the same Keyferry version on both machines, or write the bundle again with this version.',
  'problem.BUNDLE_MANIFEST_NOT_CANONICAL':
    '{file} is not byte for byte what Keyferry writes: it was edited or re-formatted after writing.',
  'problem.BUNDLE_MANIFEST_NOT_CANONICAL.next': REFUSED,
  'problem.BUNDLE_MANIFEST_CHECKSUM_MISMATCH':
    '{file} does not match its own checksum: it was edited or damaged after writing.',
  'problem.BUNDLE_MANIFEST_CHECKSUM_MISMATCH.next': REFUSED,
  'problem.BUNDLE_TOKEN_KEY_MISMATCH':
    'The import token filed under key {keyId} was issued for key {tokenKeyId}; the KMS would refuse it.',
  'problem.BUNDLE_TOKEN_KEY_MISMATCH.next': FETCH_AGAIN,
  'problem.BUNDLE_TOKEN_HASH_MISMATCH': 'The import token of key {keyId} does not match its SHA-256 in the manifest.',
  'problem.BUNDLE_TOKEN_HASH_MISMATCH.next': REFUSED,
  'problem.BUNDLE_TOKEN_FILE_MISMATCH': '{file} differs from the import token in the manifest.',
  'problem.BUNDLE_TOKEN_FILE_MISMATCH.next': REFUSED,
  'problem.BUNDLE_TOKEN_EXPIRY_DISAGREES':
    'The token expiry of key {keyId} is given as {expiresAt} and as {expirationTime} seconds, which disagree.',
  'problem.BUNDLE_TOKEN_EXPIRY_DISAGREES.next': REFUSED,
  'problem.BUNDLE_TOKEN_EXPIRED':
    'The import token of key {keyId} expired at {expiresAt, date, moment} ({minutes} minutes ago {tokensClock, select, journal {by the KMS’s clock, as the import tokens it issued for parameters this journal read since show} other {by this machine’s clock}}); the KMS would refuse it{newerBundle, select, valid {: nothing is to be wrapped from this bundle.} other {, so fetch new parameters.}}',
  'problem.BUNDLE_TOKEN_EXPIRED.next': `{newerBundle, select, valid {This journal read a newer import-parameters bundle at entry {newerSeq}, from {newerSource}, and a witness confirmed its digest; its import tokens are valid until {newerUntil, date, moment}. Use that bundle instead of this one; if it was wrapped already, the wrapped-material bundle made from it is the one to take to the online workstation. Only if it is lost, or its tokens run out first, fetch new parameters on the online workstation and write a new import-parameters bundle.} other {${FETCH_AGAIN}}}`,
  'problem.BUNDLE_DUPLICATE_TOKEN': 'Key {keyId} carries the same import token as another key in the bundle.',
  'problem.BUNDLE_DUPLICATE_TOKEN.next': FETCH_AGAIN,
  'problem.BUNDLE_PUBLIC_KEY_MISMATCH':
    '{kind, select, bin {{file} is not the base64-decoded {source}.} other {{file} differs from the wrapping key in the manifest.}}',
  'problem.BUNDLE_PUBLIC_KEY_MISMATCH.next': REFUSED,
  'problem.BUNDLE_WRAPPING_KEY_INVALID':
    '{problem, select, notDer {The wrapping key of key {keyId} is not DER (SubjectPublicKeyInfo).} nonCanonical {The wrapping key of key {keyId} has extra or non-canonical bytes around the public key.} other {The wrapping key of key {keyId} is refused: {cause}}}',
  'problem.BUNDLE_WRAPPING_KEY_INVALID.next': FETCH_AGAIN,
  'problem.BUNDLE_FINGERPRINT_MISMATCH':
    '{key, select, wrapping {The wrapping key of key {keyId} has fingerprint {actual}, not {expected} as the manifest says.} other {The public key of key {keyId} does not match its fingerprint in the manifest.}}',
  'problem.BUNDLE_FINGERPRINT_MISMATCH.next': REFUSED,
  'problem.BUNDLE_PUBLIC_KEY_INVALID':
    '{problem, select, notDer {The public key of key {keyId} is not a DER public key.} other {The public key of key {keyId} is not a {keySpec} public key.}}',
  'problem.BUNDLE_PUBLIC_KEY_INVALID.next': REFUSED,
  'problem.BUNDLE_CIPHERTEXT_INVALID':
    '{kind, select, rsa {{file} of key {keyId} is {size} bytes; an RSA-OAEP ciphertext is 256, 384 or 512.} other {{file} of key {keyId} is {size} bytes, not an AES key-wrap output.}}',
  'problem.BUNDLE_CIPHERTEXT_INVALID.next': REFUSED,
  'problem.BUNDLE_WRITE_FAILED':
    'Writing the bundle to {dir} failed, so that folder is not a bundle: {errno, select, ENOSPC {the media is full.} EIO {the media reported an input/output error (was it removed?).} ENOENT {the folder no longer exists (was the media removed?).} EROFS {the media is read-only.} EACCES {permission was denied.} EPERM {permission was denied.} refused {{cause}} other {an unexpected file-system error occurred ({errno}).}}',
  'problem.BUNDLE_WRITE_FAILED.next':
    '{cleanup, select, removed {{removedFiles, plural, =0 {Nothing of this attempt is left there.} one {The # file this attempt had written there was removed again, with the folders it made: the place is as it was before.} other {The # files this attempt had written there were removed again, with the folders it made: the place is as it was before.}} {surface, select, app {{full, select, yes {Make room on the media, then press the write button (“Write the import-parameters bundle” or “Write the wrapped-material bundle”) again with the same folder} other {Once the media is back and writable, press the write button (“Write the import-parameters bundle” or “Write the wrapped-material bundle”) again with the same folder}}; an import-parameters bundle may go to a folder on other media instead.} other {{full, select, yes {Make room on the media and run the same command again with the same folder} other {Once the media is back and writable, run the same command again with the same folder}}, or run it with a folder on other media.}}} partial {Not all of what this attempt wrote there could be removed: delete {leftoversList} by hand, it is incomplete. {surface, select, app {Then write the bundle again (the same button); never use the failed folder.} other {Then run the same command again; never use the failed folder.}}} moved {Not all of what this attempt wrote is where it was written (the folder was moved, renamed, replaced or deleted while Keyferry wrote into it, or its media was removed): {leftoversList}. Those files are incomplete: wherever that folder is now (elsewhere on the media, or on the media taken out), delete them there; never use them. If nobody here did that, something on this workstation changed the medium: tell the operator and the witnesses before it is used again. {surface, select, app {Then write the bundle again (the same button), only on media nobody else touches.} other {Then run the same command again with a folder on media nobody else touches.}}} other {Retry into a fresh folder (use other media if it fails again); never use the failed folder.}}',
  'problem.BUNDLE_INPUT_INVALID':
    '{reason, select, consoleFiles {The parameters of key {keyId} came from console files; a bundle carries only parameters fetched from the KMS.} noToken {The parameters of key {keyId} have no import token with its expiry; fetch them with get-parameters-for-import.} wrappingKeyBase64 {The wrapping key of key {keyId} is not canonical base64.} privateKeyMissing {Key {keyId} is {keySpec} but its wrapped private key or public key is missing.} symmetricExtra {Key {keyId} is {keySpec} (symmetric) but comes with a private or public key.} tokenExpiry {The token expiry {value} is not a time in whole seconds since 1970.} notKeyId {"{value}" is not a key id (letters, digits and dashes, at most 64).} importToken {The import token is not valid: it is not canonical base64 of the length the KMS issues.} keyUnusable {The import parameters of key {keyId} are not usable: {fieldCount, plural, one {its field {fieldsList} is invalid} other {its fields {fieldsList} are invalid}}.} kmsAnswerRefused {{cause}} other {Cannot write this bundle: {cause}}}',
  'problem.BUNDLE_INPUT_INVALID.next': 'Nothing was written. Correct the ceremony input and write the bundle again.',
  'problem.BUNDLE_BOUND_MATERIAL_INVALID':
    '{reason, select, kind {Key {keyId} ({spec}) names bound material of the wrong kind: an AES key is bound by its key check value, an RSA or EC key by its public-key fingerprint.} other {Key {keyId} is a replica of {other} but is bound to other material than its primary: a replica group holds one material.}}',
  'problem.BUNDLE_BOUND_MATERIAL_INVALID.next': REFUSED,
  'problem.BUNDLE_DIGEST_NOT_SHOWN_OFFLINE':
    'This workstation has no network, as the air-gapped workstation has none, so the digest of this import-parameters bundle is not shown here. Every witness types that digest as read aloud from the online workstation: read off this screen, it would confirm whatever bundle the medium now holds, a changed one too.',
  'problem.BUNDLE_DIGEST_NOT_SHOWN_OFFLINE.next':
    'Check the bundle here with --expect-digest "…" as heard. On the online workstation (which has a network), keyferry online status prints the digest its journal recorded when the bundle was written: read that one aloud.',
  'bundle.abandoned.marker':
    'THIS IS NOT A BUNDLE TO IMPORT.\n\nThe air-gapped session that wrote this folder was abandoned at {at, date, utc}\nbefore this bundle became whole, so no valid receipt names it (any receipt written for it is voided).\nReason: {reason}\nJournal: {journal}\n\n{by, select, restore {Run the custody restore again on the air-gapped workstation into a fresh folder (with new\nparameters from "keyferry online params" if the import token expired), and import the bundle its receipt names.} other {Wrap again on the air-gapped workstation into a fresh folder (with new parameters from\n"keyferry online params" if the import token expired), and import the bundle its receipt names.}}',
} as const;
