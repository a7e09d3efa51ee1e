/**
 * The simulator authenticates like the API gateway: it accepts what the official SDK signs,
 * refuses wrong signatures with the flat APIGW.0301 answer, locks an AK for five minutes after
 * five wrong signatures in a row, refuses a clock more than 15 minutes off, checks the project
 * and the security token of temporary credentials.
 */
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSdkDate } from '../../../src-main/core/kms/canonical-request';
import { AkSkCredentials } from '../../../src-main/core/kms/credentials';
import { KmsError } from '../../../src-main/core/kms/errors';
import { signWithAkSk } from '../../../src-main/core/kms/signer';
import { startSimWithClient, uniqueAlias, type SimSetup } from '../kms/helpers/sim';

const requireCjs = createRequire(__filename);
const { AKSKSigner } = requireCjs('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(r: object, c: object): Record<string, string> };
};
const { BasicCredentials } = requireCjs('@huaweicloud/huaweicloud-sdk-core') as {
  BasicCredentials: new () => { withAk(a: string): { withSk(s: string): object } };
};

let setup: SimSetup;
beforeAll(async () => {
  setup = await startSimWithClient();
});
afterAll(async () => {
  await setup.close();
});

const MINUTE = 60_000;

async function rejection(promise: Promise<unknown>): Promise<KmsError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KmsError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('signatures', () => {
  it('accepts a request signed by the official SDK signer, byte for byte as the SDK sends it', async () => {
    const { keyId } = await setup.client.createKey({ alias: uniqueAlias('sdk'), spec: 'AES_256' });
    const data = { key_id: keyId };
    const endpoint = `${setup.sim.endpoint}/v1.0/${setup.sim.projectId}/kms/describe-key`;
    const headers = AKSKSigner.sign(
      {
        endpoint,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'X-Project-Id': setup.sim.projectId,
          'X-Sdk-Date': formatSdkDate(new Date(setup.sim.clock.now())),
        },
        queryParams: {},
        data,
      },
      new BasicCredentials().withAk(setup.sim.ak).withSk(setup.sim.sk),
    );
    const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(data) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { key_info: { key_id: string } }).key_info.key_id).toBe(keyId);
  });

  it("refuses a wrong signature and a body changed after signing with HTTP 401 in the gateway's flat shape", async () => {
    const url = new URL(`${setup.sim.endpoint}/v1.0/${setup.sim.projectId}/kms/list-keys`);
    const body = '{"limit":"10"}';
    const good = signWithAkSk(
      { method: 'POST', url, headers: { 'content-type': 'application/json' }, body },
      new AkSkCredentials({ accessKeyId: setup.sim.ak, secretKey: setup.sim.sk }),
      new Date(setup.sim.clock.now()),
    );
    const changed = await fetch(url, { method: 'POST', headers: good, body: '{"limit":"11"}' });
    expect(changed.status).toBe(401);
    expect(await changed.json()).toEqual({
      error_code: 'APIGW.0301',
      error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
      request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error_code: 'APIGW.0301' });
    expect((await fetch(url, { method: 'POST', headers: good, body })).status).toBe(200);
  });

  it('turns a refused signature into a KmsError that names the AK/SK and the clock, and never shows the SK', async () => {
    const wrongSk = 'WrongSecretKey0123456789abcdefghijKLMNOP';
    const error = await rejection(
      setup
        .clientWith({ credentials: new AkSkCredentials({ accessKeyId: setup.sim.ak, secretKey: wrongSk }) })
        .listKeys(),
    );
    expect(error).toMatchObject({ code: 'APIGW.0301', httpStatus: 401 });
    expect(error.nextStep).toMatch(/AK\/SK.*clock/);
    const shown = `${JSON.stringify(error)} ${String(error)} ${error.stack ?? ''} ${JSON.stringify(error.toProblem())}`;
    expect(shown).not.toContain(wrongSk);
    expect(shown).not.toContain(setup.sim.sk);
    // one good call resets the failure count for the lockout test below
    await setup.client.listKeys();
  });
});

