/**
 * English texts of the HSM (PKCS#11) material source: problems, capability results and progress.
 * Spread into en.ts; zh-CN twin in ../zh-CN/hsm.ts. Mechanism names, CKR_ codes, labels and serial
 * numbers are values, never translated.
 */
export const enHsm = {
  'hsm.info.module': 'Module        {path}',
  'hsm.info.library': '              {manufacturer}, {description} {version} (PKCS#11 {cryptoki})',
  'hsm.info.noToken': 'No slot holds a token. Connect the HSM or insert the token, then run this again.',
  'hsm.info.slot': 'Slot {slot}  {description}',
  'hsm.info.uninitialized': '  token not initialized (initialize it with the vendor’s tools before a ceremony)',
  'hsm.info.label': '  label         {value}',
  'hsm.info.manufacturer': '  manufacturer  {value}',
  'hsm.info.model': '  model         {value}',
  'hsm.info.serial': '  serial        {value}',
  'hsm.info.firmware': '  firmware      {firmware}  (hardware {hardware})',
  'hsm.info.pin':
    '  user PIN      {state, select, ok {set} locked {LOCKED} finalTry {final try before it locks} countLow {wrong PIN entered recently} other {not set}}',
  'hsm.info.mechanisms': '  mechanisms    {count} in all; those a ceremony uses:',
  'hsm.info.mechanism': '    {name} {present, select, yes {yes{range}} other {missing}}',
  'hsm.info.keySizes': '  (key sizes {min}-{max})',

  'hsm.cli.token': 'HSM token "{label}": {manufacturer} {model}, serial {serial}, firmware {firmware}',
  'hsm.cli.capability': '  {spec}: can be done in the HSM with {mechanisms}',
  'hsm.cli.material':
    '{source, select, hsm {Material of key {keyId} ({spec}) is in the HSM as "{label}"} other {Material of key {keyId} ({spec})}}: {check}',
  'hsm.pin.prompt': 'User PIN of HSM token "{token}": ',
  'problem.HSM_OPTION_NEEDS_MODULE': 'The HSM options need --hsm-module.',
  'problem.HSM_OPTION_NEEDS_MODULE.next': 'Give --hsm-module FILE (keyferry hsm info shows what a module offers).',
  'problem.HSM_OPTION_NEEDS_TOKEN': '--hsm-module needs --hsm-token.',
  'problem.HSM_OPTION_NEEDS_TOKEN.next': 'Name the token by its label or serial number (keyferry hsm info lists them).',
  'problem.HSM_KEY_LABEL_NEEDS_KEY_ID':
    'The bundle holds {count} keys: a --hsm-key-label without KEYID= cannot say which.',
  'problem.HSM_KEY_LABEL_NEEDS_KEY_ID.next': 'Repeat --hsm-key-label KEYID=LABEL for each key.',
  'problem.HSM_KEY_NOT_PRODUCED': 'Key {keyId} has no material in the HSM yet.',
  'problem.HSM_KEY_NOT_PRODUCED.next': 'Generate or choose the material in the HSM first, then wrap.',
  'problem.HSM_TRIAL_WRAP_SHORTER_THAN_KMS_ACCEPTS':
    'Token "{token}" cannot do {spec} for the KMS: a trial {spec} private key, wrapped as the ceremony would wrap it, came to {chars} base64 characters, and the KMS accepts encrypted_privatekey only from 200 (the token’s PKCS#8 leaves out the optional public key). Nothing was generated in the token.',
  'problem.HSM_TRIAL_WRAP_SHORTER_THAN_KMS_ACCEPTS.next':
    'Use an HSM whose PKCS#8 export includes the public key, or generate this key in software (without the HSM options).',
  'problem.HSM_WRAP_SHORTER_THAN_KMS_ACCEPTS':
    'The HSM wrapped the {spec} private key of key {keyId} into {chars} base64 characters; the KMS accepts encrypted_privatekey only from 200 characters (its PKCS#8 leaves out the optional public key). No wrapped bundle was written.',
  'problem.HSM_WRAP_SHORTER_THAN_KMS_ACCEPTS.next':
    'Use an HSM whose PKCS#8 export includes the public key, or generate this key in software.',
  'problem.HSM_SOURCE_CHOSEN':
    'This ceremony takes its material from the HSM; material cannot also be loaded from a file.',
  'problem.HSM_SOURCE_CHOSEN.next': 'Start a separate ceremony for keys whose material comes from files.',
  'problem.HSM_CUSTODY_IS_TOKEN':
    'Shamir custody shares are refused for HSM material: it never leaves the HSM in plaintext, so it cannot be split. The token {token} keeps it as labelled token objects; that is its custody copy.',
  'problem.HSM_CUSTODY_IS_TOKEN.next':
    '{surface, select, app {Leave out custody shares: check the folders again (“Check the folders”) without custody shares, with “The material will come from an HSM (PKCS#11): its token keeps it, so no custody shares and no backup question” ticked; material this ceremony already made in the token, from an earlier wrap, is used again with “Use keys already in the token”. Back the token up with the HSM vendor’s own backup or cloning procedure if your policy needs a second copy.} other {Leave out custody shares (material this ceremony already made in the token, from an earlier wrap, is used again with --hsm-existing-keys on the command line, or “Use keys already in the token” in the app); back the token up with the HSM vendor’s own backup or cloning procedure if your policy needs a second copy.}}',
  'problem.HSM_MODULE_MISSING': 'There is no PKCS#11 module at {path}.',
  'problem.HSM_MODULE_MISSING.next':
    'Give the path of the HSM vendor’s PKCS#11 library, for example /usr/lib/softhsm/libsofthsm2.so.',
  'problem.HSM_MODULE_UNLOADABLE': '{path} could not be loaded as a PKCS#11 module: {detail}',
  'problem.HSM_MODULE_UNLOADABLE.next':
    'Check that this is the vendor’s PKCS#11 library for this operating system and processor.',
  'problem.HSM_MODULE_NOT_READY': 'The PKCS#11 module {module} did not start ({detail}).',
  'problem.HSM_MODULE_NOT_READY.next':
    'Check the module’s own service is running and this user may use it (openCryptoki: pkcsslotd running and the user in the pkcs11 group; SoftHSM: SOFTHSM2_CONF names a readable configuration).',
  'problem.HSM_NO_TOKEN':
    'The PKCS#11 module {module} shows no initialized token ({emptySlots, plural, =0 {no slots} one {# empty slot} other {# empty slots}}).',
  'problem.HSM_NO_TOKEN.next':
    '{surface, select, app {Connect the HSM or insert the token (initialize a new token with its own tools), then press “List the tokens” again and choose it.} other {Connect the HSM or insert the token (initialize a new token with its own tools), then run keyferry hsm info again.}}',
  'problem.HSM_TOKEN_GONE': 'The token went away during the operation ({ckr}).',
  'problem.HSM_TOKEN_GONE.next': 'Reconnect the HSM or token and start this step again.',
  'problem.HSM_TOKEN_NOT_FOUND': 'No token has the label or serial number "{wanted}". Tokens present: {tokensList}.',
  'problem.HSM_TOKEN_NOT_FOUND.next': 'Choose the token by one of these labels or serial numbers.',
  'problem.HSM_TOKEN_AMBIGUOUS': 'More than one token matches "{wanted}": {tokensList}.',
  'problem.HSM_TOKEN_AMBIGUOUS.next': 'Choose the token by its serial number, which is unique.',
  'problem.HSM_PIN_INCORRECT': 'Token "{token}" (serial {serial}) refused the user PIN ({ckr}).',
  'problem.HSM_PIN_INCORRECT.next':
    '{tries, select, locked {The token has now LOCKED the user PIN: have its security officer unlock or reset it, then start this step again.} final {The token says the NEXT wrong PIN LOCKS it: do not try again until you are sure of the PIN (a locked token keeps its keys out of reach until its security officer unlocks it).} low {The token says few tries are left before it locks the PIN: try again only when you are sure of the PIN.} other {Check the PIN and try again. The token locks the PIN after a few wrong tries, so stop if you are unsure.}}',
  'problem.HSM_PIN_LOCKED': 'The user PIN of token "{token}" (serial {serial}) is locked.',
  'problem.HSM_PIN_LOCKED.next':
    'Have the token’s security officer unlock or reset the user PIN, then start this step again.',
  'problem.HSM_PIN_NOT_SET': 'Token "{token}" (serial {serial}) has no user PIN yet.',
  'problem.HSM_PIN_NOT_SET.next': 'Have the token’s security officer set the user PIN, then start this step again.',
  'problem.HSM_PIN_PROMPT_UNAVAILABLE': 'Keyferry cannot ask for the HSM PIN: there is no terminal to type it in.',
  'problem.HSM_PIN_PROMPT_UNAVAILABLE.next': 'Put the PIN in an environment variable and name it with --hsm-pin-env.',
  'problem.HSM_PIN_INPUT_ENDED':
    'The input ended at the PIN prompt of HSM token "{token}" before a PIN was typed (Ctrl-D, or the terminal closed). The token was not opened and no material exists yet.',
  'problem.HSM_PIN_INPUT_ENDED.next':
    'Run the command again on a terminal and type the PIN when asked, or put the PIN in an environment variable and name it with --hsm-pin-env.',
  'problem.HSM_OPERATION_FAILED':
    'While {operation, select, module {starting the module} slots {listing the slots} token {reading the token} mechanisms {listing the mechanisms} session {opening a session} login {logging in} logout {closing the session} generate {generating a key} attributes {reading key attributes} find {searching the token for keys} import {importing the KMS wrapping key} wrap {wrapping a key} kcv {computing the key check value} trial {a trial wrap} destroy {destroying a temporary key} discard {destroying a token object of the stopped attempt} other {talking to the HSM}}, the HSM answered {ckr}.',
  'problem.HSM_OPERATION_FAILED.next':
    '{surface, select, app {Check the HSM is connected and healthy (press “List the tokens”: its token should be listed), then try the step again.} other {Check the HSM is connected and healthy (keyferry hsm info), then try the step again.}}',
  'problem.HSM_MECHANISM_REFUSED':
    'While {operation, select, module {starting the module} slots {listing the slots} token {reading the token} mechanisms {listing the mechanisms} session {opening a session} login {logging in} logout {closing the session} generate {generating a key} attributes {reading key attributes} find {searching the token for keys} import {importing the KMS wrapping key} wrap {wrapping a key} kcv {computing the key check value} trial {a trial wrap} destroy {destroying a temporary key} discard {destroying a token object of the stopped attempt} other {talking to the HSM}}, the HSM refused the mechanism or its parameters ({ckr}).',
  'problem.HSM_MECHANISM_REFUSED.next':
    '{surface, select, app {Press “List the tokens” and choose the token: its “Mechanisms a ceremony uses” show what it supports. Use a token that has it.} other {Run keyferry hsm info to see what the token supports, and use a token that has it.}}',
  'problem.HSM_KEY_WRAP_REFUSED': 'The HSM will not let this key out, not even wrapped ({ckr}).',
  'problem.HSM_KEY_WRAP_REFUSED.next':
    'Generate a new key for the import (its material must be wrappable), or choose another key.',
  'problem.HSM_ANSWER_INVALID': 'The HSM gave an answer Keyferry cannot accept: {detail}.',
  'problem.HSM_ANSWER_INVALID.next':
    '{surface, select, app {Check the HSM with its vendor tools, and press “List the tokens” to see what it reports.} other {Check the HSM with its vendor tools and keyferry hsm info.}}',
  'problem.HSM_WRAP_INVALID': 'The HSM produced a wrap of the wrong size: {detail}.',
  'problem.HSM_WRAP_INVALID.next': 'The PKCS#11 module may be faulty; check it with its vendor.',
  'problem.HSM_KEY_NOT_FOUND':
    'Token "{token}" has no {kind, select, secret {secret key} other {private key}} with {by, select, label {label "{key}"} other {CKA_ID {key}{idText, select, yes { (the text {keyText})} other {}}}}.',
  'problem.HSM_KEY_NOT_FOUND.next':
    '{surface, select, app {{by, select, label {Check the label with the HSM vendor’s tools (labels are case-sensitive)} other {Check with the HSM vendor’s tools that this is the token holding the material and that its object carries that CKA_ID (Keyferry gives the keys it generates the KMS key id), or name the object by its label: type it in its field “Token object label for key …” (under “Use keys already in the token”)}}, or let Keyferry generate the key in the HSM (“Generate new keys in the token”).} other {{by, select, label {Check the label with the HSM vendor’s tools (labels are case-sensitive)} other {Check with the HSM vendor’s tools that this is the token holding the material and that its object carries that CKA_ID (Keyferry gives the keys it generates the KMS key id), or name the object by its label (--hsm-key-label KEYID=LABEL)}}, or let Keyferry generate the key in the HSM.}}',
  'problem.HSM_KEY_AMBIGUOUS':
    'Token "{token}" has {count} keys with {by, select, label {label "{key}"} other {CKA_ID {key}{idText, select, yes { (the text {keyText})} other {}}}}: {objectsList}.',
  'problem.HSM_KEY_CHOSEN_TWICE':
    '{proof, select, object {The token key {object} in token "{token}" was chosen for two keys of this ceremony: {firstKeyId} and {keyId}.} other {The token keys {firstObject} and {object} in token "{token}", chosen for keys {firstKeyId} and {keyId} of this ceremony, hold the same material ({proof, select, spki {the same public key} block {the same result of encrypting a random block under each} other {the same key check value, which different material shares about once in 16 million pairs}}).}} The KMS would then hold the same material in both keys, each taken for a key of its own. Nothing was generated or wrapped.',
  'problem.HSM_KEY_CHOSEN_TWICE.next':
    '{where, select, app {Type for each key the label of a token object of its own material (under “Use keys already in the token”), then check the token again.} other {Give each key its own token key: one --hsm-key-label KEYID=LABEL per key, each LABEL naming an object of its own material; then run again.}} A replica group needs no label of its own: its keys take their primary’s material.',
  'problem.HSM_LABEL_TAKEN':
    'Token "{token}" already holds {count, plural, one {a key object} other {# key objects}} under the label Keyferry gives this ceremony’s material: {objectsList}. Generating would add more objects under the same label, and a later restore would find several and refuse (HSM_KEY_AMBIGUOUS). Nothing was generated.',
  'problem.HSM_LABEL_TAKEN.next':
    '{finishedSession, plural, =0 {They hold material made for this ceremony (by a wrap in another journal, or in another copy of this one), which may already be imported and may be its only copy: never delete them or give them another label.} other {They are the custody copy of the material this journal’s finished wrap of session {finishedSession} made, whose bundle may already be imported: never delete them or give them another label, or that material is lost for good.}} {where, select, app {Use that material instead (choose “Use keys already in the token”: a key whose label field is left empty is found by CKA_ID = the key id; or type each key’s token object label), then check the token again.} other {Use that material instead (--hsm-existing-keys finds it by CKA_ID = the key id, or --hsm-key-label KEYID=LABEL), then run again.}}',
  'problem.HSM_LEFT_OBJECT_UNPROVEN':
    'Token object "{label}" ({objectClass, select, CKO_SECRET_KEY {symmetric key} CKO_PRIVATE_KEY {private key} CKO_PUBLIC_KEY {public key} other {{objectClass}}}, CKA_ID {objectId}), left by a session that ended without stopping (named in journal entry {seq}), was NOT destroyed: {why, select, sameEvidence {more than one object under that label and CKA_ID shows the check value or public key that session journaled} other {an object under that label and CKA_ID shows no check value or public key to check against what that session journaled (an EC private key is checked by a signature, which needs its public key still in the token)}}, so Keyferry cannot tell that session’s object from one a finished session keeps as its custody copy.',
  'problem.HSM_LEFT_OBJECT_UNPROVEN.next':
    'Before deleting anything by hand, find with the HSM vendor’s tools which object that session made (its check value or public key is in its material.generated entry): the command journal entry {seq} prints deletes by label and CKA_ID, which a finished session’s object may also carry.',
  'problem.HSM_LEFT_OBJECT_STILL_UNPROVEN':
    'Token object "{label}" ({objectClass, select, CKO_SECRET_KEY {symmetric key} CKO_PRIVATE_KEY {private key} CKO_PUBLIC_KEY {public key} other {{objectClass}}}, CKA_ID {objectId}), left by a session that ended without stopping (named in journal entry {seq}), is still in the token and was again NOT destroyed: {why, select, sameEvidence {more than one object under that label and CKA_ID shows the check value or public key that session journaled} other {an object under that label and CKA_ID shows no check value or public key to check against what that session journaled (an EC private key is checked by a signature, which needs its public key still in the token)}}. Journal entry {firstSeq} first recorded it as left; it is not recorded as left again.',
  'problem.HSM_LEFT_OBJECT_STILL_UNPROVEN.next':
    'It stays until someone deletes it by hand: first find with the HSM vendor’s tools which object that session made (its check value or public key is in its material.generated entry), as the command journal entry {seq} prints deletes by label and CKA_ID, which a finished session’s object may also carry.',
  'problem.HSM_KEY_AMBIGUOUS.next':
    '{where, select, restore {Keyferry does not choose between them. Find which object holds the material this ceremony recorded (its key check value or public-key fingerprint equals the one the air-gapped journal recorded when it was generated; compare with the HSM vendor’s tools), then delete the others (pkcs11-tool … --login --delete-object --id … --label …) or give them another label with the vendor’s tools; then restore again.} app {Keyferry does not choose between them. Find which object holds the key you mean (compare its check value or public key with the HSM vendor’s tools), then delete the others (pkcs11-tool … --login --delete-object --id … --label …), or give that key a label no other object has and type that label in its field “Token object label for key …” (under “Use keys already in the token”); then check the token again.} other {Keyferry does not choose between them. Find which object holds the key you mean (compare its check value or public key with the HSM vendor’s tools), then delete the others (pkcs11-tool … --login --delete-object --id … --label …), or give that key a label no other object has and choose it by that label (--hsm-key-label KEYID=LABEL); then run again.}}',
  'problem.HSM_PUBLIC_KEY_NOT_FOUND':
    'Token "{token}" has no single public key with {by, select, label {label "{key}"} other {id {key}}} to go with the private key.',
  'problem.HSM_PUBLIC_KEY_NOT_FOUND.next':
    'Give the public key object the same label as the private key, then try again.',
  'problem.HSM_KEY_NOT_EXTRACTABLE':
    'The key with {by, select, label {label "{key}"} other {id {key}}} is not extractable (CKA_EXTRACTABLE false): the HSM will never let it out, not even wrapped, so it cannot be imported into the KMS.',
  'problem.HSM_KEY_NOT_EXTRACTABLE.next':
    'Use a key created extractable, or let Keyferry generate a new one in the HSM for this import.',
  'problem.HSM_KEY_WRONG_TYPE': 'The HSM key {key} is {found}, but the KMS key is {spec}.',
  'problem.HSM_KEY_WRONG_TYPE.next': 'Choose a {spec} key, or let Keyferry generate one in the HSM.',
  'problem.HSM_OAEP_HASH_UNSUPPORTED':
    'Token "{token}" cannot wrap with CKM_RSA_PKCS_OAEP for {algorithm} (the trial wrap answered {ckr}); it does OAEP only with {worksWith}.',
  'problem.HSM_OAEP_HASH_UNSUPPORTED.next':
    'Fetch new import parameters for the same keys with {worksWithAlgorithm} on the online side (online params can ask for it), if the KMS region offers it, and bring that bundle; or use a token that does OAEP for {algorithm}.',
  'problem.HSM_OAEP_UNSUPPORTED': 'Token "{token}" cannot wrap with CKM_RSA_PKCS_OAEP for {algorithm} ({detail}).',
  'problem.HSM_OAEP_UNSUPPORTED.next':
    'Use a token that supports CKM_RSA_PKCS_OAEP with this hash, or generate the material in software.',
  'problem.HSM_GENERATOR_MISSING':
    'Token "{token}" cannot generate keys for {spec}: {mechanism} is not in its mechanism list.',
  'problem.HSM_GENERATOR_MISSING.next': 'Use a token that has {mechanism}, or generate this key in software.',
  'problem.HSM_KEY_SIZE_UNSUPPORTED':
    'Token "{token}" generates keys of {min} to {max} bits with {mechanism}; {spec} needs {bits}.',
  'problem.HSM_KEY_SIZE_UNSUPPORTED.next': 'Use a token that generates {spec} keys, or generate this key in software.',
  'problem.HSM_KCV_UNAVAILABLE':
    'Token "{token}" can compute no AES key check value (neither CKA_CHECK_VALUE nor CKM_AES_ECB).',
  'problem.HSM_KCV_UNAVAILABLE.next': 'Use a token with CKM_AES_ECB, or generate the material in software.',
  'problem.HSM_AES_WRAP_MISSING':
    'Token "{token}" has no AES key wrap with padding that gives RFC 5649 output for {spec}: {listed, plural, =0 {neither CKM_AES_KEY_WRAP_KWP (0x210B) nor CKM_AES_KEY_WRAP_PAD (0x210A) is in its mechanism list} other {its trial wrap did not unwrap per RFC 5649}}.',
  'problem.HSM_AES_WRAP_MISSING.next':
    'Use a token with CKM_AES_KEY_WRAP_KWP (0x210B), or generate this key in software: the KMS needs the private key wrapped per RFC 5649.',
  'problem.HSM_WRAP_PAD_NOT_EXACT':
    'Token "{token}": {mechanism} is not RFC 5649-exact. It zero-fills to a multiple of 8 and records the filled length (a {sent}-byte trial key came back as {returned} bytes), so a private key whose PKCS#8 length is not a multiple of 8 would reach the KMS with up to 7 extra zero bytes, which the KMS may refuse.',
  'problem.HSM_WRAP_PAD_NOT_EXACT.next':
    '{surface, select, app {Use a token with CKM_AES_KEY_WRAP_KWP (0x210B) or an exact CKM_AES_KEY_WRAP_PAD, or generate this key in software. For a rehearsal only, tick “Rehearsal only: accept a token whose CKM_AES_KEY_WRAP_PAD zero-fills (SoftHSM 2.6); journaled as a deviation” and try again.} other {Use a token with CKM_AES_KEY_WRAP_KWP (0x210B) or an exact CKM_AES_KEY_WRAP_PAD, or generate this key in software. For a rehearsal only, --hsm-accept-zero-filled-pad accepts it (journaled as a deviation).}}',
  'hsm.restore.proven':
    'Proven: {count, plural, one {the token object holds} other {each of the # token objects holds}} the material the air-gapped journal recorded (same key check value or public-key SHA-256, computed in the HSM).',
  'hsm.cli.recalled': 'Key {keyId} ({spec}): token object "{label}" found, {check} equals journal entry {seq}',
  'problem.HSM_RESTORE_TOKEN_DIFFERS':
    'Token "{token}" has serial {found}, but the air-gapped journal recorded the material in the token with serial {recorded}.',
  'problem.HSM_RESTORE_TOKEN_DIFFERS.next':
    '{surface, select, app {Connect the token with serial {recorded}, press “List the tokens” (it shows each token’s serial) and choose it under “Token”.} other {Connect the token with serial {recorded} (keyferry hsm info lists serials) and choose it with --hsm-token.}}',
  'problem.HSM_RESTORE_OBJECT_MISSING':
    'The token (serial {serial}) has no object labelled "{label}", which journal entry {seq} recorded as the material of key {keyId}.',
  'problem.HSM_RESTORE_OBJECT_MISSING.next':
    'Check with the HSM vendor’s tools whether the object was deleted or renamed; if it is gone, the material cannot be restored from this token (restore the token from the vendor’s backup first).',
  'problem.HSM_RESTORE_OBJECT_DIFFERS':
    'The token object "{label}" is not the material of key {keyId} that journal entry {seq} recorded: its {check, select, kcv {key check value} other {public-key SHA-256}} is {found}, the journal recorded {recorded}.',
  'problem.HSM_RESTORE_OBJECT_DIFFERS.next':
    'Nothing was wrapped. Find out with the HSM vendor’s tools who replaced the object; only the recorded material can be imported again, since the KMS accepts only the same bytes.',
  'problem.HSM_RESTORE_NOT_RECORDED':
    'The journal {journal} records no HSM token object for key {keyId}, so there is nothing in an HSM to restore it from.',
  'problem.HSM_RESTORE_NOT_RECORDED.next':
    '{surface, select, app {Give the air-gapped journal of the ceremony that generated the key in the HSM (“Air-gapped journal that recorded the token objects”), or restore from custody shares if the material was split.} other {Give the air-gapped journal of the ceremony that generated the key in the HSM (--hsm-journal FILE), or restore from custody shares if the material was split.}}',
  'problem.HSM_RESTORE_SHARES_PRESENTED':
    'HSM material has no custody shares: it never left the HSM in plaintext, so it was never split, and shares cannot be combined with a restore from the token.',
  'problem.HSM_RESTORE_SHARES_PRESENTED.next':
    'Restore either from the token (the HSM options, no shares) or from shares (no HSM options), in a ceremony of its own.',
  'problem.HSM_RESTORE_JOURNAL_INVALID':
    'The air-gapped journal {file} cannot be trusted: line {line}: {reasonPhrase}.',
  'problem.HSM_RESTORE_JOURNAL_INVALID.next':
    '{surface, select, app {Use the journal as the air-gapped ceremony wrote it, not a copy that was changed, and give it in “Air-gapped journal that recorded the token objects”.} other {Use the journal as the air-gapped ceremony wrote it (keyferry journal verify checks it), not a copy that was changed.}}',
  'problem.HSM_RESTORE_NEEDS_BUNDLE':
    'A restore from the HSM is a restore ceremony: it re-wraps the token object for a fresh import-parameters bundle.',
  'problem.HSM_RESTORE_NEEDS_BUNDLE.next':
    'Give --bundle PARAMS_DIR with --wrapped-out, --journal, --operator and --witness (keyferry custody restore --help).',
} as const;
