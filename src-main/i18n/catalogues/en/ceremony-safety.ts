/**
 * Ceremony safety: the preflight of output folders before material exists, sessions abandoned or
 * interrupted, bundles withdrawn, and acknowledgements of possible loss.
 */
export const enCeremonySafety = {
  'problem.PREFLIGHT_NOT_A_FOLDER':
    '{role, select, bundle {The wrapped-material bundle folder} parameters {The import-parameters bundle folder} receipt {The receipt folder} custodian {The folder of custodian {index}} other {The output folder}} {folder} exists but is not a folder. {role, select, parameters {Nothing was written.} other {Nothing was generated.}}',
  'problem.PREFLIGHT_NOT_A_FOLDER.next': 'Choose a folder path instead, then run the step again.',
  'problem.PREFLIGHT_FOLDER_NOT_EMPTY':
    '{role, select, bundle {The wrapped-material bundle folder} parameters {The import-parameters bundle folder} receipt {The receipt folder} custodian {The folder of custodian {index}} other {The output folder}} {folder} already holds {count, plural, one {# item} other {# items}}, e.g. {first}; Keyferry writes only into a new or empty folder. {role, select, parameters {Nothing was written.} other {Nothing was generated.}}',
  'problem.PREFLIGHT_FOLDER_NOT_EMPTY.next':
    'Choose a new folder name, then run the step again. Do not empty that folder before you know what it holds: {role, select, custodian {custody share files there (keyferry-share-…, keyferry-backup-…) may be an earlier custody set, the only backup of keys already imported; its tag is in their names, and the receipt that made it names it.} other {a bundle there (keyferry bundle verify FOLDER says which) may be one still to carry or import.}}',
  'problem.PREFLIGHT_FILE_EXISTS':
    '{role, select, bundle {The wrapped-material bundle folder} parameters {The import-parameters bundle folder} receipt {The receipt folder} custodian {The folder of custodian {index}} other {The output folder}} {folder} already holds {file}; Keyferry never overwrites. {role, select, parameters {Nothing was written.} other {Nothing was generated.}}',
  'problem.PREFLIGHT_FILE_EXISTS.next': 'Move {file} away or choose another folder, then run the step again.',
  'problem.PREFLIGHT_FOLDER_MISSING':
    '{role, select, bundle {The wrapped-material bundle folder} parameters {The import-parameters bundle folder} receipt {The receipt folder} custodian {The folder of custodian {index}} other {The output folder}} {folder} does not exist. {role, select, parameters {Nothing was written.} other {Nothing was generated.}}',
  'problem.PREFLIGHT_FOLDER_MISSING.next': 'Insert the media and create the folder, or choose an existing folder.',
  'problem.PREFLIGHT_PARENT_MISSING':
    '{role, select, bundle {The wrapped-material bundle folder} parameters {The import-parameters bundle folder} receipt {The receipt folder} custodian {The folder of custodian {index}} other {The output folder}} {folder} cannot be created: its parent {parent} is not an existing folder. {role, select, parameters {Nothing was written.} other {Nothing was generated.}}',
  'problem.PREFLIGHT_PARENT_MISSING.next': 'Insert the media, or choose a folder whose parent exists.',
  'problem.PREFLIGHT_READ_ONLY':
    '{role, select, bundle {The wrapped-material bundle folder} parameters {The import-parameters bundle folder} receipt {The receipt folder} custodian {The folder of custodian {index}} other {The output folder}} {folder} cannot be written: the media is read-only. {role, select, parameters {Nothing was written.} other {Nothing was generated.}}',
  'problem.PREFLIGHT_READ_ONLY.next':
    'Use writable media (check its write-protect switch) or choose another folder, then run the step again.',
  'problem.PREFLIGHT_MEDIA_FULL':
    '{role, select, bundle {The wrapped-material bundle folder} parameters {The import-parameters bundle folder} receipt {The receipt folder} custodian {The folder of custodian {index}} other {The output folder}} {folder} cannot be written: the media is full. {role, select, parameters {Nothing was written.} other {Nothing was generated.}}',
  'problem.PREFLIGHT_MEDIA_FULL.next': 'Free space on that media or choose other media, then run the step again.',
  'problem.PREFLIGHT_NOT_WRITABLE':
    '{role, select, bundle {The wrapped-material bundle folder} parameters {The import-parameters bundle folder} receipt {The receipt folder} custodian {The folder of custodian {index}} other {The output folder}} {folder} cannot be written: a test write failed ({reason}). {role, select, parameters {Nothing was written.} other {Nothing was generated.}}',
  'problem.PREFLIGHT_NOT_WRITABLE.next':
    'Check the media and its permissions, or choose another folder, then run the step again.',
  'problem.PREFLIGHT_NO_ROOM':
    '{role, select, bundle {The wrapped-material bundle folder} parameters {The import-parameters bundle folder} receipt {The receipt folder} custodian {The folder of custodian {index}} other {The output folder}} {folder} is on a volume with {freeKiB} KiB free, but about {neededKiB} KiB will be written {sharedWith, plural, =0 {there} one {on it, into this folder and the one other folder given on that volume ({othersList})} other {on it, into this folder and the # other folders given on that volume ({othersList})}}{bigBlocks, select, yes { (the volume allocates {blockKiB} KiB at least to each file and folder)} other {}}. {role, select, parameters {Nothing was written.} other {Nothing was generated.}}',
  'problem.PREFLIGHT_NO_ROOM.next': 'Free space on that media or choose other media, then run the step again.',
  'problem.PREFLIGHT_SAME_FOLDER':
    '{role, select, bundle {The wrapped-material bundle folder} parameters {The import-parameters bundle folder} receipt {The receipt folder} custodian {The folder of custodian {index}} other {The output folder}} {folder} is also given for another purpose. {role, select, parameters {Nothing was written.} other {Nothing was generated.}}',
  'problem.PREFLIGHT_SAME_FOLDER.next': 'Give each output its own folder, then run the step again.',
  'problem.PREFLIGHT_FOLDER_IN_OTHER':
    '{role, select, bundle {The wrapped-material bundle folder} parameters {The import-parameters bundle folder} receipt {The receipt folder} custodian {The folder of custodian {index}} other {The output folder}} {folder} lies inside {otherRole, select, bundle {the wrapped-material bundle folder} parameters {the import-parameters bundle folder} custodian {the folder of custodian {otherIndex}} other {the output folder}} {other}, which is to hold only what Keyferry writes there. {role, select, parameters {Nothing was written.} other {Nothing was generated.}}',
  'problem.PREFLIGHT_FOLDER_IN_OTHER.next':
    'Give each output a folder of its own, side by side, not one inside another (each custodian’s on their own media), then run the step again.',
  'problem.PREFLIGHT_IN_PARAMETERS_BUNDLE':
    '{role, select, bundle {The wrapped-material bundle folder} receipt {The receipt folder} custodian {The folder of custodian {index}} other {The output folder}} {folder} is inside the import-parameters bundle {bundle} being read, or is that folder: the bundle would then hold files its manifest does not list, and would no longer verify. Nothing was written.',
  'problem.PREFLIGHT_IN_PARAMETERS_BUNDLE.next':
    '{surface, select, app {Choose {role, select, bundle {a folder for the wrapped bundle of its own beside the parameters bundle on the media} receipt {a ceremony folder outside the parameters bundle (Setup)} custodian {a folder for each custodian on their own media} other {a folder outside the parameters bundle}} in the preflight step, then check the folders again.} other {Give {role, select, bundle {the wrapped bundle a folder of its own beside the parameters bundle on the media (--out, or --wrapped-out for a custody restore, as the printed Next line names it: MEDIA/wrapped-material-…)} receipt {the receipts a folder outside the parameters bundle (--receipt-dir)} custodian {each custodian a folder on their own media (--custodian-folder)} other {it a folder outside the parameters bundle}}, or choose that folder on the app’s preflight step; then run the command again (in the app: preflight again).}}',
  'problem.OUTPUT_THROUGH_LINK':
    '{role, select, bundle {The wrapped-material bundle folder} parameters {The import-parameters bundle folder} receipt {The receipt folder} onlineReceipt {The receipt folder} custodian {The folder of custodian {index}} restored {The folder for the restored key material} other {The output folder}} {folder} {at, select, itself {is a symbolic link to {target}} other {goes through the symbolic link {link}, which points to {target}}}: Keyferry writes only into the folder named, not through links (on removable media a link can send the files onto this workstation’s own disk). {role, select, parameters {Nothing was written.} onlineReceipt {Nothing was imported.} restored {Nothing was written.} other {Nothing was generated.}}',
  'problem.OUTPUT_THROUGH_LINK.next':
    'Name the real folder on the medium itself, not a link nor a folder reached through one, then run the step again. If nobody here made the link {link}, someone changed the medium: tell the operator and the witnesses before it is used again.',
  'problem.OUTPUT_FOLDER_CHANGED':
    'The folder {folder} is no longer the folder Keyferry was writing into: it was moved, renamed or replaced (a link put in its place among others), or its media was removed, while the files went in. What was written is not used.',
  'problem.OUTPUT_FOLDER_CHANGED.next':
    'If nobody here moved that folder or took out its media, something on this workstation changed the medium while Keyferry wrote: stop, tell the operator and the witnesses, and keep the medium as it is. Then run the step again with a folder on media nobody else touches.',
  'problem.PREFLIGHT_SAME_VOLUME':
    'The folders of custodian {first} ({firstFolder}) and custodian {second} ({secondFolder}) are on the same volume: one lost or copied drive would carry two shares. Nothing was generated.',
  'problem.PREFLIGHT_SAME_VOLUME.next':
    "{surface, select, app {Give each custodian’s share its own removable media, then check the folders again (in a rehearsal only, the tick box “Rehearsal: accept folders on one volume” lets them share one).} other {Give each custodian's share its own removable media (for a rehearsal only: --shares-on-one-volume).}}",
  'problem.PREFLIGHT_ON_TRANSFER_MEDIA':
    'The folder of custodian {index} ({folder}) is on the same volume as the wrapped-material bundle ({bundle}), which travels to the online workstation. Nothing was generated.',
  'problem.PREFLIGHT_ON_TRANSFER_MEDIA.next':
    "Put each custodian's share on its own removable media, not on the transfer media.",
  'problem.BUNDLE_ABANDONED':
    '{dir} is from an air-gapped session that was abandoned before its bundle became whole (see ABANDONED.txt in it); no valid receipt names it (one written for it is voided), so it must not be imported.',
  'problem.BUNDLE_ABANDONED.next':
    '{surface, select, app {Do not import it. Wrap again on the air-gapped workstation into a fresh folder (if the import tokens expired, first fetch new import parameters here, step “Fetch the import parameters”, and write the bundle), then check and import the bundle its receipt names.} other {Do not import it. Wrap again on the air-gapped workstation into a fresh folder (fetch new parameters with "keyferry online params" first if the import token expired), then import the bundle its receipt names.}}',
  'problem.WRAPPED_WITHDRAW_FAILED': 'The abandoned wrapped-material bundle in {dir} could not be marked or disabled.',
  'problem.WRAPPED_WITHDRAW_FAILED.next':
    'Delete the folder {dir} by hand before anyone carries it to the online workstation.',
  'problem.CEREMONY_STOPPED':
    'The ceremony session was stopped: no further step runs in it, and material produced after the stop is wiped at once.',
  'problem.CEREMONY_STOPPED.next': 'Start the step again in a new session with the same journal.',
  'cli.preflight-passed':
    'Preflight: the folders for the wrapped bundle ({bundle}, new) and the receipt ({receipts}){custodians, plural, =0 {} one { and # custodian folder} other { and # custodian folders}} are writable and have room.',
  'cli.session-unfinished':
    'Session {session} of this journal (entries {from}-{to}) {interrupted, plural, =0 {{beforeManifest, select, yes {ended after its receipt and before its bundle’s manifest was written: a crash or power loss. That bundle never became whole, so no online side takes it} other {ended without stopping: a crash or power loss}}} other {was stopped (journal entry {interrupted}) before it could journal its end}}. It is now journaled as abandoned (the receipt lists it under Deviations), and before this session starts what it wrote is withdrawn where it is found; whatever is not is named below, to delete by hand.',
  'cli.session-unrecorded': 'Journal entry {seq}: {reason}: {keys}. The receipt lists it under Deviations.',
  'cli.session-unrecorded-creates':
    'Journal entry {seq}: {reason}: {creates}. The receipt lists it under Deviations. online create-key run again with the same plan looks in the KMS first: a key found under {count, plural, one {that alias} other {such an alias}} as this ceremony creates keys (external, Pending import, created since the send) is journaled as the key that send created, not created again; an alias the KMS does not hold is created; an alias another key holds is refused.',
  'cli.session-unrecorded.create':
    '{alias}{replica, select, yes { (the replica in region {region})} other {}}, sent at entry {seq}',
  'cli.resume-new-folder':
    'To try again, run the same command with {option} naming a new folder (never {dir}): it is a new session, and every witness confirms again.',
  'cli.receipt-voided':
    'The receipt {file} (and its text twin) names a bundle that was never completed: renamed to {file}.void and its twin likewise (journaled). Do not sign it, print it or keep it as the record of this wrap.',
  'cli.bundle-withdrawn':
    'The wrapped-material bundle in {dir} was withdrawn (it never became a whole bundle; a receipt that names it is voided): {how, select, marked {marked ABANDONED.txt.} manifestRemoved {the media had no room even for ABANDONED.txt, so its manifest.json was removed.} noManifest {the media had no room even for ABANDONED.txt; it has no manifest.json, so no reader takes it for a bundle. Delete the folder once the media has room.} other {marked ABANDONED.txt, or, where the media had no room for that, its manifest.json removed (the journal records which).}} The online import refuses it; do not carry it over.',
  'cli.bundle-delete-by-hand':
    'The wrapped-material bundle in {dir} could not be withdrawn: delete that folder by hand before anyone carries it to the online workstation.',
  'cli.custody-withdrawn':
    'The custody files this attempt wrote (shares, slips, backup) were removed from {count, plural, one {# custodian folder} other {# custodian folders}} ({folders}): the material they kept was wiped and will never be imported, so they would restore nothing; each folder is as the preflight found it.',
  'cli.custody-delete-by-hand':
    'Custody files of this stopped attempt could not be removed, or are no longer where they were written (their folder moved, or its media removed): delete them by hand wherever they are now, before anyone takes them away as a share ({files}).',
  'cli.hsm-objects-destroyed':
    'The {count, plural, one {token object} other {# token objects}} this attempt generated in HSM token "{token}" (serial {serial}) {count, plural, one {was} other {were}} destroyed, as {count, plural, one {its} other {their}} material will never be imported: {objects}.',
  'cli.hsm-objects-left':
    '{count, plural, one {# token object} other {# token objects}} {cause, select, crash {that session} other {this attempt}} generated in HSM token "{token}" (serial {serial}) {count, plural, one {is} other {are}} still in the token, holding material that will never be imported. {cause, select, crash {The session ended without stopping, so nothing destroyed {count, plural, one {it} other {them}}. A run of this journal with the HSM options destroys, once logged in, each one whose check value or public key is the one that session journaled (never a finished session’s object under the same label); until then, or for what it cannot prove, delete {count, plural, one {it} other {them}} by hand before material is generated again for this ceremony (each command asks for the user PIN):} other {Destroying {count, plural, one {it} other {them}} failed: {reason} Delete {count, plural, one {it} other {them}} by hand before material is generated again for this ceremony (each command asks for the user PIN):}}',
  'cli.hsm-crashed-objects-destroyed':
    'Logged in to HSM token "{token}" (serial {serial}): the {count, plural, one {token object} other {# token objects}} a session that ended without stopping left there {count, plural, one {was} other {were}} destroyed, each proven by the check value or public key that session journaled (journal entry {entries}: hsm.objects-destroyed): {objects}{more, plural, =0 {} one { and # more} other { and # more}}.',
  'cli.hsm-object-command': '  {command}',
  'hsm.object':
    '"{label}" ({objectClass, select, CKO_SECRET_KEY {symmetric key} CKO_PRIVATE_KEY {private key} CKO_PUBLIC_KEY {public key} other {{objectClass}}}, CKA_ID {objectId})',
  'cli.earlier-receipt-voided':
    'The receipt that session printed{journaled, select, yes {} other { but never journaled}} ({files}) was voided, renamed NAME.void: it names the bundle {custody, select, withdrawn {and custody set just withdrawn} other {just withdrawn}}. Do not sign it or carry it over; keep it for the audit.',
  'cli.earlier-custody-withdrawn':
    'The custody files that session wrote (shares, slips, backup) were removed from {count, plural, one {# custodian folder} other {# custodian folders}} ({folders}): the material they kept was wiped and will never be imported, so they would restore nothing; each folder is as that session’s preflight found it.',
  'cli.earlier-custody-not-withdrawn':
    'Custody files of that session were NOT withdrawn (a custodian folder could not be read, or they were not found or could not be removed there): delete them by hand wherever those media are now, before anyone keeps or presents them as a share ({files}).',
  'cli.wrap-repeated': 'This journal already finished {count, plural, one {a wrap} other {# wraps}} of this ceremony:',
  'cli.wrap-repeated.earlier':
    '  session {session}: wrapped-material bundle {folder}, digest {digest}{receipt, select, none {} other {, receipt {receipt}}}{tokens, select, live {, import tokens valid until {until} (unless its keys hold their material already)} expired {, import tokens expired at {until}} other {, import token held by the console (counted as importable)}}{backup, select, none {, no custody set} hsm {; custody copy: the HSM token objects its material was generated as (keep them)} other {; custody set with backup digest {backup}, held by {custodians}}}',
  'cli.journal-lost-warning':
    'WARNING: wrapping in {journal}, not in {named} (first entry {namedFirstEntry}), {source, select, media {the journal of the earlier wrap whose bundle {folder} lies on the medium} other {the journal of the earlier wraps that these parameters name}} (--journal-lost: “{reason}”). This journal does not know those wraps: their bundles must never be imported; which of their custody copies may then be destroyed, the online import says (a copy may still back up keys imported before). Journaled as an override and printed on the receipt; the online side asks for its officer’s word (--accept-other-airgap-journal) before it imports this wrap{source, select, media { if it took a bundle of that journal} other {}}.',
  'cli.wrap-again-chosen':
    'WARNING: wrapping again (--wrap-again: “{reason}”): {fresh, select, no {this session wraps material that exists already (in the HSM token, or the file given), not new material} other {this session makes NEW material}}; the online side can import only one wrapped bundle. Journaled as an override (wrap.repeated), with the reason, when the material is made, and listed on the receipt.',
  'cli.wrap-repeated.grounds':
    '{grounds, select, boundMaterial {Every key of these parameters takes only the material the KMS already holds (bound at its import): no new material comes of this wrap, so no --wrap-again is needed.} other {The import tokens of {count, plural, one {that bundle} other {those bundles}} have expired: none can be imported any more, so no --wrap-again is needed. {fresh, select, no {This session wraps material that exists already (in the HSM token, or loaded from a file), not new material.} other {This session makes new material.}}}} Journaled as an override (wrap.repeated) when the material is made, and listed on the receipt.',
  'problem.WRAP_AGAIN_NOT_CHOSEN':
    'This journal already finished {count, plural, one {a wrap} other {# wraps}} of this ceremony (the last in air-gapped session {last}) whose wrapped bundle can still be imported ({known, select, no {an import token is held by the console, so how long is not known} other {import tokens valid until {until, date, moment}}}). Wrapping again makes new material beside it. Nothing was generated.',
  'problem.WRAP_AGAIN_NOT_CHOSEN.next':
    'If the earlier bundle will not be imported (its media lost or damaged, or it must not be used), wrap again and say why: --wrap-again "REASON" (in the app: “Wrap again” on the preflight step, with the reason). It is journaled and listed on the receipt. Otherwise import the earlier bundle its receipt names; once its import tokens have expired no reason is needed.',
  'problem.WRAP_AGAIN_REASON_INVALID':
    'The reason to wrap again must be one line of 1 to {max} characters, with no control characters.',
  'problem.WRAP_AGAIN_REASON_INVALID.next':
    'Say in a few words why the earlier bundle will not be imported, e.g. --wrap-again "media with the first bundle lost".',
  'cli.wrap-repeated.after':
    "{fresh, select, no {Import one bundle only. Where this material is the one the earlier bundles hold (the same token objects or file: the key check values and public-key fingerprints on their receipts agree), no custody set is to be destroyed; where it is not, the custody sets of the earlier bundles hold material the KMS will never accept once this one is imported: have their custodians destroy those shares.} other {{custody, select, none {Import one bundle only: the material of the others the KMS will then never accept. None of these wraps wrote a custody set, so there are no shares to destroy.} other {Import one bundle only. Once it is imported, the custody sets of the other bundles (above, or this session's) hold material the KMS will never accept: have their custodians destroy those shares, so that a restore years from now finds one custody set.}}}}",
  'cli.wrap-repeated.destroy-earlier':
    'Once the bundle of this session is imported, the custodians of the earlier custody {count, plural, one {set} other {sets}} destroy those shares (backup digest {backups}): that material will never be in the KMS. The receipt says so too.',
  'cli.stopped':
    'Stopped by {signal, select, SIGINT {Ctrl-C (SIGINT)} other {{signal}}} {step, select, none {at step “{statePhrase}”} other {after step “{stepPhrase}” (journal entry {seq}, by {actor})}}: {wiped, plural, =0 {{underWay, select, generating {no finished key material was held (a key still being generated is discarded)} rebuilding {no rebuilt key material was held (the presented shares were wiped; material being rebuilt from them is discarded)} wrapping {no unwrapped key material was held (the wrap wipes each key’s material as soon as it is wrapped, journaled as material.wiped)} other {no key material was held yet}}} one {the key material held (# key) was wiped} other {the key material held (# keys) was wiped}}; {withdrawn, select, none {no bundle or receipt of this attempt counts as written} other {the unreceipted bundle {withdrawn} was withdrawn}}{handDelete, select, none {} other { (DELETE {handDelete} BY HAND: it could not be withdrawn)}}; the stop is journaled and the journal lock released. To resume, run the same command again with --journal {journal}{withdrawn, select, none {} other { and {outOption} naming a new folder (never {withdrawn})}} (this attempt shows as abandoned).',
  'cli.stopped-finished':
    'Stopped by {signal, select, SIGINT {Ctrl-C (SIGINT)} other {{signal}}} after the ceremony finished: the bundle and the receipt are complete; the journal {journal} is closed.',
  'cli.stopped-params-written':
    'Stopped by {signal, select, SIGINT {Ctrl-C (SIGINT)} other {{signal}}} after the import-parameters bundle was written: {dir} is complete and verified, its digest and the next step are printed above, and the journal {journal} is closed. Do not run online params again for it: a new fetch replaces these parameters. Take this bundle to the air-gapped workstation.',
  'cli.stopped-journaled':
    'Stopped by {signal, select, SIGINT {Ctrl-C (SIGINT)} other {{signal}}}: the stop is in the journal {journal} and its lock is released; the steps the journal records are done (a step still running when the stop came is journaled after the stop if it finished).{side, select, airGapped { No key material was made yet: the next run starts the session again.} other { A KMS call under way may still have taken effect without an entry: the next run asks the KMS what took effect before sending anything again.}} {above, select, yes {Run the command printed above to continue.} other {Run the command again with --journal {journal} to continue.}}',
  'cli.stopped-outside-ceremony':
    'Stopped by {signal, select, SIGINT {Ctrl-C (SIGINT)} other {{signal}}} before the command finished: nothing it was doing counts as done. Run the command again to start over.',
  'problem.NO_BACKUP_NOT_ACKNOWLEDGED':
    'The AES material of {count, plural, one {# key} other {# keys}} would expire in the KMS at {expiresAt, date, moment} with no custody copy: after that it can never be imported again and every ciphertext under the key is unreadable. Nothing was generated.',
  'problem.NO_BACKUP_NOT_ACKNOWLEDGED.next':
    'Keep a copy with --custody M/N and, for each custodian, --custodian NAME --custodian-folder DIR, or choose --expires never, or acknowledge the loss with --no-backup (journaled and printed on the receipt).',
  'problem.WRAP_NO_BACKUP_NOT_ACKNOWLEDGED':
    'The {spec} material would be generated here, wrapped and wiped: no copy would remain anywhere, so if the KMS ever loses it (expiry, deletion) it can never be imported again. Nothing was generated.',
  'problem.WRAP_NO_BACKUP_NOT_ACKNOWLEDGED.next':
    'Give --material FILE to wrap material you keep yourself (or use "keyferry airgap wrap --custody M/N"), or acknowledge the loss with --no-backup.',
  'problem.LOSS_NOT_ACKNOWLEDGED':
    '{custody, select, shares {Deleting the imported material of key {keyId} cannot be undone by the KMS: it accepts only the same material again. Online journal entry {seq} records its custody copy: {threshold} of {total} shares, held by {custodiansList}{set, select, named {, custody set {setTag} (the tag in its share files’ names)} other {}}; without {threshold} of them every ciphertext under the key is unreadable for ever.} hsmToken {Deleting the imported material of key {keyId} cannot be undone by the KMS: it accepts only the same material again. Online journal entry {seq} records its custody copy: the HSM token "{token}"; without it every ciphertext under the key is unreadable for ever.} materialFiles {Deleting the imported material of key {keyId} cannot be undone by the KMS: it accepts only the same material again. Online journal entry {seq} records its custody copy: the material files loaded on the air-gapped workstation; without them every ciphertext under the key is unreadable for ever.} other {Deleting the imported material of key {keyId} cannot be undone by the KMS: unless custody shares of the same material exist, every ciphertext under the key is unreadable for ever.}} Nothing was deleted.',
  'problem.LOSS_NOT_ACKNOWLEDGED.next':
    '{custody, select, shares {Make sure at least {threshold} of those custodians still hold their shares;} hsmToken {Make sure that token still holds the material;} materialFiles {Make sure those files are still kept;} other {Check that custody shares of this key exist (the air-gapped receipt lists them);}} then {where, select, app {tick the box that acknowledges the loss} other {add --acknowledge-loss}} (journaled and printed on the receipt).',
  'problem.NO_CUSTODY_COPY_DELETE':
    'Key {keyId} has NO custody copy (online journal entry {seq}: the air-gapped side kept none{acknowledged, select, yes {, acknowledged there} other {}}). Deleting its imported material destroys it for ever: the KMS accepts only the same material again and no copy exists anywhere, so every ciphertext under the key becomes unreadable. Nothing was deleted.',
  'problem.NO_CUSTODY_COPY_DELETE.next':
    'To destroy it anyway, {where, select, app {tick the box that acknowledges the loss and type the key ID again ({keyId}) in the field beside it} other {add --acknowledge-loss and --confirm-key-id followed by the key ID typed again ({keyId})}}; both are journaled and printed on the receipt. To stop using the key without losing it, disable the key instead.',
  'problem.DELETE_KEY_ID_MISTYPED':
    'The key ID typed to confirm ({typed}) is not the key whose material would be deleted ({keyId}). Nothing was deleted.',
  'problem.DELETE_KEY_ID_MISTYPED.next':
    '{caseOnly, select, yes {Only the letter case differs: type the key ID in lower case, {keyId}.} other {Type the key ID of the key to delete exactly as {where, select, app {the key list shows it} other {--key-id gives it}}: {keyId}.}}',
  'cli.expiry-plan-overridden':
    "WARNING: the wrapped bundle will request the AES material expiry {requested} for {count, plural, one {# key} other {# keys}}, not the ceremony plan's {planned} (carried in the import-parameters bundle). {passed, select, computer {The plan's has passed by this computer's clock, so it cannot be kept: journaled as an override on this side (the air-gapped receipt lists it); the online import takes this expiry in its place.} kms {The plan's has passed by the KMS's time as the bundle's import tokens show it, {kmsNow, date, moment}, though not yet by this computer's clock, so it cannot be kept: journaled as an override on this side (the air-gapped receipt lists it); the online import takes this expiry in its place.} other {Journaled as an override: both receipts list it, and the online import names it again. To keep the plan's, leave out --expires.}}",
  'cli.no-backup-acknowledged':
    'Acknowledged with --no-backup (journaled): the AES material of {count, plural, one {# key} other {# keys}} is kept nowhere; after {expiresAt} it can never be imported again.',
  'cli.wrap-no-backup-acknowledged':
    'Acknowledged with --no-backup: the {spec} material was wiped after wrapping and no copy remains; keep these files until the import succeeded.',
  'cli.material-produced':
    '{how, select, loaded {Loaded} other {Generated}} {spec} material for key {keyId} ({check}){replicas, plural, =0 {} one {; the same material serves its replica group: # replica ({replicaIds})} other {; the same material serves its replica group: # replicas ({replicaIds})}}.',
  'cli.material-check': '{kind, select, publicKey {public key SHA-256 {hex}} other {KCV {hex}}}',
  'cli.status-material-deleted':
    '{custody, select, none {Material deleted on request: {alias} ({spec}, key {keyId}{replica, select, yes {, the replica in region {region}} other {}}) is in Pending import, and its material is lost for ever: it had NO custody copy (online journal entry {seq}: the air-gapped side kept none). Every ciphertext under the key is unreadable.} shares {Material deleted on request: {alias} ({spec}, key {keyId}{replica, select, yes {, the replica in region {region}} other {}}) is in Pending import and accepts only the same material again. Its custody copy can bring it back: {threshold} of {total} shares, held by {custodiansList}{set, select, named {, custody set {setTag}} other {}} (online journal entry {seq}){round, select, parameters {; run keyferry online params, then keyferry custody restore on the air-gapped workstation} other {}}. Without {threshold} of those shares it is lost.} hsmToken {Material deleted on request: {alias} ({spec}, key {keyId}{replica, select, yes {, the replica in region {region}} other {}}) is in Pending import and accepts only the same material again. Its custody copy can bring it back: the HSM token "{token}" that holds it (online journal entry {seq}){round, select, parameters {; run keyferry online params, then keyferry custody restore --hsm-module with that token on the air-gapped workstation} other {}}. Without that token it is lost.} materialFiles {Material deleted on request: {alias} ({spec}, key {keyId}{replica, select, yes {, the replica in region {region}} other {}}) is in Pending import and accepts only the same material again. Its only copy is the material file loaded on the air-gapped workstation when it was wrapped (online journal entry {seq}){round, select, parameters {; run keyferry online params, then keyferry airgap wrap --material with that file on the air-gapped workstation} other {}}. Without that file it is lost.} other {Material deleted on request: {alias} ({spec}, key {keyId}{replica, select, yes {, the replica in region {region}} other {}}) is in Pending import and accepts only the same material again. Only custody shares made when it was wrapped can bring it back{round, select, parameters { (keyferry online params, then keyferry custody restore on the air-gapped workstation)} other {}}; the air-gapped receipt says whether any were made. Without them it is lost.}}',
} as const;
