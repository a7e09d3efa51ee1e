import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isTrustedSender } from '../../../src-main/app/security/sender-policy';

describe('isTrustedSender', () => {
  it.each([
    'app://keyferry/',
    'app://keyferry/index.html',
    'app://keyferry/index.html#/ceremony',
    'app://keyferry/assets/index-abc.js?v=1',
  ])('trusts our own page %s', (url) => {
    expect(isTrustedSender(url, APP_ORIGIN)).toBe(true);
  });

  it.each([
    '',
    'file:///work/main/out/renderer/index.html',
    'http://keyferry/index.html',
    'https://keyferry/index.html',
    'http://127.0.0.1:5173/index.html',
    'devtools://devtools/bundled/inspector.html',
    'data:text/html,<script>keyferry.appInfo()</script>',
    'about:blank',
    'about:srcdoc',
    'blob:app://keyferry/2f1c0a34-0000-4000-8000-000000000000',
    'chrome-extension://keyferry/index.html',
    'chrome://settings',
    'javascript:alert(1)',
    'app://other/index.html',
    'app://keyferry.evil/index.html',
    'app://keyferry.evil',
    'app://evil.keyferry/index.html',
    'app://keyferry-evil/index.html',
    'app://keyferryevil/',
    'app://keyferry:8080/index.html',
    'app://user@keyferry/index.html',
    'app://user:pass@keyferry/index.html',
    'app://keyferry@evil.example/index.html',
    'app://KEYFERRY/index.html',
    'APP://keyferry/index.html',
    'app:keyferry/index.html',
    'app:/keyferry/index.html',
    'app:///keyferry/index.html',
    'app://keyferry%2eevil/',
    'app://keyferry',
    ' app://keyferry/index.html',
    'app://keyferry/'.padEnd(5000, 'a'),
  ])('refuses %s', (url) => {
    expect(isTrustedSender(url, APP_ORIGIN)).toBe(false);
  });

  it('refuses null, undefined and a malformed app origin', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('app://keyferry/index.html', 'app://keyferry/')).toBe(false);
    expect(isTrustedSender('app://keyferry/index.html', 'not a url')).toBe(false);
  });

  it('never trusts a URL that does not start with the exact origin and a slash', () => {
    // Any scheme on any other host, including hosts that start with "keyferry".
    const schemes = fc.constantFrom('app', 'http', 'https', 'file', 'devtools', 'ws', 'chrome-extension');
    fc.assert(
      fc.property(schemes, fc.domain(), fc.boolean(), fc.webPath(), (scheme, domain, prefixed, webPath) => {
        const host = prefixed ? `keyferry.${domain}` : domain;
        expect(isTrustedSender(`${scheme}://${host}/${webPath}`, APP_ORIGIN)).toBe(false);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        if (!text.startsWith('app://keyferry/')) expect(isTrustedSender(text, APP_ORIGIN)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('trusts every path under the origin', () => {
    fc.assert(
      fc.property(fc.webPath(), (webPath) => {
        const url = `app://keyferry/${webPath.replace(/^\/+/, '')}`;
        expect(isTrustedSender(url, APP_ORIGIN)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
