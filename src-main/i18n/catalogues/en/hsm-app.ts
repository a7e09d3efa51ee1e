/**
 * English texts of the app's HSM (PKCS#11) material source: the air-gapped material step's third
 * source (module, token picker, PIN, capability result) and its problems. zh-CN twin in
 * ../zh-CN/hsm-app.ts. Mechanism names, labels, serial numbers and paths are values.
 */
export const enHsmApp = {
  'material.source.hsm': 'From an HSM (PKCS#11): generated and wrapped inside the token',
  'hsm.module': 'PKCS#11 module (the HSM vendor’s library)',
  'hsm.module.hint': 'For example /usr/lib/softhsm/libsofthsm2.so. Keyferry loads it in the main process only.',
  'hsm.list-tokens': 'List the tokens',
  'hsm.module.found': '{manufacturer}, {description} {version} (PKCS#11 {cryptoki})',
  'hsm.no-token': 'This module shows no token. Connect the HSM or insert the token, then list again.',
  'hsm.token': 'Token',
  'hsm.token.option': '{label} (serial {serial})',
  'hsm.token.details': '{manufacturer} {model}, serial {serial}, firmware {firmware}, slot {slot}',
  'hsm.token.uninitialized': 'This token is not initialized: initialize it with the vendor’s tools first.',
  'hsm.token.pin':
    'User PIN: {state, select, ok {set} locked {LOCKED (the security officer must unlock it)} finalTry {final try before it locks} countLow {a wrong PIN was entered recently} other {not set}}',
  'hsm.mechanisms': 'Mechanisms a ceremony uses ({count} in all on this token)',
  'hsm.mechanism.present': '{name}: yes',
  'hsm.mechanism.range': '{name}: yes (key sizes {min}-{max})',
  'hsm.mechanism.missing': '{name}: missing',
  'hsm.pin': 'User PIN',
  'hsm.pin.hint': 'Sent once to the main process for the login, then forgotten: never stored, journaled or logged.',
  'hsm.keys': 'Key material',
  'hsm.keys.generate': 'Generate new keys in the token (kept as token objects labelled with the ceremony and key ID)',
  'hsm.keys.existing': 'Use keys already in the token',
  'hsm.key-label': 'Token object label for key {alias} ({spec})',
  'hsm.key-label.hint':
    'Leave empty to find the key by its CKA_ID, the KMS key ID (what Keyferry gives the keys it generates).',
  'hsm.zero-filled.accept':
    'Rehearsal only: accept a token whose CKM_AES_KEY_WRAP_PAD zero-fills (SoftHSM 2.6); journaled as a deviation',
  'hsm.check': 'Check the token',
  'hsm.result.title': 'Token "{label}": {manufacturer} {model}, serial {serial}, firmware {firmware}',
  'hsm.result.accepted': 'The token can do every key of this ceremony. Nothing has been generated yet.',
  'hsm.result.refused': 'The token cannot do this ceremony as planned. Nothing was generated.',
  'hsm.result.algorithm': 'Wrapping algorithm {algorithm}',
  'hsm.result.spec-ok': '{spec}: can be done in the token with {mechanisms}',
  'hsm.result.spec-refused': '{spec}: cannot be done',
  'hsm.result.zero-filled':
    'Warning: this token’s {mechanism} zero-fills instead of following RFC 5649. Accepted for this rehearsal only; journaled as a deviation. A real ceremony refuses it.',
  'hsm.result.other-algorithm':
    'In the app: on the online workstation choose {algorithm} as the wrapping algorithm in the ceremony setup, fetch and carry new import parameters, then check the token again.',
  'hsm.produce.generate': 'Generate the key material in the token',
  'hsm.produce.existing': 'Take the key material from the token',
  'hsm.custody-planned':
    'Custody shares were planned in the previous step. HSM material never leaves the token, so it cannot be split: check the folders again without custody shares, with "material from an HSM" ticked.',
  'hsm.custody-is-token':
    'No backup question and no custody shares for this material: the token objects (token serial {serial}) are its custody copy. Back the token up with the vendor’s procedure if your policy needs a second copy.',
  'hsm.object-label': 'token object "{label}"',
  'hsm.title': 'Check the HSM token before the witnesses confirm',
  'hsm.after-folders':
    'Opens once the folder check (step {number}) planned the material from an HSM ("material from an HSM" ticked).',
  'hsm.not-planned':
    'The folder check did not plan the material from an HSM: no token to check. Tick "material from an HSM" in the folder check to use one.',
  'hsm.check-first':
    'Check the token first (step {number}): the material is generated in, or taken from, the token that check accepted.',
  'hsm.crashed.unproven':
    'Once you know it is that session’s object, this command deletes it by hand (it asks for the user PIN):',
  'preflight.hsm':
    'The material will come from an HSM (PKCS#11): its token keeps it, so no custody shares and no backup question',
  'setup.wrappingAlgorithm.label': 'Wrapping algorithm (online side)',
  'setup.wrappingAlgorithm.hint':
    'What the KMS wraps the import with. Keep RSAES_OAEP_SHA_256 unless the HSM on the air-gapped side does OAEP only with SHA-1.',
  'action.listing-hsm-tokens': 'Listing the HSM tokens',
  'action.checking-hsm': 'Logging in to the token and checking what it can do',
  'problem.HSM_ZERO_FILLED_PAD_REHEARSAL_ONLY':
    'A zero-filled CKM_AES_KEY_WRAP_PAD can be accepted in a rehearsal only: a real import needs RFC 5649-exact output.',
  'problem.HSM_ZERO_FILLED_PAD_REHEARSAL_ONLY.next':
    'Use a token with CKM_AES_KEY_WRAP_KWP (0x210B) or an exact CKM_AES_KEY_WRAP_PAD, or generate the material in software.',
  'restore.source.hsm': 'From the HSM token (HSM material: its token object is the custody copy)',
  'hsm.restore.journal': 'Air-gapped journal that recorded the token objects',
  'hsm.restore.journal.hint':
    'The journal of the ceremony that generated the material in the token (air-gapped-journal.jsonl). Leave empty to use this ceremony folder’s.',
  'hsm.restore.button': 'Find and prove the keys in the token',
  'hsm.restore.result': 'Token "{label}" (serial {serial}): the objects recorded in {journal}',
  'hsm.restore.key': '{keyId} ({spec}): token object "{label}", recorded in journal entry {seq}',
  'hsm.restore.kcv': 'Key check value computed in the token',
  'hsm.restore.public-key': 'Public-key fingerprint read from the token',
  'action.restoring-from-hsm': 'Logging in to the token and proving the recorded keys',
} as const;
