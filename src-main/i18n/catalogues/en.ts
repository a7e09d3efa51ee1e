/**
 * English: the source catalogue. Keys are grouped by surface (`app.`, `activity.`, `start.` …),
 * `problem.CODE` / `problem.CODE.next` for problems and `progress.CODE` for progress lines.
 * Texts are ICU MessageFormat: `{name}`, `{count, plural, one {# key} other {# keys}}`,
 * `{at, date, utc}`. Hex, ids, codes and file names are values, never part of a text.
 * After adding a key here, add it to zh-CN.ts (the type check fails until you do).
 */
export const en = {
  'language.en': 'English',
  'language.zh-CN': '简体中文',
  'language.label': 'Language',

  'activity.running': '{action}…',
  'activity.progress': '{action}: {done} of {total}',
  'activity.failed': '{action} did not succeed.',
  'activity.nextStep': 'What to do next: ',
  'activity.code': 'Code {code}',
  'activity.dismiss': 'Dismiss',
  'activity.done': '{action}: done.',

  'problem.INTERNAL': 'Unexpected failure: {detail}',
  'problem.INTERNAL.next':
    'Nothing was marked as done. Retry the step; if it fails again, keep the journal and report it.',
  'problem.UI_UNAVAILABLE': "{action} could not reach Keyferry's main process.",
  'problem.UI_UNAVAILABLE.next': 'Restart Keyferry; nothing was marked as done.',

  'problem.CLI_UNKNOWN_LANGUAGE': 'Keyferry does not speak the language "{lang}".',
  'problem.CLI_UNKNOWN_LANGUAGE.next': 'Use --lang en or --lang zh-CN.',

  'progress.generate-key': 'Generating {spec} key {n} of {total}',
  'progress.generated': 'Generated {count, plural, one {# key} other {# keys}}',
  'progress.wrap-key': 'Wrapping key {n} of {total}',
  'progress.wrapped': 'Wrapped {count, plural, one {# key} other {# keys}}',
  'progress.write-wrapped-bundle': 'Writing the wrapped-material bundle to {dir}',
  'progress.wrapped-bundle-written': 'Wrapped-material bundle written and verified',
  'progress.split-key': 'Splitting key {n} of {total} into {shares} shares',
  'progress.shares-written': 'Custody shares written',
  'progress.create-key': 'Creating {spec} key {alias}',
  'progress.fetch-parameters': 'Fetching import parameters for {alias}',
  'progress.write-parameters-bundle': 'Writing the import-parameters bundle to {dir}',
  'progress.parameters-bundle-written': 'Import-parameters bundle written and verified',
  'progress.import-key': 'Importing {spec} key {alias}',
  'progress.verify-key': 'Verifying {spec} key {alias}',
} as const;
