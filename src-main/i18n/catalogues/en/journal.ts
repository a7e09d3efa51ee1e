/**
 * The journal (append, lock, verify, what it refuses to record), durable file writes, folders on
 * media and receipt inputs. Paths, hashes, process ids and system error codes are values.
 */

/** Why a file-system call failed, from its error code (`detail`: the system's own words otherwise). */
const FS_ERROR =
  '{errno, select, EEXIST {a file with that name already exists (Keyferry never overwrites)} ENOSPC {the media is full} EROFS {the media is read-only} EACCES {permission was denied} EPERM {permission was denied} ENOENT {the folder no longer exists (was the media removed?)} EIO {the media reported an input/output error (was it removed?)} other {{detail}}}';
/** Advice after a file-system failure in {folder}: permission (EACCES, EPERM) is fixed by access, not by other media. */
const DENIED =
  'Give this account write access to the folder {folder} (or choose a folder it may write to), then try again.';
const unlessDenied = (advice: string): string =>
  `{errno, select, EACCES {${DENIED}} EPERM {${DENIED}} other {${advice}}}`;
const VERIFY_AND_KEEP = 'Stop. Verify the journal with "keyferry journal verify" and keep it as evidence.';
const KEYFERRY_FAULT = 'This is a fault in Keyferry, not in the ceremony; keep the journal and report it.';

