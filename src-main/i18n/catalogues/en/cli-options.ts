/** English texts of CLI option problems shared by several commands. zh-CN twin in ../zh-CN/cli-options.ts. */
export const enCliOptions = {
  'problem.CLI_BAD_NUMBER': '{option} "{text}" is not a whole number from {min} to {max}.',
  'problem.CLI_BAD_NUMBER.next': 'Give {option} a whole number from {min} to {max}.',
  'problem.CLI_BAD_DURATION': '{option} "{text}" is not a time from {min} ms to {max} ms.',
  'problem.CLI_BAD_DURATION.next': 'Give {option} a whole number of milliseconds, e.g. 60ms (or seconds, e.g. 2s).',
  'problem.CLI_BAD_RATE': '{option} "{text}" is not a rate from {min} to {max} requests a second.',
  'problem.CLI_BAD_RATE.next': 'Give {option} a whole number of requests a second, e.g. 20/s.',
  'problem.TITLE_DIFFERS_FROM_BUNDLE':
    'The import-parameters bundle names this ceremony "{bundle}", but --title gives "{given}": the two receipts of one ceremony would carry different titles.',
  'problem.TITLE_DIFFERS_FROM_BUNDLE.next':
    "Leave --title out (the bundle's title is used), or give exactly the bundle's title; to change a title, start the ceremony again on the online workstation.",
  'problem.PLAN_INVALID': 'The ceremony plan is not valid: {issues}.',
  'problem.PLAN_INVALID.next':
    'Correct the field named in the plan file, in the shape shown after it; keyferry online create-key --example-plan prints a valid plan to start from, and --help lists every field.',
} as const;
