/**
 * Native pickers for the paths a ceremony needs: folders to read or write bundles, receipts and
 * custody shares, and single files (key material, shares, the console's raw files). What the
 * officer picks is still an untrusted path: the handlers check it (src-main/ipc/handlers/paths.ts).
 * Type-only Electron import: main.ts passes Electron's `dialog`, tests a fake of the same surface.
 */
import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';
import { DEFAULT_LOCALE, type DisplayLocale } from '../i18n/locale';
import { translator } from '../i18n/translate';
import type { PathPurpose } from '../ipc/contract';

/** Per purpose: a file or a folder, and may the picker create one. Titles: `dialog.pick.<purpose>` in the catalogue. */
const PICKS: Readonly<Record<PathPurpose, { file: boolean; create: boolean }>> = {
  'ceremony-folder': { file: false, create: true },
  'read-bundle': { file: false, create: false },
  'write-bundle': { file: false, create: true },
  'save-receipt': { file: false, create: true },
  'custody-folder': { file: false, create: true },
  'material-file': { file: true, create: false },
  'share-file': { file: true, create: false },
  'backup-file': { file: true, create: false },
  'console-file': { file: true, create: false },
  'journal-file': { file: true, create: false },
  'plan-file': { file: true, create: false },
  'hsm-module': { file: true, create: false },
};

/** The part of Electron's `dialog` the pickers use. */
export type OpenDialog = Pick<Dialog, 'showOpenDialog'>;

/**
 * Asks for one path for `purpose` (title and button in `locale`, the app's language), opening at `startFolder` when given (Electron's `defaultPath`:
 * without it, Electron 43 and later open Downloads); resolves to the path, or null when cancelled.
 */
export async function choosePath(
  dialog: OpenDialog,
  parent: BaseWindow | null,
  purpose: PathPurpose,
  startFolder?: string,
  locale: DisplayLocale = DEFAULT_LOCALE,
): Promise<string | null> {
  const pick = PICKS[purpose];
  const { t } = translator(locale);
  const properties: OpenDialogOptions['properties'] = pick.file
    ? ['openFile', 'dontAddToRecent']
    : ['openDirectory', 'dontAddToRecent', ...(pick.create ? (['createDirectory'] as const) : [])];
  const options: OpenDialogOptions = {
    title: t(`dialog.pick.${purpose}`),
    buttonLabel: t('dialog.pick.button'),
    properties,
    ...(startFolder ? { defaultPath: startFolder } : {}),
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
