/**
 * The client's network side: TLS always verified with an optional extra CA, HTTPS through a
 * CONNECT proxy (HTTPS_PROXY / NO_PROXY), timeouts and connection failures as plain KmsErrors.
 * (Which endpoints are allowed: endpoint.test.ts; how the proxy is chosen: proxy.test.ts.)
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KmsClient } from '../../../src-main/core/kms/client';
import { AkSkCredentials } from '../../../src-main/core/kms/credentials';
import { createNodeTransport } from '../../../src-main/core/kms/http-transport';
import { startSimWithClient, type SimSetup } from './helpers/sim';
import { makeTestPki, type TestPki } from './helpers/tls';

describe('TLS and the CONNECT proxy, against the simulator served over https', () => {
  let dir: string;
  let pki: TestPki;
  let setup: SimSetup;
  let endpoint: string;
  let proxy: http.Server;
  let proxyPort: number;
  const connects: { target: string; auth: string | undefined }[] = [];
  let refuseTunnels = false;
  const tunnels = new Set<{ destroy(): void }>();

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keyferry-tls-'));
    pki = await makeTestPki(dir);
    setup = await startSimWithClient({ tls: { keyPem: pki.keyPem, certPem: pki.certPem } });
    endpoint = setup.sim.endpoint.replace('127.0.0.1', 'localhost');
    proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req, socket, head) => {
      tunnels.add(socket);
      connects.push({ target: req.url ?? '', auth: req.headers['proxy-authorization'] });
      if (
        refuseTunnels ||
        req.headers['proxy-authorization'] !== `Basic ${Buffer.from('ceremony:pa ss').toString('base64')}`
      ) {
        socket.end(
          refuseTunnels ? 'HTTP/1.1 403 Forbidden\r\n\r\n' : 'HTTP/1.1 407 Proxy Authentication Required\r\n\r\n',
        );
        return;
      }
      const [host, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), host === 'localhost' ? '127.0.0.1' : host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      tunnels.add(upstream);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyPort = (proxy.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await setup.close();
    for (const socket of tunnels) socket.destroy();
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    await fs.rm(dir, { recursive: true, force: true });
  });

  const client = (options: { extraCaPem?: string; env?: NodeJS.ProcessEnv } = {}) =>
    new KmsClient({
      endpoint,
      projectId: setup.sim.projectId,
      credentials: new AkSkCredentials({ accessKeyId: setup.sim.ak, secretKey: setup.sim.sk }),
      retry: { maxAttempts: 1 },
      timeoutMs: 10_000,
      env: options.env ?? {},
      ...(options.extraCaPem ? { extraCaPem: options.extraCaPem } : {}),
    });

  it('refuses a certificate Node does not trust, and accepts it with the extra CA bundle', async () => {
    await expect(client().listKeys()).rejects.toMatchObject({ code: 'KMS_TLS', ambiguous: false });
    await expect(client({ extraCaPem: `${pki.caPem}\n` }).listKeys()).resolves.toEqual([]);
    expect(() => client({ extraCaPem: 'not a certificate' })).toThrow(
      expect.objectContaining({ code: 'KMS_CA_BUNDLE_INVALID' }),
    );
  });

  it('tunnels through the proxy with its credentials, still verifying TLS end to end', async () => {
    connects.length = 0;
    const env = { HTTPS_PROXY: `http://ceremony:pa%20ss@127.0.0.1:${proxyPort}` };
    await expect(
      client({ extraCaPem: pki.caPem, env }).createKey({ alias: 'via-proxy', spec: 'AES_256' }),
    ).resolves.toMatchObject({ domainId: setup.sim.domainId });
    expect(connects).toEqual([
      {
        target: `localhost:${new URL(endpoint).port}`,
        auth: `Basic ${Buffer.from('ceremony:pa ss').toString('base64')}`,
      },
    ]);
    await expect(client({ env }).listKeys()).rejects.toMatchObject({ code: 'KMS_TLS' });
  });

  it('goes direct for hosts in NO_PROXY', async () => {
    connects.length = 0;
    await expect(
      client({
        extraCaPem: pki.caPem,
        env: { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`, NO_PROXY: 'example.com,localhost' },
      }).listKeys(),
    ).resolves.toHaveLength(1);
    expect(connects).toEqual([]);
  });

  it('reports a proxy that refuses, or wants credentials, without showing the password', async () => {
    const wrongPassword = client({
      extraCaPem: pki.caPem,
      env: { https_proxy: `http://ceremony:secret-pw@127.0.0.1:${proxyPort}` },
    });
    const error = await wrongPassword.listKeys().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KMS_PROXY_REFUSED', httpStatus: 407 });
    expect(`${JSON.stringify(error)} ${String(error)} ${(error as Error).stack}`).not.toContain('secret-pw');
    refuseTunnels = true;
    try {
      await expect(
        client({ extraCaPem: pki.caPem, env: { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` } }).listKeys(),
      ).rejects.toMatchObject({ code: 'KMS_PROXY_REFUSED', httpStatus: 403 });
    } finally {
      refuseTunnels = false;
    }
  });
});

describe('timeouts and connection failures', () => {
  it('a timeout after sending is ambiguous; a refused connection is not', async () => {
    const setup = await startSimWithClient();
    try {
      setup.sim.faults.delayAnswer('list-keys', 1000);
      await expect(setup.clientWith({ timeoutMs: 200, retry: { maxAttempts: 1 } }).listKeys()).rejects.toMatchObject({
        code: 'KMS_TIMEOUT',
        ambiguous: true,
        retryable: true,
      });
    } finally {
      await setup.close();
    }
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = new KmsClient({
      endpoint: `http://127.0.0.1:${port}`,
      projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
      credentials: new AkSkCredentials({ accessKeyId: 'AK', secretKey: 'SK' }),
      retry: { maxAttempts: 1 },
    });
    await expect(client.listKeys()).rejects.toMatchObject({ code: 'KMS_CONNECTION_REFUSED', ambiguous: false });
  });

  it('an endpoint that is not the KMS gives KMS_HTTP_ERROR or KMS_BAD_RESPONSE, not a crash', async () => {
    const server = http.createServer((req, res) => {
      if (req.url?.endsWith('list-keys'))
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys": "nope"}');
      else res.writeHead(418).end('<html>teapot</html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = new KmsClient({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
      credentials: new AkSkCredentials({ accessKeyId: 'AK', secretKey: 'SK' }),
      retry: { maxAttempts: 1 },
    });
    try {
      await expect(client.listKeys()).rejects.toMatchObject({ code: 'KMS_BAD_RESPONSE' });
      await expect(client.describeKey('0d0466b0-e727-4d9c-b35d-f84bb474a37f')).rejects.toMatchObject({
        code: 'KMS_HTTP_ERROR',
        httpStatus: 418,
      });
    } finally {
      client.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/**
 * A server in another process that closes a keep-alive connection after 2.5 s idle (as Node's own
 * server does after 5 s; it announces `Keep-Alive: timeout=2`, so Node's agent would drop the socket
 * after 1 s idle, had its timer a chance to run): it counts the requests it received, so a test sees what reached it.
 */
