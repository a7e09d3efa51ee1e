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
} as const;
