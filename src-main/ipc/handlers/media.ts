/**
 * The desktop's native path pickers (folders and files), when the app provides them. Each opens
 * where the officer is working: the field's current path (a removable volume chosen from the
 * list, or a path typed), else the last folder picked in this ceremony, else the ceremony folder.
 * (Since Electron 43 a picker without a start folder opens in Downloads every time.)
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { selectedProblem } from '../../core/errors';
import type { ChannelHandler } from './channel-handler';
import type { CeremonySession } from './session';

/** The nearest existing folder at or above `candidate` (a file's folder, a folder not created yet). */
async function existingFolder(candidate: string): Promise<string | null> {
  for (let at = path.resolve(candidate); ; at = path.dirname(at)) {
    const stat = await fs.stat(at).catch(() => null);
    if (stat?.isDirectory()) return at;
    if (path.dirname(at) === at) return null;
  }
}

/** Where the picker opens: the first of these that exists. */
async function startFolder(session: CeremonySession, startIn: string | undefined): Promise<string | undefined> {
  for (const candidate of [startIn, session.lastPickedFolder, session.setup?.folder]) {
    const folder = candidate ? await existingFolder(candidate) : null;
    // A volume's root (E:\) when chosen; never a root reached only by walking up from a typo.
    if (folder && (folder !== path.parse(folder).root || folder === path.resolve(candidate as string))) return folder;
  }
  return undefined;
}

export function mediaHandlers(session: CeremonySession): { choosePath: ChannelHandler<'choosePath'> } {
  return {
    choosePath: async ({ purpose, startIn }) => {
      const desktop = session.context.desktop;
      if (!desktop) {
        throw selectedProblem('DESKTOP_UNAVAILABLE', { action: 'pick' });
      }
      const chosen = await desktop.choosePath(purpose, await startFolder(session, startIn));
      // A system library folder is no place to open the next ceremony picker in.
      if (chosen && purpose !== 'hsm-module')
        session.lastPickedFolder = purpose.endsWith('-file') ? path.dirname(chosen) : chosen;
      return { path: chosen };
    },
  };
}
