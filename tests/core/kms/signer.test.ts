/**
 * Our SDK-HMAC-SHA256 signer against the official one (@huaweicloud/huaweicloud-sdk-core),
 * used as an oracle nobody here wrote: the same request at the same instant must yield the same
 * Authorization header, for generated requests of every shape and for KMS calls built the way
 * the SDK builds them (project ID, security token).
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSdkDate } from '../../../src-main/core/kms/canonical-request';
import { KmsClient } from '../../../src-main/core/kms/client';
import { AkSkCredentials, IamTokenCredentials } from '../../../src-main/core/kms/credentials';
import type { HttpRequestSpec } from '../../../src-main/core/kms/http-transport';
import { authenticateRequest, signWithAkSk } from '../../../src-main/core/kms/signer';

const requireCjs = createRequire(__filename);
type SdkHeaders = Record<string, string>;
const { AKSKSigner } = requireCjs('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(request: object, credential: object): SdkHeaders };
};
const { BasicCredentials } = requireCjs('@huaweicloud/huaweicloud-sdk-core') as {
  BasicCredentials: new () => {
    withAk(ak: string): InstanceType<typeof BasicCredentials>;
    withSk(sk: string): InstanceType<typeof BasicCredentials>;
    withSecurityToken(token: string): InstanceType<typeof BasicCredentials>;
    withProjectId(id: string): InstanceType<typeof BasicCredentials>;
    processAuthRequest(client: unknown, request: object): Promise<{ headers: SdkHeaders }>;
  };
};
const { HttpRequestBuilder } = requireCjs('@huaweicloud/huaweicloud-sdk-core/http/IHttpRequestBuilder') as {
  HttpRequestBuilder: new () => {
    withEndpoint(v: string): InstanceType<typeof HttpRequestBuilder>;
    withUrl(v: string): InstanceType<typeof HttpRequestBuilder>;
    withHeaders(v: object): InstanceType<typeof HttpRequestBuilder>;
    withMethod(v: string): InstanceType<typeof HttpRequestBuilder>;
    withData(v: unknown): InstanceType<typeof HttpRequestBuilder>;
    withQueryParams(v: object): InstanceType<typeof HttpRequestBuilder>;
    withPathParams(v: object): InstanceType<typeof HttpRequestBuilder>;
    build(): object;
  };
};

const alnum = (n: number) =>
  fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
    minLength: n,
    maxLength: n,
  });
const upperAlnum = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
  minLength: 20,
  maxLength: 20,
});
const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 })
  .map((s) => new Date(s * 1000));

/** One character of a path as it travels on the wire: kept raw by both URL parsers, or percent-encoded. */
const pathToken = fc.oneof(
  fc.constantFrom(...'abcXYZ019-._~!$&()*+,;=:@'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).map((c) => encodeURIComponent(c).replace(/'/g, '%27')),
  fc.constantFrom('%2F', '%2f', '%20', '%25', '%E4%B8%AD'),
);
// Dot segments ("." / "..", also as %2e) are left out: WHATWG URLs resolve them before anything is sent.
const segment = fc
  .array(pathToken, { maxLength: 6 })
  .map((t) => t.join(''))
  .filter((s) => !/^(\.|%2e){1,2}$/i.test(s));
const wirePath = fc
  .array(segment, { minLength: 1, maxLength: 5 })
  .chain((segments) => fc.boolean().map((slash) => `/${segments.join('/')}${slash ? '/' : ''}`));
const queryPairs = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom('a', 'b', 'limit', 'marker', 'A', 'x y', 'ключ', ''),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  ),
  { maxLength: 8 },
);
const headerName = fc
  .string({ unit: fc.constantFrom(...'abcdefxyzABCXYZ0129-'), minLength: 1, maxLength: 16 })
  .filter(
    (n) => !['host', 'x-sdk-date', 'authorization', 'content-type', 'x-sdk-content-sha256'].includes(n.toLowerCase()),
  );
const headerValue = fc
  .string({ unit: fc.constantFrom(...' !"#$%&()*+,-./0123456789:;<=>?@ABCXYZabcxyz[\\]^_`{|}~'), maxLength: 30 })
  .map((v) => v.trim());
const body = fc.option(
  fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
  { nil: undefined },
);

interface Case {
  method: string;
  host: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  contentType: string | undefined;
  unsignedPayload: boolean;
  data: Record<string, unknown> | undefined;
  ak: string;
  sk: string;
  date: Date;
}

