/** A problem's two sentences on one line, joined as each language writes them. */
import { describe, expect, it } from 'vitest';
import { KeyferryError } from '../../src-main/core/errors';
import { joinSentences, translator } from '../../src-main/i18n/translate';
import { runCli } from '../integration/cli-process';

describe('joinSentences: one joiner per language', () => {
  it('puts one space between English sentences and none between Chinese ones', () => {
    const problem = new KeyferryError('CLI_UNKNOWN_LANGUAGE', { lang: 'fr' }).toProblem();
    expect(translator('en').problemLine(problem)).toBe(
      'Keyferry does not speak the language "fr". Use --lang en or --lang zh-CN.',
    );
    expect(translator('zh-CN').problemLine(problem)).toBe(
      'Keyferry 不支持语言“fr”。请使用 --lang en 或 --lang zh-CN。',
    );
  });

  it('ends a Chinese sentence that stops without a full stop before the next one, and skips empty parts', () => {
    expect(joinSentences('zh-CN', '意外故障：boom', '请重试。')).toBe('意外故障：boom。请重试。');
    expect(joinSentences('zh-CN', '已完成', '')).toBe('已完成');
    expect(joinSentences('zh-CN', '文件 a.txt：', '请重试。')).toBe('文件 a.txt：请重试。');
    expect(joinSentences('en', 'It broke.', '', 'Try again.')).toBe('It broke. Try again.');
  });

  it('prints a refused command in Chinese with no space between the sentences', async () => {
    const zh = await runCli(['--lang', 'fr', 'help'], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toBe('keyferry: Keyferry 不支持语言“fr”。请使用 --lang en 或 --lang zh-CN。\n');
    const en = await runCli(['--lang', 'fr', 'help'], { env: { LANG: 'en_US.UTF-8', LC_ALL: '' } });
    expect(en.stderr).toBe('keyferry: Keyferry does not speak the language "fr". Use --lang en or --lang zh-CN.\n');
  });
});
