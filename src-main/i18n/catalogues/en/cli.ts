/** The `keyferry` command line: help, summaries, and what commands print. */
export const enCli = {
  'cli.help.title': 'Keyferry: BYOK key ceremonies across an air gap.',
  'cli.help.usage': 'Usage: {app} <command> [options]     ({app} <command> --help for details)',
  'cli.help.version': '       {app} --version                 (version and the digest of the code that runs)',
  'cli.help.commands': 'Commands:',
  'cli.help.lang': 'Language: --lang en|zh-CN, else LC_ALL / LC_MESSAGES / LANG.',
  'cli.help.receiptLang':
    '{journal, select, none {Custody slips: --receipt-lang en|zh-CN|both (both: English and Chinese side by side), else the language above. This command keeps no journal, so nothing remembers the choice: give it on every split.} other {Receipts and custody slips: --receipt-lang en|zh-CN|both (both: English and Chinese side by side), else the language above; a ceremony’s journal records it, and its later sessions keep it unless given again.}}',
  'cli.summary.journal-verify': 'Verify a ceremony journal (hash chain, and the head hash printed on a receipt)',
  'cli.summary.journal-set-aside-torn-line':
    'Set aside the incomplete last line of a journal (an append cut short by a power loss), kept in a file beside it',
  'cli.summary.bundle-verify': 'Verify a transfer bundle (import parameters or wrapped material) and print its digest',
  'cli.summary.wrap': 'Wrap generated or existing key material under a KMS wrapping key (air-gapped side)',
  'cli.summary.custody-split':
    'Split key material into M-of-N custody shares (a custody set) with printable slips and backup',
  'cli.summary.custody-restore':
    'Rebuild key material from M custody shares; with --bundle, the restore ceremony for a re-import',
  'cli.summary.kms-sim': 'Run the built-in KMS simulator on loopback (rehearsals, no cloud account)',
  'cli.summary.kms-sim-advance': 'Move a running simulator’s clock forward (expiry rehearsals)',
  'cli.summary.rehearse': 'Rehearse a whole ceremony against the built-in KMS simulator (no cloud account)',
  'cli.summary.online-create-key': 'Start a ceremony and create its external keys in the KMS',
  'cli.summary.online-params': 'Fetch wrapping keys and import tokens; write the import-parameters bundle',
  'cli.summary.online-import': 'Check the wrapped-material bundle, import it, verify every key, write the receipt',
  'cli.summary.online-status': 'Show every key of the ceremony and re-verify the imported ones',
  'cli.summary.online-delete-material': 'Delete the imported material of an AES key (it returns to Pending import)',
  'cli.summary.hsm-info': 'List the slots, tokens and ceremony mechanisms of an HSM through its PKCS#11 module',
  'cli.summary.airgap-wrap':
    'Air-gapped side: witnesses confirm the bundle digest, produce and wrap material, write bundle and receipt',

  'cli.rehearse.start': 'Rehearsing {specs} against the built-in KMS simulator into {dir}',
  'cli.rehearse.ceremony': 'Ceremony {id} (rehearsal)',
  'cli.rehearse.title': 'Keyferry rehearsal ({specs})',
  'cli.rehearse.operator': 'Rehearsal operator',
  'cli.rehearse.witness': 'Rehearsal witness',
  'cli.rehearse.col.spec': 'spec',
  'cli.rehearse.col.key-id': 'key id',
  'cli.rehearse.col.state': 'final state',
  'cli.rehearse.col.proof': 'proof',
  'cli.rehearse.ok': 'OK: {proof}',
  'cli.rehearse.failed': 'FAILED: {proof}',
  'cli.rehearse.everything-in': 'Everything is in {dir}:',
  'cli.rehearse.plan': 'plan',
  'cli.rehearse.online-journal': 'online journal',
  'cli.rehearse.airgap-journal': 'air-gap journal',
  'cli.rehearse.online-receipt': 'online receipt',
  'cli.rehearse.airgap-receipt': 'air-gap receipt',
  'cli.rehearse.bundles': 'bundles',
  'cli.rehearse.custody-shares': 'custody shares',
  'cli.rehearse.verified': '(verified against its receipt)',
  'cli.rehearse.not-verified': '(NOT VERIFIED)',
  'cli.rehearse.no-online-receipt': 'not written (a key failed verification)',
  'cli.rehearse.passed': 'Rehearsal passed: every key was imported and proven to work.',
  'cli.rehearse.two-machines':
    'Next, to rehearse the real commands as two people on two machines (two folders, or two computers and a USB stick): start a simulator that keeps its state in a terminal of its own, keyferry kms-sim --state sim-state.json --port 8790 --clock-control, then follow the README’s walk-through from online create-key with the endpoint, region, project ID, AK and SK it prints.',
  'cli.rehearse.failed-summary': 'Rehearsal FAILED: see the table above.',
  'airgap.parameters-from':
    'Ceremony {id}: {count, plural, one {# key} other {# keys}} from {source, select, consoleFiles {the console files} other {{source}}}',
  'airgap.token-held-by-console': 'held by the console',
  'airgap.fingerprint-of': '  {grouped}   (key {keyId})',
  'airgap.shares-one-volume':
    'WARNING: custody folders share one volume: move each custodian\u2019s folder to media of its own now.',
  'airgap.bundle-digest': '  bundle digest {digest}',
  'airgap.next.online-import': 'Next, on the online workstation in the folder of its journal: {command}',
  'cli.next.media-folder':
    'MEDIA: the folder that holds the bundle ({folder} on this workstation), as the {side, select, online {online} other {air-gapped}} workstation mounts it.',
  'airgap.next.console-import':
    'Next, in the KMS console on the online side: no Keyferry online journal created this key, so keyferry online import cannot take this bundle. Open the key’s Import Key Material dialog and give it the files in {keyDir} (what each is for: {readme}). Before that, keyferry bundle verify on the bundle must show the wrapped-material bundle digest the receipt prints: {digest}',
  'airgap.default-title': 'Key import ceremony',
  'wrap.cli.wrapped':
    'Wrapped {generated, select, yes {newly generated} other {existing}} {spec} key material with {algorithm}.',
  'wrap.cli.wrapping-key': 'Wrapping key (RSA-{bits}) SHA-256 fingerprint:  {hex}',
  'wrap.cli.public-key': 'Public key SHA-256 fingerprint:  {hex}',
  'wrap.cli.kcv': 'Key check value (KCV):  {hex}',
  'wrap.cli.not-2048': 'Note: the KMS import API expects one RSA-2048 ciphertext; this wrapping key is RSA-{bits}.',
  'wrap.cli.files': 'Files written to {dir}:',
  'wrap.cli.file': '  {name} {size} bytes  sha256 {sha256}',
  'journal.cli.bad-line': 'line {line}: {reason}',
  'journal.cli.foreign-line':
    'Line {line} belongs to ceremony {hasTitle, select, yes {\u201c{title}\u201d } other {}}(id {ceremonyId}), not to this one (id {own}).',
  'journal.cli.misplaced-line':
    'Line {line} is an intact entry ({event}), not an edited one: {kind, select, first {it is the first entry of a journal, so a line of another journal was put into this one.} after {it came after line {previous} of this journal, so entries between them were removed, put in or moved, or two copies of this journal were both written to.} other {the entry it came after is in no line of this file: that entry was removed, or the line comes from another journal or from a copy of this one that went on further.}}',
  'journal.cli.not-a-journal-next':
    'Check the path: give the journal file (.jsonl) a ceremony step wrote, not a receipt, plan or bundle file.',
  'journal.cli.bad-next':
    'This journal cannot be trusted from line {line} on. Continue no ceremony with it and keep it as it is, as evidence; continue with the journal the workstation wrote, or a copy of it that keyferry journal verify reports OK.',
  'journal.cli.head-slip':
    'The head hash given differs from the hash of entry {seq}{last, select, yes { (the journal’s last entry)} other {}} only in {count, plural, one {group {groupsList}} other {groups {groupsList}}} (typed there: {typedList}): probably a typing slip.',
  'journal.cli.receipt-next':
    '{ceremony, select, none {} other {This journal records ceremony {ceremony}{hasTitle, select, yes { “{title}”} other {}}: first check that the receipt names the same ceremony (its “Ceremony ID” line), as a receipt of another ceremony is checked against that ceremony’s journal. }}Check the head hash and count against the receipt you took them from; if they are right, this journal is not as it was when that receipt was printed: continue no ceremony with it and keep it as it is, as evidence.',
  'journal.cli.torn-copy-short':
    '{by, select, count {The count given, {expected} entries, is more than the {whole} whole entries this file holds before its incomplete last line: if it was typed right from the receipt, {missing, plural, one {# entry the receipt sealed is} other {# entries the receipt sealed are}} missing.} other {The head given is the hash of none of the {whole} whole entries before this file’s incomplete last line: if it was typed right from the receipt, entries the receipt sealed are missing.}} A power loss cuts only the line being written, after what a receipt sealed: this is a copy cut short, not an interrupted write. Do not set the line aside or write to this file; keep it as it is, and verify a whole copy of the journal (the workstation’s own, or another copy).',
  'journal.cli.torn-next':
    'If the power was lost, Keyferry crashed or the medium was pulled out while it wrote, set the incomplete line aside (kept in a file beside the journal, journaled, listed on the next receipt): keyferry journal set-aside-torn-line "{file}" --operator NAME',
  'journal.cli.torn-set-aside':
    'Set aside the incomplete line {line} of {journal} ({bytes, plural, one {# byte} other {# bytes}}, SHA-256 {sha256}) into {sideFile}. The journal now ends with entry {count} (journal.torn-line-set-aside), which the next receipt lists among its deviations. Run the step that was refused again with the same journal.',
  'journal.cli.torn-completed':
    'Line {line} of {journal} was a whole entry missing only its newline: it reads, its hash is right and it chains to the line before it, so it was completed (its newline written), not set aside. The journal now ends with entry {count} (journal.torn-line-completed), which the next receipt lists among its deviations. Run the step that was refused again with the same journal.',
  'journal.cli.torn-recorded-late':
    'Recorded {sideFile}, a side file beside {journal} that the journal did not record ({bytes, plural, one {# byte} other {# bytes}}, SHA-256 {sha256}): left by a power loss during a set-aside, or put there by hand; {cutLine, select, yes {it reads as the start of this journal’s next line} other {it does NOT read as a line of this journal}}. The journal now ends with entry {count} (journal.torn-line-set-aside), which the next receipt lists among its deviations. Run the step that was refused again with the same journal.',
  'journal.cli.torn-not-a-line':
    '{sideFile} does not read as a line of this journal, so nothing in it is shown as what a line held.',
  'journal.cli.torn-fragment':
    'What the dropped line in {sideFile} held, as far as it reads: {event, select, none {no event name reads in it} other {event {event}}}{keyId, select, none {, no key ID} other {, key ID {keyId}}}. A journal line never holds key material.',
  'journal.cli.later':
    'NOT OK: {count, plural, one {# entry follows} other {# entries follow}} {sealed, plural, =0 {the expected head (entry {at})} one {the expected head (entry {at}) and the entry recording the receipt that printed it (entry {sealedTo})} other {the expected head (entry {at}) and the entries recording the receipt that printed it and its bundle (entries {sealedFrom}-{sealedTo})}}: {entries}. The receipt does not vouch for {count, plural, one {it} other {them}}. If {count, plural, one {it is} other {they are}} a later session of this ceremony, check {count, plural, one {it} other {them}} against its later receipt, or run again with --allow-later.',
  'journal.cli.entry': 'entry {seq} {event}',
  'journal.cli.more': '{count} more',
  'journal.cli.more-looks': '{count} more that only looked at the keys',
  'journal.cli.ok':
    'OK {count, plural, one {# entry} other {# entries}}, head {head}{at, plural, =0 {} other {; the expected head is entry {at}{sealed, plural, =0 {} one {, then the entry recording the receipt that printed it (entry {sealedFrom})} other {, then the entries recording the receipt that printed it and its bundle (entries {sealedFrom}-{sealedTo})}}{later, plural, =0 {} other {{looks, select, yes {, then {later, plural, one {# entry} other {# entries}} of {sessions, plural, one {a later look} other {# later looks}} at the keys by online status (nothing imported, deleted or refused: key states read and keys proven again{unfinished, plural, =0 {} one {, or, in one of them, the KMS not reached or the status stopped before it proved them all} other {, or, in # of them, the KMS not reached or the status stopped before it proved them all}}): {entries}. The receipt does not vouch for {later, plural, one {it} other {them}}.} other {, then {later} later entries, accepted (--allow-later): {entries}}}}}}}',
  /** journal verify: the journal's lock was left by a writer that is gone (put back for the next step to say it). */
  'journal.cli.left-behind':
    'Its lock was left by process {pid} of this computer, which held the journal since {since, date, moment} and is gone: a session was killed, crashed or lost its power while it had the journal open, and the journal does not record how that session ended. The next step of the ceremony on this workstation says it in the journal; leave the lock file until then.',
  /** journal verify: the chain verifies, but a side file beside it blocks every step (the refusal follows). */
  'journal.cli.ok-blocked':
    'The chain of {count, plural, one {# entry} other {# entries}} verifies (head {head}), but every step refuses this journal until the file below is dealt with:',
  'bundle.cli.ok':
    'OK {kind, select, import_parameters {import parameters (online → air-gapped)} other {wrapped material (air-gapped → online)}} bundle, {format} version {version}',
  'bundle.cli.ceremony': 'Ceremony {id}, written {at} by {app} {appVersion}',
  'bundle.cli.keys': 'Keys ({count}):',
  'bundle.cli.token-expires':
    '    token expires   {at, select, unknown {unknown} other {{at} ({hours} h {minutes} min left)}}',
  'bundle.cli.wrapping-key': '    wrapping key    {hex}',
  'bundle.cli.public-key': '    public key      {hex}',
  'bundle.cli.check-value': '    check value     {hex}',
  'bundle.cli.material-expiry': '    material expiry {at}',
  'bundle.cli.digest': 'Digest {digest}',
  'bundle.cli.digest-as-on-media':
    '{kind, select, wrapped {This is the digest of the bundle as it now is on this medium, which anyone who had the medium could have rewritten with it. For keyferry online import --expect-digest, type the digest printed on the air-gapped receipt (“Wrapped-material bundle digest” under its seals), read aloud from that paper: never this one. If the two differ, the bundle was changed after it was wrapped: do not import it.} other {This is the digest of the bundle as it now is on this medium. The witnesses type the digest the online journal recorded when the bundle was written, which keyferry online status prints: read that one aloud. If the two differ, the bundle was changed after it was written: do not carry it to the air-gapped workstation.}}',
  'bundle.cli.digest-withheld':
    'Digest not shown: on the air-gapped workstation every witness types it as read aloud from the online side. Check it here with --expect-digest "…" as heard; on the online workstation, --show-digest prints it.',
} as const;
