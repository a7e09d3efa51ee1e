/** Folder pickers: where to read a bundle from, where to write one (or a receipt PDF) to. */
import { dialog, type BrowserWindow } from 'electron';

export type FolderPurpose = 'read-bundle' | 'write-bundle' | 'save-receipt';

const TITLES: Readonly<Record<FolderPurpose, string>> = {
  'read-bundle': 'Choose the bundle folder on the removable media',
  'write-bundle': 'Choose where to write the bundle (a new folder is created inside)',
  'save-receipt': 'Choose where to save the receipt PDF',
};

/** Asks for one folder; resolves to its path, or null when the officer cancels. */
export async function chooseFolder(parent: BrowserWindow, purpose: FolderPurpose): Promise<string | null> {
  const result = await dialog.showOpenDialog(parent, {
    title: TITLES[purpose],
    properties: purpose === 'read-bundle' ? ['openDirectory'] : ['openDirectory', 'createDirectory'],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
