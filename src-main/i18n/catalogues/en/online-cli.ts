/** The online CLI: the KMS connection a ceremony's journal records. */
export const enOnlineCli = {
  'problem.CONNECTION_DIFFERS_FROM_JOURNAL':
    'The journal {journal} records {field} {recordedPhrase} for this ceremony, but this command was given {givenPhrase} (from {givenFromPhrase}).',
  'problem.CONNECTION_DIFFERS_FROM_JOURNAL.next':
    "Leave the connection options out (the journal's connection is used) or give {field} {recordedPhrase}, and in a --config file the same value or none; a ceremony stays on one KMS.",
  'connection.value':
    '{simulator, select, yes {{value} (the simulator on this workstation, on whichever port it listens)} other {{value}}}',
  'online.next.new-parameters':
    'Next, new wrapping keys and import tokens (the ones the material was wrapped with expired; wrap again on the air-gapped workstation with the new bundle; MEDIA: the removable media’s folder as this workstation mounts it): {command}',
  'online.next.parameters-again':
    'Next, fresh wrapping keys and import tokens for the keys waiting for their material again (MEDIA: the removable media’s folder as this workstation mounts it; it prints the command to run on the air-gapped workstation with the new bundle): {command}',
  'cli.col':
    '{col, select, alias {alias} spec {spec} usage {usage} keyId {key id} state {state} tokenUntil {token valid until} materialExpires {material expires} proof {proof} region {region} project {project} group {group} other {{col}}}',
  'cli.replica-group': '{role, select, primary {primary} other {replica of {primary}}}',
  'cli.warning': 'WARNING: {text}',
  'cli.receipt-written': 'Receipt: {html} (and {text})',
  'online.default-title': 'Import of {alias}',
  'online.create.left-alone-under-dropped-alias':
    'Warning: the plan given now leaves out {alias}{region, select, none {} other { (the replica in region {region})}}, whose create-key request this journal shows sent at entry {seq}{sentSpec, select, none {} other { (spec {sentSpec}, usage {sentUsage})}} with no answer recorded. The KMS holds key {keyId} under that alias, of spec {spec} and usage {usage}: not the key that request asked for, so that create never took effect, and not a key of this ceremony. It was left alone: not taken into this ceremony, not changed, not deleted. Find out whose it is before anyone relies on it.',
  'online.created':
    '{count, plural, one {The plan’s key exists} other {The plan’s # keys exist}} in the KMS, Pending import: {made, plural, =0 {none created by this run} one {# created by this run} other {# created by this run}}{found, plural, =0 {} other {, # found where a stopped attempt created {found, plural, one {it} other {them}}}}{earlier, plural, =0 {} other {, # created by an earlier run}}.',
  'online.progress.key-failed': 'NOT done: {line}{keyId, select, none {} other { (key {keyId})}}.',
  'online.progress.key-unrecorded':
    'Done in the KMS, NOT journaled: {line}{keyId, select, none {} other { (key {keyId})}}. {cause, select, stop {The KMS answered after the stop began, which closed the journal before it could record the answer} other {The KMS answered and the journal could not record it}}; {fetch, select, yes {the next run fetches new parameters for it (these were never written to a bundle).} other {the next run finds it in the KMS and journals it.}}',
  'online.plan-expiry-default':
    'The plan does not say "materialExpiry": the AES material of {count, plural, one {# key} other {# keys}} never expires (the default, not the plan\u2019s word).',
  'online.next.params':
    'Next, onto the removable media (MEDIA: its folder as this workstation mounts it, e.g. /media/usb): {command}',
  'online.params.key':
    '  {alias} ({spec}, key {keyId}{replica, select, yes {, the replica in region {region}} other {}}), token valid until {until}',
  'online.params.one-source-each':
    'Fetch them one group at a time, each into a new folder on the removable media (no token is fetched for the others meanwhile): run the first command, take that bundle through the air-gapped step it names and import what it writes; then the next.',
  'online.params.written': 'Import-parameters bundle written and verified: {dir}',
  'online.params.stopped-writing':
    'The import-parameters bundle {dir} was not finished: {cleanup, select, partial {not all it had written could be removed; delete {leftoversList} by hand (it is incomplete, never a bundle).} other {the files it had written were removed again, with the folders it made, so nothing partial is left and the same --out can be used again.}}',
  'online.next.airgap-wrap-expiring':
    'The plan lets the AES material of {count, plural, one {# key} other {# keys}} expire in the KMS (first at {at, date, moment}), so the air-gapped side generates it only with a copy kept: fill in --custody M/N with one --custodian NAME and one --custodian-folder DIR per custodian (each on their own media). Or, instead, accept that the material is lost after that with --no-backup, or request --expires never (an override); both are journaled and printed on the receipts.',
  'online.next.airgap-wrap': 'Next, within 24 hours, on the air-gapped workstation with this bundle: {command}',
  'online.reimport.why':
    '{count, plural, one {Key {keysList} had material imported before} other {Keys {keysList} had material imported before}}: the KMS accepts only that same material again, so fresh material from keyferry airgap wrap would be refused (KMS.2606).',
  'online.reimport.why-group':
    '{holderIs, select, itsPrimary {Key {keyId} is a replica of {holder}, which holds the material imported before: a replica group holds one material, so this replica takes that same material, not fresh material from keyferry airgap wrap.} other {Key {keyId} was never imported, and {holder} of its replica group holds the material imported before: a replica group holds one material, so this key takes that same material, not fresh material from keyferry airgap wrap (fresh material would leave the group holding two).}}',
  'online.next.airgap-wrap-hsm':
    'The wrapped-material bundle checked at online journal entry {seq} had this material made in HSM token {token}, and none of it was imported: it is still in the token. Next, within 24 hours, on the air-gapped workstation, wrap that same material again from the token with this bundle (PKCS11-MODULE is the token’s module; --hsm-existing-keys finds each key’s object by CKA_ID = the key id; custody shares are refused for HSM material, the token is its custody copy): {command}',
  'online.next.custody-restore':
    'Next, within 24 hours, on the air-gapped workstation with this bundle and the share files of any {m} of the {n} custodians{set, select, named { of custody set {setTag} (the tag in the share files’ names)} other {}} (for SHARE-1…SHARE-{m}{expiry, select, yes {; EXPIRY is the material expiry of the restored keys: original (the same expiry, if still in the future), a date-time, a duration such as 90d, or never} group {; --expires original keeps the expiry each key had: {groupKeysList} of a replica group whose other members hold this material must keep the one the group holds, as one material has one expiry (another is refused at import)} other {}}): {command}',
  'online.next.hsm-restore':
    'Next, within 24 hours, on the air-gapped workstation with this bundle and the HSM token that holds the material ({token}; PKCS11-MODULE is its module; --hsm-journal names the air-gapped journal that recorded the material in the token, in the folder the command runs in{expiry, select, yes {; EXPIRY is the material expiry of the restored keys: original (the same expiry, if still in the future), a date-time, a duration such as 90d, or never} group {; --expires original keeps the expiry each key had: {groupKeysList} of a replica group whose other members hold this material must keep the one the group holds, as one material has one expiry (another is refused at import)} other {}}): {command}',
  'online.next.original-material':
    '{source, select, files {The material was loaded from files the officer keeps, and no custody copy was taken: only those original files can bring these keys back.} other {No custody copy of this material was taken: only the original material can bring these keys back; without it every ciphertext under them stays unreadable.}} Next, within 24 hours, on the air-gapped workstation, wrap the original material of each key with this bundle (ORIGINAL-MATERIAL-FILE, one key per run): {command}',
  'online.import.checked':
    'Wrapped-material bundle checked against the parameters the KMS issued: {count, plural, one {# key} other {# keys}}.',
  'online.import.imported':
    '  imported {spec} key {keyId}{group, select, primary { in {region}, primary of its replica group} replica { in {region}, replica of {primary}} other {}} (material expires: {expires}{origin, select, option {, chosen with --expires} replaced {, chosen with --expires instead of the bundle request {requested}} other {}}; {how, select, answered {the KMS answered} reconciled {the journal holds no answer to the import sent: the key’s state shows the import took effect} retried {the KMS answered a retry} other {{how}}})',
  'online.import.verify-failed':
    'keyferry online import: a key failed verification; no receipt was written. Check it with "keyferry online status".',
  'online.import.others-waiting':
    'No receipt yet: it is written once every key of the ceremony holds imported material, and {count, plural, one {# key still waits} other {# keys still wait}} for material ({keysList}). Next, to see what {count, plural, one {it needs} other {each needs}} (new import parameters, or the air-gapped step for a bundle already written): {command}',
  'online.next.status': 'Next, to check the keys at any time: {command}',
  'online.import.already-imported':
    'Every key of this bundle already holds its material (imported earlier, journaled): nothing is imported again; the keys are verified and the receipt written.',
  'online.import.stopped-part-way':
    'The import stopped part way: {imported} of {total} keys {imported, plural, one {holds its} other {hold their}} material (imported and journaled).{unanswered, plural, =0 {} one { # key was sent an import that is not recorded as taken: {unansweredKeys}; the next run asks the KMS whether it took effect before sending anything again.} other { # keys were sent an import that is not recorded as taken: {unansweredKeys}; the next run asks the KMS whether they took effect before sending anything again.}}{missing, plural, =0 {} one { # key is not imported yet (Pending import): {missingKeys}.} other { # keys are not imported yet (Pending import): {missingKeys}.}}{elsewhere, plural, =0 {} one { # key waits for material this bundle does not carry: {elsewhereKeys} (online status says what it needs).} other { # keys wait for material this bundle does not carry: {elsewhereKeys} (online status says what they need).}} The ceremony is not finished.',
  'online.named-key': '{alias} ({keyId}{replica, select, yes {, the replica in {region}} other {}})',
  'online.import.more-keys': '{keys} and {count} more (keyferry online status names every one)',
  'online.import.run-again':
    '{when, select, officer {{elsewhere, plural, =0 {To finish it} other {To finish the import of this bundle (the ceremony is finished only once the keys it does not carry hold their material too)}}} journal {Once the journal can be written again (room on its medium, the medium connected)} other {Once the KMS answers again}}, run the same import: it imports only what is missing, and sends no import again that took effect: {command}',
  'online.import.verify-stopped':
    'Verifying the keys stopped: {count, plural, one {# key holds its} other {# keys hold their}} imported material (journaled), but not every key is proven and the online receipt is not written. Next, run the same import again: it imports nothing twice, proves every key and writes the receipt: {command}',
  'online.import.receipt-failed':
    'The {count, plural, one {key is} other {# keys are}} imported and verified (journaled), but the receipt could not be written (journaled). Next, write it into a folder that exists and can be written: {command}',
  'online.proof': '{ok, select, yes {OK} other {FAILED}}: {proof}',
  'online.group-proofs':
    '  {method, select, publicKeyEqual {{count, plural, one {# replica group} other {# replica groups}} (RSA/EC) proven: get-publickey of every member, asked in its own region, equals the group’s one public key} other {{count, plural, one {# replica group} other {# replica groups}} (AES) proven as far as the KMS allows: every member was imported from the one wrapped material with the group’s key check value and passed its own encrypt/decrypt round trip}}',
  'online.group-not-proven':
    '  Replica group of {alias} ({count} keys, primary {primary}): NOT proven: every member holds imported material, but the journal records no proof of this group after its last import (a member failed its own proof in the table above)',
  'online.expiry': '{at, select, never {never} unknown {unknown} none {-} other {{at}}}',
  'online.lapsed.heading':
    'Key material lapsed: {count, plural, one {# key was imported, but the KMS deleted its material after it expired; it is back in Pending import and accepts} other {# keys were imported, but the KMS deleted the material after it expired; they are back in Pending import and accept}} only the same material again.',
  'online.lapsed.key': '  {alias} ({spec}, key {keyId}), material expiry recorded at import: {expires}',
  'online.lapsed.next':
    'Every ciphertext under {count, plural, one {the key} other {these keys}} is unreadable until the same material is imported again. Next (MEDIA: the removable media’s folder as each workstation mounts it):',
  'online.lapsed.no-custody':
    '{count, plural, one {It had} other {They had}} NO custody copy (the air-gapped side kept none): the material is lost for ever unless someone still holds the same material, and every ciphertext under {count, plural, one {the key} other {these keys}} stays unreadable. New import parameters do not bring it back by themselves; only if someone brings that material (MEDIA: the removable media’s folder as each workstation mounts it):',
  'online.lapsed.step1': '  1. {command}      (fresh wrapping key and import token)',
  'online.lapsed.step2':
    "  2. {command} (with the other options step 1 prints), on the air-gapped workstation, with {custody, select, hsm {the HSM token {token} that holds the material (its PKCS#11 module and PIN) and the air-gapped journal that recorded it there (--hsm-journal)} shares {the shares of any {m} of the {n} custodians{set, select, named { of custody set {setTag} (the tag in the share files’ names)} other {}} and the custody backup} other {the ceremony's custody copy (the shares of enough custodians, or the HSM token: step 1 prints the exact command)}}; --expires is required because this material had an expiry, and its original expiry has passed: EXPIRY is a new date-time, a duration such as 90d, or never",
  'online.lapsed.step2-wrap':
    '  2. {command} (with the other options step 1 prints), on the air-gapped workstation, with {file, select, kept {the original material file kept as its only copy} other {the material file that person brings}}; --expires is required because this material had an expiry, and its original expiry has passed: EXPIRY is a new date-time, a duration such as 90d, or never',
  'online.lapsed.step3':
    '  3. {command} with the wrapped-material bundle the {by, select, wrap {wrap} other {restore}} wrote (the command it prints)',
  'online.status.nothing-imported': 'Nothing imported yet (ceremony step: {stepPhrase}).',
  'online.status.next-parameters':
    '{unwritten, select, yes {The import parameters fetched last were never written to a bundle (a stop or an error came first), and are not used. } other {}}Next, fresh wrapping keys and import tokens, written to a new bundle on the removable media (MEDIA: its folder as this workstation mounts it): {command}{earlier, select, yes { — unless the air-gapped side already wrapped the bundle written before ({dir}) and its import tokens are still valid: then import that wrap with the online import command it printed, and do not fetch again.} other {}}',
  'online.status.next-wrap':
    'Next, within the tokens’ 24 hours, on the air-gapped workstation: wrap with the import-parameters bundle {dir} (written at online journal entry {seq}), as online params printed it; then import what it writes here with the online import command it prints.',
  'online.status.partly-imported':
    '{count} of {total} keys {count, plural, one {is} other {are}} not imported yet (Pending import): {keys}. The ceremony is not finished, and a replica group with such a key is not complete. {tokens, select, lapsed {Their import tokens expired at {until, date, moment} (by this computer’s clock), so that bundle cannot import them any more: fetch new import parameters for them ({command}), then wrap their material on the air-gapped workstation with the bundle that writes (it says which keys must take material imported before, such as a replica group’s) and import what that wrap writes.} other {Run keyferry online import again with the same --bundle and --expect-digest (and, if the first run gave --expires, --expires with the exact expiry the keys above show, not a duration such as 30d, which would be counted again): it imports only what is missing{tokens, select, valid {, while their import tokens are valid (until {until, date, moment})} other {}}.}}',
  'online.status.group-material':
    '{holderIs, select, itsPrimary {{member} is a replica of {holder}, which holds the material imported before} other {{member} was never imported, and {holder} of its replica group holds the material imported before}}: a replica group holds one material, so this key takes that same material, never fresh material from keyferry airgap wrap (fresh material would leave the group holding two). Its import token has expired, so the bundle it was in cannot import it any more. Next: {command} (fresh wrapping key and import token); then, on the air-gapped workstation, {custody, select, shares {keyferry custody restore with the bundle it writes and the shares of any {threshold} of the {total} custodians ({custodiansList}{set, select, named {; custody set {setTag}} other {}}; online journal entry {seq})} hsmToken {keyferry custody restore with the bundle it writes and the HSM token {token} that holds the material (online journal entry {seq})} materialFiles {keyferry airgap wrap with the bundle it writes and the original material file of {holder} (no custody copy was taken: online journal entry {seq} recorded that file as the only copy)} none {keyferry airgap wrap with the bundle it writes and the group’s original material, if someone still holds it (no custody copy was taken: online journal entry {seq})} other {keyferry custody restore with the bundle it writes, from the ceremony’s custody copy}}, as that command prints it; then keyferry online import here with the wrapped-material bundle that writes.',
  'online.status.unrecorded-imports':
    '{count, plural, one {# key is} other {# keys are}} Enabled in the KMS with an import this journal shows sent but not recorded (the command stopped or crashed after sending, or its journal could not record the answer): {keys}. Run keyferry online import again with the same --bundle and --expect-digest{bundles, select, none {} other { (--bundle {bundles})}}: it compares each such key with the bundle (its expiry, and for RSA and EC keys its public key), records it, and sends nothing twice.',
  'online.status.unrecorded-not-taken':
    '{count, plural, one {# key is} other {# keys are}} still Pending import although this journal shows an import sent to {count, plural, one {it} other {them}} (journal entry {seq}) with no answer recorded (the command stopped or crashed after sending, or its journal could not record the answer): {keys}. The KMS shows that the import did not take effect: the ceremony is not finished. Run the import again with the same --expect-digest (the bundle digest on its air-gapped receipt): {command}. While the import token is valid it sends the import again with the same token and journals it as a retry of the unrecorded send; once the token has expired it says to fetch new parameters.',
  'online.status.round-wrap':
    'New import parameters for {keys} are in the import-parameters bundle {folder} (journal entry {seq}), written after {count, plural, one {its} other {their}} material was lost. Next, on the air-gapped workstation, run with that bundle the command keyferry online params printed (keyferry custody restore --bundle …, from the custody shares or the HSM token; with no custody copy, keyferry airgap wrap --bundle … --material with the original material file); then run keyferry online import here with the wrapped-material bundle it writes and the digest on its receipt.',
  'online.status.receipt-not-written':
    'Every key holds its material, proven ({count, plural, one {# key} other {# keys}}), but the online receipt is not written: the import stopped before it. The ceremony is not finished. Next, run the import again with the same --expect-digest (the bundle digest on its air-gapped receipt); it imports nothing twice and writes the receipt: {command}',
  'online.status.next-import-expiry':
    'The wrapped-material bundle {folder} made from it was checked (journal entry {seq}) and its import refused (entry {refusedSeq}, {code}: {by, select, kms {by the KMS’s clock} other {by this computer’s clock}} its material expiry is not in the future). That wrap stands, so the air-gapped side does not wrap again. Next, within the tokens’ 24 hours, import the same bundle with an expiry further ahead, DIGEST being the bundle digest on its air-gapped receipt and EXPIRY a date-time with its zone, a duration such as 90d, or never (journaled as an override): {command} --expect-digest DIGEST --expires EXPIRY. In a rehearsal the simulator’s clock may have been moved forward (kms-sim advance).',
  'online.status.round-import':
    'The wrapped-material bundle {folder} holding the material of {keys} was checked (journal entry {seq}), and nothing was imported from it yet. Next, import it, DIGEST being the bundle digest on its air-gapped receipt: {command} --expect-digest DIGEST',
  'online.status.unproven-imports':
    '{count, plural, one {# key is} other {# keys are}} Enabled in the KMS although the import this journal shows sent to {count, plural, one {it} other {them}} was answered with an error that does not say whether it took effect: {answers}. Run keyferry online import again with the same --bundle and --expect-digest{bundles, select, none {} other { (--bundle {bundles})}}: it asks the KMS first, compares each such key with the bundle (its expiry, and for RSA and EC keys its public key), records it, and sends nothing twice.',
  'online.status.unproven-answer':
    '{key}: {sentSeq, plural, =0 {} other {sent at journal entry #, }}answered at journal entry {seq} with {code, select, KMS_IMPORT_OUTCOME_UNKNOWN {a failure whose outcome is unknown (KMS_IMPORT_OUTCOME_UNKNOWN: its answer was lost, and the key’s state could not be read)} other {{code}}}',
  'online.status.answered-not-taken':
    '{count, plural, one {# key is} other {# keys are}} still Pending import although the import this journal shows sent to {count, plural, one {it} other {them}} was answered with an error that does not say whether it took effect: {answers}. The KMS now shows that the import did not take effect: the ceremony is not finished. Run the import again with the same --expect-digest (the bundle digest on its air-gapped receipt): {command}. It asks the KMS first; while the import token is valid it sends the import again with the same token, and once the token has expired it says to fetch new parameters.',
  'online.status.prove-first':
    'Verify first: {proveCount, plural, one {# key holds} other {# keys hold}} imported material not proven yet ({prove}), so the ceremony stands at step “{statePhrase}”, where no import-parameters bundle can be written; {lostCount, plural, one {# key waits} other {# keys wait}} for fresh import parameters ({lost}). Next: 1. prove {proveCount, plural, one {it} other {them}}: {status} (it proves every key holding material and journals each proof; a proof that fails says what to mend); 2. then fetch and write the fresh parameters: {params}',
  'online.status.foreign-imports':
    '{count, plural, one {# key is} other {# keys are}} Enabled in the KMS although this ceremony never sent an import to {count, plural, one {it} other {them}}: {keys}. Somebody imported other material: do not use {count, plural, one {it} other {them}} for this ceremony.',
  'online.status.not-journaled':
    'NOT JOURNALED: the journal {name} cannot be written ({errno}: its medium is full or cannot be written), so this look at the KMS is not recorded in it. The states below are what the KMS answers now.',
  'online.status.not-journaled.next':
    'Nothing of this look is in the journal{imported, plural, =0 {} one {, and the imported key was not proven (status journals its proof)} other {, and the # imported keys were not proven (status journals each proof)}}. Make room on the journal’s medium (or connect it again, writable), then run status again to journal the look: {command}',
  'online.deleted': 'Deleted the imported material of key {keyId}; it is now {state}.',
} as const;
