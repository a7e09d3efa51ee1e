import { describe, expect, it } from 'vitest';
import { isAllowedPrintRequest, isAllowedWindowRequest } from '../../../src-main/app/security/network-policy';

describe('isAllowedWindowRequest', () => {
  it.each(['app://keyferry/index.html', 'app://keyferry/assets/index-abc.js', 'data:image/png;base64,iVBORw0KGgo='])(
    'allows %s',
    (url) => expect(isAllowedWindowRequest(url)).toBe(true),
  );

  it.each([
    'http://127.0.0.1:8080/',
    'https://kms.ap-southeast-1.myhuaweicloud.com/v1.0/p/kms/create-key',
    'ws://localhost:5173/',
    'wss://example.com/',
    'file:///etc/passwd',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abc/x.js',
    'blob:app://keyferry/1234',
    'ftp://example.com/',
    'app://keyferry.evil/index.html',
    'app://other/index.html',
    'data:text/html,<script>alert(1)</script>',
    'data:application/javascript,alert(1)',
  ])('cancels %s', (url) => expect(isAllowedWindowRequest(url)).toBe(false));
});

describe('isAllowedPrintRequest', () => {
  it('allows only the data: document', () => {
    expect(isAllowedPrintRequest('data:text/html;charset=utf-8;base64,PGgxPkhpPC9oMT4=')).toBe(true);
    expect(isAllowedPrintRequest('app://keyferry/index.html')).toBe(false);
    expect(isAllowedPrintRequest('https://fonts.example.com/font.woff2')).toBe(false);
    expect(isAllowedPrintRequest('file:///tmp/receipt.html')).toBe(false);
  });
});
