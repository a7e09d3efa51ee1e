/**
 * How the KMS client reads an HTTP answer (core/kms/answers.ts), with answers sent by a real
 * server on 127.0.0.1 through the client's own transport: the KMS's nested error shape and the API
 * gateway's flat one become the service's code with its request id; an error without a KMS code
 * says the HTTP status and, for 5xx, that the call may have happened; a 2xx body of the wrong shape
 * names where; a public key arrives as PEM or base64 DER and anything else is refused.
 */
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toProblem } from '../../../src-main/core/errors';
import { errorFromAnswer, parseAnswer, publicKeyDerFromAnswer } from '../../../src-main/core/kms/answers';
import { createKeyAnswer } from '../../../src-main/core/kms/api-schemas';
import type { KmsError } from '../../../src-main/core/kms/errors';
import { createNodeTransport, type HttpResponse } from '../../../src-main/core/kms/http-transport';
import { translator } from '../../../src-main/i18n/translate';

const KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';

let server: http.Server;
let url: URL;
const transport = createNodeTransport();
/** What the server answers next. */
let next: { status: number; body: string; headers?: Record<string, string> } = { status: 200, body: '{}' };

beforeAll(async () => {
  server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      response.end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = new URL(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0/a4a5d4098fb4474fa22cd05f897d6b99/kms/create-key`,
  );
});
afterAll(async () => {
  transport.close();
  await new Promise((resolve) => server.close(resolve));
});

async function answer(status: number, body: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
  next = { status, body, headers };
  return transport.send({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from('{}'),
    timeoutMs: 5000,
  });
}

function english(error: KmsError): string {
  const { message, nextStep } = translator('en').problem(toProblem(error));
  return `${message} ${nextStep}`;
}

describe('an error answer', () => {
  it("in the KMS's nested shape is the service's code, with the request id from the header", async () => {
    const error = errorFromAnswer(
      await answer(404, JSON.stringify({ error: { error_code: 'KMS.0207', error_msg: 'The key does not exist.' } }), {
        'x-request-id': 'req-nested-1',
      }),
    );
    expect(error).toMatchObject({
      code: 'KMS.0207',
      httpStatus: 404,
      requestId: 'req-nested-1',
      ambiguous: false,
      retryable: false,
    });
  });

  it("in the API gateway's flat shape is its code, with the request id from the body", async () => {
    const error = errorFromAnswer(
      await answer(429, JSON.stringify({ error_code: 'APIG.0308', error_msg: 'throttled', request_id: 'req-flat-2' })),
    );
    expect(error).toMatchObject({ code: 'APIG.0308', httpStatus: 429, requestId: 'req-flat-2', retryable: true });
  });

  it('with a code the KMS documents nowhere says what the service said, shortened', async () => {
    const said = `odd ${'x'.repeat(400)}`;
    const error = errorFromAnswer(await answer(400, JSON.stringify({ error_code: 'KMS.9999', error_msg: said })));
    expect(error.code).toBe('KMS.9999');
    expect(error.values).toMatchObject({ serviceCode: 'KMS.9999', side: 'client', said: said.slice(0, 300) });
  });

  it('without a KMS code says the HTTP status; a 5xx may have happened and may be retried', async () => {
    const proxy = errorFromAnswer(await answer(502, '<html>Bad Gateway</html>', { 'content-type': 'text/html' }));
    expect(proxy).toMatchObject({ code: 'KMS_HTTP_ERROR', httpStatus: 502, ambiguous: true, retryable: true });
    expect(english(proxy)).toContain('HTTP 502 without a KMS error code');
    expect(english(proxy)).toContain('Wait a minute and retry.');
    const wrongHost = errorFromAnswer(await answer(403, ''));
    expect(wrongHost).toMatchObject({ code: 'KMS_HTTP_ERROR', httpStatus: 403, ambiguous: false, retryable: false });
    expect(english(wrongHost)).toContain('Check the region or endpoint');
  });
});

describe('a 2xx answer', () => {
  it('of the documented shape is its value', async () => {
    const body = JSON.stringify({ key_info: { key_id: KEY_ID, domain_id: 'b168fe00ff56492495a7d22974df2d0b' } });
    expect(parseAnswer(await answer(200, body), createKeyAnswer, 'create-key').key_info.key_id).toBe(KEY_ID);
  });

  it('of another shape, or not JSON, is refused naming where it differs', async () => {
    const refusals: [string, string][] = [
      [JSON.stringify({ key_info: { key_id: 'k1', domain_id: 'd' } }), 'key_info.key_id'],
      [JSON.stringify({ key_info: {} }), 'key_info.key_id'],
      ['{"key_info": ', 'body'],
      ['', 'key_info'],
    ];
    for (const [body, where] of refusals) {
      const response = await answer(200, body, { 'x-request-id': 'req-shape' });
      let refused: KmsError | undefined;
      try {
        parseAnswer(response, createKeyAnswer, 'create-key');
      } catch (error) {
        refused = error as KmsError;
      }
      expect(refused, body).toMatchObject({ code: 'KMS_BAD_RESPONSE', requestId: 'req-shape', values: { where } });
      expect(english(refused as KmsError)).toContain(
        `The KMS answer to create-key did not have the documented shape (at "${where}")`,
      );
    }
  });
});

describe('a public key in an answer', () => {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const der = publicKey.export({ type: 'spki', format: 'der' });

  it('reads the same as PEM or as base64 DER', () => {
    expect(
      publicKeyDerFromAnswer(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'get-publickey'),
    ).toEqual(der);
    expect(publicKeyDerFromAnswer(der.toString('base64'), 'get-publickey')).toEqual(der);
  });

  it('is refused when it is not a public key', () => {
    for (const text of [
      '',
      'bm90IGEga2V5',
      der.subarray(0, 40).toString('base64'),
      '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
    ]) {
      expect(() => publicKeyDerFromAnswer(text, 'get-publickey'), text).toThrow(
        expect.objectContaining({ code: 'KMS_BAD_RESPONSE', values: expect.objectContaining({ reason: 'publicKey' }) }),
      );
    }
  });
});
