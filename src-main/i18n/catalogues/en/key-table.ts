/** The online screen's table of the ceremony's keys (screens/online/CeremonyKeys.tsx). zh-CN twin in ../zh-CN/key-table.ts. */
export const enKeyTable = {
  'ckeys.title': 'Keys of this ceremony',
  'ckeys.total': '{count, plural, one {# key} other {# keys}}',
  'ckeys.by-spec': 'By spec:',
  'ckeys.by-state': 'In the journal:',
  'ckeys.by-kms-state':
    '{times, select, none {In the KMS (not read yet):} one {In the KMS, as read {first}:} other {In the KMS, as last read (between {first} and {last}):}}',
  'ckeys.col.kms-state': 'In the KMS',
  'ckeys.col.journal': 'In the journal',
  'ckeys.kms-state': '{read, select, yes {{state}, read {at}} other {Not read}}',
  'ckeys.kms-states.hint':
    'A key’s state in the KMS is the one the app last read from the KMS (listing the keys, reading the key states, verifying), at the time the line above says (a state’s own time: point at it); after an import or a deletion it is “Not read” until it is read again. “In the journal” is what this ceremony’s journal records.',
  'ckeys.state':
    '{state, select, created {Created} issued {Parameters issued} unanswered {Import sent, answer not recorded} unproven {Import answered with an error, effect not proven} imported {Imported} verified {Verified} lapsed {Material lapsed} other {{state}}}',
  'ckeys.filter': 'Filter the keys',
  'ckeys.filter.hint': 'Part of an alias, a key ID, a spec or a state; every key list on this screen follows it.',
  'ckeys.shown': 'Showing {shown} of {count, plural, one {# key} other {# keys}}.',
  'ckeys.col.progress': 'Progress',
  'ckeys.phase':
    '{stage, select, create_keys {Create} fetch_parameters {Fetch parameters} import {Import} verify {Verify} other {{stage}}}: {phase, select, started {in progress} done {done} failed {failed} unrecorded {done in the KMS, NOT journaled} other {{phase}}}',
  'ckeys.in-flight': '{count, plural, =0 {No key in progress.} one {# key in progress:} other {# keys in progress:}}',
  'ckeys.col.place': 'Region / project',
  'ckeys.col.group': 'Replica group',
  'ckeys.groups': '{count, plural, one {# replica group} other {# replica groups}}',
  'ckeys.group.primary':
    'Primary of {count, plural, one {# replica} other {# replicas}}: {proof, select, public_key_equal {proven, every replica has the same public key} kcv_of_wrapped_material {proven, the same KCV was wrapped for every replica} other {same material not proven yet}}',
  'ckeys.group.replica': 'Replica of {alias}',
  'ckeys.created':
    'Created {count, plural, one {# external key} other {# external keys}}: see “Keys of this ceremony”.',
  'params.col.fingerprint': 'Wrapping-key fingerprint (SHA-256)',
  'params.col.token': 'Token valid until',
  'journal.filter': 'Filter the entries (event, who, data: e.g. a key ID)',
  'ckeys.shown-entries': 'Showing {shown} of {count, plural, one {# entry} other {# entries}}.',
} as const;