export const enJournal = {
  'problem.WRITE_VERIFY_FAILED': 'The file {file} read back differently from what was written.',
  'problem.WRITE_VERIFY_FAILED.next': 'The media may be failing. Use other media and write into a fresh folder.',
  'problem.WRITE_FAILED': `Could not write {file}: ${FS_ERROR}.`,
  'problem.WRITE_FAILED.next': `Nothing written there counts as done. ${unlessDenied('Check the media, then write again into a fresh folder.')}`,
  'problem.FOLDER_NOT_FRESH': `Could not create the folder {dir}: ${FS_ERROR}.`,
  'problem.FOLDER_NOT_FRESH.next': unlessDenied('Choose a new folder name that does not exist yet.'),
  'problem.FOLDER_UNAVAILABLE':
    'The folder {dir} cannot be used ({errno}): it does not exist, is not a folder, or its media was removed.',
  'problem.FOLDER_UNAVAILABLE.next': 'Connect the media and pick the folder again.',
  'problem.JOURNAL_CHANGED_ELSEWHERE':
    'The journal {name} was changed by something else while it was open ({size} bytes, expected {expected}).',
  'problem.JOURNAL_CHANGED_ELSEWHERE.next':
    '{surface, select, app {Stop, and check the journal on the Journal screen, which verifies its chain; keep it as evidence.} other {Stop and verify the journal with "keyferry journal verify"; keep it as evidence.}}',
  'problem.JOURNAL_WRITE_FAILED': 'Could not write to the journal {name} ({errno}); the entry was not recorded.',
  'problem.JOURNAL_WRITE_FAILED.next': 'Free space or reconnect the media, then retry the step.',
  'problem.JOURNAL_BROKEN':
    '{reason, select, unwritten {Could not write to the journal {name} ({errno}) and could not undo the partial write.} other {An earlier write to the journal failed and could not be undone.}}',
  'problem.JOURNAL_BROKEN.next': `{reason, select, unwritten {{surface, select, app {Stop. Look at the journal on the Journal screen (“Read the journal again”: it says whether its chain verifies) and keep it as evidence.} other {${VERIFY_AND_KEEP}}}} other {Open the journal again; it is verified on opening.}}`,
  'problem.JOURNAL_CLOSED': 'The journal is closed.',
  'problem.JOURNAL_CLOSED.next': 'Open the journal again; it is verified on opening.',
  'problem.JOURNAL_DATA_NOT_JSON':
    'The journal data at {where} is {kind, select, value {{value}} type {{type, select, undefined {undefined} other {a {type}}}} deep {nested deeper than {max} levels} circular {a circular reference} other {an instance of {type}}}, which has no exact JSON form.',
  'problem.JOURNAL_DATA_NOT_JSON.next':
    'Record only strings, finite numbers, booleans, null, arrays and plain objects in the journal.',
  'problem.JOURNAL_ENTRY_INVALID':
    '{reason, select, actor {The journal actor must be 1-200 characters without control characters.} event {The journal event "{event}" is not a dotted event name.} data {Journal data must be a JSON object.} clock {The clock gave an invalid time.} other {The journal entry is larger than {max} bytes.}}',
  'problem.JOURNAL_ENTRY_INVALID.next':
    '{reason, select, actor {Name the operator, witness or "system".} event {Use a name such as ceremony.started or material.wrapped.} data {Pass the facts as an object with named fields, such as keyId.} clock {Check the workstation clock.} other {Record hashes and names, not file contents.}}',
  'problem.JOURNAL_EXISTS': 'A journal already exists at {file}.',
  'problem.JOURNAL_EXISTS.next': 'Open it to continue that ceremony, or choose a new file name for a new ceremony.',
  'problem.JOURNAL_OPEN_FAILED': 'Cannot open the journal {file} for writing ({errno}).',
  'problem.JOURNAL_OPEN_FAILED.next': 'Check the folder exists and is writable, then try again.',
  'problem.JOURNAL_TAMPERED': 'The journal {file} does not verify: line {line}: {reasonPhrase}.',
  'problem.JOURNAL_TAMPERED.next':
    'Do not continue this ceremony with it. Keep the file as evidence and start the ceremony again with a new journal.',
  'problem.JOURNAL_NOT_A_JOURNAL':
    'The file {file} is not a Keyferry journal: no line of it is a journal entry. Nothing was written to it.',
  'problem.JOURNAL_NOT_A_JOURNAL.next':
    'Check the path given as the journal: give the journal file (.jsonl) that this ceremony’s earlier steps wrote, not a receipt, plan or bundle file.',
  'problem.JOURNAL_LAST_LINE_TORN':
    'The journal {file} does not verify: its last line {line} is incomplete (no newline at the end): an append was cut short (a power loss, a crash or a medium pulled out while Keyferry wrote it), or the file was written outside Keyferry.',
  'problem.JOURNAL_LAST_LINE_TORN.next':
    '{surface, select, app {If the power was lost, Keyferry crashed or the medium was pulled out while it wrote, set the incomplete line aside; the app cannot do that: close Keyferry and run on this workstation keyferry journal set-aside-torn-line "{path}" --operator NAME (the line is kept in a file beside the journal; the journal and the next receipt record it), then open Keyferry and run this step again. Otherwise keep the file as evidence and start the ceremony again with a new journal (a new ceremony folder, in Setup).} other {If the power was lost, Keyferry crashed or the medium was pulled out while it wrote, set the incomplete line aside: keyferry journal set-aside-torn-line "{path}" --operator NAME (the line is kept in a file beside the journal; the journal and the next receipt record it), then run this step again. Otherwise keep the file as evidence and start the ceremony again with a new journal.}}',
  'problem.JOURNAL_NOT_TORN':
    'The journal {file} ends with a complete line: there is no incomplete line to set aside, and nothing was changed.',
  'problem.JOURNAL_NOT_TORN.next':
    'Check it with keyferry journal verify; if it verifies, continue the ceremony with it.',
  'problem.JOURNAL_TORN_LINE_UNRECORDED':
    'Beside the journal {file} lies {sideFile}: a side file no journal entry records (left by a power loss during a set-aside, or put there by hand). Nothing was changed.',
  'problem.JOURNAL_TORN_LINE_UNRECORDED.next':
    '{surface, select, app {Two ways forward. If someone set a line aside from this journal and the power was lost before it was journaled, record it; the app cannot do that: close Keyferry and run on this workstation keyferry journal set-aside-torn-line "{path}" --operator NAME, which journals its SHA-256 and length and whether it reads as this journal’s cut line (the next receipt lists it). If nobody set a line aside from this journal, move the file out of the journal’s folder instead (keep it as evidence and find out who put it there). Then open Keyferry and run this step again.} other {Two ways forward. If someone set a line aside from this journal and the power was lost before it was journaled, record it: keyferry journal set-aside-torn-line "{path}" --operator NAME journals its SHA-256 and length and whether it reads as this journal’s cut line (the next receipt lists it). If nobody set a line aside from this journal, move the file out of the journal’s folder instead (keep it as evidence and find out who put it there). Then run this step again.}}',
  'problem.JOURNAL_SIDE_FILE_NOT_A_LINE':
    'Beside the journal {file} lies {sideFile}, named as a line set aside from it, but {bytes, plural, one {# byte} other {# bytes}} long: longer than any journal line ({max} bytes), so it is no line of this journal. Keyferry does not read it and will not record it. Nothing was changed.',
  'problem.JOURNAL_SIDE_FILE_NOT_A_LINE.next':
    'Move {sideFile} out of {folder} (keep it as evidence and find out who put it there), then run this step again.',
  'problem.JOURNAL_IN_USE':
    '{reason, select, owner {The journal is already open for writing by process {pid} on {hostname}, since {since, date, moment}.{where, select, namespace { That process is in another pid namespace of this host (a container or a sandbox): {pid} is its number there, and ps here shows another process by that number, or none.} other {}}} reader {The journal is being read by keyferry journal verify (process {pid} on {hostname}, since {since, date, moment}), which has not finished within {seconds} seconds.} unknown {The journal is already open for writing by an unknown process.} other {The journal lock could not be taken.}}',
  'problem.JOURNAL_IN_USE.next':
    '{reason, select, reader {Let the verification finish, then run the step again. If no Keyferry is running, delete {lockPath} and try again.} other {Close the other Keyferry first. If none is running, delete {lockPath} and try again.}}',
  'problem.JOURNAL_SECRET_REFUSED':
    'Refused to write {where} to the journal: {reason, select, pem {it contains a PEM private key} binary {binary values (Buffers, typed arrays) may hold key bytes} other {the name "{name}" suggests secret material}}.',
  'problem.JOURNAL_SECRET_REFUSED.next':
    'Record a fingerprint or SHA-256 of the value instead (e.g. name the field …Fingerprint or …Sha256); never the value itself.',
  'problem.JOURNAL_BAD_EXPECTED_COUNT': 'The expected entry count is not a whole number.',
  'problem.JOURNAL_BAD_EXPECTED_COUNT.next': 'Copy the entry count from the receipt again.',
  'problem.QR_TEXT_INVALID': 'A QR code on a receipt can only hold 1-1000 printable ASCII characters.',
  'problem.QR_TEXT_INVALID.next': 'Encode a hex digest or an identifier.',
  'problem.RECEIPT_INPUT_INVALID': 'Cannot make the receipt: {detail}.',
  'problem.RECEIPT_INPUT_INVALID.next': KEYFERRY_FAULT,
  'journal.verify.blank': 'blank line (a journal has exactly one entry per line)',
  'journal.verify.tooLong': 'line is longer than {max} bytes',
  'journal.verify.notUtf8': 'line is not valid UTF-8',
  'journal.verify.notJson': 'line is not valid JSON',
  'journal.verify.noEntry': 'no line of the file is a journal entry: it is not a Keyferry journal',
  'journal.verify.notEntry': 'not a journal entry: {field} is not as a journal entry has it',
  'journal.verify.seq': 'seq is {seq} but this is entry {line}: an entry was removed, inserted or moved',
  'journal.verify.genesis': 'prev of the first entry is not the genesis value (64 zeros)',
  'journal.verify.chain': 'prev does not match the hash of line {previous}: the chain is broken',
  'journal.verify.noJsonForm':
    'line holds a value with no exact JSON form (a number out of range, or nesting too deep): it was edited',
  'journal.verify.hash': 'hash does not match the entry’s content: the entry was changed',
  'journal.verify.notCanonical': 'line is not in canonical form: it was edited or reformatted',
  'journal.verify.incomplete':
    'the last line is incomplete (no newline at the end): the journal was cut short or written outside Keyferry',
  'journal.verify.cutShort':
    'the journal ends after {count} entries but the receipt counts {want}: entries were removed from the end',
  'journal.verify.otherHead':
    "entry {want}'s hash is not the expected head: the head or the count was typed wrong, or this is not the journal the receipt was printed from",
  'journal.verify.headMissing':
    'the expected head hash is not in the journal: entries were removed from the end, or this is another journal',
  // Why a ceremony was abandoned, journaled as a phrase beside the English `reason` (receipts print it).
  'journal.reason.window-closed': 'the officer closed the Keyferry window and confirmed abandoning the ceremony',
  'journal.reason.ceremony-left': 'the officer left the ceremony for another screen and confirmed abandoning it',
  'journal.reason.app-closed': 'Keyferry closed',
  'journal.reason.session-killed':
    'session {session} of this journal (entries {from}-{to}) ended without stopping and without recording its end: its process ({pid}) was killed, crashed or lost its power, and left the journal’s lock behind. Whatever it was doing when it ended is unfinished',
  'journal.reason.session-killed-import':
    'session {session} of this journal (entries {from}-{to}) ended without stopping and without recording its end: its process ({pid}) was killed, crashed or lost its power, and left the journal’s lock behind. It had journaled the import of {done, select, all {{count, plural, one {the one key} =2 {both keys} other {all # keys}}} other {{imported} of the {count} keys}} of the wrapped-material bundle it checked at entry {checkSeq}{left, select, nothing {, the proof of {count, plural, one {that key} other {those keys}} and the online receipt: it ended after its work was done, before it released the journal} receipt {, and the proof of {count, plural, one {that key} other {those keys}}: what it left unfinished is the online receipt} partly {, and the proof of some of them: what it left unfinished is the proof of the keys not proven yet and the online receipt} other {: what it left unfinished is {done, select, all {the proof of {count, plural, one {that key} other {those keys}} and the online receipt} other {the import of the other keys, the proof of the keys and the online receipt}}}}',
  'journal.reason.sent-unrecorded':
    'session {session} of this journal (entries {from}-{to}) sent {count, plural, one {an import} other {# imports}} to the KMS and ended before recording {count, plural, one {its answer} other {their answers}} (a kill, a crash, a power cut or a journal that could not be written ends a session so; the journal does not say which)',
  'journal.reason.sent-unrecorded-creates':
    'session {session} of this journal (entries {from}-{to}) sent {count, plural, one {a create-key request} other {# create-key requests}} to the KMS and ended before recording {count, plural, one {its answer} other {their answers}} (a kill, a crash, a power cut or a journal that could not be written ends a session so; the journal does not say which)',
  'journal.reason.sent-stopped':
    'session {session} of this journal (entries {from}-{to}) sent {count, plural, one {an import} other {# imports}} to the KMS and was stopped before recording {count, plural, one {its answer} other {their answers}}: journal entry {stop} records the stop, made while the KMS had not answered',
  'journal.reason.sent-stopped-creates':
    'session {session} of this journal (entries {from}-{to}) sent {count, plural, one {a create-key request} other {# create-key requests}} to the KMS and was stopped before recording {count, plural, one {its answer} other {their answers}}: journal entry {stop} records the stop, made while the KMS had not answered',
  'journal.reason.stopped-before-end':
    'the process was stopped (journal entry {seq}: ceremony.interrupted) before the session could journal its end',
  'journal.reason.ended-before-manifest':
    'the process ended after the receipt and before the bundle manifest was written (a crash or power loss): the bundle never became whole, and its receipt is voided',
  'journal.reason.stop-cut-short':
    '{seq, plural, =0 {the session was being stopped} other {the session was stopped (journal entry {seq}: ceremony.interrupted)}}, and the process ended (a crash or power loss) before its stop journaled its end: what that stop had withdrawn is not withdrawn again',
  'journal.reason.ended-without-stop': 'the process ended without stopping: a crash or power loss',
  'journal.reason.torn-recorded-late':
    'a side file no journal entry recorded: left by a power loss during a set-aside, or put there by hand',
  'journal.reason.custody-not-withdrawn':
    '{cause, select, receiptWritten {KEPT, not withdrawn: {holder, select, known {share {share} given to {custodian}, in {folder}} other {the custodian folder {folder}}}{files, plural, =0 {} other { ({filesList})}}, of the custody set of a session that wrote its receipt before its bundle’s manifest. That bundle is not whole where the session put it, but the journal may be a copy cut short and the manifest taken away: keep these until the online side shows that no key holds this set’s material (its key states, or online status); only then destroy them.} unknownSet {NOT withdrawn, check before deleting anything: the custodian folder {folder} holds {filesList}, of a custody set this copy of the journal does not know. The session was stopped before it journaled its split, so they may be its set, cut short; they may as well be a finished wrap’s set (of another journal, or of this one after this copy was taken), the only backup of material a KMS key holds. Delete them only if no receipt names that set (the tag in their names is printed on the receipts).} closingCut {NOT known withdrawn, look for it: {holder, select, known {share {share} given to {custodian}, written into {folder}} other {the custodian folder {folder}}}. The earlier closing of that session was cut short (a crash or power loss) before it journaled what it removed, and {files, plural, =0 {the set’s files} other {{filesList}}} are not there now: that closing removed them, or they were never there (another medium at that path, or moved). Look on that custodian’s medium and delete any found, before anyone keeps or presents them as a share: they belong to a session that did not finish.} other {NOT withdrawn, delete by hand: {holder, select, known {share {share} given to {custodian}, written into {folder}} maybe {the custodian folder {folder} of {custodian}, who was to get share {share} (the writes may have reached it)} other {the custodian folder {folder}}}: {cause, select, unreadable {that folder could not be read (missing, moved to another path or medium, or not a folder)} shareMissing {the files written there are not in it (another medium at that path, or moved)} other {its files could not be removed}}. {files, plural, =0 {Files of the custody set may be there (keyferry-share-… and keyferry-backup-… of the ceremony): look on that custodian’s medium} other {Delete {filesList} wherever that medium is now}}, before anyone keeps or presents them as a share: they belong to a session that did not finish.}}',
  'journal.reason.operator-abandoned': 'abandoned by the operator',
  'journal.reason.signal': 'stopped by {signal}',
  'journal.reason.zero-filled-pad':
    'rehearsal override: the token zero-fills AES key wrap with padding; not RFC 5649-exact',
  'journal.reason.expiry-lapsed-plan-replaced':
    'the ceremony plan asked for {plannedKind, select, never {no AES material expiry (never)} other {the AES material expiry {planned, date, moment}}}, which had passed before this custody restore, so it could not be kept; the restore requested {requestedKind, select, never {never} other {{requested, date, moment}}} for {count, plural, one {# key} other {# keys}} instead (a lapsed plan replaced, not an override)',
  'journal.reason.expiry-plan-overridden':
    'the ceremony plan asked for {plannedKind, select, never {no AES material expiry (never)} other {the AES material expiry {planned, date, moment}}}; this side requested {requestedKind, select, never {never} other {{requested, date, moment}}} for {count, plural, one {# key} other {# keys}}',
  'journal.reason.wrap-repeated':
    'a new wrap of this ceremony after {count, plural, one {# finished wrap} other {# finished wraps}} (the last in air-gapped session {last}): {fresh, select, no {material that exists already (in the HSM token, or loaded from a file), not new material} yes {new material} other {material this journal does not say was new or existing already (an older Keyferry wrote it without recording that)}} beside the earlier wrapped {count, plural, one {bundle} other {bundles}}{custodySets, plural, =0 {} one { and # earlier custody set} other { and # earlier custody sets}}; only one wrapped bundle may be imported',
  'journal.reason.wrap-repeated-sets':
    'a new wrap of this ceremony after {count, plural, one {# finished wrap} other {# finished wraps}} (the last in air-gapped session {last}): {fresh, select, no {material that exists already (in the HSM token, or loaded from a file), not new material} yes {new material} other {material this journal does not say was new or existing already (an older Keyferry wrote it without recording that)}} beside the earlier wrapped {count, plural, one {bundle} other {bundles}} and {custodySets, plural, one {# earlier custody set} other {# earlier custody sets}}; only one wrapped bundle may be imported; {fresh, select, yes {once this new bundle is imported, the custodians of the earlier custody {custodySets, plural, one {set} other {sets}} (backup digest {backupsList}) destroy those shares: their material can then never be imported into those keys} other {the custodians of the earlier custody {custodySets, plural, one {set} other {sets}} (backup digest {backupsList}) destroy those shares only once this new bundle is imported and only if it holds new material, which this journal does not say: where the key check values and public-key fingerprints on this receipt and the earlier {custodySets, plural, one {one} other {ones}} agree, it is the same material and those shares must be KEPT}}',
  'journal.reason.wrap-repeated-kept':
    'a new wrap of this ceremony after {count, plural, one {# finished wrap} other {# finished wraps}} (the last in air-gapped session {last}): {fresh, select, no {material that exists already (in the HSM token, or loaded from a file), not new material} other {new material}} beside the earlier wrapped {count, plural, one {bundle} other {bundles}} and {custodySets, plural, one {# earlier custody set} other {# earlier custody sets}}; only one wrapped bundle may be imported for each key{destroy, plural, =0 {} other {; once this new bundle is imported, the custodians of the earlier custody {destroy, plural, one {set} other {sets}} (backup digest {backupsList}) destroy those shares: their material can then never be imported into those keys}}; the earlier custody {kept, plural, one {set} other {sets}} (backup digest {keptList}) must be KEPT, {kept, plural, one {its} other {their}} shares not destroyed: {named, select, no {this journal does not record which keys {kept, plural, one {it backs} other {they back}} (split by an older build), and the KMS may hold {kept, plural, one {its} other {their}} material from an earlier bundle} other {{kept, plural, one {it also backs} other {they also back}} keys this wrap makes no new material for ({keysList}), whose material the KMS may hold from an earlier bundle}}',
  'journal.reason.wrap-again-kept':
    'a new wrap of this ceremony after {count, plural, one {# finished wrap} other {# finished wraps}} (the last in air-gapped session {last}): {fresh, select, no {material that exists already (in the HSM token, or loaded from a file), not new material} other {new material}} beside the earlier wrapped {count, plural, one {bundle} other {bundles}} and {custodySets, plural, one {# earlier custody set} other {# earlier custody sets}}; only one wrapped bundle may be imported for each key{destroy, plural, =0 {} other {; once this new bundle is imported, the custodians of the earlier custody {destroy, plural, one {set} other {sets}} (backup digest {backupsList}) destroy those shares: their material can then never be imported into those keys}}; the earlier custody {kept, plural, one {set} other {sets}} (backup digest {keptList}) must be KEPT, {kept, plural, one {its} other {their}} shares not destroyed: {named, select, no {this journal does not record which keys {kept, plural, one {it backs} other {they back}} (split by an older build), and the KMS may hold {kept, plural, one {its} other {their}} material from an earlier bundle} other {{kept, plural, one {it also backs} other {they also back}} keys this wrap makes no new material for ({keysList}), whose material the KMS may hold from an earlier bundle}}; wrapped again because: {reason}',
  'journal.reason.wrap-again-sets':
    'a new wrap of this ceremony after {count, plural, one {# finished wrap} other {# finished wraps}} (the last in air-gapped session {last}): {fresh, select, no {material that exists already (in the HSM token, or loaded from a file), not new material} yes {new material} other {material this journal does not say was new or existing already (an older Keyferry wrote it without recording that)}} beside the earlier wrapped {count, plural, one {bundle} other {bundles}} and {custodySets, plural, one {# earlier custody set} other {# earlier custody sets}}; only one wrapped bundle may be imported; {fresh, select, yes {once this new bundle is imported, the custodians of the earlier custody {custodySets, plural, one {set} other {sets}} (backup digest {backupsList}) destroy those shares: their material can then never be imported into those keys} other {the custodians of the earlier custody {custodySets, plural, one {set} other {sets}} (backup digest {backupsList}) destroy those shares only once this new bundle is imported and only if it holds new material, which this journal does not say: where the key check values and public-key fingerprints on this receipt and the earlier {custodySets, plural, one {one} other {ones}} agree, it is the same material and those shares must be KEPT}}; wrapped again because: {reason}',
  'journal.reason.wrap-again':
    'a new wrap of this ceremony after {count, plural, one {# finished wrap} other {# finished wraps}} (the last in air-gapped session {last}): {fresh, select, no {material that exists already (in the HSM token, or loaded from a file), not new material} yes {new material} other {material this journal does not say was new or existing already (an older Keyferry wrote it without recording that)}} beside the earlier wrapped {count, plural, one {bundle} other {bundles}}{custodySets, plural, =0 {} one { and # earlier custody set} other { and # earlier custody sets}}; only one wrapped bundle may be imported; wrapped again because: {reason}',
} as const;
