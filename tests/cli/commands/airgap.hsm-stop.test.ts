/**
 * `keyferry airgap wrap --hsm-*` stopped in a real process after the material was generated in a
 * real SoftHSM token: Ctrl-C paused before the receipt destroys the token objects (OpenSC's
 * pkcs11-tool lists none afterwards) and says so; SIGKILL there leaves them, and the next run on the
 * journal (under a Chinese locale) names each one with the pkcs11-tool command that deletes it,
 * which does. A repeated wrap that would generate under the labels a finished session's objects
 * carry is refused before anything is generated or any witness confirms, naming those objects and
 * the commands (en, zh-CN); the material already there, chosen by key id, is the way on.
 */
import { execSync, spawn } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  importParametersFromKmsAnswer,
  readBundleDigest,
  writeImportParametersBundle,
} from '../../../src-main/core/bundle';
import { openJournal } from '../../../src-main/core/journal';
import { airgapWrapArgs } from '../../helpers/cli-sides';
import { KEYFERRY_BIN as BIN } from '../../integration/cli-process';
import { stoppedCliFolder } from '../../integration/stopped-cli';
import {
  createSoftHsmToken,
  listTokenObjects,
  SOFTHSM_MODULE,
  type SoftToken,
} from '../../core/hsm/helpers/soft-tokens';

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

  it('destroys what a SIGKILLed session left, then refused for a label already taken, says first what it destroyed', async () => {
    const digest = await parameters();
    expect((await stoppedBeforeReceipt(digest, 'SIGKILL')).signal).toBe('SIGKILL');
    // Somebody made another AES key under the label the ceremony's AES material gets (its own check value).
    execSync(
      `pkcs11-tool --module ${SOFTHSM_MODULE} --token-label stop-cli --login --pin ${PIN} --keygen --key-type AES:32 --label '${label(AES_KEY)}' --id ${hex(AES_KEY)}`,
      { stdio: 'pipe' },
    );
    const run = (out: string, lang: string) =>
      cli.watch(
        spawn(process.execPath, [BIN, ...wrapArgs(digest, out)], {
          cwd: cli.dir(),
          env: { ...process.env, LANG: lang, HSM_PIN: PIN },
        }),
        () => undefined,
      );
    const refused = await run('wrapped-2', 'C');
    expect(refused.code).not.toBe(0);
    const journal = readFileSync(path.join(cli.dir(), 'airgap.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; event: string; data: Record<string, unknown> });
    const destroyedAt = journal.filter((e) => e.event === 'hsm.objects-destroyed');
    expect(destroyedAt).toHaveLength(1);
    const entry = destroyedAt[0]!.seq;
    const destroyed = [
      `"${label(AES_KEY)}" (symmetric key, CKA_ID ${hex(AES_KEY)})`,
      `"${label(RSA_KEY)}" (private key, CKA_ID ${hex(RSA_KEY)})`,
      `"${label(RSA_KEY)}" (public key, CKA_ID ${hex(RSA_KEY)})`,
    ];
    expect(refused.stdout).toContain(
      `Logged in to HSM token "stop-cli" (serial ${token.serial}): the 3 token objects a session that ended without stopping left there were destroyed, each proven by the check value or public key that session journaled (journal entry ${entry}: hsm.objects-destroyed): ${destroyed.join(', ')}.`,
    );
    expect(refused.stderr.replace(/\s+/g, ' ')).toContain(
      `Token "stop-cli" already holds a key object under the label Keyferry gives this ceremony’s material: "${label(AES_KEY)}" (CKO_SECRET_KEY, CKA_ID ${hex(AES_KEY)}).`,
    );
    // Journaled: the destruction, then the refusal carrying it.
    const refusal = journal.findLast((e) => e.event === 'hsm.refused');
    expect(refusal!.seq).toBeGreaterThan(entry);
    expect(refusal!.data).toMatchObject({ code: 'HSM_LABEL_TAKEN' });
    expect(JSON.parse((refusal!.data.values as Record<string, string>).destroyedBeforeRefusal!)).toMatchObject({
      tokenSerial: token.serial,
      entries: [entry],
      count: 3,
    });
    expect(listTokenObjects(token)).toEqual([`secret ${label(AES_KEY)} ${hex(AES_KEY)}`]);
    // Run again (in Chinese): the label is still taken, nothing was left to destroy, nothing is said of it.
    const zh = await run('wrapped-3', 'zh_CN.UTF-8');
    expect(zh.stdout).not.toContain('hsm.objects-destroyed');
    expect(zh.stderr).toContain('令牌 "stop-cli" 中已有 1 个密钥对象');
  }, 240_000);

  it('refused for a label a crashed session’s unproven object holds, says first why that object was not destroyed', async () => {
    const digest = await parameters();
    // Two objects under the label and CKA_ID of the ceremony's AES key, both showing the check value a
    // crashed session journaled for it: neither is proven to be that session's, so neither is destroyed.
    const key = Buffer.alloc(32, 7);
    const keyFile = path.join(cli.dir(), 'aes.key');
    writeFileSync(keyFile, key);
    for (let i = 0; i < 2; i++)
      execSync(
        `pkcs11-tool --module ${SOFTHSM_MODULE} --token-label stop-cli --login --pin ${PIN} --write-object ${keyFile} --type secrkey --key-type AES:32 --label '${label(AES_KEY)}' --id ${hex(AES_KEY)}`,
        { stdio: 'pipe' },
      );
    rmSync(keyFile);
    const kcv = createCipheriv('aes-256-ecb', key, null)
      .setAutoPadding(false)
      .update(Buffer.alloc(16))
      .subarray(0, 3)
      .toString('hex');
    // The crashed session's own entries (as tests/core/ceremony/airgap/crashed-objects-destroy.test.ts writes them).
    const journal = await openJournal(path.join(cli.dir(), 'airgap.jsonl'), { create: true });
    const object = { keyId: AES_KEY, label: label(AES_KEY), objectId: hex(AES_KEY), objectClass: 'CKO_SECRET_KEY' };
    const where = { hsmTokenSerial: token.serial, hsmTokenLabel: 'stop-cli' };
    await journal.append('Ana', 'material.generated', {
      ...{ keyId: AES_KEY, spec: 'AES_256', source: 'hsm', keyCheckValue: kcv, publicKeyFingerprint: null },
      ...{ objectLabel: label(AES_KEY), objectId: hex(AES_KEY), keptInHsm: true, ...where },
    });
    const left = await journal.append('Ana', 'hsm.objects-left', {
      reasonPhrase: { key: 'journal.reason.ended-without-stop' },
      ...where,
      modulePath: SOFTHSM_MODULE,
      objects: [{ ...object, command: 'pkcs11-tool …' }],
    });
    await journal.close();

    const refused = await cli.watch(
      spawn(process.execPath, [BIN, ...wrapArgs(digest)], {
        cwd: cli.dir(),
        env: { ...process.env, LANG: 'C', HSM_PIN: PIN },
      }),
      () => undefined,
    );
    expect(refused.code).not.toBe(0);
    // Why it was left, what to do, and the command that deletes it: before the refusal it brings.
    expect(refused.stdout).toContain(
      `Token object "${label(AES_KEY)}" (symmetric key, CKA_ID ${hex(AES_KEY)}), left by a session that ended without stopping (named in journal entry ${left.seq}), was NOT destroyed: more than one object under that label and CKA_ID shows the check value or public key that session journaled`,
    );
    expect(refused.stdout).toContain(
      `pkcs11-tool --module ${SOFTHSM_MODULE} --token-label stop-cli --login --delete-object --type secrkey --id ${hex(AES_KEY)} --label '${label(AES_KEY)}'`,
    );
    expect(refused.stdout).not.toContain('were destroyed');
    expect(refused.stderr.replace(/\s+/g, ' ')).toContain(
      `Token "stop-cli" already holds 2 key objects under the label Keyferry gives this ceremony’s material`,
    );
    const entries = readFileSync(path.join(cli.dir(), 'airgap.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
    const refusal = entries.findLast((e) => e.event === 'hsm.refused');
    expect(refusal?.data.code).toBe('HSM_LABEL_TAKEN');
    const carried = JSON.parse((refusal?.data.values as Record<string, string>).destroyedBeforeRefusal as string) as {
      count: number;
      unproven: { problem: { code: string } }[];
    };
    expect(carried.count).toBe(0);
    expect(carried.unproven.map((o) => o.problem.code)).toEqual(['HSM_LEFT_OBJECT_UNPROVEN']);
    expect(listTokenObjects(token).filter((o) => o.includes(label(AES_KEY)))).toHaveLength(2);
  }, 120_000);

  it('a repeated wrap that would generate under the labels the finished session’s objects carry is refused before anything is generated, never offering to delete them (en, zh-CN)', async () => {
    const digest = await parameters();
    const run = (out: string, lang: string, ...extra: string[]) =>
      cli.watch(
        spawn(process.execPath, [BIN, ...wrapArgs(digest, out, ...extra)], {
          cwd: cli.dir(),
          env: { ...process.env, LANG: lang, HSM_PIN: PIN },
        }),
        () => undefined,
      );
    expect((await run('wrapped-1', 'C')).code).toBe(0);
    const again = ['--wrap-again', 'the first stick was lost'];
    const refused = await run('wrapped-2', 'C', ...again);
    expect(refused.code).not.toBe(0);
    const objects = [
      `"${label(AES_KEY)}" (CKO_SECRET_KEY, CKA_ID ${hex(AES_KEY)})`,
      `"${label(RSA_KEY)}" (CKO_PRIVATE_KEY, CKA_ID ${hex(RSA_KEY)})`,
      `"${label(RSA_KEY)}" (CKO_PUBLIC_KEY, CKA_ID ${hex(RSA_KEY)})`,
    ];
    const said = refused.stderr.replace(/\s+/g, ' ');
    expect(said).toContain(
      `Token "stop-cli" already holds 3 key objects under the label Keyferry gives this ceremony’s material: ${objects.join(', ')}. ` +
        'Generating would add more objects under the same label, and a later restore would find several and refuse (HSM_KEY_AMBIGUOUS). Nothing was generated.',
    );
    // They are the finished wrap's custody copy (a trial deleted them as once told, after that wrap was
    // imported, and the material was lost): never offered for deletion.
    expect(said).toContain(
      'They are the custody copy of the material this journal’s finished wrap of session 1 made, whose bundle may already be imported: never delete them or give them another label, or that material is lost for good. ' +
        'Use that material instead (--hsm-existing-keys finds it by CKA_ID = the key id, or --hsm-key-label KEYID=LABEL), then run again.',
    );
    expect(said).not.toContain('--delete-object');
    expect(said).not.toContain('if nobody needs what they hold');
    // The earlier wrap listed with its custody copy, not as keeping none.
    expect(refused.stdout.replace(/\s+/g, ' ')).toContain(
      'custody copy: the HSM token objects its material was generated as (keep them)',
    );
    expect(refused.stdout).not.toContain('no custody set');
    // Nothing was generated, and the refusal came before any witness confirmed.
    expect(listTokenObjects(token)).toEqual(GENERATED);
    const events = await cli.journalEvents();
    const refusedAt = events.lastIndexOf('hsm.refused');
    expect(refusedAt).toBeGreaterThan(events.lastIndexOf('ceremony.session-started'));
    expect(events.slice(refusedAt)).not.toContain('witness.confirmed');
    expect(events.slice(refusedAt)).not.toContain('material.generated');
    const zh = await run('wrapped-3', 'zh_CN.UTF-8', ...again);
    expect(zh.stderr.replace(/\s+/g, ' ')).toContain(
      `令牌 "stop-cli" 中已有 3 个密钥对象使用 Keyferry 为此仪式的密钥材料设定的标签：${objects.join('、')}。再生成会在同一标签下增加更多对象，之后的恢复会找到多个对象而拒绝（HSM_KEY_AMBIGUOUS）。未生成任何内容。`,
    );
    expect(zh.stderr.replace(/\s+/g, ' ')).toContain('切勿删除这些对象');
    expect(zh.stderr).not.toContain('--delete-object');
    // The way on: the material already there, chosen by its key id.
    expect((await run('wrapped-4', 'C', ...again, '--hsm-existing-keys')).code).toBe(0);
    expect(listTokenObjects(token)).toEqual(GENERATED);
  }, 240_000);
});
