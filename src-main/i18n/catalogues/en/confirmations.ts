/**
 * Digests people type (read aloud or copied from a receipt) and the witnesses' confirmations:
 * the online import's proof that a wrapped-material bundle is the one its receipt names, and each
 * witness typing back the import-parameters bundle digest on the air-gapped workstation.
 * `subject`: wrapped | parameters | fingerprint | bundle | head (a journal's, from a receipt). `groups`/`typed`: lists like "7" or "3, 7".
 */
const SUBJECT =
  '{subject, select, wrapped {wrapped-material bundle digest} parameters {import-parameters bundle digest} fingerprint {wrapping-key fingerprint} head {journal head hash} other {bundle digest}}';
const WHERE =
  '{subject, select, wrapped {as "Wrapped-material bundle digest" under "Seals" on the air-gapped receipt} parameters {{surface, select, app {as the online workstation shows it under “IMPORT-PARAMETERS BUNDLE DIGEST” (Online screen, step “Fetch the import parameters and write them to media”), read aloud} other {as the online workstation shows it (keyferry online params, or the online screen), read aloud}}} fingerprint {as the online workstation shows it, read aloud} head {as the receipt prints it under "Seals", "Journal head"} other {as the receipt that names the bundle prints it}}';

/** Who typed it, when a witness did (several may confirm in one command): named first. */
const TYPIST = '{by, select, witness {{typist}: } other {}}';

