/**
 * The activity bar's sentences around an action's name (Activity.tsx: running, progress, waiting,
 * failed) read as one Chinese sentence each: the action is a bare verb phrase ("读取控制台文件") and
 * the sentence adds "正在" where it belongs, so no line says "等待中：正在读取…" or "正在…未成功".
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src-main/i18n/catalogues/en';
import type { MessageKey } from '../../src-main/i18n/catalogue';
import { translator } from '../../src-main/i18n/translate';

const zh = translator('zh-CN');
const ACTIONS = Object.keys(en).filter((k): k is MessageKey => k.startsWith('action.'));
const VALUES = { person: '李娜', keyId: 'k1', mode: 'online', side: 'online', witness: '李娜', field: '计划文件' };

describe('the Chinese activity bar', () => {
  it('says each action once, with 正在 only where the sentence is about now', () => {
    expect(ACTIONS.length).toBeGreaterThan(30);
    const other = zh.t('action.checking-network');
    for (const key of ACTIONS) {
      const action = zh.message({ key, values: VALUES });
      expect(action, key).not.toMatch(/^正在/);
      const running = zh.t('activity.running', { action });
      expect(running.match(/正在/g), running).toHaveLength(1);
      const waiting = zh.t('activity.waiting', { action, running: other });
      expect(waiting, waiting).not.toContain('正在');
      expect(zh.t('activity.failed', { action }), key).not.toContain('正在');
    }
    expect(zh.t('activity.waiting', { action: zh.t('action.reading-console-files'), running: other })).toBe(
      '排队等候：“检查网络”结束后开始读取控制台文件。',
    );
    expect(zh.t('activity.failed', { action: zh.t('action.reading-console-files') })).toBe('读取控制台文件未成功。');
  });
});
