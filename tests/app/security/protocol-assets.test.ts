import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, readAppAsset, resolveAppAsset } from '../../../src-main/app/security/protocol-assets';

const REQUIRED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

describe('resolveAppAsset', () => {
  it.each([
    ['app://keyferry/', 'index.html', 'text/html; charset=utf-8'],
    ['app://keyferry/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://keyferry/assets/index-C-gzSiSZ.js', 'assets/index-C-gzSiSZ.js', 'text/javascript; charset=utf-8'],
    ['app://keyferry/assets/app_1.css?x=1#top', 'assets/app_1.css', 'text/css; charset=utf-8'],
    ['app://keyferry/assets/logo.svg', 'assets/logo.svg', 'image/svg+xml'],
  ])('maps %s to %s', (url, relativePath, contentType) => {
    expect(resolveAppAsset(url)).toEqual({ ok: true, relativePath, contentType });
  });

  it.each([
    ['app://keyferry/%2e%2e/%2e%2e/secret.txt', 'secret.txt'],
    ['app://keyferry/assets/%2E%2E/%2E%2E/%2E%2E/secret.txt', 'secret.txt'],
    ['app://keyferry/assets/../../../../secret.txt', 'secret.txt'],
  ])('keeps dot segments inside the root: %s names %s', (url, relativePath) => {
    // The URL parser resolves (even encoded) dot segments, as Chromium does, before we see them.
    expect(resolveAppAsset(url)).toMatchObject({ ok: true, relativePath });
  });

  it.each([
    ['app://keyferry/..%2f..%2fetc/passwd', 403],
    ['app://keyferry/assets%2f..%2f..%2fkey.pem', 403],
    ['app://keyferry/..%5c..%5cwindows%5cwin.ini', 403],
    ['app://keyferry/%5c%5cserver%5cshare.txt', 403],
    ['app://keyferry/index.html%00.png', 403],
    ['app://keyferry//etc/passwd.txt', 403],
    ['app://keyferry/C:/Windows/win.ini', 403],
    ['app://keyferry/.env.json', 403],
    ['app://keyferry/assets/.hidden.js', 403],
    ['app://keyferry/%E0%A4%A', 400],
    ['app://other/index.html', 403],
    ['app://keyferry.evil/index.html', 403],
    ['app://keyferry:81/index.html', 403],
    ['file:///etc/passwd', 403],
    ['app://keyferry/app.asar', 404],
    ['app://keyferry/tool.exe', 404],
    ['app://keyferry/assets/', 403],
    ['not a url', 400],
  ])('refuses %s (%i)', (url, status) => {
    expect(resolveAppAsset(url)).toMatchObject({ ok: false, status });
  });
});

describe('readAppAsset', () => {
  let base: string;
  let root: string;

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'keyferry-protocol-'));
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Keyferry</title>');
    await writeFile(path.join(root, 'assets', 'index.js'), 'console.log(1)');
    await writeFile(path.join(base, 'secret.txt'), 'TOP-SECRET-OUTSIDE');
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'escape.txt'));
    await symlink(path.join(root, 'index.html'), path.join(root, 'assets', 'inside.html'));
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('serves a file with the strict CSP and nosniff', async () => {
    const answer = await readAppAsset(root, 'app://keyferry/index.html');
    expect(answer.status).toBe(200);
    expect(answer.body?.toString()).toContain('<title>Keyferry</title>');
    expect(answer.headers['Content-Security-Policy']).toBe(REQUIRED_CSP);
    expect(CONTENT_SECURITY_POLICY).toBe(REQUIRED_CSP);
    expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(answer.headers['Content-Type']).toBe('text/html; charset=utf-8');
  });

  it('never reaches a file beside the renderer folder, and puts the CSP on refusals too', async () => {
    for (const url of [
      'app://keyferry/%2e%2e/secret.txt',
      'app://keyferry/..%2fsecret.txt',
      'app://keyferry/assets/../../secret.txt',
    ]) {
      const answer = await readAppAsset(root, url);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.body?.toString()).not.toContain('TOP-SECRET-OUTSIDE');
      expect(answer.headers['Content-Security-Policy']).toBe(REQUIRED_CSP);
    }
  });

  it('refuses a symbolic link that leads out of the renderer folder', async () => {
    const answer = await readAppAsset(root, 'app://keyferry/assets/escape.txt');
    expect(answer.status).toBe(403);
    expect(answer.body?.toString()).not.toContain('TOP-SECRET-OUTSIDE');
  });

  it('follows a symbolic link that stays inside', async () => {
    expect((await readAppAsset(root, 'app://keyferry/assets/inside.html')).status).toBe(200);
  });

  it('answers 404 for missing files and folders, 405 for writes, no body for HEAD', async () => {
    expect((await readAppAsset(root, 'app://keyferry/missing.js')).status).toBe(404);
    expect((await readAppAsset(root, 'app://keyferry/assets.js')).status).toBe(404);
    expect((await readAppAsset(root, 'app://keyferry/index.html', 'POST')).status).toBe(405);
    const head = await readAppAsset(root, 'app://keyferry/assets/index.js', 'HEAD');
    expect(head).toMatchObject({ status: 200, body: null });
    expect(head.headers['Content-Length']).toBe('14');
  });

  it('answers 404 when the renderer folder does not exist (app not built)', async () => {
    expect((await readAppAsset(path.join(base, 'nowhere'), 'app://keyferry/index.html')).status).toBe(404);
  });
});
