/**
 * Problems in Chinese through the CLI: `keyferry bundle verify` under LANG=zh_CN.UTF-8 on bundles
 * tampered with in different ways prints the refusal from the zh-CN catalogue (a refusal that names
 * another as its cause renders that one in Chinese too); file names, key ids and hex stay as they are,
 * and `--json` still carries the code and values, never a sentence in either language.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeImportParametersBundle } from '../../../src-main/core/bundle';
import {
  makeImportParameters,
  replaceFileConsistently,
  rewriteManifest,
  tempDir,
} from '../../core/bundle/bundle-fixtures';
import { weakWrappingKeys } from '../../core/crypto/helpers/weak-rsa';
import { keyferry } from '../../integration/cli-in-process';
import { KEYFERRY_BIN } from '../../integration/cli-process';

const ZH = { LANG: 'zh_CN.UTF-8' };

let root: string;
let params: string;
let keyIds: string[];

async function copy(name: string): Promise<string> {
  const dir = path.join(root, name);
  await fs.cp(params, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  root = await tempDir('keyferry-cli-zh-bundle-');
  const now = new Date();
  const keys = makeImportParameters(2, now);
  keyIds = keys.map((k) => k.keyId);
  params = (await writeImportParametersBundle(path.join(root, 'params'), { ceremonyId: 'zh-test', keys }, { now })).dir;
});

describe('keyferry bundle verify under LANG=zh_CN.UTF-8', () => {
  it('prints a cut-short file in Chinese from the real command line, the file name unchanged', async () => {
    const dir = await copy('grown');
    const name = `keys/${keyIds[1]}/ImportToken.b64`;
    await fs.appendFile(path.join(dir, name), 'A');
    const env: NodeJS.ProcessEnv = { ...process.env, ...ZH };
    for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANGUAGE']) delete env[name];
    const run = spawnSync(process.execPath, [KEYFERRY_BIN, 'bundle', 'verify', dir], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`${name} 为 \\d+ 字节，但清单记录为 \\d+ 字节：文件被改动或被截断。`));
    expect(run.stderr).toContain('请勿使用此副本。请从写出它的介质或机器上重新完整复制此包');
    expect(run.stderr).not.toContain('Do not use this bundle');
  });

  it('prints a refusal and its cause in Chinese, and --json keeps code and values', async () => {
    const weak = weakWrappingKeys()[0]!;
    const dir = await copy('weak');
    await replaceFileConsistently(dir, `keys/${keyIds[0]}/PublicKey.bin`, weak.der);
    await replaceFileConsistently(dir, `keys/${keyIds[0]}/PublicKey.b64`, Buffer.from(weak.der.toString('base64')));
    await rewriteManifest(dir, (m) => {
      const key = m.keys[0] as { wrappingPublicKey: string };
      key.wrappingPublicKey = weak.der.toString('base64');
    });
    const run = await keyferry(['bundle', 'verify', dir], { cwd: root, env: ZH });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`密钥 ${keyIds[0]} 的包装密钥被拒绝：包装密钥（指纹`);
    expect(run.stderr).toContain('的公钥指数为 1');
    expect(run.stderr).toContain('请在联网工作站上重新获取导入参数');

    const json = await keyferry(['bundle', 'verify', '--json', dir], { cwd: root, env: ZH });
    const problem = (JSON.parse(json.stdout) as { problem: { code: string; values: Record<string, string> } }).problem;
    expect(problem).toMatchObject({
      code: 'BUNDLE_WRAPPING_KEY_INVALID',
      values: { keyId: keyIds[0], cause: 'WRAPPING_KEY_WEAK' },
    });
    expect(JSON.stringify(problem)).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('prints a missing folder and a manifest left out in Chinese', async () => {
    const missing = await keyferry(['bundle', 'verify', path.join(root, 'nope')], { cwd: root, env: ZH });
    expect(missing.stderr).toContain('它所在的上级文件夹存在，因此名称很可能输错了');
    expect(missing.stderr).toContain('如果介质已被移除，请重新连接');

    const dir = await copy('no-manifest');
    await fs.rm(path.join(dir, 'manifest.json'));
    const run = await keyferry(['bundle', 'verify', dir], { cwd: root, env: ZH });
    expect(run.stderr).toContain(`${dir} 中没有 manifest.json：它不是包，或者写入从未完成。`);
  });
});
