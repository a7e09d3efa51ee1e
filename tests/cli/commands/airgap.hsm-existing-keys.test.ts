/**
 * `keyferry airgap wrap --hsm-existing-keys` against a real SoftHSM token holding two secret keys
 * under the ceremony's label and CKA_ID (made with OpenSC's pkcs11-tool, as an extra object would
 * be): refused when the token is checked, before any witness confirmation is taken, naming both
 * objects and what to do (en and zh-CN); journaled `hsm.refused`, with no `witness.confirmed`.
 */
import { execFileSync } from 'node:child_process';
import { createPublicKey, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importParametersFromKmsAnswer,
  readBundleDigest,
  writeImportParametersBundle,
} from '../../../src-main/core/bundle';
import { airgapWrapArgs } from '../../helpers/cli-sides';
import { runCli } from '../../integration/cli-process';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from '../../core/hsm/helpers/soft-tokens';

const PIN = '51820936';
const CEREMONY = 'KF-20261204-hsmdup';
const KEY = '0a1b2c3d-0000-4000-8000-0000000000a1';
const LABEL = `keyferry ${CEREMONY} ${KEY}`;
const ID = Buffer.from(KEY).toString('hex');
const WRAPPING_KEY = readFileSync(path.resolve(__dirname, '../../fixtures/test-rsa-keys/rsa2048.pem'));
let dir: string;
let token: SoftToken;
let digest: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-hsm-clash-'));
  token = await createSoftHsmToken('clash-cli', PIN);
  for (let i = 0; i < 2; i++)
    execFileSync(
      'pkcs11-tool',
      [
        ...['--module', SOFTHSM_MODULE, '--token-label', 'clash-cli', '--login', '--pin', PIN],
        ...['--keygen', '--key-type', 'aes:32', '--label', LABEL, '--id', ID, '--extractable'],
      ],
      { stdio: 'pipe' },
    );
  const publicKey = createPublicKey(WRAPPING_KEY).export({ type: 'spki', format: 'der' }).toString('base64');
  const keys = [
    importParametersFromKmsAnswer({
      region: 'cn-north-4',
      projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
      keyAlias: 'test/hsm-clash',
      keySpec: 'AES_256',
      keyUsage: 'ENCRYPT_DECRYPT',
      wrappingAlgorithm: 'RSAES_OAEP_SHA_1',
      answer: {
        key_id: KEY,
        public_key: publicKey,
        import_token: randomBytes(300).toString('base64'),
        expiration_time: Math.floor(Date.now() / 1000) + 3600 * 20,
      },
    }),
  ];
  await writeImportParametersBundle(path.join(dir, 'params'), { ceremonyId: CEREMONY, keys });
  digest = await readBundleDigest(path.join(dir, 'params'));
}, 60_000);
afterAll(async () => {
  await token?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs `airgap wrap --hsm-existing-keys` (each witness's digest given) under `lang` into journal `journal`. */
function wrapWithExistingKeys(lang: string, journal: string) {
  return runCli(
    airgapWrapArgs(
      { digest, journal, out: `wrapped-${path.basename(journal)}` },
      '--allow-network',
      '--expires',
      'never',
      ...['--hsm-module', SOFTHSM_MODULE, '--hsm-token', 'clash-cli', '--hsm-pin-env', 'HSM_PIN'],
      '--hsm-existing-keys',
      '--hsm-accept-zero-filled-pad',
    ),
    { cwd: dir, env: { LANG: lang, HSM_PIN: PIN } },
  );
}

async function events(journal: string): Promise<{ event: string; data: Record<string, unknown> }[]> {
  return (await readFile(path.join(dir, journal), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
}

const object = `"${LABEL}" (CKA_ID ${ID})`;

describe('keyferry airgap wrap --hsm-existing-keys with two objects under the ceremony label (SoftHSM)', () => {
  it('is refused when the token is checked, before any witness confirmation, naming both objects', async () => {
    const run = await wrapWithExistingKeys('C', 'en.jsonl');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      `Token "clash-cli" has 2 keys with CKA_ID ${ID} (the text ${KEY}): ${object}, ${object}.`,
    );
    expect(run.stderr).toContain(
      'Keyferry does not choose between them. Find which object holds the key you mean (compare its check value or public key with the HSM vendor’s tools), then delete the others',
    );
    const journal = await events('en.jsonl');
    expect(journal.map((e) => e.event)).not.toContain('witness.confirmed');
    expect(journal.find((e) => e.event === 'hsm.refused')?.data).toMatchObject({ code: 'HSM_KEY_AMBIGUOUS' });
  }, 120_000);

  it('says the same in Chinese', async () => {
    // Its own workstation (folder): beside en.jsonl, a new journal of this ceremony would be refused for it.
    await mkdir(path.join(dir, 'zh'), { recursive: true });
    const run = await wrapWithExistingKeys('zh_CN.UTF-8', path.join('zh', 'zh.jsonl'));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      `令牌 "clash-cli" 中有 2 个CKA_ID 为 ${ID}（即文本 ${KEY}）的密钥：${object}、${object}。`,
    );
    expect(run.stderr).toContain('Keyferry 不会在它们之间替您选择。');
    expect((await events(path.join('zh', 'zh.jsonl'))).map((e) => e.event)).not.toContain('witness.confirmed');
  }, 120_000);
});
