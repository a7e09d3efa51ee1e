/**
 * `keyferry airgap wrap --hsm-*` stopped in a real process after the material was generated in a
 * real SoftHSM token: Ctrl-C paused before the receipt destroys the token objects (OpenSC's
 * pkcs11-tool lists none afterwards) and says so; SIGKILL there leaves them, and the next run on the
 * journal (under a Chinese locale) names each one with the pkcs11-tool command that deletes it,
 * which does.
 */
import { execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  importParametersFromKmsAnswer,
  readBundleDigest,
  writeImportParametersBundle,
} from '../../../src-main/core/bundle';
import { airgapWrapArgs } from '../../helpers/cli-sides';
import { KEYFERRY_BIN as BIN } from '../../integration/cli-process';
import { stoppedCliFolder } from '../../integration/stopped-cli';
import {
  createSoftHsmToken,
  listTokenObjects,
  SOFTHSM_MODULE,
  type SoftToken,
} from '../../core/hsm/helpers/soft-tokens';
import { openSession } from '../../core/hsm/helpers/hsm-fixtures';
import { findMaterialKey, hsmKeyCheckValue } from '../../../src-main/core/hsm';
import { derFingerprint } from '../../../src-main/core/crypto/evidence';

const PIN = '40917253';
const CEREMONY = 'KF-20261204-hsmstp';
const AES_KEY = '0a1b2c3d-0000-4000-8000-000000000001';
const RSA_KEY = '0a1b2c3d-0000-4000-8000-000000000002';
const cli = stoppedCliFolder('kf-cli-hsm-stop-');
let token: SoftToken;
beforeEach(async () => {
  token = await createSoftHsmToken('stop-cli', PIN);
});
afterEach(async () => {
  await token.cleanup();
});

/** The committed RSA-2048 test key plays the KMS wrapping key (OAEP-SHA-1: SoftHSM has no other). */
const WRAPPING_KEY = readFileSync(path.resolve(__dirname, '../../fixtures/test-rsa-keys/rsa2048.pem'));

/** An import-parameters bundle `params` for an AES_256 and an RSA_2048 key; its digest. */
async function parameters(): Promise<string> {
  const { createPublicKey } = await import('node:crypto');
  const publicKey = createPublicKey(WRAPPING_KEY).export({ type: 'spki', format: 'der' }).toString('base64');
  const keys = [
    [AES_KEY, 'AES_256', 'ENCRYPT_DECRYPT'],
    [RSA_KEY, 'RSA_2048', 'SIGN_VERIFY'],
  ].map(([keyId, keySpec, keyUsage], i) =>
    importParametersFromKmsAnswer({
      region: 'cn-north-4',
      projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
      keyAlias: `test/hsm-${i + 1}`,
      keySpec: keySpec as 'AES_256' | 'RSA_2048',
      keyUsage: keyUsage as 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY',
      wrappingAlgorithm: 'RSAES_OAEP_SHA_1',
      answer: {
        key_id: keyId as string,
        public_key: publicKey,
        import_token: randomBytes(300).toString('base64'),
        expiration_time: Math.floor(Date.now() / 1000) + 3600 * 20,
      },
    }),
  );
  await writeImportParametersBundle(path.join(cli.dir(), 'params'), { ceremonyId: CEREMONY, keys });
  return readBundleDigest(path.join(cli.dir(), 'params'));
}

function wrapArgs(digest: string, out = 'wrapped', ...extra: string[]): string[] {
  return airgapWrapArgs(
    { out, digest },
    ...extra,
    '--allow-network',
    '--expires',
    'never',
    ...['--hsm-module', SOFTHSM_MODULE, '--hsm-token', 'stop-cli', '--hsm-pin-env', 'HSM_PIN'],
    '--hsm-accept-zero-filled-pad',
  );
}

const hex = (keyId: string) => Buffer.from(keyId).toString('hex');
const label = (keyId: string) => `keyferry ${CEREMONY} ${keyId}`;
const GENERATED = [
  `private ${label(RSA_KEY)} ${hex(RSA_KEY)}`,
  `public ${label(RSA_KEY)} ${hex(RSA_KEY)}`,
  `secret ${label(AES_KEY)} ${hex(AES_KEY)}`,
];

