/**
 * The canonical request of SDK-HMAC-SHA256, checked against the worked example of Huawei's API
 * Request Signing Guide ("Constructing a Standard Request": the VPC query GET
 * /v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=… at 20191115T033655Z): the guide
 * prints the hashed canonical request, and the signature under its example secret key. A KMS
 * that canonicalizes differently answers APIGW.0301 to every call; five in a row lock the AK.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildCanonicalRequest,
  buildStringToSign,
  formatSdkDate,
  groupQuery,
  parseSdkDate,
  sha256Hex,
  signedHeaderNames,
} from '../../../src-main/core/kms/canonical-request';

const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe("the signing guide's worked example", () => {
  const headers = new Map([
    ['x-sdk-date', '20191115T033655Z'],
    ['host', 'service.region.example.com'],
    ['content-type', 'application/json'],
  ]);
  const canonical = buildCanonicalRequest({
    method: 'get',
    wirePath: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs',
    query: groupQuery(new URLSearchParams('marker=13551d6b-755d-4757-b956-536f674975c0&limit=2')),
    signedHeaders: headers,
    payloadHash: sha256Hex(''),
  });

  it('canonicalizes to the request the guide shows, whose SHA-256 the guide prints', () => {
    expect(canonical).toBe(
      [
        'GET',
        '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/',
        'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
        'content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n',
        'content-type;host;x-sdk-date',
        EMPTY_BODY_SHA256,
      ].join('\n'),
    );
    expect(sha256Hex(canonical)).toBe('b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a');
    expect(signedHeaderNames(headers)).toBe('content-type;host;x-sdk-date');
  });

  it("gives the guide's string to sign and, under its example secret key, its signature", () => {
    const stringToSign = buildStringToSign('20191115T033655Z', canonical);
    expect(stringToSign).toBe(
      'SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a',
    );
    const signature = createHmac('sha256', 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc')
      .update(stringToSign)
      .digest('hex');
    expect(signature).toBe('7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe');
  });
});

describe('encoding by the rules the guide states', () => {
  const lines = (wirePath: string, query: string) =>
    buildCanonicalRequest({
      method: 'POST',
      wirePath,
      query: groupQuery(new URLSearchParams(query)),
      signedHeaders: new Map([['host', 'h']]),
      payloadHash: EMPTY_BODY_SHA256,
    }).split('\n');

  it('percent-encodes every byte but A-Z a-z 0-9 - _ . ~ with upper-case hex, in the path and the query', () => {
    const [, uri, query] = lines('/v1.0/p r/kms/密钥~_-.', 'a b=x/y&c=%E2%82%AC');
    expect(uri).toBe('/v1.0/p%20r/kms/%E5%AF%86%E9%92%A5~_-./');
    expect(query).toBe('a%20b=x%2Fy&c=%E2%82%AC');
  });

  it('sorts keys by character code (upper case first), every key\'s values too, and keeps "=" for an empty value', () => {
    const [, uri, query] = lines('/', 'b=2&a=3&a=1&B=0&empty=');
    expect(uri).toBe('/');
    expect(query).toBe('B=0&a=1&a=3&b=2&empty=');
  });
});

describe('X-Sdk-Date', () => {
  it('formats and parses X-Sdk-Date in UTC, refusing anything else', () => {
    const date = new Date(Date.UTC(2031, 1, 3, 4, 5, 6));
    expect(formatSdkDate(date)).toBe('20310203T040506Z');
    expect(parseSdkDate('20310203T040506Z')?.getTime()).toBe(date.getTime());
    for (const bad of [
      '20310203T040506',
      '2031-02-03T04:05:06Z',
      '20310230T040506Z',
      '20310203T246006Z',
      ' 20310203T040506Z',
    ]) {
      expect(parseSdkDate(bad)).toBeUndefined();
    }
  });
});