const requestCase: fc.Arbitrary<Case> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'),
  host: fc.constantFrom(
    'kms.cn-north-4.myhuaweicloud.com',
    'kms.ap-southeast-1.myhuaweicloud.com:8443',
    '127.0.0.1:38001',
    'iam.example.com',
  ),
  path: wirePath,
  query: queryPairs,
  headers: fc
    .uniqueArray(fc.tuple(headerName, headerValue), { maxLength: 5, selector: ([n]) => n.toLowerCase() })
    .map((e) => Object.fromEntries(e)),
  contentType: fc.constantFrom(undefined, 'application/json', 'text/plain;charset=UTF-8'),
  unsignedPayload: fc.boolean(),
  data: body,
  ak: upperAlnum,
  sk: alnum(40),
  date: instant,
});

function sdkQuery(pairs: [string, string][]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function sdkAuthorization(c: Case): string {
  const headers: Record<string, string> = { 'X-Sdk-Date': formatSdkDate(c.date), ...c.headers };
  if (c.contentType) headers['content-type'] = c.contentType;
  if (c.unsignedPayload) headers['X-Sdk-Content-Sha256'] = 'UNSIGNED-PAYLOAD';
  const signed = AKSKSigner.sign(
    { endpoint: `https://${c.host}${c.path}`, method: c.method, headers, queryParams: sdkQuery(c.query), data: c.data },
    new BasicCredentials().withAk(c.ak).withSk(c.sk),
  );
  return signed.Authorization ?? '';
}

function ourAuthorization(c: Case): string {
  const url = new URL(`https://${c.host}${c.path}`);
  for (const [k, v] of c.query) url.searchParams.append(k, v);
  const headers: Record<string, string> = { ...c.headers };
  if (c.contentType) headers['content-type'] = c.contentType;
  if (c.unsignedPayload) headers['X-Sdk-Content-Sha256'] = 'UNSIGNED-PAYLOAD';
  const credentials = new AkSkCredentials({ accessKeyId: c.ak, secretKey: c.sk });
  const bodyText = c.data === undefined ? '' : JSON.stringify(c.data);
  return signWithAkSk({ method: c.method, url, headers, body: bodyText }, credentials, c.date).authorization ?? '';
}

describe('AK/SK signer against the official SDK signer', () => {
  it('gives the same Authorization header for 500 generated requests', () => {
    fc.assert(
      fc.property(requestCase, (c) => {
        expect(ourAuthorization(c)).toBe(sdkAuthorization(c));
      }),
      { numRuns: 500 },
    );
  });

  const base: Case = {
    method: 'POST',
    host: 'kms.cn-north-4.myhuaweicloud.com',
    path: '/v1.0/0b5d8b1f6a4e4c5c9d1e2f3a4b5c6d7e/kms/describe-key',
    query: [],
    headers: {},
    contentType: 'application/json',
    unsignedPayload: false,
    data: { key_id: '0d0466b0-e727-4d9c-b35d-f84bb474a37f' },
    ak: 'QTWAOYTTINDUT2QVKYUC',
    sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
    date: new Date(Date.UTC(2024, 5, 30, 23, 59, 59)),
  };
  const cases: [string, Partial<Case>][] = [
    ['an ordinary KMS call', {}],
    ['an empty body', { data: undefined }],
    ['an empty JSON object', { data: {} }],
    ['a unicode body', { data: { key_description: 'Schlüssel 密钥 🔑', n: 1.5, nested: { list: [1, 'ü', null] } } }],
    [
      'GET with repeated and encoded query keys',
      {
        method: 'GET',
        data: undefined,
        query: [
          ['marker', '10'],
          ['limit', '2'],
          ['limit', '10'],
          ['a b', 'c+d'],
          ['k', 'é/?&='],
          ['k', ''],
        ],
      },
    ],
    ['a path with special characters', { path: '/v1.0/p%20q/kms/a:b@c!$&()*+,;=/%E4%B8%AD%2F/', data: undefined }],
    [
      'extra headers in mixed case',
      { headers: { 'X-Custom-Header': 'v1', 'x-a': 'with  inner  spaces', Accept: 'application/json' } },
    ],
    ['an unsigned payload', { contentType: 'text/plain', unsignedPayload: true }],
    ['DELETE with no content type', { method: 'DELETE', contentType: undefined, data: undefined }],
  ];
  for (const [name, change] of cases) {
    it(`matches for ${name}`, () => {
      const c = { ...base, ...change };
      expect(ourAuthorization(c)).toBe(sdkAuthorization(c));
      expect(ourAuthorization(c)).toMatch(
        /^SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
      );
    });
  }

  it('a different SK, date or body gives a different signature', () => {
    const original = ourAuthorization(base);
    expect(ourAuthorization({ ...base, sk: `${base.sk.slice(0, -1)}X` })).not.toBe(original);
    expect(ourAuthorization({ ...base, date: new Date(base.date.getTime() + 1000) })).not.toBe(original);
    expect(ourAuthorization({ ...base, data: { key_id: '0d0466b0-e727-4d9c-b35d-f84bb474a37e' } })).not.toBe(original);
  });
});

describe('KMS calls built the way the SDK builds them (project ID, temporary credentials)', () => {
  const projectId = '0b5d8b1f6a4e4c5c9d1e2f3a4b5c6d7e';
  const ak = 'HST3UY8NXZKCQ1PWE7OD';
  const sk = 'wQ2MOGSyjzB8d7Vd4V7mDj7bZqZDJ0Xq9vb3hHyk';
  const securityToken = 'gQpjbi1ub3J0aC00...temporary-token+/==';

  for (const temporary of [false, true]) {
    it(`the client's own request carries the SDK's Authorization, X-Project-Id${temporary ? ' and X-Security-Token' : ''}`, async () => {
      const date = new Date(Date.UTC(2025, 0, 15, 8, 30, 0));
      const data = { key_id: '0d0466b0-e727-4d9c-b35d-f84bb474a37f', wrapping_algorithm: 'RSAES_OAEP_SHA_256' };

      let sdkCredentials = new BasicCredentials().withAk(ak).withSk(sk).withProjectId(projectId);
      if (temporary) sdkCredentials = sdkCredentials.withSecurityToken(securityToken);
      const sdkRequest = new HttpRequestBuilder()
        .withEndpoint('https://kms.cn-north-4.myhuaweicloud.com')
        .withUrl('/v1.0/{project_id}/kms/get-parameters-for-import')
        .withMethod('POST')
        .withHeaders({ 'content-type': 'application/json', 'X-Sdk-Date': formatSdkDate(date) })
        .withPathParams({})
        .withQueryParams({})
        .withData(data)
        .build();
      const sdkHeaders = (await sdkCredentials.processAuthRequest(undefined, sdkRequest)).headers;

      const sent: HttpRequestSpec[] = [];
      const client = new KmsClient({
        region: 'cn-north-4',
        projectId,
        credentials: new AkSkCredentials({ accessKeyId: ak, secretKey: sk, ...(temporary ? { securityToken } : {}) }),
        now: () => date,
        transport: {
          send: async (request) => {
            sent.push(request);
            return {
              status: 404,
              headers: {},
              body: Buffer.from('{"error":{"error_code":"KMS.0207","error_msg":"The key does not exist."}}'),
            };
          },
          close: () => undefined,
        },
      });
      await expect(client.getParametersForImport({ keyId: data.key_id })).rejects.toMatchObject({ code: 'KMS.0207' });
      const request = sent[0];
      expect(request?.url.href).toBe(
        `https://kms.cn-north-4.myhuaweicloud.com/v1.0/${projectId}/kms/get-parameters-for-import`,
      );
      expect(request?.body.toString('utf8')).toBe(JSON.stringify(data));
      expect(request?.headers.authorization).toBe(sdkHeaders.Authorization);
      expect(request?.headers['x-project-id']).toBe(sdkHeaders['X-Project-Id']);
      expect(request?.headers['x-sdk-date']).toBe(sdkHeaders['X-Sdk-Date']);
      expect(request?.headers.host).toBe('kms.cn-north-4.myhuaweicloud.com');
      if (temporary) {
        expect(request?.headers['x-security-token']).toBe(securityToken);
        expect(request?.headers.authorization).toContain('x-security-token');
      } else {
        expect(request?.headers['x-security-token']).toBeUndefined();
      }
    });
  }
});

describe('IAM tokens and headers', () => {
  it('puts an IAM token in X-Auth-Token and signs nothing', () => {
    const headers = authenticateRequest(
      {
        method: 'POST',
        url: new URL('https://kms.cn-north-4.myhuaweicloud.com/v1.0/p/kms/list-keys'),
        headers: { 'content-type': 'application/json' },
        body: '{}',
      },
      new IamTokenCredentials('MIIZkQYJKoZIhvcNAQcCoIIZgjCCGX4CAQExDTALBglghkgBZQMEAgEwgher'),
      new Date(),
    );
    expect(headers['x-auth-token']).toBe('MIIZkQYJKoZIhvcNAQcCoIIZgjCCGX4CAQExDTALBglghkgBZQMEAgEwgher');
    expect(headers.authorization).toBeUndefined();
    expect(headers.host).toBe('kms.cn-north-4.myhuaweicloud.com');
  });

  it('refuses headers it could not sign faithfully', () => {
    const credentials = new AkSkCredentials({ accessKeyId: 'AK', secretKey: 'SK' });
    const sign = (headers: Record<string, string>) => () =>
      signWithAkSk({ method: 'POST', url: new URL('https://h/x'), headers, body: '' }, credentials, new Date());
    expect(sign({ host: 'evil' })).toThrow(/set by the signer/);
    expect(sign({ x_under: 'v' })).toThrow(/cannot be signed/);
    expect(sign({ 'x-a': ' padded' })).toThrow(/surrounding spaces/);
    expect(sign({ 'x-a': 'a', 'X-A': 'b' })).toThrow(/twice/);
  });
});
