/**
 * Warnings travel as codes and values and are said in the reader's language: `keyferry bundle verify`
 * on a real bundle whose token expires within the hour (and that a file manager wrote metadata into)
 * under LANG=zh_CN.UTF-8 and in English, `--json` with code and values only, and every other warning
 * (clock suspect, past material expiry, bundle vs plan expiry) read from real bundles and rendered
 * in both languages with its moments as the receipts print them.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBundle, writeImportParametersBundle, writeWrappedMaterialBundle } from '../../src-main/core/bundle';
import { expiryNotes } from '../../src-main/core/ceremony/online/import-one-key';
import { momentText } from '../../src-main/i18n/moment';
import { translator } from '../../src-main/i18n/translate';
import { warningText } from '../../src-main/i18n/warning';
import { makeImportParameters, NOW, tempDir, wrapFor } from '../core/bundle/bundle-fixtures';
import { keyferry } from '../integration/cli-in-process';

const zh = translator('zh-CN');
const en = translator('en');
/** Latin words a Chinese warning must not carry (ids, codes and hex are values, allowed). */
const ENGLISH_WORDS = /\b(?:the|of|key|expires|import|token|minutes|bundle|clock|never)\b/i;

let root: string;
let params: string;
let keyIds: string[];
let tokenExpiry: number;

beforeAll(async () => {
  root = await tempDir('keyferry-warnings-');
  // Fetched 23.5 hours ago: the tokens expire in 30 minutes of real time.
  const fetched = new Date(Date.now() - 23.5 * 3600 * 1000);
  const keys = makeImportParameters(2, fetched);
  keyIds = keys.map((k) => k.keyId);
  tokenExpiry = (Math.floor(fetched.getTime() / 1000) + 24 * 3600) * 1000;
  params = (await writeImportParametersBundle(path.join(root, 'params'), { ceremonyId: 'w', keys }, { now: fetched }))
    .dir;
  await fs.writeFile(path.join(params, '.DS_Store'), 'finder');
});

describe('keyferry bundle verify prints its warnings in the reader language', () => {
  it('in Chinese under LANG=zh_CN.UTF-8: the token about to expire and the ignored metadata', async () => {
    const run = await keyferry(['bundle', 'verify', params], { cwd: root, env: { LANG: 'zh_CN.UTF-8' } });
    expect(run.code).toBe(0);
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('警告：'));
    // One warning for the bundle's two tokens, not one per key (a bundle of 100 keys would say it 100 times).
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toBe('警告：已忽略不属于此包的文件管理器元数据：.DS_Store。');
    expect(warnings[1]).toMatch(
      new RegExp(
        `^警告：2 个密钥的导入令牌中，最早到期的是密钥 ${keyIds[0]} 的令牌，将于 ${escape(momentText('zh-CN', tokenExpiry))} 到期，还剩 (29|30) 分钟：请在此之前导入，或重新获取导入参数。$`,
      ),
    );
    for (const line of warnings) expect(line.replace(/[0-9a-f-]{36}/g, '')).not.toMatch(ENGLISH_WORDS);
  });

  it('in English, and as code and values with --json', async () => {
    const run = await keyferry(['bundle', 'verify', '--lang', 'en', params], { cwd: root, env: { LANG: 'C' } });
    expect(run.stdout).toContain('WARNING: Ignored file-manager metadata that is not part of the bundle: .DS_Store.');
    expect(run.stdout).toMatch(
      new RegExp(
        `WARNING: The import tokens of 2 keys expire; the first, that of key ${keyIds[0]}, expires at ${escape(momentText('en', tokenExpiry))}, in (29|30) minutes: import before then or fetch new parameters\\.`,
      ),
    );
    const json = await keyferry(['bundle', 'verify', '--json', params], { cwd: root, env: { LANG: 'zh_CN.UTF-8' } });
    const { warnings } = JSON.parse(json.stdout) as { warnings: unknown[] };
    expect(warnings[0]).toEqual({ code: 'OS_METADATA_IGNORED', values: { filesList: '[".DS_Store"]' } });
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatchObject({
      code: 'TOKEN_EXPIRES_SOON',
      values: { count: 2, keyId: keyIds[0], at: tokenExpiry },
    });
    expect(JSON.stringify(warnings)).not.toMatch(/message|[\u4e00-\u9fff]/);
  });
});

