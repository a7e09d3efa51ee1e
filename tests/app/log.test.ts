import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOperationLog, redactLogValue } from '../../src-main/app/log';
import { testRsaKeyPair } from '../core/crypto/helpers/test-rsa-keys';

const folders: string[] = [];
async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'keyferry-log-'));
  folders.push(folder);
  return folder;
}
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('operations log', () => {
  it('never writes key bytes or secrets, however a caller slips', async () => {
    const key = randomBytes(32);
    const privatePem = testRsaKeyPair('rsa2048').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const secretAccessKey = 'q8Zr0LmN3vB7xW2yT5uK9pS1dF4gH6jA0cE8iO2l';
    const log = createOperationLog({ directory: path.join(await tempFolder(), 'logs'), now: () => new Date() });

    log.info('wrap.done', { keyBytes: key, material: key.toString('hex') });
    log.info('wrap.done', { note: `material was ${key.toString('hex')}` });
    log.info('wrap.done', { note: `material was ${key.toString('base64')}` });
    log.info('wrap.done', { view: new Uint8Array(key), buffer: key.buffer.slice(0) });
    log.warn('credentials.set', {
      secretAccessKey,
      nested: { credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey } },
    });
    log.warn('loaded', { pem: privatePem, sample: [privatePem, { deep: key }] });
    const failure = new Error(`bad key ${key.toString('hex')}`);
    log.error('wrap.failed', { error: failure });
    log.error(`event with ${key.toString('base64')}`);
    log.close();

    const text = await readFile(log.file, 'utf8');
    for (const forbidden of [
      key.toString('hex'),
      key.toString('base64'),
      key.toString('latin1'),
      secretAccessKey,
      'PRIVATE KEY',
      privatePem.split('\n')[1] ?? 'unreachable',
      failure.stack?.split('\n')[1]?.trim() ?? 'unreachable',
    ]) {
      expect(text).not.toContain(forbidden);
    }
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(8);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(text).toContain('[redacted bytes]');
    expect(text).toContain('"event":"credentials.set"');
  });

  it('keeps operational facts: names, codes, counts and fingerprints under their names', () => {
    const fingerprint = 'a'.repeat(64);
    const redacted = redactLogValue({
      channel: 'mode.choose',
      code: 'KMS.2601',
      count: 3,
      ok: true,
      file: 'wrapped-material.json',
      wrappingKeyFingerprint: fingerprint,
      manifestSha256: fingerprint,
      time: new Date('2030-01-01T00:00:00Z'),
    });
    expect(redacted).toEqual({
      channel: 'mode.choose',
      code: 'KMS.2601',
      count: 3,
      ok: true,
      file: 'wrapped-material.json',
      wrappingKeyFingerprint: fingerprint,
      manifestSha256: fingerprint,
      time: '2030-01-01T00:00:00.000Z',
    });
    // The same digest-shaped value under an ordinary name is treated as possible key material.
    expect(redactLogValue({ note: fingerprint })).toEqual({ note: '[redacted]' });
  });

  it('creates a new 0600 file per run and never reuses one', async () => {
    const directory = await tempFolder();
    const now = () => new Date('2030-01-01T00:00:00.000Z');
    const first = createOperationLog({ directory, now });
    first.info('app.start');
    first.close();
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    expect(() => createOperationLog({ directory, now })).toThrow(/EEXIST/);
    expect(await readFile(first.file, 'utf8')).toContain('app.start');
  });
});