function startIdleClosingServer(
  keepAliveTimeoutMs = 2500,
): Promise<{ port: number; received: () => Promise<number>; stop: () => void }> {
  const script = `
    const http = require('node:http');
    let count = 0;
    let connections = 0;
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        count += 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count, connections }));
      });
    });
    server.on('connection', () => (connections += 1));
    server.keepAliveTimeout = ${keepAliveTimeoutMs};
    server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
    process.stdin.on('data', () => process.stdout.write('received ' + count + '\\n'));
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  let buffered = '';
  child.stdout.on('data', (d: Buffer) => {
    buffered += d.toString();
    for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
      const line = buffered.slice(0, i);
      buffered = buffered.slice(i + 1);
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  const nextLine = () =>
    new Promise<string>((resolve) => {
      const line = lines.shift();
      if (line !== undefined) resolve(line);
      else waiters.push(resolve);
    });
  return nextLine().then((port) => ({
    port: Number(port),
    received: async () => {
      child.stdin.write('?\n');
      return Number((await nextLine()).replace('received ', ''));
    },
    stop: () => child.kill('SIGKILL'),
  }));
}

/** Sends one request at a time to the idle-closing server on `port`; each gives what the server said it had seen. */
function answersFrom(
  transport: ReturnType<typeof createNodeTransport>,
  port: number,
): () => Promise<{ count: number; connections: number }> {
  return async () => {
    const answer = await transport.send({
      method: 'POST',
      url: new URL(`http://127.0.0.1:${port}/v1.0/a4a5d4098fb4474fa22cd05f897d6b99/kms/list-keys`),
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{}'),
      timeoutMs: 10_000,
    });
    return JSON.parse(answer.body.toString()) as { count: number; connections: number };
  };
}

describe('keep-alive connections the server closed while idle', () => {
  it('a request after the event loop was held longer than the server keeps idle connections goes out on a new one', async () => {
    const server = await startIdleClosingServer();
    const transport = createNodeTransport();
    const send = answersFrom(transport, server.port);
    try {
      expect(await send()).toEqual({ count: 1, connections: 1 });
      // A request right after the last one still takes the kept-alive connection.
      expect(await send()).toEqual({ count: 2, connections: 1 });
      // Held for 3.5 s (a synchronous key generation under load): no timer of this process runs,
      // while the server closes the idle connection. The next request must not be written into it.
      const until = Date.now() + 3500;
      while (Date.now() < until);
      expect(await send()).toEqual({ count: 3, connections: 2 });
      expect(await server.received()).toBe(3);
    } finally {
      transport.close();
      server.stop();
    }
  });

  it('a request after the loop was held while the last answer arrived goes out on a new connection', async () => {
    // Node's server closes an idle connection about a second after its keepAliveTimeout: here ~3 s
    // (it announces timeout=2, which Node's agent needs to keep the connection at all).
    const server = await startIdleClosingServer(2000);
    const transport = createNodeTransport();
    const send = answersFrom(transport, server.port);
    try {
      expect(await send()).toEqual({ count: 1, connections: 1 });
      // The second request goes out on the kept-alive connection; the loop is held (4 s) right
      // after it was written, so its answer arrives and the server closes the connection idle
      // before this process reads either: the agent frees the socket only after the hold.
      await new Promise((resolve) => setImmediate(resolve));
      const second = send();
      for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      const until = Date.now() + 4000;
      while (Date.now() < until);
      expect(await second).toEqual({ count: 2, connections: 1 });
      // At once: the connection looks idle for no time at all, yet the server closed it.
      expect(await send()).toEqual({ count: 3, connections: 2 });
      expect(await server.received()).toBe(3);
    } finally {
      transport.close();
      server.stop();
    }
  });
});
