/** Ceremony steps' refusals (online, air-gapped, restore, shared). zh-CN twin in ../zh-CN/ceremony.ts. */
import { KEY_STATE } from './kms';
const REFUSED =
  'Do not import this bundle. Bring the wrapped-material bundle written on the air-gapped workstation for these parameters, unchanged.';
const FETCH_NEW_PARAMETERS =
  'Fetch new parameters (keyferry online params), carry them to the air-gapped workstation and wrap again.';

export const enCeremony = {
  /** A ceremony state as messages name it (cases: ceremony/shared/ceremony-states.ts, camelCase; i18n/ceremony-state.ts). */
  'ceremony.state':
    '{state, select, new {not started} keysCreated {keys created} parametersFetched {import parameters fetched} parametersWritten {import-parameters bundle written} materialChecked {wrapped material checked} imported {material imported} verified {keys verified} networkChecked {network checked} parametersRead {import parameters read} fingerprintsConfirmed {confirmed by the witnesses} materialReady {key material ready} sharesPresented {shares presented} restored {material rebuilt} wrapped {key material wrapped} bundleWritten {wrapped-material bundle written} finished {finished} other {{state}}}',
  'problem.CUSTODY_SPEC_INVALID': '"{text}" is not a custody split such as 2/3.',
  'problem.CUSTODY_SPEC_INVALID.next': 'Give M/N with 2 <= M <= N <= 16, e.g. --custody 2/3.',
  'problem.MATERIAL_NOT_HELD': 'No key material is held for key {keyId}.',
  'problem.MATERIAL_NOT_HELD.next': 'Generate or load the key material for this key first.',
  'problem.KEY_NOT_IN_CEREMONY': 'Key {keyId} is not in the import parameters of this ceremony.',
  'problem.KEY_NOT_IN_CEREMONY.next': 'Choose one of: {keyIdsList}.',
  'problem.RECEIPT_NEEDS_TOKEN': 'Key {keyId} has no import token, so the receipt cannot cite it.',
  'problem.RECEIPT_NEEDS_TOKEN.next': 'Read the parameters with their import token (ImportToken.b64).',
  'problem.BUNDLE_WRONG_KIND':
    '{dir} is {found, select, wrapped {a wrapped-material bundle, not an import-parameters bundle} other {an import-parameters bundle, not a wrapped-material bundle}}.',
  'problem.BUNDLE_WRONG_KIND.next':
    '{pick, select, airgap {Pick the import-parameters bundle written by the online workstation.} restore {Pick the import-parameters bundle fetched for this key after its material expired (keyferry online params).} other {Pick the wrapped-material bundle written on the air-gapped workstation.}}',
  'problem.CUSTODY_ALREADY_SPLIT': 'The material was already split for custody in this ceremony.',
  'problem.CUSTODY_ALREADY_SPLIT.next': 'Wrap the material next.',
  'problem.WRAPPING_KEY_CHANGED':
    'The wrapping key of key {keyId} no longer matches the fingerprint the witnesses confirmed.',
  'problem.WRAPPING_KEY_CHANGED.next': 'Stop and start the air-gapped side again from the bundle.',
  'problem.EXPIRY_IN_PAST':
    '{reason, select, chosen {The material expiry chosen for key {keyId}, {at, date, moment}, is not in the future; the KMS would refuse it (KMS.2602).} bundle {The wrapped-material bundle requests material expiry {at, date, moment} for key {keyId}, which has passed; the KMS would refuse it (KMS.2602). Nothing was imported.} import {The material expiry {at, date, moment} of key {keyId} is not in the future; the KMS would refuse it (KMS.2602).} wrap {The material expiry asked for key {keyId}, {at, date, moment} (the plan’s, or the one given), is not after this computer’s time, {now, date, moment}: material wrapped with it could never be imported (KMS.2602). Nothing was generated.} wrapKms {The material expiry asked for key {keyId}, {at, date, moment} (the plan’s, or the one given), is not after the KMS’s time, {now, date, moment}, as the bundle’s import tokens show it (this computer’s clock is behind the KMS’s): material wrapped with it could never be imported (KMS.2602). Nothing was generated.} other {The material expiry {at, date, moment} is not in the future.}}',
  'problem.EXPIRY_IN_PAST.next':
    '{reason, select, bundle {Choose the expiry explicitly (keyferry online import --expires EXPIRY: never, a duration such as 90d, or a date-time with its zone; it is journaled as an override), or wrap again on the air-gapped workstation with a later --expires.} wrap {Give an expiry further ahead: keyferry airgap wrap … --expires EXPIRY (a duration such as 90d, a date-time with its zone, or never; journaled as an override of the plan), or the expiry on the app’s preflight step.} wrapKms {Give an expiry further ahead of the KMS’s time: keyferry airgap wrap … --expires EXPIRY (a duration such as 90d, counted from the KMS’s time; a date-time with its zone; or never; journaled as an override of the plan), or the expiry on the app’s preflight step.} plan {Choose a later date, or "never".} other {Choose a later expiry, or "never".}}',
  'problem.EXPIRY_INVALID':
    '{noSuchMoment, select, yes {{field} "{value}" is written as a date-time with its zone, but no such date or time exists (such as 30 February, or hour 24).} other {{field} "{value}" is not {original, select, yes {"original", } other {}}"never", a duration or a date-time with its zone.}}',
  'problem.EXPIRY_INVALID.next':
    'Give {original, select, yes {"original" (each key keeps the expiry it had, if still in the future), } other {}}"never", a duration {field, select, materialExpiry {from key creation} other {from now}} such as 90d, 36h or 1d12h (whole days, hours, minutes, seconds: d, h, m, s), or a date-time with its zone such as 2030-01-31T00:00:00Z.',
  'problem.EXPIRY_DURATION_RESUMED':
    '{where, select, cli {--expires {given}} other {The typed expiry "{given}"}} is counted from now, so the keys still to import would get another expiry than the {count, plural, one {key} other {# keys}} of this bundle already sent {count, plural, one {its import} other {their imports}}{unrecorded, plural, =0 {, which {same, select, at {{imported, plural, one {expires} other {expire}} at {heldAt, date, moment}} never {never {imported, plural, one {expires} other {expire}}} other {took different expiries}}} other {: {imported, plural, =0 {none is recorded as imported} other {# imported, which {same, select, at {{imported, plural, one {expires} other {expire}} at {heldAt, date, moment}} never {never {imported, plural, one {expires} other {expire}}} other {took different expiries}}}}, and {unrecorded, plural, one {# whose outcome is not on record here, which the next import sends again unless the KMS took it} other {# whose outcomes are not on record here, which the next import sends again unless the KMS took them}}}}. An import that goes on takes never or a date-time, not a duration. Nothing was sent to the KMS.',
  'problem.EXPIRY_DURATION_RESUMED.next':
    '{where, select, cli {{same, select, at {To give them the same expiry, run the import again with --expires {heldIso}.} never {To give them the same, run the import again with --expires never.} other {Run the import again with the --expires date-time the stopped run printed in its command (keyferry online status prints each key’s expiry).}}} other {{same, select, at {To give them the same expiry, type {heldIso} and show the time it means again.} never {To give them the same, choose "Never".} other {Type a date-time with its zone instead: “Read the key states from the KMS” shows the material expiry of each key imported already.}}}}',
  'problem.EXPIRY_SPLITS_IMPORT':
    '{imported, plural, one {The AES key} other {The # AES keys}} of this wrapped-material bundle imported already {held, select, never {{imported, plural, one {never expires} other {never expire}}} other {{imported, plural, one {expires} other {expire}} at {heldAt, date, moment}}}{how, select, given {, the expiry given to the run that imported {imported, plural, one {it} other {them}} (--expires, or the expiry chosen in the app)} other {, as the bundle requests}}, but {count, plural, one {key {keyId}, still to import,} other {# keys still to import (the first: {keyId})}} would get {decided, select, never {no expiry (never)} other {the expiry {decidedAt, date, moment}}}{source, select, override {, given to this import} other {, as the bundle requests}}. One import would leave the keys of one bundle with two expiries. Nothing was sent to the KMS.',
  'problem.EXPIRY_SPLITS_IMPORT.next':
    '{how, select, given {Run the import again with --expires {heldIso} (in the app: type that expiry).} other {Run the import again without --expires (in the app: as the bundle requests).}}',
  'problem.PLAN_NOT_JSON': 'The ceremony plan {file} is not valid JSON.',
  'problem.PLAN_NOT_JSON.next': 'Correct the plan file and load it again.',
  'problem.IMPORT_TOKEN_EXPIRED':
    '{known, select, no {The import token of key {keyId} has expired.} other {The import token of key {keyId} expired at {at, date, moment}; the KMS would refuse the import.}}',
  'problem.IMPORT_TOKEN_EXPIRED.next': FETCH_NEW_PARAMETERS,
  'problem.KEY_NOT_IMPORTED':
    '{reason, select, notInCeremony {Key {keyId} is not a key of this ceremony.} deleted {Key {keyId} holds no material now: its material was deleted (online journal entry {seq}).} other {Key {keyId} has no material imported in this ceremony.}} Nothing was deleted.',
  'problem.KEY_NOT_IMPORTED.next':
    '{count, plural, =0 {No key of this ceremony holds imported material the KMS lets delete (AES keys only).} one {Give the key id of the key whose material can be deleted: {keysList}.} other {Give the key id of one of the # keys whose material can be deleted: {keysList}.}}',
  'problem.MATERIAL_NOT_DELETABLE': 'Key {keyId} is {spec}: imported asymmetric material cannot be deleted (KMS.2702).',
  'problem.MATERIAL_NOT_DELETABLE.next': 'Disable the key or schedule its deletion instead.',
  'problem.CEREMONY_NOT_STARTED': 'This journal holds no ceremony yet.',
  'problem.CEREMONY_NOT_STARTED.next':
    'Start with "keyferry online create-key" and a ceremony plan, or give the journal of an existing ceremony.',
  'problem.CEREMONY_NO_KEYS': 'No keys were given to create.',
  'problem.CEREMONY_NO_KEYS.next': 'Name at least one key (alias and spec) in the plan.',
  'problem.PLAN_OF_ANOTHER_CEREMONY':
    'The keys given ({aliasList}, under the title “{planTitle}”) are not this ceremony’s (“{title}”, {ceremonyId}): none of them is in this journal. Nothing was created.',
  'problem.PLAN_OF_ANOTHER_CEREMONY.next':
    'Check --journal and the plan (or the key options): each ceremony goes on with its own journal and its own plan. If these keys were created already, their journal is the one that create-key wrote then (look for another .jsonl in this folder); new keys start a ceremony of their own with a new --journal.',
  'problem.PLAN_ADDS_KEYS_TOO_LATE':
    'The plan given lists {count, plural, one {a key} other {# keys}} this ceremony did not create: {aliasList}. This ceremony is past creating keys (its {created, plural, one {key was} other {# keys were}} created{later, select, yes { and later steps begun} other {: a ceremony creates its keys in one step}}), so {count, plural, one {it is} other {they are}} not part of it and will not be created. Nothing was created.',
  'problem.PLAN_ADDS_KEYS_TOO_LATE.next':
    'Go on with this ceremony with the plan it started with; create the other keys in a ceremony of their own (a new --journal file and a plan of those keys).',
  'problem.PLAN_DROPS_CREATED_KEY':
    'This ceremony already created {spec} key {alias} ({keyId}{region, select, none {} other {, replica in region {region}}}, {usage}), and the plan given now does not list it that way. Nothing was created.',
  'problem.PLAN_DROPS_CREATED_KEY.next':
    'Give the plan this ceremony started with (every key it created keeps its alias, spec, usage and replicas); add keys to it if you must, but leave none out.',
  'problem.PLAN_DROPS_UNANSWERED_CREATE':
    'The plan given now leaves out {alias}{region, select, none {} other { (the replica in region {region})}}, whose create-key request this journal shows sent at entry {seq} with no answer recorded, and {found, select, yes {the KMS holds key {keyId} under that alias: that create took effect} other {the KMS there could not be asked whether it took effect (that region is not connected)}}. Left out of the plan, that key would stay in the KMS, part of no ceremony. Nothing was created.',
  'problem.PLAN_DROPS_UNANSWERED_CREATE.next':
    'Give the plan with {alias} kept as first planned: online create-key run again then takes that key back into this ceremony. If the key is not wanted, first schedule its deletion in the KMS console{found, select, yes { (key {keyId})} other {}}, then give the new plan.',
  'problem.PEOPLE_DIFFER_FROM_JOURNAL':
    'This ceremony was started with {role, select, operator {operator {journaledList}} other {witnesses {journaledList}}}, and this run names {givenList}. The journal records every step in its operator’s name and its receipts ask its operator and witnesses to sign, so the people stay the journal’s; nothing was created.',
  'problem.PEOPLE_DIFFER_FROM_JOURNAL.next':
    'Run it again with the people who started this ceremony (the journal’s {role, select, operator {operator} other {witnesses}}); if they cannot go on, start another ceremony with a new journal and other aliases.',
  'problem.START_DIFFERS_FROM_JOURNAL':
    'This ceremony was started with {field, select, title {the title “{journaled}”} wrappingAlgorithm {the wrapping algorithm {journaled}} other {{alias, select, none {the material expiry} other {the material expiry of key {alias}}} {journaled, select, never {never} other {{journaledAt, date, utc}}}}}, and this run gives {field, select, title {“{given}”} wrappingAlgorithm {{given}} other {{given, select, never {never} other {{givenAt, date, utc}}}}}. The journal’s value stays; nothing was created.',
  'problem.START_DIFFERS_FROM_JOURNAL.next':
    '{field, select, wrappingAlgorithm {Run it again with the journal’s value; to ask for another wrapping algorithm from now on, use keyferry online params --wrapping-algorithm (journaled).} materialExpiry {Run it again with the journal’s value; another expiry is chosen at the wrap (airgap wrap --expires) or the import (online import --expires), journaled as an override.} other {Run it again with the journal’s value, or start another ceremony with a new --journal.}}',
  'problem.KEY_ALIAS_TAKEN': `The alias {alias} is already held in the KMS by key {keyId} (${KEY_STATE}, origin {origin}, created {created, date, utc}), which this ceremony did not create.{more, plural, =0 {} one { The alias {moreList} of the plan is taken by another key too.} other { The aliases {moreList} of the plan are taken by other keys too.}} Nothing was created.`,
  'problem.KEY_ALIAS_TAKEN.next':
    'If that key belongs to a ceremony of yours started with another journal (a different --journal), continue that ceremony with its own journal: a new journal never takes over its keys. Otherwise give the key another alias in the plan, or, if that key is no longer used, schedule its deletion in the console (its alias stays taken until it is deleted) and run the command again.',
  'problem.AIRGAP_JOURNAL_IS_ONLINE':
    '{file} is the journal of an online ceremony (“{title}”), not an air-gapped journal. Nothing was written to it.',
  'problem.AIRGAP_JOURNAL_IS_ONLINE.next':
    'Give --journal the air-gapped journal of this ceremony (the one earlier wraps of it used on this workstation, or a new file for its first wrap here); the online journal belongs with the online workstation’s records.',
  'problem.ONLINE_JOURNAL_IS_AIR_GAPPED':
    '{file} is an air-gapped journal (ceremony “{title}”, operator {operator}), not the journal of an online ceremony. Nothing was sent to the KMS.',
  'problem.ONLINE_JOURNAL_IS_AIR_GAPPED.next':
    'Give --journal the online journal of this ceremony (the file online create-key started on this workstation); the air-gapped journal belongs with the air-gapped workstation’s records.',
  'problem.CEREMONY_JOURNAL_UNEXPECTED':
    '{why, select, noStart {This journal has entries but no online ceremony start.} unknownKey {Journal entry {seq} ({event}) cannot be replayed: it names key {keyId}, which this ceremony did not create.} data {Journal entry {seq} ({event}) cannot be replayed: its data is not in the expected form.} notStart {Journal entry {seq} ({event}) cannot be replayed: it is not an online ceremony start.} other {Journal entry {seq} ({event}) cannot be replayed: a journal holds one ceremony; this one starts a second.}}',
  'problem.CEREMONY_JOURNAL_UNEXPECTED.next':
    '{why, select, noStart {Give the online journal of this ceremony (only online create-key, given a new file name, starts one).} other {Check that this is the online journal of this ceremony (not the air-gapped one). Keep it as evidence.}}',
  'problem.NOTHING_TO_IMPORT':
    'Every key of this ceremony holds its imported material; no key waits for import parameters.',
  'problem.NOTHING_TO_IMPORT.next': 'Check the keys with "keyferry online status".',
  'problem.IMPORT_LANDED_FROM_OTHER_BUNDLE':
    'Key {keyId} is no longer Pending import in the KMS (it holds material), and this journal shows an import sent to it at entry {sentSeq} from another wrapped-material bundle, {folder} (digest {digest}, checked at entry {checkSeq}), with no answer recorded that proves whether it took effect; the key’s state shows the KMS took it (IMPORT_LANDED_FROM_OTHER_BUNDLE). Material from two bundles cannot be told apart in the KMS, so this bundle is refused for that key, and nothing was sent.',
  'problem.IMPORT_LANDED_FROM_OTHER_BUNDLE.next':
    'Import again with the bundle that import came from, {folder}, and the digest on its air-gapped receipt (keyferry online import with the same --journal, --bundle naming that folder as the media is mounted, and --expect-digest DIGEST; in the app, check that bundle again): it records the material the KMS holds, and the receipt then names that bundle and its custody copy. Until then, every key of this bundle sent an import from it is refused the same way. Keep that custody set: the other bundles hold material the KMS will never accept.',
  'problem.IMPORT_STOPPED':
    'The import of key {keyId} was not sent: the import was stopped (Ctrl-C) before its request went out.',
  'problem.IMPORT_STOPPED.next':
    'Run the same import again: it asks the KMS about any import sent before and imports only what is missing.',
  'problem.IMPORT_NEEDS_NEW_PARAMETERS':
    '{count, plural, one {Key {keysList} is} other {# keys are}} Pending import again{count, plural, one {} other {: {keysList}}}: {why, select, lapsed {{count, plural, one {its} other {their}} material lapsed in the KMS} mixed {their material was deleted on request or lapsed in the KMS} other {{count, plural, one {its} other {their}} material was deleted on request}}, and no import-parameters bundle was written for {count, plural, one {it} other {them}} since. The ceremony is not finished, and there is nothing to import yet: nothing was sent to the KMS.',
  'problem.IMPORT_NEEDS_NEW_PARAMETERS.next':
    'The KMS takes only the same material again. Run keyferry online params (a new --out folder on the removable media); on the air-gapped workstation, run the command it prints with that bundle (keyferry custody restore --bundle …, from the custody shares or the HSM token; with no custody copy, keyferry airgap wrap --bundle … --material with the original material file); then run keyferry online import with the wrapped-material bundle that command writes and the digest on its receipt.',
  'problem.WRAPPED_KEY_UNKNOWN': 'The bundle holds key {keyId}, which this ceremony did not create.',
  'problem.WRAPPED_KEY_UNKNOWN.next': REFUSED,
  'problem.WRAPPED_SPEC_MISMATCH': 'Key {keyId} was created as {created} but the bundle holds {held} material.',
  'problem.WRAPPED_SPEC_MISMATCH.next': REFUSED,
  'problem.WRAPPED_TOKEN_MISSING':
    'The bundle names no import token for key {keyId}; the online import needs the token the KMS issued.',
  'problem.WRAPPED_TOKEN_MISSING.next': FETCH_NEW_PARAMETERS,
  'problem.WRAPPED_TOKEN_NOT_ISSUED':
    'The import token cited for key {keyId} is not one the KMS issued to this ceremony.',
  'problem.WRAPPED_TOKEN_NOT_ISSUED.next': REFUSED,
  'problem.WRAPPED_FINGERPRINT_MISMATCH':
    'Key {keyId} was wrapped under the key with fingerprint {used}, not the wrapping key the KMS issued with its token ({issued}).',
  'problem.WRAPPED_FINGERPRINT_MISMATCH.next': REFUSED,
  'problem.WRAPPED_ALGORITHM_MISMATCH':
    'Key {keyId} was wrapped with {used}, but its parameters were issued for {issued}.',
  'problem.WRAPPED_ALGORITHM_MISMATCH.next': REFUSED,
  'problem.WRAPPED_KEY_ALREADY_IMPORTED': 'Key {keyId} was already imported with other parameters.',
  'problem.WRAPPED_KEY_ALREADY_IMPORTED.next': 'Check it with "keyferry online status" instead of importing again.',
  'problem.WRAPPED_MATERIAL_NOT_THE_IMPORTED':
    'Key {alias} ({keyId}) holds other material in this bundle than the KMS bound it to: {kind, select, publicKey {public-key fingerprint} other {KCV}} {held} here, {bound} when it was first imported (journal entry {seq}). The KMS accepts only the material first imported into a key, after its deletion or expiry too (KMS.2606).{sameParameters, select, yes { It took that material from another wrap of these same import parameters (wrapped-material bundle digest {boundDigest}): this bundle is a second wrap whose material the KMS will never take. Nothing was sent to the KMS.} other { Nothing was sent to the KMS; the import token is still unused.}}',
  'problem.WRAPPED_MATERIAL_NOT_THE_IMPORTED.next':
    '{sameParameters, select, yes {Import the wrap the KMS took (the wrapped-material bundle with digest {boundDigest}, with the digest on its air-gapped receipt) for any other key of the ceremony still to import, and keep that wrap’s custody set: this bundle and its custody set hold material the KMS will never accept.} other {Restore the original material on the air-gapped workstation (keyferry custody restore, from the custody shares or the HSM token) with these import parameters, and import the wrapped-material bundle that restore writes. Material that was never imported needs a new key.}}',
  'problem.PEOPLE_DIFFER_FROM_BUNDLE':
    'This import-parameters bundle names the people of its ceremony, as the online journal holds them: operator {bundleOperator}, witnesses {bundleWitnessList}. This run names operator {givenOperator}, witnesses {givenWitnessList}: {role, select, operator {another operator} other {other witnesses}}. The air-gapped journal and receipt are made in these people’s names and nobody acts for another, so nothing of this bundle was used and no key material exists.',
  'problem.PEOPLE_DIFFER_FROM_BUNDLE.next':
    '{loose, select, yes {“{looseGiven}” differs from the bundle’s “{looseMeant}” only in case, accents or spacing, and names are matched exactly. } other {}}Run it again with the people the bundle names: operator {bundleOperator} and witnesses {bundleWitnessList} (in any order, each name written as on the bundle). If they cannot be present, start a new ceremony on the online workstation with the people who are (a new plan, journal and aliases).',
  'problem.AIRGAP_JOURNAL_NAMED_FOR_OTHER_CEREMONY':
    'The journal {journal} is named for ceremony {named}, but the import-parameters bundle in {dir} belongs to ceremony {ceremonyId}{titled, select, yes { (“{title}”)} other {}}: a stick of another ceremony? Nothing was read into the journal and nobody has typed anything.',
  'problem.AIRGAP_JOURNAL_NAMED_FOR_OTHER_CEREMONY.next':
    'Bring the import-parameters bundle of ceremony {named}. To wrap ceremony {ceremonyId} instead, run the command its online workstation printed (its journal is airgap-{ceremonyId}.jsonl).',
  'problem.AIRGAP_JOURNAL_OTHER_CEREMONY':
    'The journal {journal} records ceremony {recorded}, but this import-parameters bundle belongs to ceremony {ceremonyId}.{named, select, yes { The journal is named for ceremony {ceremonyId}: an earlier attempt read a bundle of ceremony {recorded} into it (another stick given by mistake).} other {}} One journal keeps one ceremony, so that its receipts seal and list only that ceremony; nothing of this bundle was used.',
  'problem.AIRGAP_JOURNAL_OTHER_CEREMONY.next':
    '{existing, select, none {For ceremony {ceremonyId}, start a journal of its own: give --journal {suggested} (it does not exist yet).} other {For ceremony {ceremonyId}, give its journal: {existing}, in the same folder, records it (--journal {existing}). A new journal would know nothing of what that one recorded: a wrap again is asked for there, and not in a new journal.}} If you meant ceremony {recorded}, bring its import-parameters bundle instead.',
  'problem.AIRGAP_JOURNAL_NEW_BESIDE':
    'The journal {journal} does not exist yet, but {existing}, in the same folder, is the air-gapped journal of ceremony {ceremonyId}. A new journal would know nothing of what that one recorded: a wrap it finished would not be asked about (wrap again or not), and new material and a custody set of their own would be made beside it. Nothing was written.',
  'problem.AIRGAP_JOURNAL_NEW_BESIDE.next':
    'Continue with that journal: run the same command with --journal {existing}. If it must not be used (damaged, or not this workstation’s), move it out of this folder first and keep it for the audit.',
  'problem.WRAPPED_OTHER_CEREMONY': 'The bundle belongs to ceremony {bundleCeremony}, not to {ceremonyId}.',
  'problem.WRAPPED_OTHER_CEREMONY.next': `{journalOf, select, none {${REFUSED}} other {If this import was meant for ceremony {bundleCeremony}, the wrong journal was given: {journalOf}, in the same folder, records that ceremony; run the same import with --journal {journalOf}. Otherwise do not import this bundle: bring the one written for these parameters, unchanged.}}`,
  'problem.CEREMONY_PEOPLE_INVALID':
    '{reason, select, presenter {"{name}" is not a usable name for who presented share {index}.} same {The operator and the witnesses must all be different people.} other {The people of the ceremony are not valid: {who, select, operator {the operator ("{name}")} witness {witness {index} ("{name}")} other {the witnesses}}: {reason, select, empty {a name cannot be empty} tooLong {a name is at most 100 characters} noWitness {name at least one witness} tooManyWitnesses {at most 20 witnesses} other {a name cannot contain control characters}}.}}',
  'problem.CEREMONY_PEOPLE_INVALID.next':
    '{reason, select, presenter {Give the plain name of the person handing over the share.} same {Name each person once: one operator, and witnesses who are not the operator.} other {Name the operator and every witness (different people, plain names).}}',
  'problem.CEREMONY_ID_INVALID':
    '"{id}" is not a ceremony id: a ceremony id is 1-64 letters, digits, dots, underscores and dashes, starting with a letter or digit (e.g. KF-20261130-abcdef).',
  'problem.CEREMONY_ID_INVALID.next': 'Copy the ceremony id exactly as the receipt or journal shows it.',
  'problem.PARAMETERS_AFTER_PROOF':
    'Fresh import parameters cannot be written yet: {count, plural, one {# key holds} other {# keys hold}} imported material not proven yet ({keysList}), so the ceremony stands at step “material imported”. Nothing was fetched.',
  'problem.PARAMETERS_AFTER_PROOF.next':
    'Prove {count, plural, one {it} other {them}} first (keyferry online status, or “Read the key states from the KMS” in the app, proves every key holding material and says what to mend), then fetch the fresh parameters again.',
  'problem.PARAMETERS_MATERIAL_SOURCES_DIFFER':
    'The keys waiting for import parameters take their material from {count} different places, and one import-parameters bundle can hold only keys whose material one air-gapped step brings back (a custody restore rebuilds only the keys of the custody copy it is given; a key imported before takes only that same material again; the others take fresh material): {sourcesPhrases}. Nothing was fetched.',
  'problem.PARAMETERS_MATERIAL_SOURCES_DIFFER.next':
    '{where, select, app {Fetch the parameters for one group at a time: choose its keys under “Keys to fetch for”, fetch, write the bundle and take it through the air-gapped step it names; then the next group.} other {Fetch the parameters for one group at a time, each group into a new folder (the commands follow): take each bundle through the air-gapped step it names and import what it writes; then the next group.}}',
  'online.material-source':
    '{count, plural, one {key} other {keys}} {keysList}: {source, select, shares {material imported before, whose custody copy is the {threshold}-of-{total} custody set {set, select, named {{setTag} (the tag in its share files’ names; recorded by the wrapped bundle checked at online journal entry {seq})} other {of the wrapped bundle checked at online journal entry {seq}}}: a custody restore with its shares} hsmToken {material imported before, kept on HSM token {token} (wrapped bundle checked at online journal entry {seq}): a custody restore from that token} materialFiles {material imported before, loaded from files the officer keeps (wrapped bundle checked at online journal entry {seq}): airgap wrap with those files} none {material imported before with NO custody copy (wrapped bundle checked at online journal entry {seq}): only the original material} unknown {material imported before, with no custody copy on record: only the original material, or the custody copy you know of} other {fresh material: airgap wrap}}',
  'problem.PARAMETERS_CHOICE_LEAVES_UNFETCHED':
    '{count, plural, one {Key {keysList} has} other {Keys {keysList} have}} never had import parameters, and the keys chosen leave {count, plural, one {it} other {them}} out: the first parameters of the plan’s keys are fetched together, so no key is left with none. Nothing was fetched.',
  'problem.PARAMETERS_CHOICE_LEAVES_UNFETCHED.next':
    'Fetch for every key waiting (leave out --key-id); choosing keys is for keys waiting again after an import, whose material comes from different places.',
  'problem.PARAMETERS_KEY_NOT_WAITING':
    '{reason, select, alias {“{keyId}” is an alias, not a key id: --key-id takes the key id of each key (this alias names {aliasKeysList}). Nothing was fetched.} unknown {Key {keyId} is not a key of this ceremony, so there are no import parameters to fetch for it. Nothing was fetched.} other {Key {keyId} holds imported material, so there are no import parameters to fetch for it. Nothing was fetched.}}',
  'problem.PARAMETERS_KEY_NOT_WAITING.next':
    '{count, plural, =0 {No key of this ceremony waits for parameters; check the keys with keyferry online status.} other {Choose among the keys waiting for parameters: {keysList}.}}',
  'problem.CEREMONY_STEP_OUT_OF_ORDER':
    '{reason, select, notWrapped {Key {keyId} was not wrapped.} notImported {Key {keyId} has not been imported and verified.} notConnected {Cannot {step, select, acknowledgeMaterialWithoutABackup {acknowledge material without a backup} checkTheHSM {check the HSM} checkTheNetwork {check the network} checkTheOutputFolders {check the output folders} checkTheWrappedMaterialBundle {check the wrapped-material bundle} confirmAsAWitness {confirm as a witness} createKeys {create keys} deleteImportedKeyMaterial {delete imported key material} fetchImportParameters {fetch import parameters} generateKeyMaterial {generate key material} importKeyMaterial {import key material} loadKeyMaterial {load key material} presentAShare {present a share} presentTheCustodyBackup {present the custody backup} readTheImportParameters {read the import parameters} readTheKeyStates {read the key states} rebuildTheMaterial {rebuild the material} showWhatTheWitnessesConfirm {show what the witnesses confirm} splitTheMaterialForCustody {split the material for custody} verifyTheImportedKeys {verify the imported keys} wrapTheKeyMaterial {wrap the key material} wrapTheRebuiltMaterial {wrap the rebuilt material} writeTheImportParametersBundle {write the import-parameters bundle} writeTheReceipt {write the receipt} writeTheWrappedMaterialBundle {write the wrapped-material bundle} restoreTheMaterialFromTheHSM {restore the material from the HSM} other {{step}}} before connecting to the KMS.} bundleNotRead {The receipt names the wrapped-material bundle, which was not read in this session.} other {Cannot {step, select, acknowledgeMaterialWithoutABackup {acknowledge material without a backup} checkTheHSM {check the HSM} checkTheNetwork {check the network} checkTheOutputFolders {check the output folders} checkTheWrappedMaterialBundle {check the wrapped-material bundle} confirmAsAWitness {confirm as a witness} createKeys {create keys} deleteImportedKeyMaterial {delete imported key material} fetchImportParameters {fetch import parameters} generateKeyMaterial {generate key material} importKeyMaterial {import key material} loadKeyMaterial {load key material} presentAShare {present a share} presentTheCustodyBackup {present the custody backup} readTheImportParameters {read the import parameters} readTheKeyStates {read the key states} rebuildTheMaterial {rebuild the material} showWhatTheWitnessesConfirm {show what the witnesses confirm} splitTheMaterialForCustody {split the material for custody} verifyTheImportedKeys {verify the imported keys} wrapTheKeyMaterial {wrap the key material} wrapTheRebuiltMaterial {wrap the rebuilt material} writeTheImportParametersBundle {write the import-parameters bundle} writeTheReceipt {write the receipt} writeTheWrappedMaterialBundle {write the wrapped-material bundle} restoreTheMaterialFromTheHSM {restore the material from the HSM} other {{step}}} now: the {side, select, airgap {air-gapped} restore {custody restore} other {online}} ceremony is at step “{statePhrase}”.}}',
  'problem.CEREMONY_STEP_OUT_OF_ORDER.next':
    '{reason, select, notWrapped {Wrap every key before writing the receipt.} notImported {Import and verify every key before writing the receipt.} notConnected {Connect first (it tests the endpoint and credentials with list-keys).} bundleNotRead {Check the wrapped-material bundle again, then write the receipt.} other {{next, select, airgap_new {Check the network first.} airgap_networkChecked {Read the import-parameters bundle next.} airgap_parametersRead {Have every witness type the import-parameters bundle digest read aloud from the online workstation next.} airgap_fingerprintsConfirmed {Generate or load the key material next.} airgap_materialReady {Wrap the key material next (after custody shares, if any).} airgap_wrapped {Write the wrapped-material bundle next.} airgap_bundleWritten {Write the receipt next.} airgap_finished {This ceremony is finished; start a new one for more keys.} restore_new {Check the network first.} restore_networkChecked {Read the fresh import-parameters bundle of the key next.} restore_parametersRead {Have the custodians present their shares next.} restore_sharesPresented {Present at least M shares, then rebuild the material.} restore_restored {Have every witness type the import-parameters bundle digest read aloud from the online workstation next.} restore_fingerprintsConfirmed {Wrap the rebuilt material next.} restore_wrapped {Write the wrapped-material bundle next.} restore_bundleWritten {Write the receipt next.} restore_finished {This restore ceremony is finished.} online_new {Create the keys first (keyferry online create-key).} online_keysCreated {Fetch the import parameters next (keyferry online params).} online_parametersFetched {Write the import-parameters bundle next.} online_parametersWritten {Wrap on the air-gapped workstation, then check the wrapped-material bundle here (keyferry online import).} online_materialChecked {Import the checked material next.} online_imported {Verify the imported keys next (keyferry online status).} online_verified {Write the receipt next.} online_finished {This ceremony is finished: every key was imported and verified and its receipt is written. Check the keys with keyferry online status.} other {}}}}',
  'problem.MATERIAL_BOUND_GENERATE_REFUSED':
    'Key {alias} ({keyId}) is bound to the material imported at online journal entry {seq} (its own first import, or its replica group’s: a group holds one material): {kind, select, kcv {KCV} other {public-key fingerprint}} {bound}. The KMS accepts only that material again into a key imported before, after a deletion or expiry too, and fresh material would leave a replica group holding two, so fresh material is refused. Nothing was generated{count, plural, =1 {.} other { (# keys of this bundle are bound).}}',
  'problem.MATERIAL_BOUND_GENERATE_REFUSED.next':
    'Restore the original material with keyferry custody restore (from the custody shares and backup, or the HSM token) using this import-parameters bundle, or load the material file kept from the first ceremony. Material that was never imported needs a new key.',
  'problem.MATERIAL_NOT_THE_BOUND':
    'This is not the material the KMS bound key {keyId} to: {kind, select, kcv {KCV} other {public-key fingerprint}} {held} here, {bound} at its first import (online journal entry {seq}). The KMS would refuse it; it was not used and nothing was wrapped.',
  'problem.MATERIAL_NOT_THE_BOUND.next':
    'Present the custody shares and backup, the HSM token or the material file of the ceremony that first imported this key (keyferry custody restore). With shares, use the custody set whose material the KMS holds: online params and online status name it by the tag in its share files’ names; a wrap again made a set of its own, whose shares rebuild other material. Other material needs a new key.',
} as const;
