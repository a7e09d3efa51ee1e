/**
 * Plaintext hygiene: after a full rehearsal (all six specs, with custody shares), no file under
 * the rehearsal folder and no file created in the OS temp folder during the run contains any key
 * material or temporary key: raw, hex (either case) or base64 (any alignment, standard or URL-safe),
 * nor the private part of an asymmetric key in any other encoding (its JWK private numbers).
 *
 * The temp folder is searched twice. During the run TMPDIR names a fresh folder, so whatever asks
 * for the temp folder (os.tmpdir() in this process, a child process through TMPDIR) writes there,
 * and it is searched whole. The machine's own temp folder is searched too, for a path written
 * there by name: every file changed since the run started, in the folders changed since (creating
 * a file changes its folder's time). Walking all of it instead stat()ed every file of a shared
 * machine's /tmp (480,000 of them: 93 s of a 104 s test).
 *
 * The material comes from the workflow's test-only `onMaterialForAudit` hook. The temporary keys
 * of the asymmetric wraps are created inside the wrapping engine; they are captured by watching
 * `crypto.randomBytes(32)` while the wrap step runs (and the test checks that it saw them).
 */
import { createPrivateKey } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRehearsal } from '../../src-main/core/ceremony/rehearsal/rehearsal';
import { KEY_SPECS, isAsymmetric } from '../../src-main/core/crypto/key-spec';
import { needles } from '../helpers/secret-traces';

const MAX_SCANNED_FILE = 32 * 1024 * 1024;

interface Secret {
  readonly label: string;
  readonly bytes: Buffer;
}

/** For asymmetric material: the private numbers, so PKCS#1, SEC1 or JWK leaks are caught too. */
function privateNumbers(label: string, pkcs8: Buffer): Secret[] {
  const jwk = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });
  return (['d', 'p', 'q', 'dp', 'dq', 'qi'] as const)
    .filter((k) => typeof jwk[k] === 'string')
    .map((k) => ({ label: `${label} (${k})`, bytes: Buffer.from(jwk[k] as string, 'base64url') }));
}

/**
 * Every file under `dir` (down to `depth` folders); with `since`, only the files changed since then,
 * in folders changed since then.
 */
async function listFiles(dir: string, depth: number, since: number | undefined, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (!entry.isFile() && !(entry.isDirectory() && depth > 0)) continue;
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat) continue;
    const changed = since === undefined || Math.max(stat.birthtimeMs, stat.ctimeMs, stat.mtimeMs) >= since;
    if (!changed) continue; // a folder gets a newer time when a file is created in it
    if (entry.isDirectory()) await listFiles(full, depth - 1, since, out);
    else if (stat.size <= MAX_SCANNED_FILE) out.push(full);
  }
}

let parent: string | undefined;
afterAll(async () => {
  if (parent) await fs.rm(parent, { recursive: true, force: true });
});

describe('plaintext hygiene of a full rehearsal', () => {
  it('writes no material and no temporary key anywhere, in any encoding', async () => {
    const cryptoModule = createRequire(__filename)('node:crypto') as typeof import('node:crypto');
    const originalRandomBytes = cryptoModule.randomBytes as (
      size: number,
      callback?: (e: Error | null, b: Buffer) => void,
    ) => Buffer | undefined;
    const secrets: Secret[] = [];
    const temporaryKeys: Buffer[] = [];
    let wrapping = false;
    const watched = function (this: unknown, size: number, callback?: (e: Error | null, b: Buffer) => void) {
      if (callback) return originalRandomBytes.call(this, size, callback);
      const bytes = originalRandomBytes.call(this, size) as Buffer;
      if (wrapping && size === 32) temporaryKeys.push(Buffer.from(bytes));
      return bytes;
    };
    cryptoModule.randomBytes = watched as unknown as typeof cryptoModule.randomBytes;
    syncBuiltinESMExports();

    const started = Date.now() - 2000;
    const machineTmp = os.tmpdir();
    parent = await fs.mkdtemp(path.join(machineTmp, 'kf-hygiene-'));
    const outDir = path.join(parent, 'rehearsal');
    const runTmp = path.join(parent, 'tmp');
    await fs.mkdir(runTmp);
    const tmpBefore = process.env.TMPDIR;
    process.env.TMPDIR = runTmp;
    let result;
    try {
      expect(os.tmpdir()).toBe(runTmp);
      result = await runRehearsal({
        outDir,
        specs: KEY_SPECS,
        app: { version: '0.1.0-test', build: 'test' },
        custody: { m: 2, n: 3 },
        onProgress: (p) => {
          if (p.step === 'wrap') wrapping = p.done < p.total;
        },
        onMaterialForAudit: (copy, label) => secrets.push({ label, bytes: copy }),
      });
    } finally {
      cryptoModule.randomBytes = originalRandomBytes as typeof cryptoModule.randomBytes;
      syncBuiltinESMExports();
      if (tmpBefore === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpBefore;
    }
    expect(result.ok).toBe(true);

    // The hooks saw what they must: six materials, one temporary key per asymmetric spec.
    expect(secrets).toHaveLength(KEY_SPECS.length);
    expect(temporaryKeys).toHaveLength(KEY_SPECS.filter(isAsymmetric).length);
    const all: Secret[] = [
      ...secrets,
      ...temporaryKeys.map((bytes, i) => ({ label: `temporary key ${i + 1}`, bytes })),
    ];
    for (const s of secrets) if (s.bytes.length > 32) all.push(...privateNumbers(s.label, s.bytes));

    const files: string[] = [];
    await listFiles(outDir, 8, undefined, files);
    expect(files.length).toBeGreaterThan(40);
    await listFiles(runTmp, 8, undefined, files);
    await listFiles(machineTmp, 8, started, files);

    const patterns = all.flatMap((s) => needles(s.bytes).map((needle) => ({ label: s.label, needle })));
    const found: string[] = [];
    for (const file of new Set(files)) {
      const content = await fs.readFile(file).catch(() => undefined);
      if (!content) continue;
      for (const { label, needle } of patterns) if (content.includes(needle)) found.push(`${label} in ${file}`);
    }
    expect(found).toEqual([]);

    // The search can fail: a file holding one of the secrets, hex-encoded, is found.
    const planted = path.join(parent, 'planted.txt');
    await fs.writeFile(planted, `x${(all[0] as Secret).bytes.toString('hex').toUpperCase()}y`);
    const content = await fs.readFile(planted);
    expect(needles((all[0] as Secret).bytes).some((n) => content.includes(n))).toBe(true);
    for (const s of all) s.bytes.fill(0);
  }, 300_000);
});
