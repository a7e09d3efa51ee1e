/** The online screen (src-renderer/screens/online/*): connection, keys, creation, parameters, import, verification. */
import { KEY_STATE } from './kms';
export const enScreenOnline = {
  'online.heading': '{rehearsal, select, yes {Online side (rehearsal)} other {Online workstation}}',
  'connect.title.rehearsal': 'Start the KMS simulator',
  'connect.title': 'Connect to the KMS',
  'connect.rehearsal-intro':
    'The rehearsal runs against Keyferry’s built-in KMS simulator on this machine (loopback only). Nothing reaches a cloud account.',
  'connect.start-simulator': 'Start the simulator',
  'connect.region': 'Region',
  'connect.region.hint': 'For example cn-north-4.',
  'connect.project-id': 'Project ID',
  'connect.endpoint': 'Endpoint (optional)',
  'connect.endpoint.hint': 'Leave empty for the region’s KMS endpoint. https only.',
  'connect.ca': 'Extra CA certificates (optional)',
  'connect.ca.hint': 'A PEM file, only if your network inspects TLS.',
  'connect.access-key-id': 'Access key ID',
  'connect.access-key-held': 'Held for this session: {hint}. Leave empty to keep using it.',
  'connect.secret': 'Secret access key',
  'connect.secret.hint': 'Held in memory only, unless remembered; never shown again.',
  'connect.security-token': 'Security token (temporary credentials only)',
  'connect.test': 'Test connection',
  'connect.connected-to': 'Connected to',
  'connect.project': 'Project',
  'connect.access-key': 'Access key',
  'connect.replica-regions': 'Other regions (for replicas)',
  'connect.session-unrecorded-creates':
    'Journal entry {seq}: {reason}: {creates}. The receipt lists it under Deviations. Creating the keys again with the same plan (step “Create the external keys”) looks in the KMS first: a key found under {count, plural, one {that alias} other {such an alias}} as this ceremony creates keys (external, Pending import, created since the send) is journaled as the key that send created, not created again; an alias the KMS does not hold is created; an alias another key holds is refused.',
  'connect.keys-visible': 'Keys visible',
  'remember.checking': 'Checking whether this computer can remember credentials…',
  'remember.choice': 'Remember these credentials on this computer (encrypted by the operating system)',
  'remember.remembered': 'Credentials are remembered on this computer: access key ID ending',
  'remember.project': ', project',
  'remember.at': 'at',
  'remember.saved': ', saved {at}.',
  'remember.connect': 'Connect with remembered credentials',
  'remember.forget': 'Forget',
  'keys.spec-option':
    '{kind, select, symmetric {{spec} (symmetric, encrypt and decrypt)} ec {{spec} (sign and verify)} other {{spec}}}',
  'keys.filter': '{filter, select, all {All states} other {{state}}}',
  'kms.state': KEY_STATE,
  'keys.title': 'Keys in the KMS',
  'keys.show-in-state': 'Show keys in state',
  'keys.list': 'List the keys',
  'keys.caption': '{count, plural, one {# key} other {# keys}} ({filter, select, all {all states} other {{state}}})',
  'keys.col.alias': 'Alias',
  'keys.col.key-id': 'Key ID',
  'keys.col.spec': 'Spec',
  'keys.col.state': 'State',
  'keys.col.in-ceremony': 'This ceremony',
  'create.title': 'Create the external keys',
  'create.intro': 'Each key is created with origin "external" and waits for its material (state Pending import).',
  'create.key': 'Key {n}',
  'create.alias': 'Alias of key {n}',
  'create.alias.hint': 'Letters, digits and : / _ -',
  'create.spec': 'Key spec of key {n}',
  'create.usage': 'Usage of key {n}',
  'create.usage.sign': 'Sign and verify',
  'create.usage.encrypt': 'Encrypt and decrypt',
  'create.remove': 'Remove key {n}',
  'create.description': 'Description of key {n} (optional)',
  'create.expiry': 'Material expiry of key {n} (optional)',
  'create.expiry.hint':
    'Empty: the ceremony’s ({expiry}). Otherwise never, a duration from creation such as 90d, or a date-time with its zone such as 2027-06-30T00:00:00Z, as in a plan file. AES keys only: imported RSA and EC material never expires.',
  'create.col.expires': 'Material expires',
  'create.created-table': 'The keys created and when their material expires',
  'create.plan.file': 'Plan file (JSON)',
  'create.plan.file.hint':
    'The ceremony plan the CLI reads (keyferry online create-key --example-plan prints one). Its keys fill the form below, to check before creating; the title and people stay those of the setup.',
  'create.plan.read': 'Read the plan file',
  'create.plan.read-keys':
    'Read {count, plural, one {# key} other {# keys}} from {file}: check them below, then create them.',
  'create.plan.differs':
    'The plan’s {field, select, title {title is} operator {operator is} witnesses {witnesses are} wrappingAlgorithm {wrapping algorithm is} other {material expiry is}} {plan}; this ceremony’s setup says {setup}. The setup stands: only the plan’s keys are taken.',
  'create.plan.expiry-filled':
    'The plan’s material expiry is {plan}; this ceremony’s setup says {setup}. The plan’s is filled in below as the material expiry of each AES key without its own: check it before creating.',
  'create.planned': '{count, plural, one {# key} other {# keys}} to create',
  'create.replicas': 'Replicas of key {n}',
  'create.replicas.hint':
    'The same material in a key of another region or project, for when a region is lost: each replica is created through a connection of its own region and project, gets its own wrapping key and token, and is proven to hold the same material after the import.',
  'create.replica.region': 'Region of replica {m} of key {n}',
  'create.replica.project': 'Project ID of replica {m} of key {n}',
  'create.replica.remove': 'Remove replica {m} of key {n}',
  'create.replica.add': 'Add a replica of key {n}',
  'create.with-replicas':
    '{keys, plural, one {# key} other {# keys}} and {replicas, plural, one {# replica} other {# replicas}}: the KMS will hold {total, plural, one {# key} other {# keys}}.',
  'create.add': 'Add another key',
  'create.button': 'Create {count, plural, one {# external key} other {# external keys}}',
  'params.title': 'Fetch the import parameters and write them to media',
  'params.intro':
    'The KMS hands out a wrapping key and an import token per key, valid for 24 hours. The bundle digest binds them all: it is read aloud at the air-gapped workstation, where every witness types it.',
  'params.sources.legend': 'Keys to fetch for',
  'params.sources.hint':
    'The keys waiting take their material from different places, and one bundle can hold only keys one air-gapped step brings back (a restore rebuilds only the keys of the custody copy it is given). Fetch, write and import one group at a time (each choice says what brings its material back); then choose the next.',
  'params.fetch-new': 'Fetch new import parameters',
  'params.fetch': 'Fetch the import parameters',
  'params.algorithm.label': 'Wrapping algorithm of the next import parameters',
  'params.algorithm.hint':
    'What the KMS wraps the import with. Keep RSAES_OAEP_SHA_256 unless the HSM on the air-gapped side refused it (it does OAEP only with SHA-1): then choose RSAES_OAEP_SHA_1 and fetch new import parameters for the same keys. The change is journaled.',
  'params.algorithm.issued': 'Issued for wrapping algorithm {algorithms}.',
  'params.fingerprint': 'Wrapping-key fingerprint (SHA-256), bound by the bundle digest:',
  'params.fingerprint-of': 'Wrapping-key fingerprint of {alias}',
  'params.folder': 'Removable media folder for the bundle',
  'params.folder.hint': 'A new folder import-parameters-… is created inside; nothing is ever overwritten.',
  'params.write': 'Write the import-parameters bundle',
  'params.digest':
    'IMPORT-PARAMETERS BUNDLE DIGEST: read it aloud at the air-gapped workstation, where every witness types it (it binds every wrapping key and import token in the bundle):',
  'params.carry': 'Carry the media to the air-gapped workstation.',
  'params.not-taken':
    'Do not carry this bundle to the air-gapped workstation: no key takes it (the warning above says why, and to destroy it and every copy).',
  'params.before.own':
    '{keys} {count, plural, one {had its material} other {had their material}} imported before: the KMS accepts only that same material again, so fresh material would be refused (KMS.2606).',
  'params.before.group':
    '{holderIs, select, itsPrimary {{member} is a replica of {holder}, which holds the material imported before: a replica group holds one material, so this replica takes that same material, not fresh material.} other {{member} was never imported, and {holder} of its replica group holds the material imported before: a replica group holds one material, so this key takes that same material, not fresh material (fresh material would leave the group holding two).}}',
  'params.before.next':
    '{custody, select, shares {Next, within 24 hours, on the air-gapped workstation: restore that material with this bundle from any {threshold} of the {total} custody shares (held by {custodiansList}{set, select, named {; custody set {setTag}, the tag in its share files’ names} other {}}; online journal entry {seq}), in the custody restore ceremony on the Restore screen of this app (or keyferry custody restore); then check and import here the wrapped-material bundle it writes.} hsmToken {Next, within 24 hours, on the air-gapped workstation: restore that material with this bundle from the HSM token {token} that holds it (online journal entry {seq}), in the custody restore ceremony on the Restore screen of this app (or keyferry custody restore); then check and import here the wrapped-material bundle it writes.} materialFiles {The material was loaded from files the officer keeps, and no custody copy was taken (online journal entry {seq}): only those original files can bring these keys back. Next, within 24 hours, on the air-gapped workstation, load the original material file of each key and wrap it with this bundle; then check and import here the wrapped-material bundle it writes.} none {No custody copy of this material was taken (online journal entry {seq}): only the original material can bring these keys back; without it every ciphertext under them stays unreadable. Next, within 24 hours, on the air-gapped workstation, load the original material and wrap it with this bundle.} other {Next, within 24 hours, on the air-gapped workstation: restore that material with this bundle from the ceremony’s custody copy, in the custody restore ceremony on the Restore screen of this app (or keyferry custody restore); without one, only the original material brings these keys back.}}',
  'params.go-air': 'Go to the air-gapped side',
  'check.title': 'Read and check the wrapped-material bundle',
  'check.folder': 'Wrapped-material bundle folder',
  'check.button': 'Check the bundle',
  'check.matches':
    '{source, select, rehearsal {The bundle has the digest this rehearsal’s air-gapped side wrote} other {The bundle has the digest typed from the receipt}} and matches what the KMS issued to this ceremony: same keys, specs, tokens and wrapping keys; tokens still valid.',
  'check.digest-lead': 'Bundle digest:',
  'import.title': 'Choose the material expiry and import',
  'import.requested': 'the bundle requests expiry {when}',
  'import.expiry-legend': 'When should the imported AES material expire?',
  'import.override': 'This overrides what the bundles request; the override is recorded in the journal.',
  'import.expiry-resolve': 'Show the time this means',
  'import.expiry-resolve-first': 'The import waits until the time the typed expiry means is shown.',
  'import.expiry-resolved': 'The imported AES material will expire {when}.',
  'import.expiry-resolved-never': 'The imported AES material will never expire.',
  'import.button': 'Import the key material',
  'import.stopped.summary':
    'The import stopped part way: {imported} of {total} keys {imported, plural, one {holds its} other {hold their}} material (imported and journaled).{unanswered, plural, =0 {} one { # key was sent an import that is not recorded as taken: {unansweredKeys}; the next import asks the KMS whether it took effect before sending anything again.} other { # keys were sent an import that is not recorded as taken: {unansweredKeys}; the next import asks the KMS whether they took effect before sending anything again.}}{missing, plural, =0 {} one { # key is not imported yet (Pending import): {missingKeys}.} other { # keys are not imported yet (Pending import): {missingKeys}.}}{elsewhere, plural, =0 {} one { # key waits for material this bundle does not carry: {elsewhereKeys}.} other { # keys wait for material this bundle does not carry: {elsewhereKeys}.}} The ceremony is not finished.',
  'import.stopped.more-keys': '{keys} and {count} more (the table of the ceremony’s keys lists every one)',
  'import.stopped.again':
    'Once what stopped it is put right (the problem shown says what: the KMS answering again, room on the journal’s medium, a refused request changed), {checked, select, no {check the wrapped-material bundle again in the step above (this session has not read it: type its digest from the air-gapped receipt), then press} other {press}} “Import the key material” again: it imports only what is missing, and sends no import again that took effect.',
  'import.place':
    '{group, select, primary { in {region}, primary of its replica group} replica { in {region}, replica of {alias}} other {}}',
  'import.imported':
    'imported, expires {when} {source, select, override {(override);} other {(as the bundle requests);}} {how, select, answered {the KMS answered} reconciled {reconciled with the KMS} retried {answered on a retry} other {{how}}}',
  'verify.title': 'Verify the imported keys',
  'verify.intro':
    'Keyferry checks each key is Enabled and proves it works: an encrypt/decrypt round trip for AES, the public key and a signature or decryption for asymmetric keys.',
  'verify.button': 'Verify the keys',
  'verify.ok': 'Verified',
  'verify.spec-state': '{spec}, {state}',
  'verify.not-ok': 'NOT verified',
  'verify.summary': '{count, plural, one {# key} other {# keys}} checked: {ok} verified, {failed} NOT verified.',
  'verify.proofs': 'Proofs of the keys',
  'verify.read-states': 'Read the key states from the KMS',
  'verify.material-expires': ', material expires {at}',
  'verify.waiting': 'Waiting for the same material again',
  'verify.waiting.prove-first':
    'Verify first: {count, plural, one {# key holds} other {# keys hold}} imported material not proven yet ({keys}), so the ceremony stands at step “material imported”, where no new import parameters can be fetched or written for the keys below. First prove {count, plural, one {it} other {them}} (“Verify the keys”, or “Read the key states from the KMS”: both prove every key holding material and say what to mend); only then fetch new import parameters for the keys below.',
  'verify.material-gone': 'its material {how, select, lapsed {expired in the KMS} other {was deleted}}.',
  'verify.restore-hint':
    'Only the same material brings these keys back. Fetch new import parameters (step 4), then on the air-gapped workstation restore the material from its custody copy, if one was kept: “Read the key states from the KMS” says for each key whether one was, and who holds it. Without one, the material is lost unless someone still holds it.',
  'status.proofs': 'Keys holding their material, proven now (journaled, as online status proves them at any step)',
  'status.next.deleted':
    'Material deleted on request: {key} is in Pending import and accepts only the same material again. {round, select, parameters {{custody, select, none {It had NO custody copy (online journal entry {seq}: the air-gapped side kept none): its material is lost for ever unless someone still holds the same material, and every ciphertext under the key stays unreadable. New import parameters do not bring it back by themselves: only if someone brings that material, fetch new import parameters for it (step “Fetch the import parameters”), write the bundle, wrap that material with it on the air-gapped workstation, then check and import here the wrapped-material bundle it writes.} materialFiles {Next: fetch new import parameters for it (step “Fetch the import parameters”) and write the bundle; on the air-gapped workstation wrap the original material file again with that bundle (online journal entry {seq} recorded it as the only copy); then check and import here the wrapped-material bundle it writes.} shares {Next: fetch new import parameters for it (step “Fetch the import parameters”) and write the bundle; on the air-gapped workstation restore its material with that bundle from {threshold} of the {total} custody shares (held by {custodiansList}{set, select, named {; custody set {setTag}, the tag in its share files’ names} other {}}; online journal entry {seq}) in the custody restore; then check and import here the wrapped-material bundle it writes.} hsmToken {Next: fetch new import parameters for it (step “Fetch the import parameters”) and write the bundle; on the air-gapped workstation restore its material with that bundle from the HSM token {token} that holds it (online journal entry {seq}); then check and import here the wrapped-material bundle it writes.} other {Next: fetch new import parameters for it (step “Fetch the import parameters”), restore or wrap its material with them on the air-gapped workstation, then check and import the wrapped-material bundle here.}}} other {Its next round is under way: see below.}}',
  'status.next.round-wrap':
    'New import parameters for {keys} are in the import-parameters bundle {folder} (journal entry {seq}), written after {count, plural, one {its} other {their}} material was lost. Next, on the air-gapped workstation, {custody, select, shares {restore the material with that bundle from any {threshold} of the {total} custody shares (held by {custodiansList}{set, select, named {; custody set {setTag}, the tag in its share files’ names} other {}}; online journal entry {custodySeq}) in the custody restore ceremony on the Restore screen} hsmToken {restore the material with that bundle from the HSM token {token} that holds it (online journal entry {custodySeq}) in the custody restore ceremony on the Restore screen} materialFiles {wrap the original material file again with that bundle (online journal entry {custodySeq} recorded it as the only copy)} none {wrap the original material with that bundle, if someone still holds it (no custody copy was kept: online journal entry {custodySeq})} other {restore or wrap the material with that bundle}}; then check and import here the wrapped-material bundle it writes, with the digest on its receipt.',
  'status.next.round-import':
    'The wrapped-material bundle {folder} holding the material of {keys} was checked (journal entry {seq}), and nothing was imported from it yet. {refused, select, group {Its import was refused at journal entry {refusedSeq} (REPLICA_GROUP_EXPIRY_DIFFERS): a member of the replica group holds this material with the expiry {held}, which this import must give too. Next, import it with that expiry (step “Choose the material expiry and import”).} expiry {Its import was refused at journal entry {refusedSeq} ({code}: {by, select, kms {by the KMS’s clock} simulator {by the rehearsal simulator’s clock} other {by this computer’s clock}} the material expiry is not in the future), so the same import would be refused again. Next, import it with an expiry further ahead (step “Choose the material expiry and import”).} other {Next, import it (step “Choose the material expiry and import”).}}',
  'status.next.unrecorded-not-taken':
    '{count, plural, one {# key is} other {# keys are}} still Pending import although this journal shows an import sent to {count, plural, one {it} other {them}} (journal entry {seq}) with no answer recorded: {keys}. The KMS shows that the import did not take effect: the ceremony is not finished. Import again (the bundle {folder}, checked with the digest on its air-gapped receipt): it asks the KMS first, and while the import token is valid sends the import again with the same token, journaled as a retry of the unrecorded send; once the token has expired it says to fetch new parameters.',
  'status.next.unrecorded-imports':
    '{count, plural, one {# key is} other {# keys are}} Enabled in the KMS with an import this journal shows sent but not recorded: {keys}. Import again{bundles, select, none {} other { with the bundle {bundles}}}: it asks the KMS first, compares each such key with the bundle (its expiry, and for RSA and EC keys its public key), records it, and sends nothing twice.',
  'status.next.unproven-imports':
    '{count, plural, one {# key is} other {# keys are}} Enabled in the KMS although the import this journal shows sent to {count, plural, one {it} other {them}} was answered with an error that does not say whether it took effect: {answers}. Import again{bundles, select, none {} other { with the bundle {bundles}}}: it asks the KMS first, compares each such key with the bundle (its expiry, and for RSA and EC keys its public key), records it, and sends nothing twice.',
  'status.next.answered-not-taken':
    '{count, plural, one {# key is} other {# keys are}} still Pending import although the import this journal shows sent to {count, plural, one {it} other {them}} was answered with an error that does not say whether it took effect: {answers}. The KMS now shows that the import did not take effect: the ceremony is not finished. Import again{folder, select, none {} other { (the bundle {folder}, checked with the digest on its air-gapped receipt)}}: it asks the KMS first; while the import token is valid it sends the import again with the same token, and once the token has expired it says to fetch new parameters.',
  'status.next.lapsed':
    'Material lapsed: {key} was imported, but the KMS deleted its material when it expired (expiry recorded at import: {expires}); it is back in Pending import and accepts only the same material again. {round, select, parameters {{custody, select, none {It had NO custody copy (online journal entry {seq}: the air-gapped side kept none): its material is lost for ever unless someone still holds the same material, and every ciphertext under the key stays unreadable. New import parameters do not bring it back by themselves: only if someone brings that material, fetch new import parameters for it (step “Fetch the import parameters”), write the bundle, wrap that material with it on the air-gapped workstation (with a new expiry: the original one has passed), then check and import here the wrapped-material bundle it writes.} materialFiles {Next: fetch new import parameters for it (step “Fetch the import parameters”) and write the bundle; on the air-gapped workstation wrap the original material file again with that bundle (online journal entry {seq} recorded it as the only copy), with a new expiry; then check and import here the wrapped-material bundle it writes.} other {Next: fetch new import parameters for it (step “Fetch the import parameters”) and write the bundle; on the air-gapped workstation restore its material with that bundle from {custody, select, shares {{threshold} of the {total} custody shares (held by {custodiansList}{set, select, named {; custody set {setTag}, the tag in its share files’ names} other {}}; online journal entry {seq})} hsmToken {the HSM token {token} that holds it (online journal entry {seq})} other {the ceremony’s custody copy}} (the custody restore, with a new expiry: the original one has passed); then check and import here the wrapped-material bundle it writes.}}} other {Its next round is under way: see below.}}',
  'status.next.prove-first':
    'Verify first: {proveCount, plural, one {# key holds} other {# keys hold}} imported material not proven yet ({prove}), so the ceremony stands at step “{statePhrase}”, where no import-parameters bundle can be written; {lostCount, plural, one {# key waits} other {# keys wait}} for fresh import parameters ({lost}). Next: 1. prove {proveCount, plural, one {it} other {them}} (step “Verify the keys”, or read the key states again: both prove every key holding material and journal each proof; a proof that fails says what to mend); 2. then fetch new import parameters (step “Fetch the import parameters”) and write the bundle.',
  'status.next.bundle-plan':
    '{takes, plural, =0 {No import-parameters bundle written so far can be wrapped for the keys waiting for material.} one {One import-parameters bundle written so far serves the keys waiting for material, as the next line says.} other {The keys waiting for material take # import-parameters bundles (parameters were fetched for some keys only), as the lines below say: wrap each of them once, for the keys it names, in the same air-gapped journal, and check and import here what each wrap writes (where a line below names a wrap of its bundle checked here, import that wrap instead).}} A wrap covers every key of its bundle, and a key wrapped from two bundles would get two versions of its material.{destroy, plural, =0 {} other { No key takes {destroy, plural, one {this bundle} other {these # bundles}}, whose import tokens the KMS may still accept: destroy {destroy, plural, one {it} other {them}} and every copy, and never wrap {destroy, plural, one {it} other {them}}: {destroyList} (folder and digest).}}{fresh, plural, =0 {} other { No bundle is to be wrapped for {freshKeys} (a wrap of it would also wrap a key that takes another bundle or holds its material already, or split a replica group): fetch new import parameters for {fresh, plural, one {that key} other {those keys}} only, in one bundle (step “Fetch the import parameters”, with {fresh, plural, one {that key} other {those keys}} chosen), then wrap the bundle that writes.}}',
  'status.next.bundle-take':
    '{wrapped, select, yes {The wrapped-material bundle {wrap}, checked at journal entry {wrapSeq} and not imported yet, was made from the import-parameters bundle {dir} (journal entry {seq}) and holds the material of {keys}: check and import that wrap (step “Read and check the wrapped-material bundle”); do not wrap {dir} again.} other {Wrap the import-parameters bundle {dir} (journal entry {seq}, digest {digest}) for {keys} on the air-gapped workstation, then check and import here what it writes.}}',
  'status.next.partly-imported':
    '{count} of {total} keys {count, plural, one {is} other {are}} not imported yet (Pending import): {keys}. The ceremony is not finished{groups, select, yes {, and a replica group with such a key is not complete} other {}}. {tokens, select, lapsed {Their import tokens expired at {until, date, moment} ({tokensBy, select, kms {by the KMS’s clock: {refused, select, token {its refusal at journal entry {refusedSeq}, {code}} other {as the import tokens it issued since show}}} other {{clock, select, simulator {by the rehearsal simulator’s clock} other {by this computer’s clock}}}}), so that bundle cannot import them any more: fetch new import parameters for them (step “Fetch the import parameters”), then wrap their material on the air-gapped workstation with the bundle that writes (it says which keys must take material imported before, such as a replica group’s) and import what that wrap writes.} other {{refused, select, expiry {The import of {count, plural, one {it} other {them}} was refused at journal entry {refusedSeq} ({code}: {by, select, kms {by the KMS’s clock} simulator {by the rehearsal simulator’s clock} other {by this computer’s clock}} the material expiry is not in the future), so the same import would be refused again. Next, import the same bundle with an expiry further ahead (step “Choose the material expiry and import”){tokens, select, valid {, while their import tokens are valid (until {until, date, moment})} other {}}.} token {The import of {count, plural, one {it} other {them}} was refused at journal entry {refusedSeq}: the KMS says {count, plural, one {its import token} other {their import tokens}} expired ({code}), so that bundle cannot import {count, plural, one {it} other {them}} any more: fetch new import parameters for {count, plural, one {it} other {them}} (step “Fetch the import parameters”), then wrap {count, plural, one {its} other {their}} material on the air-gapped workstation with the bundle that writes and import what that wrap writes.} other {{wrap, select, blocked {The import-parameters bundle {dir} (journal entry {dirSeq}) holds {count, plural, one {its} other {their}} parameters, but also those of a key that holds its material already or takes another bundle: a wrap covers every key of its bundle, so that bundle is not to be wrapped now. If an air-gapped receipt shows it was wrapped already, check and import that wrap here{wrapRefused, select, yes { (a folder offered since for import was refused at journal entry {wrapRefusedSeq}, for the reason said at the end, and nothing of it was imported: if that was the wrap, do what that refusal said)} other {}}: the import takes from it the keys still waiting and leaves out a key holding material imported from a later bundle. Otherwise destroy that bundle and every copy, then fetch new import parameters for {count, plural, one {it} other {them}} only (step “Fetch the import parameters”), wrap {count, plural, one {its} other {their}} material on the air-gapped workstation with the bundle that writes and import what that wrap writes.{wrapRefused, select, yes { The refusal at journal entry {wrapRefusedSeq} said: {wrapRefusedSaid}} other {}}} yes {{since, select, no {Import parameters for {count, plural, one {it} other {them}} were written, before any import, to {dir} (journal entry {dirSeq})} other {Fresh import parameters for {count, plural, one {it} other {them}} were written since that import, to {dir} (journal entry {dirSeq})}}{wrapRefused, select, yes { (a folder offered since for import was refused at journal entry {wrapRefusedSeq}, for the reason said at the end, and nothing of it was imported; what that refusal said to do comes first)} other {}}: next, on the air-gapped workstation, wrap with that bundle, or restore from its custody copy a key that must take material imported before (such as a replica group’s), unless that was done already; then check and import here what it writes{tokens, select, valid {, while {count, plural, one {its import token is} other {their import tokens are}} valid (until {until, date, moment})} other {}}.{wrapRefused, select, yes { The refusal at journal entry {wrapRefusedSeq} said: {wrapRefusedSaid}} other {}}} other {Import again with the same bundle: it imports only what is missing{tokens, select, valid {, while their import tokens are valid (until {until, date, moment})} other {}}.}}}}}}',
  'status.next.nothing-imported':
    'Nothing imported yet (ceremony step: {statePhrase}).{refused, select, expiry { The wrapped-material bundle {folder} was checked (journal entry {seq}) and its import refused (entry {refusedSeq}, {code}: {by, select, kms {by the KMS’s clock} simulator {by the rehearsal simulator’s clock} other {by this computer’s clock}} its material expiry is not in the future). That wrap stands, so the air-gapped side does not wrap again. Next, within the tokens’ 24 hours, import the same bundle with an expiry further ahead (step “Choose the material expiry and import”). In a rehearsal the simulator’s clock may have been moved forward.} token { The import of the wrapped-material bundle {folder} was refused at journal entry {refusedSeq}: its import tokens expired ({code}), so it cannot be imported any more, nor wrapped again. Next, fetch new import parameters (step “Fetch the import parameters”), write the bundle, and wrap with it on the air-gapped workstation.} other {}}',
  'status.next.exposed':
    'The wrapped-material bundle {folder} was refused at journal entry {seq}: its material was encrypted under a wrapping key the KMS did not issue, so treat that material as exposed. Destroy the custody shares or HSM token objects of that wrap{set, select, named { (custody set {setTag})} other {}}; never restore or import that material. {parameters, select, written {Next, on the air-gapped workstation: new material (a wrap, never a custody restore of that wrap) with the import-parameters bundle written since, every witness typing its digest as this workstation recorded it.} other {Next, fresh wrapping keys and import tokens in a new bundle (step “Fetch the import parameters”): the bundle written before may be the copy changed on the media, so do not wrap with it; then new material on the air-gapped workstation (a wrap, never a custody restore of that wrap).}}',
  'status.next.group-material':
    '{holderIs, select, itsPrimary {{member} is a replica of {holder}, which holds the material imported before} other {{member} was never imported, and {holder} of its replica group holds the material imported before}}: a replica group holds one material, so this key takes that same material, never fresh material (fresh material would leave the group holding two). Its import token has expired, so the bundle it was in cannot import it any more. Next: fetch new import parameters for it (step “Fetch the import parameters”) and write the bundle; then, on the air-gapped workstation, {custody, select, shares {restore the group’s material with that bundle from any {threshold} of the {total} custody shares (held by {custodiansList}{set, select, named {; custody set {setTag}, the tag in its share files’ names} other {}}; online journal entry {seq}) in the custody restore ceremony on the Restore screen} hsmToken {restore the group’s material with that bundle from the HSM token {token} that holds it (online journal entry {seq}) in the custody restore ceremony on the Restore screen} materialFiles {wrap the original material file of {holder} again with that bundle (no custody copy was taken: online journal entry {seq} recorded that file as the only copy)} none {wrap the group’s original material with that bundle, if someone still holds it (no custody copy was taken: online journal entry {seq})} other {restore the group’s material with that bundle from the ceremony’s custody copy in the custody restore ceremony on the Restore screen}}; then check and import here the wrapped-material bundle it writes.',
  'delete.summary': 'Delete imported AES material',
  'delete.type-key-id': 'Type the key ID {keyId} to confirm',
  'delete.button': 'Delete the material of {alias}',
  'online.receipt.title': 'Write the online receipt',
  'check.digest-required': 'Bundle digest from the air-gapped receipt',
  'check.use-rehearsal-digest': 'Use the digest this rehearsal’s air-gapped side wrote',
  'check.rehearsal-digest-hint': 'A rehearsal plays both machines; the journal records where the digest came from.',
} as const;
