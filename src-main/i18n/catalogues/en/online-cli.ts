/** The online CLI: the KMS connection a ceremony's journal records. */
export const enOnlineCli = {
  'problem.CONNECTION_DIFFERS_FROM_JOURNAL':
    'The journal {journal} records {field} {recorded} for this ceremony, but this command was given {given}.',
  'problem.CONNECTION_DIFFERS_FROM_JOURNAL.next':
    "Leave the connection options out (the journal's connection is used) or give {field} {recorded}, and in a --config file the same value or none; a ceremony stays on one KMS.",
  'online.next.new-parameters':
    'Next, new wrapping keys and import tokens (the ones the material was wrapped with expired; wrap again on the air-gapped workstation with the new bundle): {command}',
} as const;