describe('lockout', () => {
  it('locks the AK for five minutes after five wrong signatures in a row, even for right ones', async () => {
    const wrong = setup.clientWith({
      credentials: new AkSkCredentials({ accessKeyId: setup.sim.ak, secretKey: 'x'.repeat(40) }),
      retry: { maxAttempts: 1 },
    });
    // four failures, then a success: the count starts again
    for (let i = 0; i < 4; i += 1) expect((await rejection(wrong.listKeys())).code).toBe('APIGW.0301');
    await setup.client.listKeys();
    for (let i = 0; i < 4; i += 1) await rejection(wrong.listKeys());
    await setup.client.listKeys();
    // five in a row lock it
    for (let i = 0; i < 5; i += 1) await rejection(wrong.listKeys());
    const locked = await rejection(setup.client.listKeys());
    expect(locked).toMatchObject({
      code: 'APIGW.0301',
      httpStatus: 401,
      message: 'The access key is locked after five wrong signatures in a row.',
    });
    expect(locked.nextStep).toMatch(/Wait five minutes/);
    setup.sim.clock.advance(4 * MINUTE);
    await expect(setup.client.listKeys()).rejects.toMatchObject({ message: locked.message });
    setup.sim.clock.advance(MINUTE + 1000);
    await expect(setup.client.listKeys()).resolves.toBeInstanceOf(Array);
  });
});

describe('clock skew, project and security token', () => {
  it('refuses an X-Sdk-Date more than 15 minutes from the simulator clock, either way', async () => {
    setup.sim.clock.set(Date.now()); // undo the lockout test's moves: simulator time = real time
    for (const offset of [16 * MINUTE, -16 * MINUTE]) {
      const skewed = setup.clientWith({ now: () => new Date(setup.sim.clock.now() + offset) });
      const error = await rejection(skewed.listKeys());
      expect(error).toMatchObject({ code: 'APIGW.0301', httpStatus: 401 });
      expect(error.serviceMessage).toMatch(/15 minutes/);
    }
    await expect(
      setup.clientWith({ now: () => new Date(setup.sim.clock.now() + 14 * MINUTE) }).listKeys(),
    ).resolves.toBeInstanceOf(Array);
    await expect(
      setup.clientWith({ now: () => new Date(setup.sim.clock.now() - 14 * MINUTE) }).listKeys(),
    ).resolves.toBeInstanceOf(Array);
  });

  it('after the clock was moved for an expiry rehearsal, admits a date within 15 minutes of the real time too', async () => {
    setup.sim.clock.set(Date.now() + 25 * 60 * MINUTE);
    try {
      await expect(setup.clientWith({ now: () => new Date() }).listKeys()).resolves.toBeInstanceOf(Array);
      await expect(
        setup.clientWith({ now: () => new Date(setup.sim.clock.now() - 14 * MINUTE) }).listKeys(),
      ).resolves.toBeInstanceOf(Array);
      const neither = await rejection(setup.clientWith({ now: () => new Date(Date.now() + 16 * MINUTE) }).listKeys());
      expect(neither).toMatchObject({ code: 'APIGW.0301', httpStatus: 401 });
      expect(neither.serviceMessage).toMatch(/15 minutes/);
    } finally {
      setup.sim.clock.set(Date.now());
    }
  });

  it('refuses another project in the path, and an X-Project-Id that differs from the path', async () => {
    const other = setup.clientWith({ projectId: 'a'.repeat(32) });
    expect(await rejection(other.listKeys())).toMatchObject({ code: 'KMS.0306', httpStatus: 403 });
    const url = new URL(`${setup.sim.endpoint}/v1.0/${setup.sim.projectId}/kms/list-keys`);
    const headers = signWithAkSk(
      {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', 'x-project-id': 'b'.repeat(32) },
        body: '{}',
      },
      new AkSkCredentials({ accessKeyId: setup.sim.ak, secretKey: setup.sim.sk }),
      new Date(setup.sim.clock.now()),
    );
    const response = await fetch(url, { method: 'POST', headers, body: '{}' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { error_code: 'KMS.0306' } });
  });

  it('with temporary credentials, needs the signed security token', async () => {
    const temporary = await startSimWithClient({
      credentials: {
        ak: 'TEMPAK00000000000001',
        sk: 'TempSecretKey000000000000000000000000001',
        securityToken: `sts-${randomUUID()}`,
      },
    });
    try {
      await expect(temporary.client.listKeys()).resolves.toEqual([]);
      const withoutToken = temporary.clientWith({
        credentials: new AkSkCredentials({ accessKeyId: temporary.sim.ak, secretKey: temporary.sim.sk }),
      });
      expect(await rejection(withoutToken.listKeys())).toMatchObject({ code: 'APIGW.0301', httpStatus: 401 });
      const wrongToken = temporary.clientWith({
        credentials: new AkSkCredentials({
          accessKeyId: temporary.sim.ak,
          secretKey: temporary.sim.sk,
          securityToken: 'sts-wrong',
        }),
      });
      expect(await rejection(wrongToken.listKeys())).toMatchObject({ code: 'APIGW.0301' });
    } finally {
      await temporary.close();
    }
  });
});
