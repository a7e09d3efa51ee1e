/**
 * Closing the window (or quitting) while an air-gapped ceremony is unfinished: the close is held,
 * a native question says what leaving does (staying is the default and the Escape answer), and
 * only when the officer confirms is each unfinished ceremony abandoned through the same session
 * call as the screens' "leave" (journaled `ceremony.interrupted` + `ceremony.abandoned`, material
 * wiped, an unreceipted bundle withdrawn); then the window closes. Type-only Electron import:
 * main.ts passes Electron's window and `dialog`, tests fakes of the same surface.
 */
import type { BaseWindow, Dialog, MessageBoxOptions } from 'electron';
import { translator } from '../i18n/translate';
import { ceremonyStateValue } from '../i18n/ceremony-state';
import type { DisplayLocale } from '../i18n/locale';
import type { CeremonySession } from '../ipc/handlers/session';

/** The part of a BrowserWindow the guard uses. */
export interface GuardedWindow extends Pick<BaseWindow, 'close' | 'isDestroyed'> {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
}

export type LeaveDialog = Pick<Dialog, 'showMessageBox'>;

export interface LeaveGuard {
  /** Asks (when a ceremony is unfinished) and journals the abandon; resolves true when the app may close. */
  confirmLeaving(): Promise<boolean>;
}

/** The question shown before an unfinished ceremony is abandoned by closing Keyferry. */
export function leaveQuestion(session: CeremonySession, locale: DisplayLocale): MessageBoxOptions {
  const { t } = translator(locale);
  const lines = session.unfinishedSides().map((side) =>
    t('leave.side', {
      side: side === 'air-gapped' ? 'air' : 'restore',
      running: session.running(side) ? 'yes' : 'no',
      statePhrase: ceremonyStateValue(
        (side === 'air-gapped' ? session.airGap?.ceremony.state : session.restore?.ceremony.state) ?? 'new',
      ),
    }),
  );
  return {
    type: 'warning',
    title: t('leave.title'),
    message: t('leave.window-message'),
    detail: [...lines, t('leave.consequence')].join('\n\n'),
    buttons: [t('leave.stay'), t('leave.close')],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/**
 * Holds `window`'s close while `session` has an unfinished air-gapped ceremony; see the module
 * comment. `locale` is read when asking (the OS language in the app).
 */
export function guardWindowClose(
  window: GuardedWindow,
  session: CeremonySession,
  dialog: LeaveDialog,
  locale: () => DisplayLocale,
): LeaveGuard {
  let asking: Promise<boolean> | null = null;
  let confirmed = false;
  const ask = async (): Promise<boolean> => {
    const answer = await dialog.showMessageBox(leaveQuestion(session, locale()));
    if (answer.response !== 1) return false;
    for (const side of session.unfinishedSides()) {
      // A failed journal write must not keep the window open: quitting still wipes what is held (session.close).
      await session.leave(side, 'window-closed').catch(() => undefined);
    }
    return true;
  };
  const confirmLeaving = async (): Promise<boolean> => {
    if (confirmed || session.unfinishedSides().length === 0) return true;
    asking ??= ask().finally(() => {
      asking = null;
    });
    confirmed = await asking;
    return confirmed;
  };
  window.on('close', (event) => {
    if (confirmed || session.unfinishedSides().length === 0) return;
    event.preventDefault();
    void confirmLeaving().then((leave) => {
      if (leave && !window.isDestroyed()) window.close();
    });
  });
  return { confirmLeaving };
}
