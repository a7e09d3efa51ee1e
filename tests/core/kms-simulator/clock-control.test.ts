/**
 * The simulator's clock control over real HTTP: refused unless the simulator was started with it,
 * refused from anything but loopback (a real non-loopback address of this machine, and a foreign
 * Host header), never backwards; a moved clock expires tokens and material as the KMS does, while
 * a client signing with the real time is still admitted; the offset survives a restart.
 */
import http from 'node:http';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KmsClient } from '../../../src-main/core/kms/client';
import { AkSkCredentials } from '../../../src-main/core/kms/credentials';
import { KeyState } from '../../../src-main/core/kms/types';
import { CLOCK_CONTROL_PATH } from '../../../src-main/core/kms-simulator/clock-control';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { wrapFor } from '../kms/helpers/sim';

const HOUR = 3_600_000;
const started: KmsSimulator[] = [];
const clients: KmsClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of started.splice(0)) await s.close();
  for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startKmsSimulator>[0] = {}): Promise<KmsSimulator> {
  const sim = await startKmsSimulator({ wrappingKeyPoolSize: 1, ...options });
  started.push(sim);
  return sim;
}

/** A client that signs with this computer's real time, as the CLI does. */
function realTimeClient(sim: KmsSimulator): KmsClient {
  const client = new KmsClient({
    endpoint: sim.endpoint,
    projectId: sim.projectId,
    credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
    retry: { maxAttempts: 1 },
  });
  clients.push(client);
  return client;
}

interface Answer {
  status: number;
  json: { now?: number; offsetMs?: number; error?: { error_code: string; now?: number } };
}

