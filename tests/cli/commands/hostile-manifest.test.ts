/**
 * A bundle on the media is untrusted. Manifest values carrying ESC sequences, CR/LF (a fake
 * "Digest …" line) or an id that other parts would refuse later (`KF:stream`) are refused when
 * the bundle is read: `bundle verify` and `airgap wrap` print the refusal with every control
 * character made visible (no raw ESC, CR, no line the value started), and `airgap wrap` writes no
 * bundle, no receipt and no material (the journal records the refusal).
 */
import { airgapWrapArgs } from '../../helpers/cli-sides';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeImportParametersBundle } from '../../../src-main/core/bundle';
import type { BundleManifest } from '../../../src-main/core/bundle/manifest-codec';
import { keyferry } from '../../integration/cli-in-process';
import { makeImportParameters, rewriteManifest } from '../../core/bundle/bundle-fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-hostile-manifest-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FAKE_LINE = 'Digest 0000 0000 0000 0000';
const HOSTILE = `\u001b[2J\u001b[H\r\n${FAKE_LINE}`;

async function hostileBundle(edit: (m: BundleManifest & Record<string, unknown>) => void): Promise<string> {
  const params = path.join(dir, 'params');
  await writeImportParametersBundle(params, {
    ceremonyId: 'KF-20260101-abcdef',
    keys: makeImportParameters(1, new Date()),
  });
  await rewriteManifest(params, (m) => edit(m as BundleManifest & Record<string, unknown>));
  return params;
}

/** Output a terminal shows as written: no raw control character, no line the hostile value began. */
function expectEscaped(output: string): void {
  expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  for (const line of output.split('\n')) expect(line.trimStart().startsWith(FAKE_LINE)).toBe(false);
}

async function wrapRun() {
  return keyferry(airgapWrapArgs({ digest: '0'.repeat(64) }, '--allow-network'), {
    cwd: dir,
  });
}

async function expectNothingWritten(): Promise<void> {
  const left = await readdir(dir);
  expect(left.filter((f) => f !== 'params' && f !== 'airgap.jsonl')).toEqual([]);
  const journal = await readFile(path.join(dir, 'airgap.jsonl'), 'utf8').catch(() => '');
  expect(journal).not.toMatch(/"event":"material\./);
  expect(journal).not.toMatch(/"event":"wrapped-bundle\./);
}

describe('hostile manifest values on the command line', () => {
  const cases: [string, (m: BundleManifest & Record<string, unknown>) => void, RegExp][] = [
    ['ESC and CRLF in the creator', (m) => (m.createdBy = { app: 'keyferry', version: `1.0${HOSTILE}` }), /createdBy/],
    [
      'ESC and CRLF in the ceremony title',
      (m) => (m.ceremony = { title: `Payments${HOSTILE}`, materialExpiry: 'never', onlineJournal: 'online.jsonl' }),
      /ceremony\.title/,
    ],
    ['a KF:stream ceremony id', (m) => (m.ceremonyId = 'KF:stream'), /KF:stream|ceremonyId/],
  ];
  for (const [name, edit, where] of cases) {
    it(`${name}: refused when read, printed escaped, nothing written`, async () => {
      await hostileBundle(edit);
      const verify = await keyferry(['bundle', 'verify', 'params'], { cwd: dir });
      expect(verify.code).toBe(1);
      expectEscaped(verify.stdout + verify.stderr);
      expect(verify.stderr).toMatch(where);

      const wrap = await wrapRun();
      expect(wrap.code).toBe(1);
      expectEscaped(wrap.stdout + wrap.stderr);
      expect(wrap.stderr).toMatch(where);
      await expectNothingWritten();
    });
  }
});
