/** JournalScreen: the journal viewer. */
export const enScreenJournal = {
  'journal.heading': 'Ceremony journal',
  'journal.which': 'Which journal',
  'journal.label':
    '{side, select, online {Online journal} air_gapped {Air-gapped journal} other {Custody restore journal}}',
  'journal.read-again': 'Read the journal again',
  'journal.none':
    'No {side, select, online {online} custody_restore {custody-restore} other {air-gapped}} journal has been written yet.',
  'journal.verifies': 'The chain of {count, plural, one {# entry} other {# entries}} verifies.',
  'journal.broken': 'The journal does NOT verify.',
  'journal.file': 'File',
  'journal.head': 'Head hash (compare with the receipt):',
  'journal.head-label': 'Journal head hash',
  'journal.caption': 'Entries, oldest first',
  'journal.col.time': 'Time',
  'journal.col.who': 'Who',
  'journal.col.event': 'Event',
  'journal.col.data': 'Data',
  'journal.reason': 'Why:',
  'journal.recorded': 'Recorded text: “{text}”',
  'journal.shortened': '({count, plural, one {# character} other {# characters}} in the file)',
  /** A journal field's label: its name in the journal (a code) where the catalogue has none. */
  'journal.field':
    '{name, select, alias {Alias} appBuild {App build} appCode {App code} appVersion {App version} artefact {Confirmed} backupDigest {Backup digest} backupFile {Backup file} bound {Bound} cause {Cause} ceremonyId {Ceremony id} code {Code} confirmation {Confirmation} credentials {Credentials} custodian {Custodian} custodians {Custodians} custodiansOnOneVolume {Custodians on one volume} custody {Custody} description {Description} destinations {Destinations} digest {Digest} digestSource {Digest from} encryptedKeyMaterialSha256 {Encrypted key material SHA-256} encryptedPrivateKeySha256 {Encrypted private key SHA-256} endpoint {Endpoint} expiresAt {Expires} expiry {Material expiry} file {File} fileCount {Files} folder {Folder} format {Format} freeBytes {Free bytes} holders {Holders} hostname {Host name} htmlFile {HTML file} htmlSha256 {HTML SHA-256} importToken {Import token} importTokenSha256 {Import token SHA-256} index {Number} interfaces {Interfaces} journalCountAtReceipt {Journal entries at the receipt} journalHeadAtReceipt {Journal head hash at the receipt} key {Key} keyCheckValue {KCV} keyId {Key id} keyIds {Key ids} keyState {Key state} keys {Keys} keysVisible {Keys visible} kind {Kind} language {Language} left {Left by} manifest {Manifest} manifestSha256 {Manifest SHA-256} materialExpiry {Material expiry} parametersBundle {Made from the import-parameters bundle} plannedExpiry {Planned material expiry} neededBytes {Bytes needed} operator {Operator} os {Operating system} overridden {Overridden} projectId {Project id} proof {Proof} publicKeyFingerprint {Public key fingerprint} receiptLanguage {Receipt language} region {Region} rehearsal {Rehearsal} replicaOf {Replica of} replicas {Replicas} role {Role} shareIndex {Share} side {Side} source {Source} spec {Spec} state {State} step {Step} summary {Summary} textFile {Text file} textSha256 {Text SHA-256} threshold {Threshold} title {Title} tokenExpiresAt {Import token expires} tokensUntil {Import tokens valid until} grounds {Grounds} wrapAgainReason {Reason to wrap again} total {Total} usage {Usage} warnings {Warnings} willCreate {Will create} witness {Witness} witnesses {Witnesses} wrappingAlgorithm {Wrapping algorithm} wrappingKeyFingerprint {Wrapping key fingerprint} wrappingPublicKey {Wrapping key} paperSize {Paper size} count {Count} label {Label} token {Token} share {Share} typed {Typed} seq {Entry} profile {Profile} reason {Reason} message {Message} values {Values} at {Time} error {Error} errno {Error code} module {Module} mechanism {Mechanism} folders {Folders} removedFiles {Files removed} leftFiles {Files left} session {Session} earlier {Earlier wraps} receipt {Receipt} signal {Signal} stop {Stopped} wipedKeys {Keys wiped} bundleDigest {Wrapped bundle digest} differingGroups {Differing groups} accessKeyHint {Access key} bundleExpiry {Bundle material expiry} causeValues {Cause values} effective {Effective expiry} given {Given} importedSeq {Imported at entry} members {Members} method {Method} needed {Needed} now {This machine’s time} plan {Planned expiry} planned {Planned} plannedKind {Planned (kind)} presented {Presented} presentedBy {Presented by} notCustodian {Not the recorded custodian} shareIndexes {Shares} sharesList {Shares} severalSharesReason {Reason one person handed over several shares} primaryKeyId {Primary key id} purpose {Purpose} reasonPhrase {Reason} recordedExpiresAt {Recorded material expiry} requested {Requested} requestedKind {Requested (kind)} shareChecksum {Share checksum} sharesPresented {Shares presented} splitCeremonyId {Split in ceremony} value {Value} bundleOperator {Operator on the bundle} bundleWitnessList {Witnesses on the bundle} givenOperator {Operator given} givenWitnessList {Witnesses given} bundlePeople {People on the bundle} sideFile {Side file} fragmentSha256 {Incomplete line SHA-256} fragmentBytes {Incomplete line bytes} fragmentEvent {Incomplete line’s event} fragmentKeyId {Incomplete line’s key id} looksLikeCutLine {Reads as this journal’s cut line} recordedLate {Recorded late} line {Line} madeBy {Made by} journalFile {Journal file} journalFirstEntrySha256 {Journal’s first entry SHA-256} airGapJournal {Air-gapped journal} airGapJournalFirstEntry {Air-gapped journal’s first entry} earlierAirGapJournal {Earlier air-gapped journal} earlierAirGapJournalFirstEntry {Earlier air-gapped journal’s first entry} airGapJournalFirstEntrySha256 {Air-gapped journal’s first entry SHA-256} earlierAirGapJournalFirstEntrySha256 {Earlier air-gapped journal’s first entry SHA-256} earlierSeq {Earlier bundle at entry} journalOperator {Operator in the online journal} journalWitnessList {Witnesses in the online journal} madeOperator {Operator who wrapped} madeWitnessList {Witnesses who wrapped} from {From} hsmTokenSerial {HSM token serial} hsmTokenLabel {HSM token label} recordedIn {Recorded in} modulePath {PKCS#11 module} serial {Serial number} fileName {File name} marker {Marker file} manifestRenamed {Manifest renamed} manifestWritten {Manifest written} manifestRemoved {Manifest removed} voidedFiles {Renamed .void} withdrawnBundle {Withdrawn bundle} expiries {Material expiry per key} tokenSerial {Token serial} recordedSeq {Recorded at entry} keptInHsm {Kept in the HSM} consequence {Consequence} wrapEntry {Session that wrapped it (its start entry)} earlierWraps {Earlier wraps of its journal} sha256 {SHA-256} makersCompared {Compared with the wraps taken} other {{name}}}',
  'journal.field.label': '{label}:',
  'journal.field.pair': '{label}: {value}',
  'journal.value.yes': '{yes, select, true {yes} other {no}}',
  'journal.value.fields': '({fields})',
  'journal.value.none': '(none)',
  'journal.value.number': '{n, number}',
  'journal.value.never': 'never expires',
  'journal.value.notWithdrawnCause':
    '{cause, select, unreadable {the folder could not be read} shareMissing {the share was not in the folder} other {files could not be removed}}',
  'journal.value.digestSource':
    "{source, select, receipt {typed from the air-gapped receipt} rehearsal {taken from the rehearsal's air-gapped side} other {{source}}}",
} as const;
