/**
 * Native pickers for the paths a ceremony needs: folders to read or write bundles, receipts and
 * custody shares, and single files (key material, shares, the console's raw files). What the
 * officer picks is still an untrusted path: the handlers check it (src-main/ipc/handlers/paths.ts).
 * Type-only Electron import: main.ts passes Electron's `dialog`, tests a fake of the same surface.
 */
import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';
import type { PathPurpose } from '../ipc/contract';

const PICKS: Readonly<Record<PathPurpose, { title: string; file: boolean; create: boolean }>> = {
  'ceremony-folder': { title: 'Choose the ceremony folder', file: false, create: true },
  'read-bundle': { title: 'Choose the bundle folder on the removable media', file: false, create: false },
  'write-bundle': {
    title: 'Choose where to write the bundle (a new folder is created inside)',
    file: false,
    create: true,
  },
  'save-receipt': { title: 'Choose where to save the receipt PDF', file: false, create: true },
  'custody-folder': { title: 'Choose where to write the custody shares', file: false, create: true },
  'material-file': { title: 'Choose the key material file', file: true, create: false },
  'share-file': { title: 'Choose a custody share file', file: true, create: false },
  'console-file': { title: 'Choose a file downloaded from the cloud console', file: true, create: false },
  'journal-file': { title: 'Choose the journal file (.jsonl)', file: true, create: false },
  'plan-file': { title: 'Choose the ceremony plan file (.json)', file: true, create: false },
  'hsm-module': { title: "Choose the HSM vendor's PKCS#11 library (.so, .dll, .dylib)", file: true, create: false },
};

/** The part of Electron's `dialog` the pickers use. */
export type OpenDialog = Pick<Dialog, 'showOpenDialog'>;

/**
 * Asks for one path for `purpose`, opening at `startFolder` when given (Electron's `defaultPath`:
 * without it, Electron 43 and later open Downloads); resolves to the path, or null when cancelled.
 */
export async function choosePath(
  dialog: OpenDialog,
  parent: BaseWindow | null,
  purpose: PathPurpose,
  startFolder?: string,
): Promise<string | null> {
  const pick = PICKS[purpose];
  const properties: OpenDialogOptions['properties'] = pick.file
    ? ['openFile', 'dontAddToRecent']
    : ['openDirectory', 'dontAddToRecent', ...(pick.create ? (['createDirectory'] as const) : [])];
  const options: OpenDialogOptions = {
    title: pick.title,
    properties,
    ...(startFolder ? { defaultPath: startFolder } : {}),
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
