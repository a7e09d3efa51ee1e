/**
 * Which proxy a KMS request goes through (core/kms/proxy.ts): HTTPS_PROXY / https_proxy with its
 * credentials, NO_PROXY by host, domain suffix, port and wildcard, never for this computer, and a
 * proxy scheme Keyferry cannot speak refused. (Tunnelling through a real CONNECT proxy with TLS
 * end to end: http-transport.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { bypassesProxy, proxyForTarget } from '../../../src-main/core/kms/proxy';

describe('proxy settings', () => {
  const target = new URL('https://kms.cn-north-4.myhuaweicloud.com');
  it('reads HTTPS_PROXY / https_proxy and honours NO_PROXY', () => {
    expect(proxyForTarget(target, {})).toBeUndefined();
    expect(proxyForTarget(target, { HTTPS_PROXY: 'http://proxy.corp:3128' })?.url.host).toBe('proxy.corp:3128');
    expect(proxyForTarget(target, { https_proxy: 'proxy.corp:8080' })?.url.host).toBe('proxy.corp:8080');
    expect(proxyForTarget(target, { HTTPS_PROXY: 'http://u:p%40ss@proxy.corp:3128' })?.authorization).toBe(
      `Basic ${Buffer.from('u:p@ss').toString('base64')}`,
    );
    expect(proxyForTarget(new URL('http://127.0.0.1:9'), { HTTPS_PROXY: 'http://proxy.corp:3128' })).toBeUndefined();
    expect(() => proxyForTarget(target, { HTTPS_PROXY: 'socks5://proxy:1080' })).toThrow(
      expect.objectContaining({ code: 'KMS_PROXY_INVALID' }),
    );
  });

  it('matches NO_PROXY entries by host, domain suffix, port and wildcard', () => {
    expect(bypassesProxy(target, '*')).toBe(true);
    expect(bypassesProxy(target, 'myhuaweicloud.com')).toBe(true);
    expect(bypassesProxy(target, '.myhuaweicloud.com')).toBe(true);
    expect(bypassesProxy(target, '*.myhuaweicloud.com')).toBe(true);
    expect(bypassesProxy(target, 'other.com, kms.cn-north-4.myhuaweicloud.com:443')).toBe(true);
    expect(bypassesProxy(target, 'kms.cn-north-4.myhuaweicloud.com:8443')).toBe(false);
    expect(bypassesProxy(target, 'huaweicloud.com')).toBe(false);
    expect(bypassesProxy(new URL('https://[::1]:9'), '::1')).toBe(true);
    expect(bypassesProxy(target, undefined)).toBe(false);
  });
});
