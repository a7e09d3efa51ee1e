/** `keyferry bundle verify`: real bundles in temp folders, through runCli and through the real command line. */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../../src-main/cli/command';
import { commands } from '../../../src-main/cli/commands/index';
import { runCli } from '../../../src-main/cli/run-cli';
import { writeImportParametersBundle, writeWrappedMaterialBundle } from '../../../src-main/core/bundle';
import { groupHex } from '../../../src-main/core/hex-groups';
import { makeImportParameters, tempDir, wrapFor } from '../../core/bundle/bundle-fixtures';
import { OFFLINE } from '../../helpers/workstation';

const REPO = path.resolve(__dirname, '../../..');

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {}, cwd: REPO };
  const code = await runCli(commands, argv, io);
  return { code, out, err };
}

let root: string;
let params: { dir: string; digest: string; keyIds: string[]; fingerprints: string[] };
let wrapped: { dir: string; digest: string; keyIds: string[] };

beforeAll(async () => {
  root = await tempDir('keyferry-cli-bundle-');
  const now = new Date();
  const keys = makeImportParameters(2, now);
  const p = await writeImportParametersBundle(path.join(root, 'params'), { ceremonyId: 'cli-test', keys }, { now });
  params = {
    dir: p.dir,
    digest: p.digest,
    keyIds: keys.map((k) => k.keyId),
    fingerprints: keys.map((k) => k.wrappingKey.fingerprint),
  };
  const material = makeImportParameters(2, now, ['AES_256', 'EC_P256']).map((k) => wrapFor(k));
  const w = await writeWrappedMaterialBundle(
    path.join(root, 'wrapped'),
    { ceremonyId: 'cli-test', keys: material },
    { now },
  );
  wrapped = { dir: w.dir, digest: w.digest, keyIds: material.map((k) => k.keyId) };
});

