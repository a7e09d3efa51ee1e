/** Problems: `problem.CODE` (what went wrong) and `problem.CODE.next` (what to do next). */
export const enProblems = {
  'problem.INTERNAL': 'Unexpected failure: {detail}',
  'problem.INTERNAL.next':
    'Nothing was marked as done. Retry the step; if it fails again, keep the journal and report it.',
  'problem.UI_UNAVAILABLE': "{action} could not reach Keyferry's main process.",
  'problem.UI_UNAVAILABLE.next': 'Restart Keyferry; nothing was marked as done.',
  'problem.CLI_UNKNOWN_LANGUAGE': 'Keyferry does not speak the language "{lang}".',
  'problem.CLI_UNKNOWN_LANGUAGE.next': 'Use --lang en or --lang zh-CN.',
} as const;
