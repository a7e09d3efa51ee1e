/**
 * A witness refusal journaled by one session reads in the receipt's language, whichever language
 * the refused session printed in: `keyferry airgap wrap` refused for a witness who did not confirm,
 * then run again with every confirmation and `--receipt-lang` the other language.
 */
import { airgapWrapArgs } from '../../helpers/cli-sides';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { oneAesParamsBundle } from '../../helpers/aes-params-bundle';
import { OFFLINE } from '../../helpers/workstation';

let dir: string;
let digest: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-refusal-lang-'));
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
  digest = await oneAesParamsBundle(path.join(dir, 'params'), {
    ceremonyId: 'KF-20250301-abcdef',
    keyId: '0a1b2c3d-0000-4000-8000-00000000000a',
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function receiptText(): Promise<string> {
  const name = (await readdir(dir)).find((f) => /^receipt-air-gapped-.*\.txt$/.test(f)) as string;
  return readFile(path.join(dir, name), 'utf8');
}

describe('a witness refusal on the receipt', () => {
  const witnesses = ['Ben', 'Chloé'];
  const refuse = (lang: string) =>
    keyferry(airgapWrapArgs({ witnesses }, '--witness-confirms', `Ben=${digest}`, '--lang', lang), { cwd: dir });
  const finish = (receiptLang: string) =>
    keyferry(airgapWrapArgs({ witnesses, digest }, '--receipt-lang', receiptLang), { cwd: dir });

  it('a session in English refused for a missing witness reads wholly in Chinese on a Chinese receipt', async () => {
    expect((await refuse('en')).stderr).toContain(
      'Witness Chloé has not confirmed the import-parameters bundle digest',
    );
    expect((await finish('zh-CN')).code).toBe(0);
    const text = (await receiptText()).replace(/\n\s+/g, '');
    expect(text).toContain('见证人 Chloé 尚未确认导入参数包摘要（它约束 1 个密钥的包装密钥和导入令牌）；');
    expect(text).not.toContain('import-parameters bundle digest');
  });

  it('a session in Chinese refused for a missing witness reads wholly in English on an English receipt', async () => {
    expect((await refuse('zh-CN')).stderr).toContain('见证人 Chloé 尚未确认导入参数包摘要');
    expect((await finish('en')).code).toBe(0);
    const text = (await receiptText()).replace(/\n\s+/g, ' ');
    expect(text).toContain(
      'Witness Chloé has not confirmed the import-parameters bundle digest (it binds the wrapping keys and import tokens of 1 key);',
    );
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