export const enConfirmations = {
  'problem.DIGEST_TYPED_EMPTY': `${TYPIST}Nothing was typed for the ${SUBJECT}; it cannot be skipped.`,
  'problem.DIGEST_TYPED_EMPTY.next': `Type the ${SUBJECT} ${WHERE}.`,
  'problem.DIGEST_TYPED_NOT_HEX': `${TYPIST}The typed ${SUBJECT} has {character} in group {group}, which is not a hex digit (0-9, a-f).`,
  'problem.DIGEST_TYPED_NOT_HEX.next': `Type the ${SUBJECT} ${WHERE}: sixteen groups of four hex digits; spaces and case do not matter.`,
  'problem.DIGEST_TYPED_GROUP_LENGTH': `${TYPIST}Group {group} of the typed ${SUBJECT} has {digits} digits; every group has four ({groups} groups were typed, a digest has 16).`,
  'problem.DIGEST_TYPED_GROUP_LENGTH.next': `Type the ${SUBJECT} ${WHERE}: sixteen groups of four hex digits.`,
  'problem.DIGEST_TYPED_LENGTH': `${TYPIST}The typed ${SUBJECT} has {digits} hex digits; a SHA-256 digest has 64 (16 groups of four).`,
  'problem.DIGEST_TYPED_LENGTH.next': `Type the ${SUBJECT} ${WHERE}: sixteen groups of four hex digits.`,

  'problem.BUNDLE_DIGEST_SLIP':
    '{count, plural, one {Group {groupsList} of 16 differs} other {Groups {groupsList} of 16 differ}} from the digest of the bundle in {dir}: you typed {typedList} there. Either the digest was mistyped or this is not the bundle {kind, select, parameters {whose digest the online workstation showed} wrapped {the receipt names} other {whose digest was typed}}.',
  'problem.BUNDLE_DIGEST_SLIP.next':
    'Read {count, plural, one {the differing group} other {the differing groups}} {kind, select, parameters {where the online workstation shows the digest} wrapped {on the receipt} other {where the digest was read}} again and type {count, plural, one {it} other {them}} again. If it still differs, do not use this bundle: find the one {kind, select, parameters {the online workstation wrote} wrapped {the receipt names} other {whose digest that is}}, unchanged.',
  'problem.BUNDLE_DIGEST_MISMATCH':
    '{count} of 16 groups differ from the digest of the bundle in {dir}. This is not the bundle {kind, select, parameters {whose digest the online workstation showed} wrapped {the receipt names} other {whose digest was typed}}.',
  'problem.BUNDLE_DIGEST_MISMATCH.next':
    '{kind, select, parameters {Do not use this bundle: find the one the online workstation wrote, unchanged. A bundle written again there has new tokens and another digest, which it shows.} wrapped {Do not use this bundle: find the one the receipt names, unchanged, or write it again on the machine that made it.} other {Do not use this bundle: find the one whose digest was typed, unchanged.}}',

  'problem.WRAPPED_DIGEST_REQUIRED':
    'The wrapped-material bundle’s digest from the air-gapped receipt was not given, so nothing proves this is the bundle that receipt names. Nothing was read or sent to the KMS.',
  'problem.WRAPPED_DIGEST_REQUIRED.next':
    'Find "Wrapped-material bundle digest" under "Seals" on the air-gapped receipt (printed, or receipt-air-gapped-….txt) and type it: sixteen groups of four hex digits.',
  'problem.CLI_EXPECT_DIGEST_MISSING':
    'online import needs --expect-digest: the wrapped-material bundle digest printed on the air-gapped receipt. Nothing was read or sent to the KMS.',
  'problem.CLI_EXPECT_DIGEST_MISSING.next':
    'Find "Wrapped-material bundle digest" under "Seals" on the air-gapped receipt (printed, or receipt-air-gapped-….txt beside the air-gapped journal) and add --expect-digest "XXXX XXXX …" (16 groups of four).',
  'problem.WRAPPED_DIGEST_SLIP':
    '{count, plural, one {Group {groupsList} of 16 differs} other {Groups {groupsList} of 16 differ}} from the digest of the bundle in {dir}: you typed {typedList} there. Either the digest was mistyped, or this is not the bundle the air-gapped receipt names. Nothing was sent to the KMS.',
  'problem.WRAPPED_DIGEST_SLIP.next':
    'Read {count, plural, one {that group} other {those groups}} on the air-gapped receipt again and type the digest again. If it still differs, do not import this bundle: bring the one the receipt names, unchanged.',
  'problem.WRAPPED_BUNDLE_ONE_FOLDER_DOWN':
    '{dir} is not a bundle folder, but the folder {folder} inside it holds the wrapped-material bundle whose digest was typed{other, select, yes {, a bundle of ceremony {named}, not of this one ({own})} other {}}. Nothing was imported or sent to the KMS.',
  'problem.WRAPPED_BUNDLE_ONE_FOLDER_DOWN.next':
    '{surface, select, app {{other, select, yes {Do not import it here: the digest typed is from that ceremony’s air-gapped receipt. Type the digest from this ceremony’s air-gapped receipt, and give this ceremony’s bundle folder in “Wrapped-material bundle folder”.} other {Give that folder: choose {folder} in “Wrapped-material bundle folder” and press “Check the bundle” again.}}} other {{other, select, yes {Do not import it here: the digest typed is from that ceremony’s air-gapped receipt. Type the digest from this ceremony’s air-gapped receipt, and give this ceremony’s bundle folder with --bundle.} other {Give that folder: run the command again with --bundle {folder} (in the app, choose that folder).}}}}',
  'problem.WRAPPED_DIGEST_IS_PARAMETERS':
    'The digest typed is the import-parameters bundle digest this workstation wrote (the first seal on the air-gapped receipt), not the wrapped-material bundle digest. Nothing was read from {dir} or sent to the KMS.',
  'problem.WRAPPED_DIGEST_IS_PARAMETERS.next':
    '{surface, select, app {Type the wrapped-material bundle digest instead: "Wrapped-material bundle digest" under "Seals" on the air-gapped receipt, the second of its seals. No air-gapped receipt yet? Then the material is not wrapped: take the import-parameters bundle to the air-gapped workstation first, wrap there, and check here the bundle it writes.} other {Type the wrapped-material bundle digest instead: "Wrapped-material bundle digest" under "Seals" on the air-gapped receipt, the second of its seals. No air-gapped receipt yet? Then the material is not wrapped: take the import-parameters bundle to the air-gapped workstation first (the keyferry airgap wrap line online params printed), and import the bundle it writes.}}',
  'problem.WRAPPED_BRINGS_NOTHING':
    'Every key of the wrapped-material bundle in {dir} (digest {digest}) already holds the material it carries (imported earlier, journaled): it brings nothing this ceremony waits for. {count, plural, one {# key waits} other {# keys wait}} for material: {waitingList}. Nothing was imported.',
  'problem.WRAPPED_BRINGS_NOTHING.next':
    '{known, select, yes {Bring the wrapped-material bundle made from the import-parameters bundle {parameters} (the step online params printed after writing it) and type the digest printed on its receipt.} other {Bring the wrapped-material bundle made for those keys and type the digest printed on its receipt.}}',
  'problem.WRAPPED_OTHER_THAN_IMPORTED':
    'The {count, plural, one {key} other {# keys}} of this ceremony already {count, plural, one {holds} other {hold}} imported material, from the wrapped-material {bundles, plural, one {bundle} other {bundles}} {importedList}. {slip, select, yes {The digest typed, {typed}, differs from {slipOf} in {slipCount, plural, one {group {slipGroupsList}} other {groups {slipGroupsList}}} of 16 only (you typed {slipTypedList} there): most likely a typing slip of that digest, the digest of a bundle whose material these keys hold already, so there is nothing to import.} other {The digest typed, {typed}, is not {bundles, plural, one {that bundle’s} other {that of any of them}}: there is nothing to import from the bundle with the digest typed: these keys hold their material already, so a bundle of that same material (from a custody restore, say) brings nothing, and other material the KMS refuses for a key that had some (KMS.2606).}} Nothing more than its manifest, if it has one, was read from {dir}, and nothing was sent to the KMS.{replaced, select, named { The bundle with the digest typed was checked at online journal entry {replacedSeq}, and its own custody set, {replacedTag} ({replacedThreshold} of {replacedTotal} shares, held by {replacedCustodiansList}), backs no imported material: a later wrap replaced it, and the keys hold that wrap’s material (their key check values or public-key fingerprints differ from that bundle’s). Its shares, slips and backup must be destroyed, per your procedure, as online import and online status say.} refused { The bundle with the digest typed (its manifest read, and journaled with a refusal of it at online journal entry {replacedSeq}) has a custody set of its own, {replacedTag} ({replacedThreshold} of {replacedTotal} shares, held by {replacedCustodiansList}), that backs no imported material: the keys it carries hold another wrap’s material (their key check values or public-key fingerprints differ from that bundle’s), so that set can never be restored into them. Its shares, slips and backup must be destroyed, per your procedure, as online status says.} other {}}',
  'problem.WRAPPED_OTHER_THAN_IMPORTED.next':
    '{slip, select, yes {Read the digest on the air-gapped receipt again, group by group: if it is {slipOf}, that bundle is imported already and nothing is left to import from it. } other {}}{surface, select, app {The air-gapped {bundles, plural, one {receipt that prints the digest of the bundle imported, {importedList}, matches} other {receipts that print the digests of the bundles imported, {importedList}, match}} these keys. The custody copies {bundles, plural, one {it names} other {they name}}, if any, are the keys’ backup: keep them.{sets, plural, =0 {} one { Their custody set is {setsList}: the tag in its share files’ names, recorded at the import.} other { Their custody sets are {setsList}: the tags in their share files’ names, recorded at the imports.}} If a wrap again had such a custody set destroyed, those keys now have no custody copy. {replaced, select, named {Destroy no other bundle or custody set on this message alone} refused {Destroy no other bundle or custody set on this message alone} other {Do not destroy a bundle or a custody set on this message alone}}: compare a bundle’s key check values or public-key fingerprints with the online receipt’s, and read the keys’ states here (“Read the key states from the KMS”, in step “Verify the imported keys”).} other {The air-gapped {bundles, plural, one {receipt that prints the digest of the bundle imported, {importedList}, matches} other {receipts that print the digests of the bundles imported, {importedList}, match}} these keys. The custody copies {bundles, plural, one {it names} other {they name}}, if any, are the keys’ backup: keep them.{sets, plural, =0 {} one { Their custody set is {setsList}: the tag in its share files’ names, recorded at the import.} other { Their custody sets are {setsList}: the tags in their share files’ names, recorded at the imports.}} If a wrap again had such a custody set destroyed, those keys now have no custody copy. {replaced, select, named {Destroy no other bundle or custody set on this message alone} refused {Destroy no other bundle or custody set on this message alone} other {Do not destroy a bundle or a custody set on this message alone}}: see which bundle a folder holds with keyferry bundle verify FOLDER, and compare its key check values or public-key fingerprints with the online receipt\u2019s. Check the keys with keyferry online status.}}',
  'problem.WRAPPED_BUNDLE_NOT_AS_WRAPPED':
    '{by, select, verify {The wrapped-material bundle in {dir} has files that are not as its manifest lists them: {cause}} other {The wrapped-material bundle in {dir} has the manifest the air-gapped receipt names, but its files are not as the air-gapped workstation wrote them: {cause} Nothing was sent to the KMS.}}',
  'problem.WRAPPED_BUNDLE_NOT_AS_WRAPPED.next':
    '{surface, select, app {{imported, select, yes {This bundle’s material is already imported into its keys: it is never to be wrapped again, and its custody copy (the shares, or the HSM token objects) is now its only backup: keep it. Only the online receipt still needs the bundle read: copy an untouched copy of it (the air-gapped workstation’s medium, or a backup) whole into a new empty folder and check it again with the same digest.} other {Do not import this copy. Use an untouched copy of the bundle the air-gapped receipt names, copied whole into a new empty folder (a file more or less, such as one of another bundle copied in, is enough for this refusal; the same digest is checked again). If none exists, it cannot be written again (the air-gapped workstation wiped the material after wrapping it): the air-gapped side must wrap again in the same air-gapped journal, choosing “Wrap again” with the reason at its preflight (fresh import parameters first if the import tokens have expired), and a custody set made then replaces the old one.}}} other {{imported, select, yes {This bundle’s material is already imported into its keys: it is never to be wrapped again, and its custody copy (the shares, or the HSM token objects) is now its only backup: keep it. Only the online receipt still needs the bundle read: copy an untouched copy of it (the air-gapped workstation’s medium, or a backup) whole into a new empty folder and check it again with the same digest.} other {Do not import this copy. Use an untouched copy of the bundle the air-gapped receipt names, copied whole into a new empty folder (a file more or less, such as one of another bundle copied in, is enough for this refusal; the same digest is checked again). If none exists, it cannot be written again (the air-gapped workstation wiped the material after wrapping it): the air-gapped side must wrap again with the same air-gapped journal, giving the reason (airgap wrap --wrap-again REASON; fresh import parameters first if the import tokens have expired), and a custody set made then replaces the old one.}}}}',
  'problem.WRAPPED_DIGEST_MISMATCH':
    '{count} of 16 groups differ from the digest of the bundle in {dir}. This is not the bundle the air-gapped receipt names (a typing slip leaves at least half the groups as they are). Nothing was sent to the KMS.',
  'problem.WRAPPED_DIGEST_MISMATCH.next':
    'Do not import this bundle. Bring the wrapped-material bundle the air-gapped receipt names, unchanged, and check that the receipt is the one printed for this ceremony.',
  'problem.WRAPPED_DIGEST_SOURCE_REFUSED':
    'Only a rehearsal may take the wrapped-material bundle’s digest from its own air-gapped side; this ceremony is not a rehearsal.',
  'problem.WRAPPED_DIGEST_SOURCE_REFUSED.next': 'Type the digest from the air-gapped receipt.',
  'problem.WRAPPED_NOT_CHECKED_IN_SESSION':
    'No wrapped-material bundle was checked against its receipt digest in this session.',
  'problem.WRAPPED_NOT_CHECKED_IN_SESSION.next':
    'Check the wrapped-material bundle with the digest from the air-gapped receipt first.',

  'problem.WITNESS_UNKNOWN': '"{witness}" is not a witness of this ceremony.',
  'problem.WITNESS_UNKNOWN.next':
    'Confirmations come from the named witnesses: {witnessesList}.{match, select, loose { A name is matched exactly, case and accents included: write {meant} as the ceremony names the witness.} other {}}',
  'problem.WITNESS_ARTEFACT_UNKNOWN': 'There is no value {index} to confirm; this ceremony has {count}.',
  'problem.WITNESS_ARTEFACT_UNKNOWN.next': 'Confirm one of the values shown on the screen.',
  'problem.WITNESS_DIGEST_SLIP':
    '{witness} typed a value that differs from {artefact, select, bundle {the digest of the import-parameters bundle read here} other {the wrapping-key fingerprint}} in {count, plural, one {group {groupsList}} other {groups {groupsList}}} of 16 (typed {typedList} there). Refused (the refusal is journaled); no confirmation was recorded for {witness}.',
  'problem.WITNESS_DIGEST_SLIP.next':
    'Have the online workstation read {count, plural, one {that group} other {those groups}} aloud again, then {given, select, option {run the command again with --witness-confirms "{witness}=…" holding the whole value as {witness} types it} other {{witness} types the whole value again}}. If it still differs, stop: the bundle here is not the one the online workstation wrote.',
  'problem.WITNESS_DIGEST_MISMATCH':
    '{witness} typed a value that differs from {artefact, select, bundle {the digest of the import-parameters bundle read here} other {the wrapping-key fingerprint}} in {count} of 16 groups: not a typing slip. Refused (the refusal is journaled); no confirmation was recorded for {witness}.',
  'problem.WITNESS_DIGEST_MISMATCH.next':
    '{surface, select, app {Before anyone types again, compare: the online workstation reads the import-parameters bundle digest aloud again as its journal recorded it when it wrote the bundle (its Journal screen, at the entry that wrote the bundle: Manifest SHA-256), not from the bundle on the media, which is the copy in question (fetching new parameters would give another digest). If {witness} typed what was read, the bundle here is not the one it wrote (changed on the media, or another one): do not wrap with it; fetch new parameters on the online workstation.} other {Before anyone types again, compare: the online workstation reads the import-parameters bundle digest aloud again as its journal recorded it when it wrote the bundle (keyferry online status prints it, or the online screen; not keyferry bundle verify on the bundle on the media, which is the copy in question; keyferry online params would fetch new parameters, with another digest). If {witness} typed what was read, the bundle here is not the one it wrote (changed on the media, or another one): do not wrap with it. Check it with keyferry bundle verify DIR --expect-digest "…" as heard, and fetch new parameters if it still differs.}}',
  'problem.WITNESS_TYPED_FINGERPRINT':
    '{witness} typed the wrapping-key fingerprint of key {keyId}, not the import-parameters bundle digest. Refused (the refusal is journaled); no confirmation was recorded for {witness}.',
  'problem.WITNESS_TYPED_FINGERPRINT.next':
    '{surface, select, app {The value to type is the import-parameters bundle digest: the online workstation shows it set apart under “IMPORT-PARAMETERS BUNDLE DIGEST” (Online screen, step “Fetch the import parameters and write them to media”), not among the wrapping-key fingerprints. Have that value read aloud, then {witness} types it in “Bundle digest as {witness} heard it”.} other {The value to type is the import-parameters bundle digest: keyferry online params prints it set apart under "IMPORT-PARAMETERS BUNDLE DIGEST", two lines of eight groups after the fingerprints (the online screen shows it the same way). Have that value read aloud, then {given, select, option {run the command again with --witness-confirms "{witness}=…" holding it as {witness} types it} other {{witness} types it}}.}}',
  'problem.WITNESS_TYPED_OTHER_BUNDLE':
    '{witness} typed the digest of the {kind, select, wrapped {wrapped-material bundle} other {import-parameters bundle}} in {folder}, beside the one read here{other, select, yes {, a bundle of another ceremony ({bundleCeremony})} other {}}: not the digest of this bundle. Refused (the refusal is journaled); no confirmation was recorded for {witness}.',
  'problem.WITNESS_TYPED_OTHER_BUNDLE.next':
    '{surface, select, app {{kind, select, wrapped {{folder} holds a wrapped-material bundle, written on an air-gapped workstation: its digest is printed on an air-gapped receipt and is never the value to type here. Have the online workstation read aloud the import-parameters bundle digest as its journal recorded it (its Online screen shows it under “IMPORT-PARAMETERS BUNDLE DIGEST”, beside the folder it wrote), and have {witness} give that value again, as heard.} other {{other, select, yes {The online workstation read the digest of ceremony {bundleCeremony}’s bundle; the bundle read here is of ceremony {ceremonyId}. Check with the online workstation which ceremony it runs. For this one, it reads aloud the digest of the bundle it wrote for {ceremonyId} as its journal recorded it (its Online screen shows it, with that ceremony’s folder chosen in Setup) and every witness types it again; to work on ceremony {bundleCeremony} instead, start that ceremony here from Setup (“Ceremony folder”) with the air-gapped journal its online workstation names for it, and read its bundle (“Read the bundle”).} other {The online workstation read the digest of the bundle in {folder}: each time it writes the bundle (step “Write the import-parameters bundle”, or on its command line) it writes one with a digest of its own, and only the one it wrote last is to be wrapped. Ask the online workstation which folder it wrote with the digest it read (its Online screen shows the folder beside the digest); if it is {folder}, start this ceremony again from Setup with the same journal (the same “Ceremony folder”), read the bundle in {folder} (“Read the bundle”), and have every witness type the digest again.}}}}} other {{kind, select, wrapped {{folder} holds a wrapped-material bundle, written on an air-gapped workstation: its digest is printed on an air-gapped receipt and is never the value to type here. Have the online workstation read aloud the import-parameters bundle digest as its journal recorded it (keyferry online status prints it), and have {witness} give that value again, as heard.} other {{other, select, yes {The online workstation read the digest of ceremony {bundleCeremony}’s bundle; the bundle read here is of ceremony {ceremonyId}. Check with the online workstation which ceremony it runs. For this one, it reads aloud the digest of the bundle it wrote for {ceremonyId} as its journal recorded it (keyferry online status with that ceremony’s journal prints it) and every witness types it again; to work on ceremony {bundleCeremony} instead, run the command its online workstation printed for it, with the journal that command names.} other {The online workstation read the digest of the bundle in {folder}: each run of keyferry online params (or of the app’s step that writes the bundle) writes a bundle with a digest of its own, and only the one it wrote last is to be wrapped. Ask the online workstation which folder it wrote with the digest it read (keyferry online params prints “Import-parameters bundle written and verified: …”; the app shows the folder beside the digest); if it is {folder}, start again from that bundle and have every witness type the digest again: run the command again with --bundle {folder}, or in the app start this ceremony again from Setup with the same journal and read the bundle in {folder}.}}}}}}',
  'problem.WITNESS_SOURCE_REFUSED':
    'Only a rehearsal may confirm for a witness from the online side’s own value; this ceremony is not a rehearsal.',
  'problem.WITNESS_SOURCE_REFUSED.next': 'Each witness types the value read aloud from the online workstation.',
  'problem.WITNESS_ATTEMPTS_EXHAUSTED':
    '{witness} typed {attempts} values that do not match {artefact, select, bundle {the import-parameters bundle digest (it binds the wrapping keys and import tokens of {count, plural, one {# key} other {# keys}})} other {the wrapping-key fingerprint of key(s) {keys}}}; the ceremony stops here, and no further value is checked in this session. No material exists yet.',
  'problem.WITNESS_ATTEMPTS_EXHAUSTED.next':
    '{surface, select, app {Compare the import-parameters bundle digest on the online workstation with the bundle carried here: read it aloud again there as its journal recorded it (its Journal screen, at the entry that wrote the bundle: Manifest SHA-256), not from the bundle on the media, which may be the one that changed. When they agree, start this side again in a new session (the button where the screen says the session stopped), where every witness types the digest again (the refused values and the stop stay in the journal); otherwise fetch new import parameters on the online workstation.} other {Compare the import-parameters bundle digest on the online workstation with the bundle carried here: read it aloud again there as its journal recorded it (keyferry online status prints it; not from the bundle on the media, which may be the one that changed), and check the bundle here with keyferry bundle verify DIR --expect-digest "…" as heard. When they agree, start this side again (in the app: a new session, from the button where the screen says the session stopped; the refused values stay in the journal); otherwise fetch new parameters.}}',
  'problem.WITNESS_CONFIRMATION_MISSING':
    '{count, plural, one {Witness {pendingList} has} other {Witnesses {pendingList} have}} not confirmed {artefactPhrase}; every named witness confirms for themselves and nobody can be skipped. No material exists yet.',
  'problem.WITNESS_CONFIRMATION_MISSING.next':
    'Each witness types the value read aloud from the online workstation: on a terminal when asked, or with --witness-confirms "NAME=VALUE" once per witness (once per witness and fingerprint for console files).',
  'problem.WITNESS_CONFIRMS_MALFORMED':
    '--witness-confirms takes NAME=VALUE (one witness and the import-parameters bundle digest that witness typed), not "{value}".',
  'problem.WITNESS_CONFIRMS_MALFORMED.next':
    'Give --witness-confirms "NAME=XXXX XXXX …" once for every --witness, each with what that person typed.',
  'problem.WITNESS_CONFIRMS_REFUSED':
    'The values of {count} witnesses were refused: {refusalsPhrases}. Every refusal is journaled; no confirmation was recorded for {witnessesList}.',
  'problem.WITNESS_CONFIRMS_REFUSED.next':
    '{otherBundle, select, folder {Every one of them typed the digest of the bundle in {folder}: the online workstation read that bundle’s digest, and each run of keyferry online params writes a bundle of its own. Ask it which folder it wrote last (keyferry online params prints “Import-parameters bundle written and verified: …”); if it is {folder}, run the command again with --bundle {folder}, every witness typing the digest again.} ceremony {The online workstation read the digest of ceremony {bundleCeremony}’s bundle; the bundle read here is of ceremony {ceremonyId}. Check with the online workstation which ceremony it runs. For this one, it reads aloud the digest of the bundle it wrote for {ceremonyId} as its journal recorded it (keyferry online status with that ceremony’s journal prints it) and every witness types it again; to work on ceremony {bundleCeremony} instead, run the command its online workstation printed for it, with the journal that command names.} other {Have the online workstation read the import-parameters bundle digest aloud again (keyferry online params printed it under "IMPORT-PARAMETERS BUNDLE DIGEST"), then run the command again with each of them typing the whole value as heard. If a value still differs, stop: the bundle here is not the one the online workstation wrote.}}',
  'witness.refusal':
    '{witness} typed a value that {reason, select, slip {differs in {count, plural, one {group {groupsList}} other {groups {groupsList}}} of 16 (typed {typedList} there)} mismatch {differs in {count} of 16 groups, not a typing slip} fingerprint {is the wrapping-key fingerprint of key {keyId}, not the bundle digest} otherBundle {is the digest of the {kind, select, wrapped {wrapped-material bundle} other {bundle}} in {folder}{other, select, yes {, of another ceremony ({bundleCeremony})} other {}}, not of the one read here} other {is not 16 groups of four hex digits}}',
  'problem.WITNESS_CONFIRMS_TWICE': '--witness-confirms names {witness} more often than there are values to confirm.',
  'problem.WITNESS_CONFIRMS_TWICE.next':
    'Give one --witness-confirms per witness (per witness and fingerprint for console files): one value never counts for two people, and one person confirms each value once.',
  'problem.CLI_CONFIRM_FINGERPRINT_REPLACED':
    '--confirm-fingerprint is gone: one value credited to every witness proved nothing about the others.',
  'problem.CLI_CONFIRM_FINGERPRINT_REPLACED.next':
    'Each witness types the import-parameters bundle digest for themselves: --witness-confirms "NAME=DIGEST" once per --witness, or type it when asked on a terminal.',
  'problem.WITNESS_INPUT_ENDED':
    'The input ended before {witness} confirmed {artefactPhrase}; nothing was recorded for {witness}. No material exists yet.',
  'problem.WITNESS_INPUT_ENDED.next':
    'Run the command again on a terminal so every witness can type, or give --witness-confirms "NAME=DIGEST" once per witness.',

  'witness.artefact.bundle':
    'the import-parameters bundle digest (it binds the wrapping keys and import tokens of {count, plural, one {# key} other {# keys}})',
  'witness.artefact.wrapping-key': 'the wrapping-key fingerprint of key(s) {keysList}',
  'witness.prompt.intro': 'Each witness now compares {artefactText} aloud with the online workstation and types it:',
  'witness.prompt.bundle-intro':
    'The online workstation reads its IMPORT-PARAMETERS BUNDLE DIGEST aloud (16 groups of four, printed by keyferry online params). It is not shown here: each witness types it as heard, and the bundle read here must have exactly that digest.',
  'witness.fingerprints.heading':
    'Wrapping-key fingerprints (SHA-256), all bound by the import-parameters bundle digest the witnesses type (compare them too if you wish):',
  'witness.prompt.ask': '  {witness}, type it as you heard it:',
  'witness.prompt.empty': '  Nothing was typed. {witness} must type it; it cannot be skipped.',
  'witness.prompt.refused': '  {problem} (attempt {attempt} of {max})',
  'witness.prompt.confirmed': '  Confirmed by {witness}.',
  'witness.prompt.typed-hidden':
    '  ({witness} typed a value; erased from the screen so the next witness types only what they hear.)',
  'witness.summary': 'Journal entry {seq}: {witness} typed and confirmed {artefactText}: {digest}',
  'witness.summary.rehearsal':
    'Journal entry {seq}: rehearsal: confirmed as {witness} with the online side’s own value for {artefactText}: {digest}',
  'fingerprint.typed-by': 'Typed by {witnesses}.',
  'fingerprint.still-to-type': 'Still to type it: {witnesses}.',
  'bundle-confirm.title': 'Import-parameters bundle digest',
  'bundle-confirm.intro':
    'The online workstation reads its import-parameters bundle digest aloud. It is not shown here until every witness has typed it: each witness, for themselves, types it as heard. It binds every wrapping key and import token of the {count, plural, one {# key} other {# keys}} in the bundle.',
  'bundle-confirm.hidden': 'Not shown until every witness has typed it.',
  'bundle-confirm.shown': 'Every witness typed it; the bundle read here has this digest:',
  'bundle-confirm.label': 'Import-parameters bundle digest',
  'bundle-confirm.typed-as': 'Bundle digest as {witness} heard it',
  'bundle-confirm.witness': 'Witness typing now',
  'bundle-confirm.all-confirmed': 'Confirmed by every witness: {witnesses}.',
  'bundle-confirm.fingerprints':
    'The wrapping-key fingerprints of the {count, plural, one {# key} other {# keys}} (bound by the digest; compare them too if you wish)',
  'params.fingerprints.heading':
    'Wrapping-key fingerprints (SHA-256), for reference: the bundle digest below binds every one of them, so it is the one value read aloud:',
  'params.digest.heading':
    'IMPORT-PARAMETERS BUNDLE DIGEST: read it aloud to the air-gapped workstation, where every witness types it back (it binds every wrapping key and import token in the bundle):',
  'import.digest.matches': '  bundle digest {digest}: equals the digest typed from the air-gapped receipt',
  'digest.field.required':
    'Required. Type "Wrapped-material bundle digest" under "Seals" on the air-gapped receipt (sixteen groups of four): only the bundle with exactly that digest is imported.',
  'digest.field.progress': '{complete} of 16 groups typed.',
  'digest.field.complete': 'All sixteen groups typed.',
  'digest.field.bad': 'Group {group} holds a character that is not a hex digit (0-9, A-F).',
  'digest.field.extra':
    '{extra, plural, one {# digit} other {# digits}} too many: a digest has sixteen groups of four.',
} as const;
