/**
 * Huawei KMS import-key-material accepts encrypted_key_material of 344-360 base64 characters only
 * (one RSA-2048 ciphertext). A wrapping key of another size passes every RSA check, but material
 * wrapped under it would be refused at import: it is refused where it enters, before any material
 * exists (console files, a KMS answer, an import-parameters bundle, `keyferry wrap`).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrapCommand } from '../../../src-main/cli/commands/wrap';
import { runCli } from '../../../src-main/cli/run-cli';
import {
  importParametersFromConsoleFiles,
  importParametersFromKmsAnswer,
  rsaCiphertextBase64Chars,
  HUAWEI_ENCRYPTED_KEY_MATERIAL_CHARS,
} from '../../../src-main/core/bundle';
import { AirGapCeremony } from '../../../src-main/core/ceremony/airgap/workflow';
import { ENCRYPTED_KEY_MATERIAL_PATTERN } from '../../../src-main/core/kms/api-schemas';
import { openJournal } from '../../../src-main/core/journal';
import { inspectJournal, readJournalFile } from '../../../src-main/core/journal/verify';
import { wrapKeyMaterial, generateKeyMaterial, loadWrappingPublicKey } from '../../../src-main/core/crypto';
import { OFFLINE, APP } from '../ceremony/ceremony-fixture';
import { refusal } from '../../helpers/refusal';

const keyId = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const spki = (bits: number) =>
  generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'der' });
let big: { 3072: Buffer; 4096: Buffer };
let dir: string;

beforeAll(async () => {
  big = { 3072: spki(3072), 4096: spki(4096) };
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-importable-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a wrapping key Huawei import would refuse', () => {
  it('the limit is what the wire pattern checks: RSA-2048 fits, RSA-3072 and RSA-4096 do not', async () => {
    expect(rsaCiphertextBase64Chars(2048)).toBe(344);
    expect(rsaCiphertextBase64Chars(3072)).toBe(512);
    expect(rsaCiphertextBase64Chars(4096)).toBe(684);
    const wrapped = async (bits: 2048 | 3072 | 4096) => {
      const wrappingKey = loadWrappingPublicKey(bits === 2048 ? spki(2048) : big[bits]);
      const material = await generateKeyMaterial('AES_256');
      return wrapKeyMaterial({ material, wrappingKey, algorithm: 'RSAES_OAEP_SHA_256' }).encryptedKeyMaterial.toString(
        'base64',
      );
    };
    expect(await wrapped(2048)).toMatch(ENCRYPTED_KEY_MATERIAL_PATTERN);
    expect(await wrapped(3072)).not.toMatch(ENCRYPTED_KEY_MATERIAL_PATTERN);
    expect(await wrapped(4096)).not.toMatch(ENCRYPTED_KEY_MATERIAL_PATTERN);
    expect(HUAWEI_ENCRYPTED_KEY_MATERIAL_CHARS).toEqual({ min: 344, max: 360 });
  });

  it('is refused from console files, naming the size, the length and the limit', () => {
    const error = refusal(() =>
      importParametersFromConsoleFiles({
        wrappingKeyFile: big[3072],
        keyId,
        keySpec: 'AES_256',
        wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      }),
    );
    expect(error.code).toBe('WRAPPING_KEY_NOT_IMPORTABLE');
    expect(error.message).toBe(
      `The wrapping key of key ${keyId} is RSA-3072: material wrapped under it is 512 base64 characters, but Huawei KMS import-key-material accepts encrypted_key_material of 344 to 360 characters only (one RSA-2048 ciphertext). The import would be refused, so nothing was generated or wrapped.`,
    );
  });

  it('is refused from a KMS answer (the online side never writes it into a bundle)', () => {
    const error = refusal(() =>
      importParametersFromKmsAnswer({
        region: 'cn-north-4',
        projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
        keyAlias: 'payments',
        keySpec: 'AES_256',
        keyUsage: 'ENCRYPT_DECRYPT',
        wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
        answer: {
          key_id: keyId,
          public_key: big[4096].toString('base64'),
          import_token: randomBytes(300).toString('base64'),
          expiration_time: Math.floor(Date.now() / 1000) + 3600,
        },
      }),
    );
    expect(error.code).toBe('WRAPPING_KEY_NOT_IMPORTABLE');
    expect(error.values).toMatchObject({ bits: 4096, length: 684, min: 344, max: 360 });
  });

  it('the air-gapped ceremony refuses it before material, journaled as a deviation', async () => {
    const journal = await openJournal(path.join(dir, 'air.jsonl'), { create: true });
    const air = await AirGapCeremony.start({
      journal,
      title: 'Size check',
      operator: 'Ana',
      witnesses: ['Ben'],
      app: APP,
      interfaces: OFFLINE,
    });
    await air.checkNetwork();
    await expect(
      air.readConsoleFiles([
        { wrappingKeyFile: big[3072], keyId, keySpec: 'AES_256', wrappingAlgorithm: 'RSAES_OAEP_SHA_256' },
      ]),
    ).rejects.toMatchObject({ code: 'WRAPPING_KEY_NOT_IMPORTABLE' });
    expect(air.state).toBe('network-checked');
    await expect(air.generateMaterial()).rejects.toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });
    await journal.close();
    const { entries } = inspectJournal(await readJournalFile(journal.path));
    const refused = entries.find((e) => e.event === 'parameters.refused');
    expect(refused?.data).toMatchObject({
      source: 'console files',
      code: 'WRAPPING_KEY_NOT_IMPORTABLE',
      values: { bits: 3072, length: 512 },
    });
    expect(entries.some((e) => e.event.startsWith('material.'))).toBe(false);
  });

  it('keyferry wrap refuses it before generating material and writes nothing', async () => {
    await writeFile(path.join(dir, 'wrappingKey_3072.der'), big[3072]);
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runCli(
      [wrapCommand],
      ['wrap', '--key-spec', 'AES_256', '--wrapping-key', 'wrappingKey_3072.der', '--out', 'out', '--no-backup'],
      { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l), env: {}, cwd: dir },
    );
    expect(code).toBe(1);
    expect(stderr.join('\n')).toMatch(
      /The wrapping key in wrappingKey_3072\.der is RSA-3072: .* 344 to 360 characters only/,
    );
    expect(await readdir(path.join(dir, 'out')).catch(() => [])).toEqual([]);
  });
});
