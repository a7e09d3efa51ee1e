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
    '{name, select, accessKeyHint {Access key} airGapJournal {Air-gapped journal} airGapJournalFirstEntry {Air-gapped journal’s first entry} airGapJournalFirstEntrySha256 {Air-gapped journal’s first entry SHA-256} alias {Alias} appBuild {App build} appCode {App code} appVersion {App version} artefact {Confirmed} at {Time} backupDigest {Backup digest} backupFile {Backup file} bound {Bound} bundleDigest {Wrapped bundle digest} bundleExpiry {Bundle material expiry} bundleOperator {Operator on the bundle} bundlePeople {People on the bundle} bundleWitnessList {Witnesses on the bundle} cause {Cause} causeValues {Cause values} ceremonyId {Ceremony id} code {Code} confirmation {Confirmation} consequence {Consequence} count {Count} credentials {Credentials} custodian {Custodian} custodians {Custodians} custodiansOnOneVolume {Custodians on one volume} custody {Custody} description {Description} destinations {Destinations} differingGroups {Differing groups} digest {Digest} digestSource {Digest from} earlier {Earlier wraps} earlierAirGapJournal {Earlier air-gapped journal} earlierAirGapJournalFirstEntry {Earlier air-gapped journal’s first entry} earlierAirGapJournalFirstEntrySha256 {Earlier air-gapped journal’s first entry SHA-256} earlierSeq {Earlier bundle at entry} earlierWraps {Earlier wraps of its journal} effective {Effective expiry} encryptedKeyMaterialSha256 {Encrypted key material SHA-256} encryptedPrivateKeySha256 {Encrypted private key SHA-256} endpoint {Endpoint} errno {Error code} error {Error} expiresAt {Expires} expiries {Material expiry per key} expiry {Material expiry} file {File} fileCount {Files} fileName {File name} folder {Folder} folders {Folders} format {Format} fragmentBytes {Incomplete line bytes} fragmentEvent {Incomplete line’s event} fragmentKeyId {Incomplete line’s key id} fragmentSha256 {Incomplete line SHA-256} freeBytes {Free bytes} from {From} given {Given} givenOperator {Operator given} givenWitnessList {Witnesses given} grounds {Grounds} holders {Holders} hostname {Host name} hsmTokenLabel {HSM token label} hsmTokenSerial {HSM token serial} htmlFile {HTML file} htmlSha256 {HTML SHA-256} importedSeq {Imported at entry} importToken {Import token} importTokenSha256 {Import token SHA-256} index {Number} interfaces {Interfaces} journalCountAtReceipt {Journal entries at the receipt} journalFile {Journal file} journalFirstEntrySha256 {Journal’s first entry SHA-256} journalHeadAtReceipt {Journal head hash at the receipt} journalOperator {Operator in the online journal} journalWitnessList {Witnesses in the online journal} keptInHsm {Kept in the HSM} key {Key} keyCheckValue {KCV} keyId {Key id} keyIds {Key ids} keys {Keys} keyState {Key state} keysVisible {Keys visible} kind {Kind} label {Label} language {Language} left {Left by} leftFiles {Files left} line {Line} looksLikeCutLine {Reads as this journal’s cut line} madeBy {Made by} madeOperator {Operator who wrapped} madeWitnessList {Witnesses who wrapped} makersCompared {Compared with the wraps taken} manifest {Manifest} manifestRemoved {Manifest removed} manifestRenamed {Manifest renamed} manifestSha256 {Manifest SHA-256} manifestWritten {Manifest written} marker {Marker file} materialExpiry {Material expiry} mechanism {Mechanism} members {Members} message {Message} method {Method} module {Module} modulePath {PKCS#11 module} needed {Needed} neededBytes {Bytes needed} notCustodian {Not the recorded custodian} now {This machine’s time} operator {Operator} os {Operating system} overridden {Overridden} paperSize {Paper size} parametersBundle {Made from the import-parameters bundle} plan {Planned expiry} planned {Planned} plannedExpiry {Planned material expiry} plannedKind {Planned (kind)} presented {Presented} presentedBy {Presented by} primaryKeyId {Primary key id} profile {Profile} projectId {Project id} proof {Proof} publicKeyFingerprint {Public key fingerprint} purpose {Purpose} reason {Reason} reasonPhrase {Reason} receipt {Receipt} receiptLanguage {Receipt language} recordedExpiresAt {Recorded material expiry} recordedIn {Recorded in} recordedLate {Recorded late} recordedSeq {Recorded at entry} region {Region} rehearsal {Rehearsal} removedFiles {Files removed} replicaOf {Replica of} replicas {Replicas} requested {Requested} requestedKind {Requested (kind)} role {Role} seq {Entry} serial {Serial number} session {Session} severalSharesReason {Reason one person handed over several shares} sha256 {SHA-256} share {Share} shareChecksum {Share checksum} shareIndex {Share} shareIndexes {Shares} sharesList {Shares} sharesPresented {Shares presented} side {Side} sideFile {Side file} signal {Signal} source {Source} spec {Spec} splitCeremonyId {Split in ceremony} state {State} step {Step} stop {Stopped} summary {Summary} textFile {Text file} textSha256 {Text SHA-256} threshold {Threshold} title {Title} token {Token} tokenExpiresAt {Import token expires} tokenSerial {Token serial} tokensUntil {Import tokens valid until} total {Total} typed {Typed} usage {Usage} value {Value} values {Values} voidedFiles {Renamed .void} warnings {Warnings} willCreate {Will create} wipedKeys {Keys wiped at the stop} withdrawnBundle {Withdrawn bundle} witness {Witness} witnesses {Witnesses} wrapAgainReason {Reason to wrap again} wrapEntry {Session that wrapped it (its start entry)} wrappingAlgorithm {Wrapping algorithm} wrappingKeyFingerprint {Wrapping key fingerprint} wrappingPublicKey {Wrapping key} other {{name}}}',
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
