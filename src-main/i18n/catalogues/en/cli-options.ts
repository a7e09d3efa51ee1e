/** English texts of CLI option problems shared by several commands. zh-CN twin in ../zh-CN/cli-options.ts. */
export const enCliOptions = {
  'problem.CLI_BAD_NUMBER': '{option} "{text}" is not a whole number from {min} to {max}.',
  'problem.CLI_BAD_NUMBER.next': 'Give {option} a whole number from {min} to {max}.',
} as const;