/** Runs `airgap wrap` paused before its receipt and sends `signal` (to its process group, as a terminal does) there. */
async function stoppedBeforeReceipt(digest: string, signal: NodeJS.Signals, ...args: string[]) {
  const child = spawn(process.execPath, [BIN, ...(args.length > 0 ? wrapArgs(digest, ...args) : wrapArgs(digest))], {
    cwd: cli.dir(),
    detached: true,
    env: { ...process.env, LANG: 'C', HSM_PIN: PIN, NODE_ENV: 'test', KEYFERRY_TEST_PAUSE_AT: 'before-receipt' },
  });
  let sent = false;
  return cli.watch(child, (seen) => {
    if (!sent && seen.includes('test pause: before-receipt')) {
      sent = true;
      process.kill(-(child.pid as number), signal);
    }
  });
}

describe('keyferry airgap wrap --hsm-* stopped after generating in the token (SoftHSM)', () => {
  it('Ctrl-C before the receipt destroys the token objects it generated and says which', async () => {
    const run = await stoppedBeforeReceipt(await parameters(), 'SIGINT');
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(
      /Stopped by Ctrl-C \(SIGINT\) after step “Wrapped-material bundle written” \(journal entry \d+, by Ana\)/,
    );
    expect(run.stderr).toContain(
      `The 3 token objects this attempt generated in HSM token "stop-cli" (serial ${token.serial}) were destroyed, as their material will never be imported: ` +
        `"${label(AES_KEY)}" (symmetric key, CKA_ID ${hex(AES_KEY)}), "${label(RSA_KEY)}" (private key, CKA_ID ${hex(RSA_KEY)}), "${label(RSA_KEY)}" (public key, CKA_ID ${hex(RSA_KEY)}).`,
    );
    expect(run.stderr).not.toMatch(/Nothing was (written|generated)/i);
    expect(listTokenObjects(token)).toEqual([]);
    expect((await cli.journalEvents()).slice(-4)).toEqual([
      'ceremony.interrupted',
      'wrapped-bundle.withdrawn',
      'hsm.objects-destroyed',
      'ceremony.abandoned',
    ]);
  }, 120_000);

  it('after a SIGKILL before the receipt, the next run names the objects left with the commands that delete them (zh-CN)', async () => {
    const digest = await parameters();
    const killed = await stoppedBeforeReceipt(digest, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    expect(listTokenObjects(token)).toEqual(GENERATED);
    // The next run (a wrong digest typed: it is refused before anything is generated) starts by closing the killed
    // session; without the HSM options it never logs in to the token, so the objects are left for the commands.
    const noHsm = airgapWrapArgs({ out: 'wrapped-2', digest: '0'.repeat(64) }, '--allow-network', '--expires', 'never');
    const next = await cli.watch(
      spawn(process.execPath, [BIN, ...noHsm], {
        cwd: cli.dir(),
        env: { ...process.env, LANG: 'zh_CN.UTF-8', HSM_PIN: PIN },
      }),
      () => undefined,
    );
    const commands = [
      ['secrkey', AES_KEY],
      ['privkey', RSA_KEY],
      ['pubkey', RSA_KEY],
    ].map(
      ([type, keyId]) =>
        `pkcs11-tool --module ${SOFTHSM_MODULE} --token-label stop-cli --login --delete-object --type ${type} --id ${hex(keyId as string)} --label '${label(keyId as string)}'`,
    );
    expect(next.stdout).toContain(
      `该会话在 HSM 令牌 "stop-cli"（序列号 ${token.serial}）中生成的 3 个令牌对象仍在令牌中，其中的密钥材料永远不会被导入。该会话未经停止即已结束，没有销毁它们。在此日志上带 HSM 选项运行时，登录后会销毁其中校验值或公钥与该会话日志记录相符的每个对象（绝不销毁已完成会话在同一标签下的对象）；在此之前，或对于无法证实的对象，请在为此仪式再次生成密钥材料之前手动删除它们（每条命令都会询问用户 PIN）：\n` +
        commands.map((c) => `  ${c}`).join('\n'),
    );
    const events = await cli.journalEvents();
    expect(events.indexOf('hsm.objects-left')).toBe(events.indexOf('ceremony.session-unfinished') + 2);
    for (const command of commands) execSync(`${command} --pin ${PIN}`, { stdio: 'pipe' });
    expect(listTokenObjects(token)).toEqual([]);
  }, 120_000);

  it('after a SIGKILL of a repeated wrap, the next HSM session destroys only what that session made, never the finished one’s', async () => {
    const digest = await parameters();
    const run = (typed: string, out: string, ...extra: string[]) =>
      cli.watch(
        spawn(process.execPath, [BIN, ...wrapArgs(typed, out, ...extra)], {
          cwd: cli.dir(),
          env: { ...process.env, LANG: 'C', HSM_PIN: PIN },
        }),
        () => undefined,
      );
    expect((await run(digest, 'wrapped-1')).code).toBe(0);
    const again = ['--wrap-again', 'the first stick was lost'];
    const killed = await stoppedBeforeReceipt(digest, 'SIGKILL', 'wrapped-2', ...again);
    expect(killed.signal).toBe('SIGKILL');
    // Both sessions' objects, under the same labels and CKA_IDs.
    expect(listTokenObjects(token)).toEqual(GENERATED.flatMap((o) => [o, o]));
    // The next run (a wrong digest typed: it is refused before anything is generated) logs in to the token first.
    const next = await run('0'.repeat(64), 'wrapped-3', ...again);
    const objects = [
      `"${label(AES_KEY)}" (symmetric key, CKA_ID ${hex(AES_KEY)})`,
      `"${label(RSA_KEY)}" (private key, CKA_ID ${hex(RSA_KEY)})`,
      `"${label(RSA_KEY)}" (public key, CKA_ID ${hex(RSA_KEY)})`,
    ];
    expect(next.stdout).toContain(
      `Logged in to HSM token "stop-cli" (serial ${token.serial}): the 3 token objects a session that ended without stopping left there were destroyed, ` +
        `each proven by the check value or public key that session journaled (journaled as hsm.objects-destroyed): ${objects.join(', ')}.`,
    );
    expect(listTokenObjects(token)).toEqual(GENERATED);
    // What is left is the finished session's material: the check value and public key its journal recorded.
    const journal = (await readFile(path.join(cli.dir(), 'airgap.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; event: string; data: Record<string, unknown> });
    const first = journal.filter((e) => e.event === 'material.generated').slice(0, 2);
    const hsm = openSession(token);
    try {
      const aes = findMaterialKey(hsm.session, 'AES_256', { label: label(AES_KEY) });
      expect(hsmKeyCheckValue(hsm.session, aes.handle, 'check-value')).toBe(
        first.find((e) => e.data.keyId === AES_KEY)?.data.keyCheckValue,
      );
      const rsa = findMaterialKey(hsm.session, 'RSA_2048', { label: label(RSA_KEY) });
      expect(derFingerprint(rsa.publicKeySpkiDer as Buffer)).toBe(
        first.find((e) => e.data.keyId === RSA_KEY)?.data.publicKeyFingerprint,
      );
    } finally {
      hsm.close();
    }
    const left = journal.find((e) => e.event === 'hsm.objects-left');
    expect(journal.find((e) => e.event === 'hsm.objects-destroyed')?.data).toMatchObject({
      recordedSeq: left?.seq,
      hsmTokenSerial: token.serial,
    });
    // The next session that finishes lists the destruction among its receipt's deviations.
    expect((await run(digest, 'wrapped-4', ...again)).code).toBe(0);
    const receipt = await readFile(path.join(cli.dir(), `receipt-air-gapped-${CEREMONY}-session-4.txt`), 'utf8');
    expect(receipt).toContain('HSM token objects of the stopped attempt destroyed');
  }, 240_000);
});
