/**
 * The start-up warm-up of Intl (i18n/intl-warm-up.ts, called by the CLI and the app's main process):
 * it only loads data, so every message and moment reads as it did, and the workstation's zone is
 * still followed when it changes after start-up. Its speed is the bench's (`npm run bench`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { warmUpIntl } from '../../src-main/i18n/intl-warm-up';
import { momentText, workstationClock } from '../../src-main/i18n/moment';
import { translator } from '../../src-main/i18n/translate';

const at = Date.parse('2026-12-02T04:13:15Z');
const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('warmUpIntl', () => {
  it('leaves moments and counted messages in both languages as they were', () => {
    process.env.TZ = 'Asia/Shanghai';
    const before = [momentText('en', at), momentText('zh-CN', at), translator('zh-CN').dateTime(at)];
    warmUpIntl();
    expect([momentText('en', at), momentText('zh-CN', at), translator('zh-CN').dateTime(at)]).toEqual(before);
    expect(momentText('en', at)).toBe('2026-12-02 12:13:15 UTC+08:00 (Asia/Shanghai) (2026-12-02 04:13:15 UTC)');
    expect(momentText('zh-CN', at)).toBe(
      '2026年12月2日 12:13:15 UTC+08:00（Asia/Shanghai）（2026-12-02 04:13:15 UTC）',
    );
  });

  it('does not fix the workstation’s zone at start-up: a zone set afterwards is the one moments print', () => {
    process.env.TZ = 'Asia/Shanghai';
    warmUpIntl();
    process.env.TZ = 'Europe/Berlin';
    expect(workstationClock(new Date(at)).timeZone).toBe('Europe/Berlin');
    expect(momentText('en', at)).toBe('2026-12-02 05:13:15 UTC+01:00 (Europe/Berlin) (2026-12-02 04:13:15 UTC)');
  });

  it('starts on a workstation whose zone the platform does not know', () => {
    process.env.TZ = 'Nowhere/Atlantis';
    expect(() => warmUpIntl()).not.toThrow();
    expect(momentText('en', at)).toContain('2026-12-02 04:13:15 UTC');
  });
});