function call(
  url: string,
  options: { method?: string; body?: string; headers?: Record<string, string>; localAddress?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Answer['json'] }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const advance = (sim: KmsSimulator, body: unknown, headers: Record<string, string> = {}) =>
  call(`${sim.endpoint}${CLOCK_CONTROL_PATH}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

/** An IPv4 address of this machine that is not loopback, if it has one. */
function outsideAddress(): string | undefined {
  for (const list of Object.values(os.networkInterfaces()))
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) return info.address;
  return undefined;
}

describe('clock control', () => {
  it('is refused (403) when the simulator was not started with it, and the clock stays', async () => {
    const sim = await start();
    const answer = await advance(sim, { advanceMs: 25 * HOUR });
    expect(answer.status).toBe(403);
    expect(answer.json.error?.error_code).toBe('KFSIM.CLOCK_CONTROL_OFF');
    expect(sim.clock.offset()).toBe(0);
  });

  it.skipIf(outsideAddress() === undefined)(
    'is refused from a non-loopback address of this machine and with a foreign Host header',
    async () => {
      const address = outsideAddress() as string;
      const sim = await start({ host: '0.0.0.0', clockControl: true });
      const port = new URL(sim.endpoint).port;
      const fromOutside = await call(`http://${address}:${port}${CLOCK_CONTROL_PATH}`, {
        method: 'POST',
        body: JSON.stringify({ advanceMs: HOUR }),
        headers: { 'content-type': 'application/json', host: `127.0.0.1:${port}` },
        localAddress: address,
      });
      expect(fromOutside.status).toBe(403);
      expect(fromOutside.json.error?.error_code).toBe('KFSIM.NOT_LOOPBACK');
      const rebound = await call(`http://127.0.0.1:${port}${CLOCK_CONTROL_PATH}`, {
        method: 'POST',
        body: JSON.stringify({ advanceMs: HOUR }),
        headers: { 'content-type': 'application/json', host: `kms.attacker.example:${port}` },
      });
      expect(rebound.status).toBe(403);
      expect(rebound.json.error?.error_code).toBe('KFSIM.NOT_LOOPBACK');
      expect(sim.clock.offset()).toBe(0);
    },
  );

  it('refuses a body a web page could send (text/plain), anything but one move, and going back', async () => {
    const sim = await start({ clockControl: true });
    const plain = await call(`${sim.endpoint}${CLOCK_CONTROL_PATH}`, {
      method: 'POST',
      body: JSON.stringify({ advanceMs: HOUR }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.status).toBe(415);
    expect((await advance(sim, { advanceMs: HOUR, to: 0 })).json.error?.error_code).toBe('KFSIM.BAD_REQUEST');
    expect((await advance(sim, { advanceMs: -HOUR })).json.error?.error_code).toBe('KFSIM.BAD_REQUEST');
    const back = await advance(sim, { to: Date.now() - HOUR });
    expect(back.status).toBe(409);
    expect(back.json.error?.error_code).toBe('KFSIM.CLOCK_BACKWARDS');
    expect(back.json.error?.now).toBeGreaterThan(Date.now() - 60_000);
    expect(sim.clock.offset()).toBe(0);
  });

  it('a day later: the token fetched before is refused KMS.2601 to a client on real time; new parameters import', async () => {
    const sim = await start({ clockControl: true });
    const client = realTimeClient(sim);
    const { keyId } = await client.createKey({ alias: 'clock-token', spec: 'AES_256' });
    const first = await client.getParametersForImport({ keyId });
    const wrapped = await wrapFor(first, 'AES_256');

    const moved = await advance(sim, { advanceMs: 25 * HOUR });
    expect(moved.status).toBe(200);
    expect(moved.json.offsetMs).toBe(25 * HOUR);
    expect(moved.json.now).toBeGreaterThan(Date.now() + 25 * HOUR - 60_000);
    const read = await call(`${sim.endpoint}${CLOCK_CONTROL_PATH}`);
    expect(read.json.offsetMs).toBe(25 * HOUR);

    await expect(
      client.importKeyMaterial({
        keyId,
        importToken: first.importToken,
        encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
      }),
    ).rejects.toMatchObject({ code: 'KMS.2601', httpStatus: 400 });
    expect((await client.describeKey(keyId)).state).toBe(KeyState.PendingImport);

    const second = await client.getParametersForImport({ keyId });
    expect(second.expiresAt.getTime()).toBeGreaterThan(Date.now() + 48 * HOUR);
    const again = await wrapFor(second, 'AES_256', wrapped.material);
    await client.importKeyMaterial({
      keyId,
      importToken: second.importToken,
      encryptedKeyMaterial: again.encryptedKeyMaterial,
    });
    expect((await client.describeKey(keyId)).state).toBe(KeyState.Enabled);
  });

  it('past the material expiry the key shows Pending import, without material or expiry', async () => {
    const sim = await start({ clockControl: true });
    const client = realTimeClient(sim);
    const { keyId } = await client.createKey({ alias: 'clock-material', spec: 'AES_256' });
    const parameters = await client.getParametersForImport({ keyId });
    const wrapped = await wrapFor(parameters, 'AES_256');
    const expiresAt = new Date(Math.floor((Date.now() + 2 * HOUR) / 1000) * 1000);
    await client.importKeyMaterial({
      keyId,
      importToken: parameters.importToken,
      encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
      materialExpiresAt: expiresAt,
    });
    const before = await client.describeKey(keyId);
    expect(before.state).toBe(KeyState.Enabled);
    expect(before.materialExpiresAt?.getTime()).toBe(expiresAt.getTime());

    expect((await advance(sim, { to: expiresAt.getTime() + 1000 })).status).toBe(200);
    const after = await client.describeKey(keyId);
    expect(after.state).toBe(KeyState.PendingImport);
    expect(after.materialExpiresAt).toBeUndefined();
    await expect(client.encryptData({ keyId, plainText: 'lapsed' })).rejects.toMatchObject({ code: 'KMS.1301' });
  });

  it('keeps the moved clock in the state file; a restart resumes it and refuses to start earlier', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keyferry-sim-clock-'));
    dirs.push(dir);
    const statePath = path.join(dir, 'state.json');
    const first = await start({ statePath, clockControl: true, startAt: Date.now() + 30 * 24 * HOUR });
    await advance(first, { advanceMs: 25 * HOUR });
    const offset = first.clock.offset();
    expect(offset).toBeGreaterThan(31 * 24 * HOUR - 60_000);
    await first.close();
    started.splice(started.indexOf(first), 1);
    expect(JSON.parse(await fs.readFile(statePath, 'utf8'))).toMatchObject({ clockOffsetMs: offset });

    const resumed = await start({ statePath });
    expect(resumed.clock.offset()).toBe(offset);
    await resumed.close();
    started.splice(started.indexOf(resumed), 1);
    await expect(start({ statePath, startAt: Date.now() + 24 * HOUR })).rejects.toMatchObject({
      code: 'SIM_CLOCK_BACKWARDS',
    });
  });

  it('an advance moves the offset by exactly the amount asked, however the base clock ticks meanwhile', async () => {
    // A base clock that moves one millisecond each time it is read, as a loaded machine's does.
    let tick = Date.now();
    const sim = await start({ clockControl: true, now: () => tick++ });
    const answer = await advance(sim, { advanceMs: 25 * HOUR });
    expect(answer.status).toBe(200);
    expect(answer.json.offsetMs).toBe(25 * HOUR);
    expect(sim.clock.offset()).toBe(25 * HOUR);
  });
});