describe('every warning in both languages', () => {
  it('a token expiring more than a day ahead: check the clock, both moments said', async () => {
    const early = new Date(tokenExpiry - 48 * 3600 * 1000);
    const [w] = (await readBundle(params, { now: early })).warnings.filter((x) => x.code === 'CLOCK_SUSPECT');
    expect(warningText(zh, w!)).toBe(
      `2 个密钥的导入令牌中，最早到期的是密钥 ${keyIds[0]} 的令牌，将于 ${momentText('zh-CN', tokenExpiry)} 到期，距本机时间 ${momentText('zh-CN', early)} 超过 24 小时：请检查本机时钟。`,
    );
    expect(warningText(en, w!)).toBe(
      `The import tokens of 2 keys expire; the first, that of key ${keyIds[0]}, expires at ${momentText('en', tokenExpiry)}, more than 24 hours from this machine’s time ${momentText('en', early)}: check this machine’s clock.`,
    );
    // A bundle of one key names that key alone, in both languages (Chinese has no plural "one": an exact =1).
    const [only] = makeImportParameters(1, new Date(tokenExpiry - 24 * 3600 * 1000));
    const one = await writeImportParametersBundle(
      path.join(root, 'one'),
      { ceremonyId: 'w', keys: [only!] },
      {
        now: early,
      },
    );
    const [w1] = (await readBundle(one.dir, { now: early })).warnings;
    expect(warningText(zh, w1!)).toBe(
      `密钥 ${only!.keyId} 的导入令牌将于 ${momentText('zh-CN', tokenExpiry)} 到期，距本机时间 ${momentText('zh-CN', early)} 超过 24 小时：请检查本机时钟。`,
    );
    expect(warningText(en, w1!)).toBe(
      `The import token of key ${only!.keyId} expires at ${momentText('en', tokenExpiry)}, more than 24 hours from this machine’s time ${momentText('en', early)}: check this machine’s clock.`,
    );
  });

  it('a requested material expiry already past, and a bundle expiry that differs from the plan', async () => {
    const [p] = makeImportParameters(1, NOW, ['AES_256']);
    const expiry = '2030-02-01T00:00:00.000Z';
    const dir = path.join(root, 'wrapped');
    await writeWrappedMaterialBundle(dir, { ceremonyId: 'w', keys: [wrapFor(p!, expiry)] }, { now: NOW });
    const [past] = (await readBundle(dir, { now: new Date('2030-03-01T00:00:00Z') })).warnings;
    expect(warningText(zh, past!)).toBe(
      `密钥 ${p!.keyId} 请求的密钥材料到期时间 ${momentText('zh-CN', expiry)} 已过：KMS 将拒绝此次导入（KMS.2602）。`,
    );
    expect(warningText(en, past!)).toContain(`${momentText('en', expiry)}, has passed: the KMS will refuse`);

    const [differs] = expiryNotes([
      { keyId: p!.keyId, requested: 'never', plan: expiry, effective: 'never', source: 'bundle', planLapsed: false },
    ]);
    expect(warningText(zh, differs!)).toBe(
      `密钥 ${p!.keyId}：已包装密钥材料包请求的密钥材料到期时间为永不过期，而仪式计划为 ${momentText('zh-CN', expiry)}；除非明确选择到期时间，导入将采用材料包中的请求（已在离线工作站上经见证）。`,
    );
    expect(warningText(en, differs!)).toContain(
      `requests material expiry never, the ceremony plan said ${momentText('en', expiry)}; the import uses`,
    );

    // Three keys restored with one new expiry after one planned moment: one warning, not three; another pair its own.
    const restored = '2030-06-01T00:00:00.000Z';
    const decisions = ['k1', 'k2', 'k3'].map((keyId) => ({
      keyId,
      requested: restored,
      plan: expiry,
      effective: restored,
      source: 'bundle' as const,
      planLapsed: false,
    }));
    const grouped = expiryNotes([
      ...decisions,
      { keyId: 'k4', requested: 'never', plan: expiry, effective: 'never', source: 'bundle', planLapsed: false },
      // A plan that had passed is replaced, not differed from: no warning (the restore's new expiry).
      { keyId: 'k5', requested: restored, plan: expiry, effective: restored, source: 'bundle', planLapsed: true },
    ]);
    expect(grouped.map((w) => w.values)).toMatchObject([
      { count: 3, keyId: 'k1' },
      { count: 1, keyId: 'k4' },
    ]);
    expect(warningText(en, grouped[0]!)).toMatch(/^3 keys \(the first, key k1\): the wrapped-material bundle requests/);
    expect(warningText(zh, grouped[0]!)).toMatch(/^3 个密钥（第一个为密钥 k1）：已包装密钥材料包请求/);
  });

  it('a code this catalogue has no text for is shown as its code', () => {
    expect(warningText(zh, { code: 'FROM_A_NEWER_VERSION', values: {} })).toBe('FROM_A_NEWER_VERSION');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
