/**
 * The desktop shell's own words, in the language the officer chose on the start screen: the window
 * title, the About panel, the dialogs shown when Keyferry cannot start, and the journal viewer's
 * texts about what main sends (a chain break's line, shortened values).
 */
export const enDesktopShell = {
  'window.title':
    '{mode, select, none {Keyferry — key ceremonies} rehearsal {Keyferry — rehearsal} online {Keyferry — online workstation} other {Keyferry — air-gapped workstation}}',
  'about.version': '{version} (build {build})',
  'about.copyright':
    'Copyright © 2026 {author}. Licensed under the {licence}; the full text is LICENSE.txt next to the application’s resources.',
  'about.credits':
    'Bring-your-own-key ceremonies across an air gap into a cloud KMS (Huawei Cloud KMS), with witnesses, journals and printed receipts.\n{homepage}',
  'startup.debugging.title': 'Keyferry will not start with debugging switches',
  'startup.debugging.message':
    'It was started with {switchesList}, which would let other programs read its memory.\n\nStart Keyferry without them.',
  'startup.failed.title': 'Keyferry could not start',
  'startup.quit': 'Quit',
} as const;
