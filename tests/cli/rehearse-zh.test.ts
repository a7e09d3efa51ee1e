/**
 * The CLI under a Chinese locale: help, a command's usage and a full rehearsal (with custody for
 * custodians named in Chinese) print in Simplified Chinese; `--lang en` switches back; ids, specs
 * and hex stay as they are. The rehearsal's receipts and custody slips are Chinese too (each with its
 * embedded font subset), and both journals record the language (`receiptLanguage`, and `language`
 * on each `receipt.written`); `--receipt-lang` chooses another.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyferry } from '../integration/cli-in-process';
import { nextCommand, onMedia, twoMachines, withoutCustodyToFillIn } from '../integration/pasted-shell';
import { startKmsSimulator } from '../../src-main/core/kms-simulator/index';
import { englishSentences } from './english-words';

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

  it('runs a full rehearsal in Chinese (all six specs), custodians named in Chinese, with no English sentence', async () => {
    const run = await keyferry(
      [
        'rehearse',
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
    expect(englishSentences(`${run.stdout}\n${run.stderr}`)).toEqual([]);
    expect(run.stdout).toContain(
      '正在针对内置的 KMS 模拟器演练 AES_256、RSA_2048、RSA_3072、RSA_4096、EC_P256、EC_P384',
    );
    expect(run.stdout).toContain('正在生成 AES_256 密钥');
    // The proof column's colon is the full-width one Chinese text uses.
    expect(run.stdout).toMatch(/AES_256\s+[0-9a-f-]{36}\s+启用\s+通过：/);
    expect(run.stdout).toContain('（已与回执核对）');
    expect(run.stdout).toContain('演练通过：每个密钥都已导入并证明可用。');
    expect(run.stdout).toContain('下一步：若要以两人、两台机器（两个文件夹，或两台计算机加一个 U 盘）演练真实命令');
    const out = path.join(dir, 'r');
    for (const side of ['airgap', 'online']) {
      const files = await readdir(path.join(out, side));
      const html = await readFile(path.join(out, side, files.find((f) => f.endsWith('.html')) ?? ''), 'utf8');
      expect(html).toContain('<html lang="zh-Hans-CN">');
      expect(html).toContain('@font-face');
      expect(html).toContain('签字确认');
      if (side === 'online') {
        const text = await readFile(path.join(out, side, files.find((f) => f.endsWith('.txt')) ?? ''), 'utf8');
        expect(text).toContain('已导入（KMS 已应答）；密钥状态为“启用”');
        expect(text).not.toContain('Enabled');
      }
      // The people a rehearsal plays are named in Chinese, not "Rehearsal operator" / "Rehearsal witness".
      const receiptText = await readFile(path.join(out, side, files.find((f) => f.endsWith('.txt')) ?? ''), 'utf8');
      expect(receiptText).toContain('演练操作员');
      // Labels end in the full-width colon Chinese print uses (a trial read "操作员: 张伟").
      expect(receiptText).toMatch(/^ {2}操作员：\S/m);
      expect(receiptText).toMatch(/^ {4}签字：_+ {4}日期：_+$/m);
      expect(receiptText).not.toMatch(/[\u4e00-\u9fff]: /);
      expect(receiptText).toContain('演练见证人');
      expect(receiptText).not.toMatch(/Rehearsal (operator|witness)/);
      // Its title, each key's kind and each deviation's event are Chinese too (codes and specs stay as they are).
      expect(receiptText).toContain('Keyferry 演练（AES_256、RSA_2048、RSA_3072、RSA_4096、EC_P256、EC_P384）');
      expect(receiptText).not.toContain('Keyferry rehearsal');
      expect(receiptText).toContain('EC_P256（EC，prime256v1）');
      if (side === 'airgap')
        expect(receiptText).toMatch(/! 条目 \d+：覆盖，警告：已允许联网（warning\.network-allowed）/);
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
    const slipText = await readFile(
      path.join(slipDir, (await readdir(slipDir)).find((f) => f.endsWith('.slip.txt')) ?? ''),
      'utf8',
    );
    expect(slipText).toContain('保管人签字：');
    expect(slipText).not.toMatch(/[\u4e00-\u9fff]: /);
  });

  it('speaks Chinese through a two-folder ceremony: online create-key, params, airgap wrap with custody, online import, status', async () => {
    const sim = await startKmsSimulator();
    try {
      const { online, airgap } = await twoMachines(dir);
      await writeFile(
        path.join(online, 'plan.json'),
        JSON.stringify({
          title: '支付密钥 2026',
          operator: '王伟',
          witnesses: ['李娜'],
          materialExpiry: '90d',
          keys: [
            { alias: 'pay/aes', spec: 'AES_256' },
            { alias: 'pay/ec', spec: 'EC_P256' },
          ],
        }),
      );
      const env = { ...ZH, KEYFERRY_AK: sim.ak, KEYFERRY_SK: sim.sk };
      const where = ['--endpoint', sim.endpoint, '--region', sim.region, '--project-id', sim.projectId];
      const printed: string[] = [];
      const run = async (args: string[], cwd: string) => {
        const result = await keyferry(args, { cwd, env });
        printed.push(result.stdout, result.stderr);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        return result.stdout;
      };
      /** What every witness types on the air-gapped side: the digest set apart under the (Chinese) heading. */
      const confirmations = (out: string) => {
        const m = / {4}((?:[0-9A-F]{4} ){7}[0-9A-F]{4})\n {4}((?:[0-9A-F]{4} ){7}[0-9A-F]{4})\n/.exec(out);
        expect(m, out).not.toBeNull();
        return ['--witness-confirms', `李娜=${m?.[1] ?? ''} ${m?.[2] ?? ''}`];
      };
      const created = await run(
        ['online', 'create-key', '--journal', 'online.jsonl', '--plan', 'plan.json', ...where],
        online,
      );
      expect(created).toContain('计划中的 2 个密钥均已在 KMS 中，状态为“等待导入”：本次运行创建 2 个。');
      const params = await run(nextCommand(onMedia(created, online)), online);
      expect(params).toContain('导入参数包已写入并通过校验');
      // The workstation's time in Chinese, or UTC alone where the workstation keeps UTC (as CI does).
      expect(params).toMatch(/导入令牌有效期至 (\d{4}年\d{1,2}月\d{1,2}日 |\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC)/);
      const wrapped = await run(
        [
          ...withoutCustodyToFillIn(nextCommand(onMedia(params, online))),
          ...confirmations(params),
          '--allow-network',
          '--custody',
          '2/3',
          '--custodian',
          '张伟',
          '--custodian',
          '李娜',
          '--custodian',
          '王芳',
          '--shares-on-one-volume',
        ],
        airgap,
      );
      expect(wrapped).toMatch(/^  包摘要 [0-9A-F]{4}/m);
      // The MEDIA line is in Chinese too, and names the folder of the bundle on this workstation.
      expect(wrapped).toContain(
        `MEDIA：存放该包的文件夹（在本工作站上为 ${online}），按联网工作站挂载介质的路径填写。`,
      );
      const imported = await run(nextCommand(onMedia(wrapped, online)), online);
      expect(imported).toContain('已按 KMS 签发的导入参数核对已包装密钥材料包：2 个密钥。');
      expect(imported).toMatch(/AES_256\s+启用\s+通过：/);
      const status = await run(nextCommand(imported), online);
      expect(status).toMatch(/pay\/aes\s+AES_256\s+\S+\s+启用\s+(\d{4}年|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC)/);
      expect(englishSentences(printed.join('\n'))).toEqual([]);
    } finally {
      await sim.close();
    }
  }, 300_000);
});
