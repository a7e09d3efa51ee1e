/** The desktop's native path pickers (folders and files), when the app provides them. */
import { KeyferryError } from '../../core/errors';
import type { ChannelHandler } from './channel-handler';
import type { CeremonySession } from './session';

export function mediaHandlers(session: CeremonySession): { choosePath: ChannelHandler<'choosePath'> } {
  return {
    choosePath: async ({ purpose }) => {
      const desktop = session.context.desktop;
      if (!desktop) {
        throw new KeyferryError(
          'DESKTOP_UNAVAILABLE',
          'No file dialog is available here.',
          'Type the full path into the field instead.',
        );
      }
      return { path: await desktop.choosePath(purpose) };
    },
  };
}
