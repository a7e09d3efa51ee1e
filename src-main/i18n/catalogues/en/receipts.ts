/**
 * Receipts and custody slips: every word printed on them apart from values (hex, ids, names, file
 * names, codes). The same facts in every language; `receipt.*` for ceremony receipts (both twins),
 * `slip.*` for custody slips. Values a person typed (names, aliases, titles) are placed by the
 * renderer, escaped and bidi-isolated; never put markup in a text.
 */
import { KEY_STATE } from './kms';
export const enReceipts = {
  'receipt.title': 'Keyferry ceremony receipt',
  'receipt.side': '{side, select, online {Online workstation} other {Air-gapped workstation}}',
  'receipt.side.restore': 'Air-gapped workstation: custody restore',
  'receipt.notApplicable': 'not applicable on this side',
  'receipt.section.ceremony': 'Ceremony',
  'receipt.fact.ceremonyId': 'Ceremony ID',
  'receipt.fact.title': 'Title',
  'receipt.fact.side': 'Side',
  'receipt.fact.receiptNumber': 'Receipt number',
  'receipt.fact.receiptNumberValue':
    '{number} (session-{number} in its file name). The air-gapped journal {journal} numbers its receipts by its sessions, wraps and custody restores alike (a number its receipt folder already held is skipped), so a session that ended without a receipt leaves its number unused. Earlier receipts of this journal: {earlier, plural, =0 {none} other {{earlierList}}}. Earlier sessions of this journal that ended without a receipt: {without, plural, =0 {none} one {1 (session {withoutList}; listed under Deviations)} other {# (sessions {withoutList}; each listed under Deviations)}}.{skipped, plural, =0 {} one { Number {skippedList}, below it and not listed here, was taken already (by a receipt of another journal in its receipt folder, or one voided or named the older way).} other { Numbers {skippedList}, below it and not listed here, were taken already (by receipts of other journals in its receipt folder, or ones voided or named the older way).}}',
  'receipt.fact.timeUtc': 'Time (UTC)',
  'receipt.fact.timeLocal': 'Time (local)',
  'receipt.fact.workstation': 'Workstation',
  'receipt.fact.os': 'Operating system',
  'receipt.fact.network': 'Network',
  'receipt.fact.kms': 'KMS',
  'receipt.fact.kmsValue':
    '{endpoint}{simulator, select, yes { (Keyferry’s KMS simulator on this computer: a rehearsal, no real KMS)} other {}}, region {region}, project {projectId}{accessKeyHint, select, none {} other {, access key {accessKeyHint}}}',
  'receipt.fact.software': 'Software',
  'receipt.fact.softwareValue': 'Keyferry {version}, build {build}',
  'receipt.fact.code': 'Code that wrote this receipt',
  'receipt.fact.codeValue':
    '{kind, select, asar {app.asar header SHA-256 {digest}} other {{commit, select, none {no git commit} other {commit {commit}}}, sources SHA-256 {digest}}}',
  'receipt.fact.codeUnknown': 'not recorded (a test or development build)',
  'receipt.fact.kmsRetries': 'KMS calls retried',
  'receipt.fact.kmsRetriesValue':
    '{count}{throttled, plural, =0 {} other {, {throttled} of them turned away by the API gateway’s throttling (APIG.0308)}}; each sent again after a wait (journal entries kms.retried)',
  'receipt.fact.keys': 'Keys',
  'receipt.fact.deviations': 'Deviations',
  'receipt.fact.deviationsNone': 'none recorded in the journal',
  'receipt.fact.deviationsCount': '{count}: listed under "Deviations" below',
  'receipt.deviationKind.override': 'Override',
  'receipt.deviationKind.refusal': 'Refusal',
  'receipt.deviationKind.failure': 'Failed step',
  'receipt.deviationKind.possible-loss': 'Possible loss acknowledged',
  'receipt.deviationKind.material-lapsed': 'Lapsed in the KMS',
  'receipt.deviationKind.interrupt': 'Interrupted',
  'receipt.deviationKind.abandoned': 'Abandoned attempt',
  'receipt.deviations.heading': 'Deviations',
  'receipt.deviations.headingCount': 'Deviations: {count}',
  'receipt.deviations.lead':
    'Every journal entry up to the head sealed below in which something was refused, overridden, failed, acknowledged as a possible loss, interrupted or abandoned. Read them before signing.',
  'receipt.deviations.none':
    'None. The journal’s {count} entries record no refusal, override, failed step, acknowledged loss, interrupt or abandoned attempt.',
  'receipt.deviations.entry': 'Entry',
  'receipt.deviations.what': 'What',
  'receipt.deviations.whenWho': 'When, who',
  'receipt.deviations.details': 'Details (from the journal)',
  'receipt.deviations.textEntry': 'Entry {seq}: {kind}, {eventLabel} ({event})',
  'receipt.deviations.failedStep':
    'The step that failed: {step, select, connect {connecting to the KMS} writeParametersBundle {writing the import-parameters bundle} createKey {creating the key (KMS call create-key)} describeKey {reading the key’s state (KMS call describe-key)} listKeys {listing the keys (KMS call list-keys)} enableKey {enabling the key (KMS call enable-key)} disableKey {disabling the key (KMS call disable-key)} scheduleKeyDeletion {scheduling the key’s deletion (KMS call schedule-key-deletion)} cancelKeyDeletion {cancelling the key’s deletion (KMS call cancel-key-deletion)} getParametersForImport {fetching the wrapping key and import token (KMS call get-parameters-for-import)} importKeyMaterial {importing the key material (KMS call import-key-material)} deleteImportedKeyMaterial {deleting the imported key material (KMS call delete-imported-key-material)} getPublickey {fetching the public key (KMS call get-publickey)} encryptData {a test encryption (KMS call encrypt-data)} decryptData {a test decryption (KMS call decrypt-data)} sign {a test signature (KMS call sign)} verify {verifying a test signature (KMS call verify)} other {{step}}}.',
  'receipt.deviations.textEntryKindOnly': 'Entry {seq}: {kind} ({event})',
  'receipt.deviations.manifestNotThere':
    '{written, select, never {The bundle’s manifest was never written (it goes in last, after the receipt), so the folder never was a complete bundle; {digest} is the SHA-256 the manifest was to have.} other {The bundle’s manifest (SHA-256 {digest}), written at journal entry {seq}, was no longer in the folder when the session withdrew the bundle: someone moved or deleted it. Wherever it is, that bundle is withdrawn: never import it.}}',
  'receipt.deviations.details-left-out':
    ' … and {count, plural, one {# more value} other {# more values}}, left out here: journal entry {seq} holds every value.',
  'receipt.deviations.recorded': 'Recorded text: “{text}”',
  'receipt.deviations.expiryChosen':
    'Key {keyId}: the material {effectiveKind, select, never {never expires} other {expires {effective, date, moment}}}, {source, select, override {chosen at import over what the wrapped-material bundle requests ({requestedKind, select, never {never} other {{requested, date, moment}}})} other {as the wrapped-material bundle requests}}; the ceremony plan said {planKind, select, never {never} other {{plan, date, moment}}}.',
  'receipt.deviations.state':
    'Ceremony step: {statePhrase}{step, select, none {} other {; stopped after “{stepPhrase}” (entry {seq}, by {actor})}}',
  'receipt.deviations.keysWiped':
    'Key material wiped in this attempt: {total, plural, one {# key} other {# keys}}{wrapped, plural, =0 {} other {: {wrapped} as {wrapped, plural, one {it was} other {they were}} wrapped (journal {entryCount, plural, one {entry} other {entries}} {entriesList}), {atStop} still held when it stopped}}{named, plural, =0 {} other {{unnamed, plural, =0 {; the keys named: {keysListPhrases}} other {; the journal names {named} of them: {keysListPhrases} (the build that journaled the stop recorded the others as a count only)}}}}',
  'receipt.deviations.wipedKey': '{named, select, yes {{alias} ({keyId})} other {{keyId}}}',
  'receipt.deviations.consequence':
    '{consequence, select, lostAfterExpiry {No custody copy: after the material expires in the KMS it cannot be imported again, and every ciphertext under the key is unreadable.} lostForEver {Without a custody copy of this material, every ciphertext under the key is unreadable for ever.} other {{consequence}}}',
  'receipt.deviations.networkAllowed': 'A live network was allowed by override; interfaces up: {interfacesList}.',
  'receipt.deviations.namedJournalLost':
    'Wrapped in this journal ({mismatch, select, new {a new one} older {an older copy of the one named} other {another one}}), not in {named} (first entry {namedFirstEntry}), {source, select, media {the journal of the earlier wrap whose bundle {folder} lay on the medium} other {the journal of the earlier wraps that the import parameters name}}; the officer declared that journal lost (the recorded text is why). The online side imports this wrap only on its officer’s word{source, select, media { if it took a bundle of that journal} other {}}, and the bundles of the earlier wraps are never to be imported.',
  'receipt.deviations.custodyWithdrawn':
    '{files, plural, =0 {No custody file of the stopped session had been written yet} one {The # custody file the stopped session had written was removed} other {The # custody files the stopped session had written (shares, slips, backup) were removed}}{folders, plural, =0 {} other { from {foldersListPhrases}}}{made, plural, =0 {.} one {; the custodian folder it had made was removed again: {madeListPhrases}.} other {; the # custodian folders it had made were removed again: {madeListPhrases}.}}{set, select, named { Custody set {setTag} (journal entry {splitSeq}) is withdrawn: no share of it is to be kept or presented.} other {}}',
  'receipt.deviations.custodianFolder': '{known, select, yes {{folder} (custodian {custodian})} other {{folder}}}',
  'receipt.deviations.keySkipped':
    'Key {alias} ({keyId}) was left out of the import of the wrapped-material bundle {folder} (digest {bundle}): {held, select, same {it already held this same material, imported from the wrapped-material bundle {from} at {at, date, moment} (online journal entry {seq}). Nothing was lost.} other {it held other material, imported from the wrapped-material bundle {from} at {at, date, moment} (online journal entry {seq}), a later wrap. What this bundle holds for this key will never be imported; do not destroy a custody set on this line alone.}}{check, select, kcv { Key check value of what was left out: {value}.} publicKey { Public-key fingerprint of what was left out: {value}.} other {}}',
  'receipt.deviations.wrappingAlgorithmChosen':
    'The wrapping algorithm was changed from {from} to {to}: the import parameters fetched after this entry are for {to}.',
  'receipt.deviations.sessionUnfinished':
    'Session {session} of this journal (entries {from}-{to}) had not journaled its end; it was closed here before the next session began{checked, select, parameters {, once this journal was checked against the import-parameters bundle (its SHA-256 below)} consoleFiles {, with console files, which name no journal to check this one against} other {}}. The entries of this closing say what became of each thing it wrote: withdrawn, kept, or not withdrawn (then this receipt names it, with what to do){closing, select, yes {; the closing ends with a “session closed” entry naming this one (a closing cut short is run again, nothing done twice)} other {}}.',
  'receipt.deviations.repeatedWrapGrounds':
    '{grounds, select, reason {Let through on the officer’s reason to wrap again{said, select, yes {: “{reason}”} other {}}.} tokensExpired {Let through because the import tokens of every earlier bundle had expired: none of those bundles can be imported any more.} boundMaterial {Let through because every key takes only the material the KMS already holds: no new material was made.} other {Let through on the grounds “{grounds}”.}}',
  'receipt.deviations.custodySameVolume':
    'Custody shares were written to folders on one volume by override; each folder must be moved to its own custodian’s media.',
  'receipt.deviations.whenAndWho': '{when}, {who}',
  'receipt.deviations.betweenSteps':
    'Stopped between journaled steps: every step journaled as done before this entry is done (one journaled only as begun, such as an import being sent, may not be). {after, plural, =0 {Nothing of the stopped session was journaled after it (what follows is a later run).} one {One step already running when the stop came finished while it was being recorded, and is journaled after it: entry {entriesList}.} other {# steps already running when the stop came finished while it was being recorded, and are journaled after it: entries {entriesList}.}} A KMS call under way may still have taken effect without an entry: the next run asks the KMS what took effect before sending anything again.',
  'receipt.role.operator': 'Operator',
  'receipt.role.witness': 'Witness',
  'receipt.role.custodian': 'Custodian',
  'receipt.role.witnessNumbered': 'Witness {n}',
  'receipt.role.presenter': 'Presented a custody share',
  'receipt.people.heading': 'People',
  'receipt.people.lead':
    'Everyone named in the journal, and what the journal records of each; "entry N" is the journal line it comes from.',
  'receipt.people.ran': 'ran this workstation: {own} of the {total} journal entries are theirs',
  'receipt.people.noConfirmation': 'present; the journal records no confirmation typed by this witness',
  'receipt.people.confirmsAirGapped':
    'present; witnesses type nothing on the online workstation: their confirmations of the import-parameters bundle digest are on the air-gapped receipt',
  'receipt.people.fingerprintConfirmed':
    'entry {seq}: typed back and confirmed the wrapping-key fingerprint {fingerprint} (keys {keyIdsList})',
  'receipt.people.fingerprintRefused': 'entry {seq}: typed a fingerprint that matches no wrapping key; refused',
  'receipt.people.inStoppedSession':
    '(entry {seq} was in a session that did not finish, closed at entry {stopSeq}; any bundle it wrote was withdrawn: it did not make what this receipt names)',
  'receipt.people.bundleConfirmed':
    'entry {seq}: typed the import-parameters bundle digest {digest}, which binds the wrapping keys and import tokens of {count, plural, one {# key} other {# keys}}, as read aloud from the online workstation; it matched the bundle read here',
  'receipt.people.bundleConfirmedRehearsal':
    'entry {seq}: rehearsal: confirmed for this witness with the online side’s own value (nobody typed it): the import-parameters bundle digest {digest}, which binds the wrapping keys and import tokens of {count, plural, one {# key} other {# keys}}',
  'receipt.people.witnessRefusedSlip':
    '{where, select, deviation {Typed} other {entry {seq}: typed}} a value that differs from {artefact, select, key {the wrapping-key fingerprint} other {the import-parameters bundle digest}} in {count, plural, one {group} other {groups}} {groupsList} of 16; refused',
  'receipt.people.witnessRefusedMismatch':
    '{where, select, deviation {Typed} other {entry {seq}: typed}} a value that differs from {artefact, select, key {the wrapping-key fingerprint} other {the import-parameters bundle digest}} in {count} of 16 groups (not a typing slip); refused',
  'receipt.people.witnessRefusedOtherBundle':
    '{where, select, deviation {Typed} other {entry {seq}: typed}} the digest of another import-parameters bundle, in {folder} beside the one read; refused',
  'receipt.people.witnessRefusedForm':
    '{where, select, deviation {Typed} other {entry {seq}: typed}} a value that is not a whole digest for {artefact, select, key {the wrapping-key fingerprint} other {the import-parameters bundle digest}} ({code}); refused',
  'receipt.people.sharePresented': 'entry {seq}: presented custody share {share} of custodian {custodian}',
  'receipt.people.shareRefused': 'entry {seq}: presented a custody share that was refused',
  'receipt.people.event': 'entry {seq}: {eventPhrase}',
  'receipt.people.eventDigest': 'entry {seq}: {eventPhrase} (digest {digest})',
  'receipt.people.holds': 'entry {seq}: holds share {share} of {total} for key {keyId} (any {threshold} rebuild it)',
  'receipt.people.presented':
    'entry {seq}: share {share} of {total} for key {keyId} (any {threshold} rebuild it) was presented and used to rebuild the material',
  'receipt.people.presentedBy':
    'entry {seq}: share {share} of {total} for key {keyId} (any {threshold} rebuild it) was presented by {presenter} and used to rebuild the material',
  'receipt.methods.heading': 'How these values are computed',
  'receipt.methods.bundleDigest': 'Bundle digest',
  'receipt.methods.bundleDigestHow':
    'SHA-256 of the bundle’s manifest.json (which lists every file’s size and SHA-256)',
  'receipt.methods.fingerprints': 'Fingerprints',
  'receipt.methods.fingerprintsHow': 'SHA-256 of the public key’s DER SubjectPublicKeyInfo',
  'receipt.methods.kcv': 'Key check value (KCV)',
  'receipt.methods.kcvHow':
    'first 3 bytes of AES-256-ECB encryption of one all-zero 16-byte block under the key, in hex; it identifies an AES key without revealing it{side, select, online {. This side cannot compute it (the KMS never shows AES material): it prints the value the wrapped bundle states, which the air-gapped receipt printed from the material} other {}}',
  'receipt.methods.head': 'Journal head',
  'receipt.methods.headHow':
    'SHA-256 of the last entry; each entry includes the hash of the one before, so the head vouches for every entry up to it',
  'receipt.seals.heading': 'Seals: read aloud in groups of four',
  'receipt.seals.lead':
    'One person reads each hash aloud, four digits at a time; another compares it with the screen and with the other side’s receipt.',
  'receipt.seals.qrNote': 'A phone can scan the QR code beside each hash to compare it too.',
  'receipt.seals.textNote': 'The printed (HTML) receipt also shows each hash as a QR code.',
  'receipt.seals.qrLabel': 'QR code of the {title}',
  'receipt.seals.qrCaption': 'QR: the same {digits} hex digits',
  'receipt.seals.parameters': 'Import-parameters bundle digest',
  'receipt.seals.parametersAbout':
    'SHA-256 of {name}/manifest.json, the import-parameters bundle (online → air-gapped)',
  'receipt.seals.parametersNone':
    'no import-parameters bundle: the wrapping keys and tokens came from the console’s own files',
  'receipt.seals.wrapped': 'Wrapped-material bundle digest',
  'receipt.seals.wrappedAbout': 'SHA-256 of {name}/manifest.json, the wrapped-material bundle (air-gapped → online)',
  'receipt.seals.head': 'Journal head',
  'receipt.seals.headAbout': 'Hash of entry {count} of {count}, the journal’s last entry when this receipt was made.',
  'receipt.seals.headCheck': 'Check the journal with:',
  'receipt.keys.heading': 'Keys',
  'receipt.keys.keyHeading': 'Key {n} of {total}:',
  'receipt.key.keyId': 'Key ID',
  'receipt.key.alias': 'Alias',
  'receipt.key.spec': 'Key spec',
  // After a value, the key spec's kind in brackets (full-width in Chinese).
  'receipt.key.kindBracketed': ' ({kindPhrase})',
  'receipt.key.kindAes': 'AES, {bits} bits',
  'receipt.key.kindRsa': 'RSA, {bits} bits',
  'receipt.key.kindEc': 'EC, {curve}',
  'receipt.key.usage': 'Usage',
  'receipt.key.wrappingAlgorithm': 'Wrapping algorithm',
  'receipt.key.wrappingKeyFingerprint': 'Wrapping-key fingerprint (SHA-256)',
  'receipt.key.importToken': 'Import token (SHA-256)',
  'receipt.key.publicKeyFingerprint': 'Public-key fingerprint (SHA-256)',
  'receipt.key.boundMaterial': 'Bound material',
  'receipt.key.boundMaterialValue':
    '{holder, select, group {{matched, select, true {Matched: the material its replica group holds, first imported at online journal entry {seq} (into this key or another member)} other {NOT the material its replica group holds, first imported at online journal entry {seq} (into this key or another member)}}} other {{matched, select, true {Matched: the material first imported into this key (online journal entry {seq})} other {NOT the material first imported into this key (online journal entry {seq})}}}}',
  'receipt.key.kcv': 'Key check value',
  'receipt.key.kcvStated': 'Key check value stated by the bundle',
  'receipt.key.materialExpiry': 'Material expiry',
  'receipt.key.replacedLapsedPlan': 'The plan’s expiry it replaces (passed)',
  'receipt.key.never': 'never',
  'receipt.key.importResult': 'Import result',
  'receipt.key.importedFrom': 'Imported from',
  'receipt.key.importedFromValue':
    'the wrapped-material bundle {from} (online journal entry {seq}), NOT the bundle this receipt seals{skipped, plural, =0 {} other {: that bundle’s material for this key was left out of its import (online journal entry {skipped}) and was NOT imported}}. Its wrapping-key fingerprint, import token, key check value or public-key fingerprint, material expiry, import result and custody copy below are those of the import at entry {seq}; its verification result is the latest check of the key.',
  'receipt.key.imported': `Imported; key state ${KEY_STATE}`,
  'receipt.key.importedHow': `Imported ({how, select, answered {the KMS answered} reconciled {the journal held no answer to the import sent: the key’s state showed the import took effect} retried {{retryOf, select, none {the KMS answered a retry} other {the KMS answered a retry of the import sent at journal entry {retryOf}, whose answer no session recorded: the key was still Pending import}}} other {{how}}}); key state ${KEY_STATE}`,
  'receipt.key.verificationResult': 'Verification result',
  'receipt.key.custodyCopy': 'Custody copy',
  'receipt.key.custodyCopyValue':
    '{custody, select, none {NONE: the air-gapped side kept no copy{acknowledged, select, yes { and acknowledged that} other {}}, so the KMS holds the only one (online journal entry {seq})} shares {{threshold} of {total} shares, held by {custodiansList}{set, select, named {, custody set {setTag}} other {}} (online journal entry {seq})} hsmToken {the HSM token "{token}" (online journal entry {seq})} materialFiles {the material files loaded on the air-gapped workstation (online journal entry {seq})} other {not known: the wrapped bundle did not say (the air-gapped receipt says whether custody shares were made)}}',
  'receipt.files.heading': 'Output files',
  'receipt.files.none': 'None on this side.',
  'receipt.files.file': 'File',
  'receipt.files.size': 'Size',
  'receipt.files.sha256': 'SHA-256',
  'receipt.files.bytes': '{bytes, plural, one {# byte} other {# bytes}}',
  'receipt.custody.split': 'any {threshold} of {total} shares',
  'receipt.custody.restored': 'rebuilt from {presented} of {total} shares (any {threshold} suffice)',
  'receipt.custody.heading': 'Custody',
  'receipt.custody.setTitle': 'Custody set {set}',
  'receipt.custody.setKeys': 'Keys held by this set ({count}):',
  'receipt.custody.backup':
    'Custody backup of set {tag} (the tag in its share and backup file names); its whole SHA-256, which every slip prints and the restore checks:',
  'receipt.custody.keyInSet': 'Custody',
  'receipt.custody.keyInSetValue': 'set {set}: any {threshold} of {total} shares (holders listed under “Custody”)',
  'receipt.custody.share': 'Share',
  'receipt.custody.custodian': 'Custodian',
  'receipt.custody.presentedBy': 'Presented by',
  'receipt.custody.textShare': 'Share {share}: {custodian}',
  'receipt.custody.textSharePresented': 'Share {share}: {custodian}, presented by {presenter}',
  'receipt.replica.heading': 'Replica groups',
  'receipt.replica.lead':
    'The keys of a replica group hold one material: generated once on the air-gapped workstation and wrapped for each member under the wrapping key of that member’s own region and project. The check value printed for a group holds for every member.',
  'receipt.replica.groupTitle': 'Replica group {group} ({count} keys):',
  'receipt.replica.members': 'Members ({count}), primary first:',
  'receipt.replica.role': '{role, select, primary {primary} other {replica}}',
  'receipt.replica.roleHeading': 'Role',
  'receipt.replica.region': 'Region',
  'receipt.replica.project': 'Project ID',
  'receipt.replica.keyInGroup': 'Replica group',
  'receipt.replica.keyInGroupValue':
    '{role, select, primary {group {group}: the primary (members listed under “Replica groups”)} other {group {group}: a replica of {primary}}}',
  'receipt.replica.aloneValue':
    'a replica of {primary}, which holds the same material and is not in this round (a round for this replica alone)',
  'receipt.replica.place': 'Region / project',
  'receipt.replica.placeValue': '{region} / {projectId}',
  'receipt.replica.sameCheck': 'the one value of replica group {group} (printed once under “Replica groups”)',
  'receipt.replica.otherCheck': 'DIFFERS for member {keyId}',
  'receipt.replica.proofLabel': 'Group proof',
  'receipt.replica.proof':
    '{method, select, publicKey {Proven after import: get-publickey of each of the {count} members, asked in its own region, equals the public-key fingerprint above.} kcv {Proven as far as the KMS allows: {bundles, plural, =0 {the {count} members were imported from the one wrapped material with the key check value above (in the bundle the witnesses confirmed)} =1 {the {count} members were imported from the one wrapped material with the key check value above (in the bundle the witnesses confirmed)} other {the {count} members were imported from # wrapped-material bundles, not one (a member was imported in a later round), each stating the key check value above (each made from import parameters the witnesses confirmed)}}, each in its own region, and each is Enabled and passed its own encrypt/decrypt round trip. The KMS offers no call that compares AES material across keys without revealing it.} other {NOT PROVEN: the journal records no proof of this group after its last import.}}',
  'receipt.signoff.heading': 'Sign-off',
  'receipt.signoff.statement':
    '{side, select, online {By signing, I confirm that I was present for this ceremony, that I have read the deviations listed above, and that the digests and results printed above are the ones Keyferry showed on the screen, the wrapped-material bundle digest also matching the air-gapped receipt. The results are Keyferry’s reading of the KMS’s answers, each recorded in the journal; a signature does not vouch for the KMS itself.} other {By signing, I confirm that I was present for this ceremony, that each confirmation listed under my name above is one I typed myself, that I have read the deviations listed above, that the digests printed above are the ones Keyferry showed on the screen, and that I saw key material leave this workstation only in wrapped form.{presenters, plural, =0 {} other { A person who presented a custody share also confirms that each share listed above as presented by them is one they handed over.}}}}',
  'receipt.signoff.signature': 'Signature',
  'receipt.signoff.date': 'Date',
  'receipt.footer':
    'Made by Keyferry {version} (build {build}) on {hostname}. A plain-text twin of this receipt states the same facts. Keyferry never prints key material; every value above is public or a one-way hash.',
  'receipt.footerText': 'Made by Keyferry {version} (build {build}) on {hostname}.',
  'receipt.page': 'Page {page} of {pages}',
  'receipt.rehearsal': '{title} (REHEARSAL)',
  'problem.CLI_UNKNOWN_RECEIPT_LANGUAGE': 'Receipts cannot be printed in "{lang}".',
  'problem.CLI_UNKNOWN_RECEIPT_LANGUAGE.next': 'Use --receipt-lang en, --receipt-lang zh-CN or --receipt-lang both.',
  'problem.RECEIPT_FONT_MISSING': 'Cannot embed the Chinese font in the document: {what} could not be read ({reason}).',
  'problem.RECEIPT_FONT_MISSING.next':
    'Nothing was written. Reinstall Keyferry (in a checkout: npm ci), which ships the font, then write the receipt again.',
  'backup.print.title': 'Keyferry custody backup of ceremony {ceremony}',
  'backup.print.lead':
    'Every key’s material of this ceremony ({keys, plural, one {# key material} other {# key materials}}), encrypted under the ceremony backup key: without enough custody shares it reveals nothing. Keep this printout with a custody share. It holds the backup file twice: as text to type back, and as {codes, plural, one {# QR code} other {# QR codes}} of the same file.',
  'backup.text.digest': 'Keys: {keys}. Backup digest (SHA-256): {digest}',
  'backup.text.lead':
    'The material of every key, encrypted (AES-256-GCM) under the ceremony backup key. Any {m} of the {n} custody shares rebuild that key; without them this file reveals nothing. Keep a copy with every share. To restore from paper, type the lines from the KEYFERRY BACKUP line on (spaces and letter case do not matter).',
  'backup.text.keyKcv': '  key {n}: {keyId}  {spec}  key check value {check}',
  'backup.text.keyPublicKey': '  key {n}: {keyId}  {spec}  public-key SHA-256 {check}',
  'backup.print.textHeading': 'The backup file as text',
  'backup.print.qrHeading': 'The backup file as QR codes',
  'backup.print.qrLead':
    'Scan every code (in any order) and paste what the scanner read into Keyferry’s backup field, or type the lines above from the KEYFERRY BACKUP line on. Each code starts with KFBQR, its number and a tag of the file.',
  'backup.print.qrCaption': 'QR {n} of {count}',
  'slip.title': 'Keyferry custody slip: share {index} of {total}',
  'slip.ceremony': 'Ceremony',
  'slip.ceremonyTitle': 'Title',
  'slip.splitAt': 'Shares made',
  'slip.keyId': 'Key ID',
  'slip.keySpec': 'Key spec',
  'slip.share': 'Share',
  'slip.shareValue': '{index} of {total} (any {threshold} shares rebuild the key; fewer reveal nothing)',
  'slip.kcv': 'Key check value',
  'slip.publicKey': 'Public key SHA-256',
  'slip.custodian': 'Custodian',
  'slip.shareFile': 'Share file',
  'slip.checksum': 'Share checksum',
  'slip.keep':
    'Keep this slip and the share file together, away from every other custodian’s share. To restore, the custodians bring their shares; type the lines below exactly as printed (spaces and letter case do not matter) or scan the QR codes in order.',
  'slip.custodianSignature': 'Custodian signature',
  'slip.witnessSignature': 'Witness signature',
  'slip.date': 'Date',
  'slip.qrCaption': 'QR {n} of {count}: lines {first}-{last}',
  'slip.qrCaptionHeader': 'QR {n} of {count}: header and lines {first}-{last}',
  'receipt.hsm.heading': 'HSM',
  'receipt.hsm.lead':
    'The key material of this session stayed inside this HSM token: it was generated or kept there and wrapped there, and only its wrapped form left it. The user PIN is recorded nowhere.',
  'receipt.hsm.leadNotAll':
    'The key material of this session was wrapped inside this HSM token, and during this session only its wrapped form left it. Not all of it was inside the token all its life: the “Origin” row of each key below says what the token reports of its object. The user PIN is recorded nowhere.',
  'receipt.hsm.leadUnknown':
    'The key material of this session was wrapped inside this HSM token, and during this session only its wrapped form left it. For some keys it is not known whether their material was in the token all its life (the token did not say, or the journal does not record it): the “Origin” row of each key below says which. The user PIN is recorded nowhere.',
  'receipt.hsm.origin': 'Origin of key {keyId}',
  'receipt.hsm.originValue':
    '{origin, select, generated {generated in this token by this ceremony} kept {already in the token: generated there and never readable in plain form (CKA_LOCAL and CKA_ALWAYS_SENSITIVE true)} imported {already in the token: NOT generated there (CKA_LOCAL false): its value was put into the token, so it existed outside it before} exposed {already in the token, and readable in plain form NOW (CKA_SENSITIVE false): anyone with the token’s PIN can read its value out} readable {already in the token: generated there, but readable in plain form at some time (CKA_ALWAYS_SENSITIVE false)} other {already in the token: not known (the token did not say whether it generated the object and kept it sensitive, or the journal does not record it)}}',
  'receipt.hsm.manufacturer': 'Manufacturer',
  'receipt.hsm.model': 'Model',
  'receipt.hsm.serial': 'Serial number',
  'receipt.hsm.firmware': 'Firmware',
  'receipt.hsm.tokenLabel': 'Token label',
  'receipt.hsm.module': 'PKCS#11 module',
  'receipt.hsm.object': 'Token object of key {keyId}',
  'receipt.hsm.mechanisms': 'Mechanisms for key {keyId}',
  'receipt.hsm.mechanismsValue': '{mechanismsList}; wrapped for {algorithm}',
} as const;
