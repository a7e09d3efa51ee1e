/** Moments in messages, on the CLI and on receipts: the workstation's time in the language and UTC, never raw ISO. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliDate } from '../../src-main/cli/cli-text';
import { KeyferryError, toProblem } from '../../src-main/core/errors';
import { renderReceiptHtml } from '../../src-main/core/receipt/render-html';
import { renderReceiptText } from '../../src-main/core/receipt/render-text';
import { momentText, neverOrMoment } from '../../src-main/i18n/moment';
import { translator } from '../../src-main/i18n/translate';
import { sampleReceiptInput, withoutKeptWhole } from '../core/receipt/fixtures';
import { KEYFERRY_BIN } from '../integration/cli-process';

const ROOT = path.resolve(__dirname, '../..');
const at = Date.parse('2026-12-02T04:13:15Z');
const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('moments', () => {
  it('cliDate prints UTC once on a workstation that keeps UTC, local time and UTC elsewhere', () => {
    process.env.TZ = 'UTC';
    expect(cliDate({ env: {}, locale: 'en' }, at)).toBe('2026-12-02 04:13:15 UTC');
    expect(cliDate({ env: {}, locale: 'zh-CN' }, at)).toBe('2026-12-02 04:13:15 UTC');
    process.env.TZ = 'Asia/Shanghai';
    expect(cliDate({ env: {}, locale: 'en' }, at)).toBe(
      '2026-12-02 12:13:15 UTC+08:00 (Asia/Shanghai) (2026-12-02 04:13:15 UTC)',
    );
    expect(cliDate({ env: {}, locale: 'zh-CN' }, at)).toBe(
      '2026年12月2日 12:13:15 UTC+08:00（Asia/Shanghai）（2026-12-02 04:13:15 UTC）',
    );
  });

  it('problems name a moment in the reader’s language and UTC, not as ISO 8601', () => {
    process.env.TZ = 'Asia/Shanghai';
    const noBackup = toProblem(new KeyferryError('NO_BACKUP_NOT_ACKNOWLEDGED', { count: 2, expiresAt: at }));
    const past = toProblem(new KeyferryError('EXPIRY_IN_PAST', { reason: 'plan', keyId: '', at, now: at }));
    const zh = translator('zh-CN');
    expect(zh.problem(noBackup).message).toContain('2026年12月2日 12:13:15 UTC+08:00（Asia/Shanghai）');
    expect(zh.problem(past).message).toContain('（2026-12-02 04:13:15 UTC）');
    expect(translator('en').problem(past).message).toContain('2026-12-02 12:13:15 UTC+08:00 (Asia/Shanghai)');
    for (const p of [noBackup, past]) expect(zh.problemLine(p)).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:|\.\d{3}Z/);
  });

  it('the receipt’s Deviations section gives each time in the receipt’s zone and UTC', () => {
    // The sample receipt's workstation keeps Europe/Berlin; its deviation 5 happened at 09:10 UTC.
    const input = sampleReceiptInput('air-gapped');
    const zh = renderReceiptText(input, { language: 'zh-CN' });
    expect(zh).toContain('2025年3月1日 10:10:00 UTC+01:00（Europe/Berlin）（2025-03-01 09:10:00 UTC）');
    const en = renderReceiptText(input, { language: 'en' });
    expect(en).toContain('2025-03-01 10:10:00 UTC+01:00 (Europe/Berlin) (2025-03-01 09:10:00 UTC)');
    const html = renderReceiptHtml(input, { language: 'both' });
    const deviations = withoutKeptWhole(html.slice(html.indexOf('class="deviations')));
    expect(deviations).toContain('2025年3月1日 10:10:00 UTC+01:00（Europe/Berlin）');
    expect(deviations).toContain('2025-03-01 10:10:00 UTC+01:00 (Europe/Berlin)');
    for (const text of [zh, en, deviations]) expect(text).not.toContain('2025-03-01T09:10');
  });

  it('a receipt’s zone gives each moment its own offset then, summer or winter, however often it is asked', () => {
    const berlin = { at: new Date(at), utcOffsetMinutes: 60, timeZone: 'Europe/Berlin' };
    const unknown = { at: new Date(at), utcOffsetMinutes: 330, timeZone: 'Nowhere/Atlantis' };
    for (let round = 0; round < 3; round++) {
      expect(momentText('en', '2025-07-01T09:00:00Z', berlin)).toBe(
        '2025-07-01 11:00:00 UTC+02:00 (Europe/Berlin) (2025-07-01 09:00:00 UTC)',
      );
      expect(momentText('zh-CN', '2025-01-01T09:00:00Z', berlin)).toBe(
        '2025年1月1日 10:00:00 UTC+01:00（Europe/Berlin）（2025-01-01 09:00:00 UTC）',
      );
      // A zone this workstation does not know keeps the offset the receipt recorded.
      expect(momentText('en', '2025-07-01T09:00:00Z', unknown)).toBe(
        '2025-07-01 14:30:00 UTC+05:30 (Nowhere/Atlantis) (2025-07-01 09:00:00 UTC)',
      );
    }
  });

  it('an expiry reads as the language’s “never” or as the moment in the language and UTC', () => {
    process.env.TZ = 'Asia/Shanghai';
    const [en, zh] = [translator('en'), translator('zh-CN')];
    expect(neverOrMoment(en, 'never')).toBe('never');
    expect(neverOrMoment(zh, 'never')).toBe('永不过期');
    expect(neverOrMoment(en, new Date(at).toISOString())).toBe(
      '2026-12-02 12:13:15 UTC+08:00 (Asia/Shanghai) (2026-12-02 04:13:15 UTC)',
    );
    expect(neverOrMoment(zh, at)).toBe('2026年12月2日 12:13:15 UTC+08:00（Asia/Shanghai）（2026-12-02 04:13:15 UTC）');
    process.env.TZ = 'UTC';
    expect(neverOrMoment(zh, at)).toBe('2026-12-02 04:13:15 UTC');
  });

  it('kms-sim prints each request’s time as the workstation’s time and UTC', async () => {
    const child = spawn(process.execPath, [KEYFERRY_BIN, 'kms-sim', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', TZ: 'Asia/Shanghai', NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const endpoint = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no endpoint in: ${out}`)), 60_000);
        child.stdout.on('data', () => {
          const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
          if (found) resolve(found);
          if (found) clearTimeout(timer);
        });
      });
      const answer = await fetch(`${endpoint}/v1.0/x/kms/describe-key`, { method: 'POST', body: '{}' });
      expect(answer.status).toBe(401);
      await expect.poll(() => out, { timeout: 10_000 }).toMatch(/describe-key -> 401/);
      const line = out.split('\n').find((l) => l.includes('describe-key')) ?? '';
      expect(line).toMatch(
        /^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d:\d\d UTC\+08:00（Asia\/Shanghai）（\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC） /,
      );
    } finally {
      child.kill('SIGTERM');
    }
  }, 90_000);
});
