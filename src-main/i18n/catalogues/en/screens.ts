/** The desktop app's screens (and the language names). */
export const enScreens = {
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
} as const;
