/**
 * PEM inspection on raw bytes (pem.ts), on what the OpenSSL CLI really writes: the labels of every
 * block in order (an `ecparam -genkey` file has EC PARAMETERS before EC PRIVATE KEY), the legacy
 * `Proc-Type: 4,ENCRYPTED` header of `-traditional -aes256` output, and no PEM where there is none
 * (DER, hex, base64). These decide which refusal a person gets for the file they chose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasLegacyPemEncryption, looksLikePem, pemLabels, quotedLabels } from '../../../src-main/core/crypto/pem';
import { makeTempDir, openssl, removeTempDir } from './helpers/openssl';

let dir: string;
const run = (args: string[]) => openssl(args, { cwd: dir });
beforeAll(async () => {
  dir = await makeTempDir('pem');
  await run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'rsa.pem']);
});
afterAll(() => removeTempDir(dir));

describe('PEM as OpenSSL writes it', () => {
  it('finds the labels of every block, in order', async () => {
    const ecparam = await run(['ecparam', '-name', 'prime256v1', '-genkey']);
    expect(looksLikePem(ecparam)).toBe(true);
    expect(pemLabels(ecparam)).toEqual(['EC PARAMETERS', 'EC PRIVATE KEY']);
    expect(quotedLabels(pemLabels(ecparam))).toBe('"EC PARAMETERS", "EC PRIVATE KEY"');
    const both = Buffer.concat([
      await run(['pkey', '-in', 'rsa.pem']),
      await run(['pkey', '-in', 'rsa.pem', '-pubout']),
    ]);
    expect(pemLabels(both)).toEqual(['PRIVATE KEY', 'PUBLIC KEY']);
    expect(pemLabels(await run(['pkey', '-in', 'rsa.pem', '-traditional']))).toEqual(['RSA PRIVATE KEY']);
  });

  it('tells legacy-encrypted PEM from PKCS#8-encrypted and plain PEM', async () => {
    const legacy = await run(['pkey', '-in', 'rsa.pem', '-traditional', '-aes256', '-passout', 'pass:pw']);
    const pkcs8 = await run(['pkcs8', '-topk8', '-in', 'rsa.pem', '-v2', 'aes-256-cbc', '-passout', 'pass:pw']);
    expect(hasLegacyPemEncryption(legacy)).toBe(true);
    expect(pemLabels(legacy)).toEqual(['RSA PRIVATE KEY']);
    expect(hasLegacyPemEncryption(pkcs8)).toBe(false);
    expect(pemLabels(pkcs8)).toEqual(['ENCRYPTED PRIVATE KEY']);
    expect(hasLegacyPemEncryption(await run(['pkey', '-in', 'rsa.pem']))).toBe(false);
  });

  it('sees no PEM in DER, hex or base64, and stops at a label that never ends', async () => {
    const der = await run(['pkey', '-in', 'rsa.pem', '-outform', 'DER']);
    expect(looksLikePem(der)).toBe(false);
    expect(pemLabels(der)).toEqual([]);
    expect(looksLikePem(await run(['rand', '-hex', '32']))).toBe(false);
    expect(looksLikePem(await run(['rand', '-base64', '32']))).toBe(false);
    const broken = Buffer.from(`-----BEGIN ${'A'.repeat(100)}\n-----BEGIN PUBLIC KEY-----\n`);
    expect(pemLabels(broken)).toEqual([]);
  });
});
