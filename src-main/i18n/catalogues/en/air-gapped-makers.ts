/**
 * Who made a wrapped-material bundle on the air-gapped side (the manifest's `madeBy`): what
 * `online import` prints and journals of them, its refusals of other people or of another
 * air-gapped journal, and the online side's advice to wrap again in the same journal.
 */
export const enAirGappedMakers = {
  'bundle.madeBy':
    '{purpose, select, restore {Made by a custody restore} other {Wrapped}} on the air-gapped side by operator {operator} with {count, plural, one {witness} other {witnesses}} {witnessList}, in the air-gapped journal {journal} (first entry {firstEntry}), as the bundle states.',
  'problem.WRAPPED_PEOPLE_DIFFER_FROM_JOURNAL':
    'This wrapped-material bundle was wrapped on the air-gapped side (journal {airGapJournal}) by operator {madeOperator} with witnesses {madeWitnessList}, but this ceremony’s online journal names operator {journalOperator}, witnesses {journalWitnessList}: {role, select, operator {another operator} other {other witnesses}}. Nobody acts for another, so this material was not made by the ceremony’s people. Nothing was sent to the KMS.',
  'problem.WRAPPED_PEOPLE_DIFFER_FROM_JOURNAL.next':
    'Do not import this bundle. Wrap again on the air-gapped workstation with the ceremony’s people (operator {journalOperator}, witnesses {journalWitnessList}) and the ceremony’s air-gapped journal (fetch new parameters with keyferry online params first if the import tokens lapsed), then import that bundle.',
  'problem.WRAPPED_OTHER_AIRGAP_JOURNAL':
    'This wrapped-material bundle was wrapped in the air-gapped journal {airGapJournal} (first entry {airGapJournalFirstEntry}), but the bundle this online journal took at entry {earlierSeq} came from the air-gapped journal {earlierAirGapJournal} (first entry {earlierAirGapJournalFirstEntry}). A wrap in another journal does not see the earlier wrap: the question whether to wrap again was skipped, and another custody set of this ceremony may exist that nobody was told to destroy. Nothing was sent to the KMS.',
  'problem.WRAPPED_OTHER_AIRGAP_JOURNAL.next':
    'Wrap again on the air-gapped workstation with the journal {earlierAirGapJournal} (fetch new parameters with keyferry online params first if the import tokens lapsed) and import that bundle. Only if that journal is lost, and you know why this bundle was wrapped in another, run the same online import with --accept-other-airgap-journal: it is journaled as an override and printed on the receipt.{copies, select, shares { This bundle’s material has a custody copy of its own, {threshold} of {total} shares held by {custodianList}{setTag, select, none {} other {, custody set {setTag} (the tag in its share files’ names)}}: once the keys hold the material of a wrap in {earlierAirGapJournal} (keyferry online status says so), that copy and this bundle back up nothing any key holds; have the shares and the bundle destroyed then, not before.} other {}}',
  'problem.WRAPPED_MADE_BY_MISSING':
    'This wrapped-material bundle does not say who wrapped it nor in which air-gapped journal (it was written by a Keyferry older than wrapped-material format version 3), but the bundle this online journal took at entry {earlierSeq} came from the air-gapped journal {earlierAirGapJournal} (first entry {earlierAirGapJournalFirstEntry}). Nothing shows it was wrapped in that journal, with its question whether to wrap again and its custody set. Nothing was sent to the KMS.',
  'problem.WRAPPED_MADE_BY_MISSING.next':
    'Wrap again with this Keyferry on the air-gapped workstation with the journal {earlierAirGapJournal} (fetch new parameters with keyferry online params first if the import tokens lapsed) and import that bundle. Only if you know where this bundle was wrapped and why, run the same online import with --accept-other-airgap-journal: it is journaled as an override and printed on the receipt.',
  'problem.WRAPPED_OLDER_AIRGAP_JOURNAL_COPY':
    'This wrapped-material bundle was wrapped by an older copy of the air-gapped journal {airGapJournal} (first entry {airGapJournalFirstEntry}): {lists, select, no {it does not list the journal’s earlier wraps (a Keyferry older than wrapped-material format version 4 wrote it), so nothing shows it was made after} other {that copy did not have}} the wrap begun at its entry {missingSeq} ({missingAt, date, moment}), whose bundle this online journal took at entry {takenSeq}. A copy of the journal taken before that wrap does not know it: its question whether to wrap again was skipped, and another custody set of this ceremony may exist that nobody was told to destroy. Nothing was sent to the KMS.',
  'problem.WRAPPED_OLDER_AIRGAP_JOURNAL_COPY.next':
    'Do not import this bundle; if the copy wrote a custody set, have its custodians destroy those shares. Wrap again on the air-gapped workstation in the newest copy of {airGapJournal}, the one in which the wrap begun at its entry {missingSeq} finished (its receipt written after that entry), with this Keyferry (its airgap wrap refuses an older copy) (fetch new parameters with keyferry online params first if the import tokens lapsed), and import that bundle. --accept-other-airgap-journal does not accept an older copy; only if the newest copy is lost, wrap in a new journal and accept that bundle with it.',
  'problem.WRAPPED_OVERRIDE_OTHER_BUNDLE':
    'Your word was given for the wrapped-material bundle refused before (digest {refusedBundle}), but the bundle read now is another one (digest {readBundle}): the folder or the digest changed after the refusal. Nothing was accepted, and nothing was sent to the KMS.',
  'problem.WRAPPED_OVERRIDE_OTHER_BUNDLE.next':
    'Check this bundle first. Only if it is refused for its air-gapped journal too, and you know why it was wrapped there, give your word for it then.',
  'online.next.same-airgap-journal':
    '{known, select, yes {Wrap in the SAME air-gapped journal as before, {journal} (first entry {firstEntry}), not in a new one} unproven {If the air-gapped side already wrapped for this ceremony (no bundle this workstation saw proved which air-gapped journal it was wrapped in), wrap in that SAME air-gapped journal, not in a new one: put its file name after --journal} other {If the air-gapped side already wrapped for this ceremony (this workstation has seen none of its bundles), wrap in that SAME air-gapped journal, not in a new one: put its file name after --journal}}. That journal knows the earlier wrap and its custody set; online import refuses a bundle of another air-gapped journal.',
  'receipt.people.materialMadeBy':
    'entry {seq}: the wrapped-material bundle checked was {purpose, select, restore {made by a custody restore} other {wrapped}} on the air-gapped side by operator {operator} with {count, plural, one {witness} other {witnesses}} {witnessList}, in the air-gapped journal {journal} (first entry {firstEntry})',
  'check.other-journal.lead':
    '{missing, select, yes {This bundle does not say in which air-gapped journal it was wrapped} other {This bundle was wrapped in another air-gapped journal than the ceremony’s}}. Import it only if the ceremony’s journal, {journal}, is lost and you know why this bundle was made elsewhere: your word is journaled as an override and printed on the receipt (on the command line: --accept-other-airgap-journal).',
  'check.other-journal.type': 'Type the ceremony’s air-gapped journal, {journal}, to accept this bundle',
  'check.other-journal.button': 'Check and accept this bundle',
  'check.other-journal.accepted':
    'Accepted on your word instead of a wrap in the ceremony’s air-gapped journal: journaled as an override, printed on the receipt.',
  'journal.event.wrapped-bundle.other-journal-accepted':
    'Wrapped-material bundle of another air-gapped journal accepted',
} as const;
