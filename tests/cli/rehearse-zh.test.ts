/**
 * The CLI under a Chinese locale: help, a command's usage and a full rehearsal (with custody for
 * custodians named in Chinese) print in Simplified Chinese; `--lang en` switches back; ids, specs
 * and hex stay as they are. The rehearsal's receipts and custody slips are Chinese too (each with its
 * embedded font subset), and both journals record the language (`receiptLanguage`, and `language`
 * on each `receipt.written`); `--receipt-lang` chooses another.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyferry } from '../integration/cli-in-process';

const ZH = { LANG: 'zh_CN.UTF-8' };
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-zh-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('keyferry under LANG=zh_CN.UTF-8', () => {
  it('prints the help and a command usage in Chinese, and refuses an unknown --lang in Chinese', async () => {
    const help = await keyferry(['--help'], { cwd: dir, env: ZH });
    expect(help.stdout).toContain('命令：');
    expect(help.stdout).toContain('rehearse');
    expect(help.stdout).toContain('针对内置的 KMS 模拟器演练完整仪式');
    const usage = await keyferry(['rehearse', '--help'], { cwd: dir, env: ZH });
    expect(usage.stdout).toContain('用法：keyferry rehearse');
    const english = await keyferry(['--lang', 'en', '--help'], { cwd: dir, env: ZH });
    expect(english.stdout).toContain('Commands:');
    const unknown = await keyferry(['--lang', 'fr', '--help'], { cwd: dir, env: ZH });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Keyferry 不支持语言“fr”');
    expect(help.stdout).toContain('--receipt-lang en|zh-CN|both');
    const receiptUsage = await keyferry(['airgap', 'wrap', '--help'], { cwd: dir, env: ZH });
    expect(receiptUsage.stdout).toContain('--receipt-lang en|zh-CN|both');
    const badReceipt = await keyferry(['--receipt-lang', 'fr', 'rehearse'], { cwd: dir, env: ZH });
    expect(badReceipt.code).toBe(1);
    expect(badReceipt.stderr).toContain('无法以“fr”打印回执');
  });

  it('runs a full rehearsal in Chinese, custodians named in Chinese', async () => {
    const run = await keyferry(
      [
        'rehearse',
        '--specs',
        'AES_256,EC_P256',
        '--custody',
        '2/3',
        '--custodian',
        '张伟',
        '--custodian',
        '李娜',
        '--custodian',
        '王芳',
        '--out',
        path.join(dir, 'r'),
      ],
      { cwd: dir, env: ZH },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('正在针对内置的 KMS 模拟器演练 AES_256, EC_P256');
    expect(run.stdout).toContain('正在生成 AES_256 密钥');
    expect(run.stdout).toMatch(/AES_256\s+[0-9a-f-]{36}\s+已启用\s+通过/);
    expect(run.stdout).toContain('（已与回执核对）');
    expect(run.stdout).toContain('演练通过：每个密钥都已导入并证明可用。');
    const out = path.join(dir, 'r');
    for (const side of ['airgap', 'online']) {
      const files = await readdir(path.join(out, side));
      const html = await readFile(path.join(out, side, files.find((f) => f.endsWith('.html')) ?? ''), 'utf8');
      expect(html).toContain('<html lang="zh-Hans-CN">');
      expect(html).toContain('@font-face');
      expect(html).toContain('签字确认');
      const journal = (await readFile(path.join(out, side, 'journal.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
      expect(journal.some((e) => e.data.receiptLanguage === 'zh-CN')).toBe(true);
      expect(journal.filter((e) => e.event === 'receipt.written').map((e) => e.data.language)).toEqual(['zh-CN']);
    }
    const slipDir = path.join(out, 'custodian-1');
    const slip = await readFile(
      path.join(slipDir, (await readdir(slipDir)).find((f) => f.endsWith('.slip.html')) ?? ''),
      'utf8',
    );
    expect(slip).toContain('<html lang="zh-Hans-CN">');
    expect(slip).toContain('张伟');
    expect(slip).toContain('保管人签字');
  });
});
