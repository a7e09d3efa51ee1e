/**
 * The app continuing an online journal whose earlier session sent an import and a create and was
 * killed before recording either answer: starting the rehearsal's connection, the connection step
 * says what the command line prints as its session starts (the journal entry of each trace, why,
 * the import's key by alias and key ID, the create's alias and the entry of its send, and what
 * creating the keys again does), in English and in Simplified Chinese, and says it again after the
 * window is reloaded (read back from the journal). Real Chromium, real
 * handlers, the rehearsal's simulator over HTTP.
 * Screenshots: test-results/screens/online-session-unrecorded.png and zh-CN/online-session-unrecorded.png.
 */
import { describe, expect, it } from 'vitest';
import { phraseText } from '../../src-main/i18n/phrase';
import { translator } from '../../src-main/i18n/translate';
import { unansweredSends } from '../ipc/handlers/unanswered-sends';
import { appPerLanguage, type AppLanguage } from './app-per-language';
import { rehearsalStarted } from './rehearsal-steps';

describe('an earlier session that sent and recorded no answer, on the connection step', () => {
  const apps = appPerLanguage('kf-ui-session-unrecorded-');

  for (const lang of ['en', 'zh-CN'] as const satisfies readonly AppLanguage[]) {
    it(`says each trace as the command line does (${lang})`, async () => {
      const { ui, page, t, folder } = await apps.open(lang);
      const { keyId, importSent, createSent } = await unansweredSends(folder);
      await rehearsalStarted(page, folder, t);

      const tr = translator(lang);
      const from = importSent - 1;
      const reason = (key: 'journal.reason.sent-unrecorded' | 'journal.reason.sent-unrecorded-creates') =>
        phraseText(tr, { key, values: { session: 2, from, to: createSent, count: 1 } });
      const notice = page.locator('[data-section="online-connect"] .session-unrecorded p');
      const said = [
        t('cli.session-unrecorded', {
          seq: createSent + 1,
          reason: reason('journal.reason.sent-unrecorded'),
          keys: t('online.named-key', { alias: 'app/one', keyId, replica: 'no', region: 'sim-local-1' }),
        }),
        t('connect.session-unrecorded-creates', {
          seq: createSent + 2,
          reason: reason('journal.reason.sent-unrecorded-creates'),
          creates: t('cli.session-unrecorded.create', { alias: 'app/two', replica: 'no', region: '', seq: createSent }),
          count: 1,
        }),
      ];
      expect(await notice.allTextContents()).toEqual(said);
      await ui.screenshot(`${lang === 'en' ? '' : 'zh-CN/'}online-session-unrecorded`, 'online-connect');

      // A reloaded window reads it back from the journal with the ceremony's state: still said.
      await page.reload();
      await notice.first().waitFor();
      expect(await notice.allTextContents()).toEqual(said);
      expect(ui.pageErrors).toEqual([]);
    }, 240_000);
  }
});
