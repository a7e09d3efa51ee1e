/** The online CLI: the KMS connection a ceremony's journal records. */
export const enOnlineCli = {
  'problem.CONNECTION_DIFFERS_FROM_JOURNAL':
    'The journal {journal} records {field} {recorded} for this ceremony, but this command was given {given}.',
  'problem.CONNECTION_DIFFERS_FROM_JOURNAL.next':
    "Leave the connection options out (the journal's connection is used), or give {field} {recorded}; a ceremony stays on one KMS.",
} as const;
