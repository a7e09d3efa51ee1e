/**
 * The simulator's body reader and JSON answer (core/kms-simulator/http-json.ts), over real HTTP on
 * 127.0.0.1: a body within the cap arrives whole, a larger one is refused with the caller's error,
 * and an answer is written once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readBodyUpTo, sendJson } from '../../../src-main/core/kms-simulator/http-json';

class TooLarge extends Error {}

let server: http.Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** Serves `handle` on loopback and POSTs `body`; resolves to the answer's status, headers and text. */
async function post(
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => void,
  body: Buffer,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  server = http.createServer(handle);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Reads the body with a cap of 64 bytes and answers what happened. */
function echo(req: http.IncomingMessage, res: http.ServerResponse): void {
  readBodyUpTo(req, 64, () => new TooLarge()).then(
    (bytes) => sendJson(res, 200, { bytes: bytes.toString('hex') }, { 'x-request-id': 'r-1' }),
    (error: unknown) => sendJson(res, 413, { tooLarge: error instanceof TooLarge }, {}),
  );
}

describe('http-json', () => {
  it('reads a body up to the cap whole, and answers it as JSON with the headers given', async () => {
    const body = Buffer.from('ab'.repeat(32));
    const answer = await post(echo, body);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ bytes: body.toString('hex') });
    expect(answer.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(answer.text)));
    expect(answer.headers['x-request-id']).toBe('r-1');
  });

  it("refuses a body one byte over the cap with the caller's error", async () => {
    const answer = await post(echo, Buffer.alloc(65, 1));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({ tooLarge: true });
  });

  it('writes an answer once: a second one is left out', async () => {
    const answer = await post((_req, res) => {
      sendJson(res, 200, { first: true }, {});
      sendJson(res, 500, { second: true }, {});
    }, Buffer.alloc(0));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ first: true });
  });
});
