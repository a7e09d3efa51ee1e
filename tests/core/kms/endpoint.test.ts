/**
 * Where requests go (core/kms/endpoint.ts): a region becomes Huawei's regional https endpoint;
 * an explicit endpoint is https anywhere, plain http only on this computer (the simulator), and
 * never carries a path, query, fragment or user; a project id is checked before it enters a URL
 * path. Every refusal says what was wrong with the value the officer typed.
 */
import { describe, expect, it } from 'vitest';
import {
  actionUrl,
  checkProjectId,
  endpointBeside,
  endpointForRegion,
  parseExplicitEndpoint,
  resolveEndpoint,
} from '../../../src-main/core/kms/endpoint';
import { KeyferryError } from '../../../src-main/core/errors';
import { translator } from '../../../src-main/i18n/translate';

const PROJECT = 'a4a5d4098fb4474fa22cd05f897d6b99';

/** The refusal `fn` throws: its code and the English sentence the officer reads. */
function refusal(fn: () => unknown): { code: string; message: string; nextStep: string } {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof KeyferryError)) throw error;
    return { code: error.code, message: error.message, nextStep: error.nextStep };
  }
  throw new Error('expected a refusal, but it succeeded');
}

describe('the KMS endpoint of a region', () => {
  it("is Huawei's https endpoint of that region, and an action is posted under the project", () => {
    expect(endpointForRegion('cn-north-4').href).toBe('https://kms.cn-north-4.myhuaweicloud.com/');
    expect(resolveEndpoint({ region: 'ap-southeast-1' }).origin).toBe('https://kms.ap-southeast-1.myhuaweicloud.com');
    expect(actionUrl(endpointForRegion('cn-north-4'), PROJECT, 'create-key').href).toBe(
      `https://kms.cn-north-4.myhuaweicloud.com/v1.0/${PROJECT}/kms/create-key`,
    );
  });

  it('refuses a region name that could change the host, saying it is not a region', () => {
    for (const region of ['cn-north-4.evil.example', 'CN-NORTH-4', 'cn north 4', '', 'cn-north-4/']) {
      const r = refusal(() => endpointForRegion(region));
      expect(r.code, region).toBe('KMS_ENDPOINT_INVALID');
      expect(r.message).toBe(`"${region}" is not a Huawei Cloud region name.`);
      expect(r.nextStep).toMatch(/such as cn-north-4/);
    }
    expect(refusal(() => resolveEndpoint({})).message).toBe('Neither a region nor an endpoint was given.');
  });
});

describe('an explicit endpoint', () => {
  it('is kept as its origin: https anywhere, http only on this computer', () => {
    expect(parseExplicitEndpoint('https://kms.example.internal:8443').href).toBe('https://kms.example.internal:8443/');
    expect(parseExplicitEndpoint('https://kms.example.internal/').origin).toBe('https://kms.example.internal');
    for (const local of ['http://127.0.0.1:7070', 'http://localhost:7070', 'http://[::1]:7070']) {
      expect(parseExplicitEndpoint(local).protocol, local).toBe('http:');
    }
    expect(parseExplicitEndpoint('http://kms.cn-north-4.localhost:7070').origin).toBe(
      'http://kms.cn-north-4.localhost:7070',
    );
    // An explicit endpoint wins over the region.
    expect(resolveEndpoint({ region: 'cn-north-4', endpoint: 'http://127.0.0.1:9' }).origin).toBe('http://127.0.0.1:9');
  });

  it('refuses plain http to any other host, naming the host', () => {
    for (const [text, host] of [
      ['http://kms.cn-north-4.myhuaweicloud.com', 'kms.cn-north-4.myhuaweicloud.com'],
      ['http://127.0.0.2:7070', '127.0.0.2'],
      ['http://localhost.example.com', 'localhost.example.com'],
      ['http://kms.cn-north-4.localhost.example.com', 'kms.cn-north-4.localhost.example.com'],
    ] as const) {
      const r = refusal(() => parseExplicitEndpoint(text));
      expect(r.message, text).toBe(
        `Plain http is refused for ${host}: only the local simulator (127.0.0.1 or localhost) may be reached without TLS.`,
      );
      expect(r.nextStep).toBe('Use the https endpoint of the KMS.');
    }
  });

  it('refuses a path, query, fragment or user (credentials could ride in them), naming the origin only', () => {
    for (const text of [
      'https://kms.example.internal/v1.0',
      'https://kms.example.internal/?x=1',
      'https://kms.example.internal/#frag',
      'https://user:secret@kms.example.internal',
    ]) {
      const r = refusal(() => parseExplicitEndpoint(text));
      expect(r.message, text).toBe(
        'The endpoint "https://kms.example.internal" must not carry a path, query or credentials.',
      );
      expect(r.message).not.toContain('secret');
    }
  });

  it('refuses what is not a URL, and another scheme', () => {
    expect(refusal(() => parseExplicitEndpoint('kms.cn-north-4.myhuaweicloud.com')).message).toBe(
      '"kms.cn-north-4.myhuaweicloud.com" is not a URL.',
    );
    expect(refusal(() => parseExplicitEndpoint('ftp://kms.example.internal')).message).toBe(
      'The endpoint scheme ftp: is not supported.',
    );
  });

  it('says the refusal in Chinese too', () => {
    const error = (() => {
      try {
        parseExplicitEndpoint('http://10.0.0.8');
      } catch (e) {
        return e as KeyferryError;
      }
      throw new Error('not refused');
    })();
    const zh = translator('zh-CN').problem(error);
    expect(zh.message).toContain('10.0.0.8');
    expect(zh.message).not.toBe(error.message);
    expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('regions beside the first connection', () => {
  it("puts another region beside Huawei's endpoint or the simulator, and nowhere else", () => {
    const huawei = endpointForRegion('cn-north-4');
    expect(endpointBeside(huawei, 'ap-southeast-1')?.origin).toBe('https://kms.ap-southeast-1.myhuaweicloud.com');
    expect(endpointBeside(new URL('http://127.0.0.1:7070'), 'cn-east-3')?.origin).toBe(
      'http://kms.cn-east-3.localhost:7070',
    );
    expect(endpointBeside(new URL('http://kms.cn-north-4.localhost:7070'), 'cn-east-3')?.origin).toBe(
      'http://kms.cn-east-3.localhost:7070',
    );
    // A proxy or private endpoint: each region's endpoint must be given; and never https → http.
    expect(endpointBeside(new URL('https://kms-proxy.example.internal'), 'cn-east-3')).toBeUndefined();
    expect(endpointBeside(new URL('http://kms.cn-north-4.myhuaweicloud.com'), 'cn-east-3')).toBeUndefined();
    expect(refusal(() => endpointBeside(huawei, 'cn-east-3.evil')).code).toBe('KMS_ENDPOINT_INVALID');
  });
});

describe('a project id', () => {
  it('is 32 lower-case hex digits before it goes into a URL path', () => {
    expect(checkProjectId(PROJECT)).toBe(PROJECT);
    for (const bad of [PROJECT.toUpperCase(), `${PROJECT}0`, '../../kms', `${PROJECT.slice(0, 31)}_`]) {
      const r = refusal(() => checkProjectId(bad));
      expect(r.code, bad).toBe('KMS_PROJECT_ID_INVALID');
      expect(r.message).toBe(`"${bad}" is not a project ID.`);
      expect(r.nextStep).toMatch(/32 lower-case hex digits/);
    }
  });
});
