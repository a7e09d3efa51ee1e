/**
 * HSM material never exists in plaintext outside the token: after a whole ceremony (online day 1,
 * the air-gapped side with material generated and wrapped in a real SoftHSM token, import and
 * proof), the material the simulated KMS unwrapped (read from the simulator's state file, kept
 * apart from the ceremony's folder) appears in no file the ceremony wrote: not raw, not in hex of
 * either case, not in base64 or base64url, and for the RSA key neither its PKCS#8 form nor its
 * private exponent. The PIN appears nowhere either.
 */
import { createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesUnder } from '../../../support/written-files';
import { createSoftHsmToken, type SoftToken } from '../../hsm/helpers/soft-tokens';
import { createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';
import { airGapWithHsm, hsmPlan, softHsmRequest } from '../hsm-ceremony';

let f: Fixture;
let token: SoftToken;
let simFolder: string;
let statePath: string;

beforeEach(async () => {
  simFolder = await mkdtemp(path.join(os.tmpdir(), 'kf-sim-state-'));
  statePath = path.join(simFolder, 'state.json');
  f = await createFixture({ simulator: { statePath } });
  token = await createSoftHsmToken('no-plaintext', '58203714');
});
afterEach(async () => {
  await f.close();
  await token.cleanup();
  await rm(simFolder, { recursive: true, force: true });
});

/** Every way a value of `secret` could be written down by mistake. */
function encodings(secret: Buffer): Buffer[] {
  return [
    secret,
    Buffer.from(secret.toString('hex')),
    Buffer.from(secret.toString('hex').toUpperCase()),
    Buffer.from(secret.toString('base64')),
    Buffer.from(secret.toString('base64url')),
  ];
}

/** The material the simulated KMS holds for each key, from its state file: AES bytes, or PKCS#8 and d for RSA. */
async function importedSecrets(): Promise<{ keyId: string; spec: string; secrets: Buffer[] }[]> {
  const state = JSON.parse(await readFile(statePath, 'utf8')) as {
    keys: { keyId: string; spec: string; material?: string }[];
  };
  return state.keys.map((key) => {
    expect(key.material, `the simulator holds material for ${key.keyId}`).toBeDefined();
    const material = Buffer.from(key.material ?? '', 'base64');
    if (key.spec === 'AES_256') return { keyId: key.keyId, spec: key.spec, secrets: [material] };
    const jwk = createPrivateKey({ key: material, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });
    return { keyId: key.keyId, spec: key.spec, secrets: [material, Buffer.from(jwk.d ?? '', 'base64url')] };
  });
}

describe('HSM material written nowhere in plaintext', () => {
  it('AES_256 and RSA_2048 from the token: imported and proven, and no file of the ceremony holds the material or the PIN', async () => {
    const plan = hsmPlan(f, ['AES_256', 'RSA_2048']);
    const { params } = await onlineDayOne(f, plan);
    const out = path.join(f.dir, 'wrapped');
    const air = await airGapWithHsm(f, plan, params, out, softHsmRequest(token, { acceptZeroFilledPad: true }));
    expect(air.material.map((m) => m.source)).toEqual(['hsm', 'hsm']);

    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    await day2.checkWrappedBundle(out, { expectedDigest: air.bundle.manifestSha256, source: 'air-gapped-receipt' });
    await day2.importMaterial();
    expect((await day2.verifyKeys()).map((p) => p.ok)).toEqual([true, true]);

    const secrets = await importedSecrets();
    expect(secrets.map((s) => s.spec).sort()).toEqual(['AES_256', 'RSA_2048']);
    // The check can find what it looks for: the simulator's own state file holds the material.
    const stateBytes = await readFile(statePath);
    expect(secrets.every((s) => encodings(s.secrets[0] as Buffer).some((e) => stateBytes.includes(e)))).toBe(true);

    const written = await filesUnder(f.dir);
    expect(written.some(({ file }) => file.endsWith('.jsonl'))).toBe(true);
    expect(written.some(({ file }) => file.endsWith('.html'))).toBe(true);
    for (const { file, bytes } of written) {
      for (const { keyId, secrets: values } of secrets) {
        for (const value of values) {
          for (const encoded of encodings(value)) {
            expect(bytes.includes(encoded), `material of ${keyId} in ${file}`).toBe(false);
          }
        }
      }
      expect(bytes.includes(Buffer.from(token.pin)), `PIN in ${file}`).toBe(false);
    }
  }, 180_000);
});