describe('keyferry bundle verify', () => {
  it('prints kind, keys with token expiry and fingerprints, and the digest in fours', async () => {
    const { code, out, err } = await run(['bundle', 'verify', params.dir]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toBe('OK import parameters (online → air-gapped) bundle, keyferry.import-parameters version 1');
    // Moments as the receipts print them: the local time, then UTC in brackets (UTC once on a UTC
    // workstation; never raw ISO).
    expect(out[1]).toMatch(
      /^Ceremony cli-test, written \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC(\S* .* \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\))? by Keyferry \S+$/,
    );
    for (const [i, keyId] of params.keyIds.entries()) {
      expect(out).toContain(`  ${keyId}  ${['AES_256', 'RSA_2048'][i]}  RSAES_OAEP_SHA_256`);
      expect(out).toContain(`    wrapping key    ${groupHex(params.fingerprints[i] as string)}`);
    }
    expect(
      out.filter((l) => /^ {4}token expires {3}\d{4}-.* UTC\)? \((23 h 59|24 h 0) min left\)$/.test(l)),
    ).toHaveLength(2);
    // The digest the air-gapped witnesses type as heard is not printed unless asked for (on the online side).
    expect(out.at(-1)).toMatch(/^Digest not shown: on the air-gapped workstation every witness types it/);
    expect(out.join('\n')).not.toContain(groupHex(params.digest).slice(0, 19));
    const shown = await run(['bundle', 'verify', params.dir, '--show-digest']);
    expect(shown.out.at(-2)).toBe(`Digest ${groupHex(params.digest)}`);
    expect(shown.out.at(-2)).toMatch(/^Digest [0-9A-F]{4}( [0-9A-F]{4}){15}$/);
    // A bundle changed on the media has a digest of its own: the one to read aloud is the journal's (a trial).
    expect(shown.out.at(-1)).toMatch(
      /^This is the digest of the bundle as it now is on this medium\. The witnesses type the digest the online journal recorded when the bundle was written, which keyferry online status prints/,
    );
  });

  it('prints the evidence of a wrapped-material bundle', async () => {
    const { code, out } = await run(['bundle', 'verify', wrapped.dir]);
    expect(code).toBe(0);
    expect(out[0]).toContain('OK wrapped material');
    expect(out.filter((l) => /^ {4}check value {5}[0-9A-F]{6}$/.test(l))).toHaveLength(1);
    expect(out.filter((l) => /^ {4}public key {6}[0-9A-F]{4}( [0-9A-F]{4}){15}$/.test(l))).toHaveLength(1);
    expect(out.at(-2)).toBe(`Digest ${groupHex(wrapped.digest)}`);
    // Whoever had the medium could rewrite the bundle and its manifest alike: the digest to type for
    // the import is the air-gapped receipt's, never this one (a trial typed it and imported a forgery).
    expect(out.at(-1)).toMatch(
      /^This is the digest of the bundle as it now is on this medium, which anyone who had the medium could have rewritten with it\. For keyferry online import --expect-digest, type the digest printed on the air-gapped receipt/,
    );
    // Checked against the receipt's digest, it is that one: nothing more to say.
    const checked = await run(['bundle', 'verify', wrapped.dir, '--expect-digest', wrapped.digest]);
    expect(checked.out.at(-1)).toBe(`Digest ${groupHex(wrapped.digest)}`);
  });

  it('prints one JSON object with --json', async () => {
    const { code, out } = await run(['bundle', 'verify', '--json', params.dir]);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const report = JSON.parse(out[0] as string) as {
      ok: boolean;
      kind: string;
      digest: string;
      keys: { keyId: string }[];
    };
    expect(report).toMatchObject({ ok: true, kind: 'import-parameters', digest: null, digestChecked: false });
    expect(out[0]).not.toContain(params.digest);
    const shown = await run(['bundle', 'verify', '--json', '--show-digest', params.dir]);
    expect(JSON.parse(shown.out[0] as string)).toMatchObject({ digest: params.digest, digestChecked: false });
    // A wrapped bundle's digest is the bundle as it now is on the medium unless one typed was checked.
    const onMedium = await run(['bundle', 'verify', '--json', wrapped.dir]);
    expect(JSON.parse(onMedium.out[0] as string)).toMatchObject({ digest: wrapped.digest, digestChecked: false });
    const checked = await run(['bundle', 'verify', '--json', wrapped.dir, '--expect-digest', wrapped.digest]);
    expect(JSON.parse(checked.out[0] as string)).toMatchObject({ digest: wrapped.digest, digestChecked: true });
    expect(report.keys.map((k) => k.keyId)).toEqual(params.keyIds);
    expect(out[0]).not.toContain('importToken');
  });

  it('checks the digest when given, naming where it is read: the online workstation for parameters, the receipt for a wrap', async () => {
    expect(
      (await run(['bundle', 'verify', params.dir, '--expect-digest', groupHex(params.digest).toLowerCase()])).code,
    ).toBe(0);
    const wrong = await run(['bundle', 'verify', params.dir, '--expect-digest', wrapped.digest]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toHaveLength(1);
    expect(wrong.err[0]).toContain('This is not the bundle whose digest the online workstation showed.');
    expect(wrong.err[0]).not.toContain('receipt');
    // Mistyped (two groups): where to read it again is where that kind of bundle's digest is shown.
    const short = await run(['bundle', 'verify', params.dir, '--expect-digest', '8FAF AD16']);
    expect(short.err[0]).toContain('as the online workstation shows it');
    expect(short.err[0]).not.toContain('receipt');
    // A wrapped-material bundle's digest is read from the air-gapped receipt.
    const wrongWrap = await run(['bundle', 'verify', wrapped.dir, '--expect-digest', params.digest]);
    expect(wrongWrap.err[0]).toContain('This is not the bundle the receipt names.');
  });

  it('a copy that did not finish: every missing file named at once, and a whole copy is the first way on', async () => {
    const dir = path.join(root, 'partial');
    await fs.cp(params.dir, dir, { recursive: true });
    const gone = params.keyIds.map((keyId) => `keys/${keyId}/ImportToken.b64`);
    for (const name of gone) await fs.rm(path.join(dir, name));
    const { code, err } = await run(['bundle', 'verify', dir]);
    expect(code).toBe(1);
    expect(err[0]).toContain(`${gone.length} files listed in the manifest are missing from the bundle folder: `);
    for (const name of gone) expect(err[0]).toContain(name);
    expect(err[0]).toContain(
      'Do not use this copy. Copy the bundle again, whole, from the media or the machine that wrote it',
    );
    expect(err[0]).toContain(
      '(for an import-parameters bundle: online params again, whose new import tokens replace these)',
    );
  });

  it('prints the exact problem on one line, the file named with the bundle folder as given, and exits 1', async () => {
    const dir = path.join(root, 'tampered');
    await fs.cp(params.dir, dir, { recursive: true });
    const name = `keys/${params.keyIds[1]}/ImportToken.b64`;
    await fs.appendFile(path.join(dir, name), 'A');
    const { code, out, err } = await run(['bundle', 'verify', dir]);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      new RegExp(
        `^keyferry bundle verify: ${dir}/${name} is \\d+ bytes but the manifest says \\d+: it was changed or cut short\\. Do not use this copy\\. Copy the bundle again, whole, from the media or the machine that wrote it`,
      ),
    );
    expect(err[0]).not.toMatch(/\n|\bat .*\.ts:\d+/);

    const json = await run(['bundle', 'verify', dir, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out[0] as string)).toMatchObject({ ok: false, problem: { code: 'BUNDLE_SIZE_MISMATCH' } });

    const none = await run(['bundle', 'verify']);
    expect(none.code).toBe(1);
    expect(none.err[0]).toContain('keyferry bundle verify: This command needs DIR.');
  });

  it('a changed wrapped bundle: not "write it again" (its material was wiped) but an untouched copy or a wrap again', async () => {
    const dir = path.join(root, 'wrapped-changed');
    await fs.cp(wrapped.dir, dir, { recursive: true });
    await fs.appendFile(path.join(dir, 'README.txt'), 'A');
    const { code, err } = await run(['bundle', 'verify', dir]);
    expect(code).toBe(1);
    expect(err[0]).toContain(
      `The wrapped-material bundle in ${dir} has files that are not as its manifest lists them:`,
    );
    expect(err[0]).toContain(
      'it cannot be written again (the air-gapped workstation wiped the material after wrapping it)',
    );
    expect(err[0]).not.toContain('Write it again on the machine that made it');
    const json = await run(['bundle', 'verify', dir, '--json']);
    expect(JSON.parse(json.out[0] as string)).toMatchObject({ problem: { code: 'WRAPPED_BUNDLE_NOT_AS_WRAPPED' } });
  });

  it('works from the real command line', () => {
    const ok = spawnSync('npm', ['run', '-s', 'keyferry', '--', 'bundle', 'verify', wrapped.dir], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`Digest ${groupHex(wrapped.digest)}`);
    const missing = spawnSync('npm', ['run', '-s', 'keyferry', '--', 'bundle', 'verify', path.join(root, 'nope')], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('the folder it would be in exists, so the name is probably mistyped');
  });

  it('refuses to show a parameters digest on a workstation with no network, as the air-gapped one', async () => {
    vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
    try {
      const refused = await run(['bundle', 'verify', params.dir, '--show-digest']);
      expect(refused.code).toBe(1);
      expect(refused.out).toEqual([]);
      const said = refused.err.join('\n');
      expect(said).toContain(
        'This workstation has no network, as the air-gapped workstation has none, so the digest of this import-parameters bundle is not shown here.',
      );
      expect(said).toContain('Check the bundle here with --expect-digest "…" as heard.');
      expect(said).not.toContain(groupHex(params.digest).slice(0, 19));
      const json = await run(['bundle', 'verify', params.dir, '--show-digest', '--json']);
      expect(JSON.parse(json.out[0] as string)).toMatchObject({
        ok: false,
        problem: { code: 'BUNDLE_DIGEST_NOT_SHOWN_OFFLINE' },
      });
      // The digest as heard is checked there, and a wrapped bundle's is shown (its receipt is the check).
      expect(
        (await run(['bundle', 'verify', params.dir, '--show-digest', '--expect-digest', params.digest])).code,
      ).toBe(0);
      expect((await run(['bundle', 'verify', wrapped.dir, '--show-digest'])).out).toContain(
        `Digest ${groupHex(wrapped.digest)}`,
      );
    } finally {
      vi.restoreAllMocks();
    }
  });
});
