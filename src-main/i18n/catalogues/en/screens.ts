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
  'setup.paperSize.label': 'Receipt paper',
  'setup.paperSize.hint': 'Receipts and custody slips are saved as PDFs on this paper. It is written into the journal.',
  'setup.paperSize.A4': 'A4 (210 × 297 mm)',
  'setup.paperSize.Letter': 'US Letter (8.5 × 11 in)',
} as const;
