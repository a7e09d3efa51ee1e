/**
 * `airgap wrap` killed after its HTML receipt was written, before the text twin and `receipt.written`
 * (a trial's kill -9 there): the next run closes the session as a crash's, withdraws its bundle, and
 * voids that receipt, saying so; it had named the withdrawn bundle, ready to sign. The kill is
 * stood in for by cutting the journal where it would end and removing what was not yet written;
 * the runs are the real command line on real files.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { oneAesParamsBundle } from '../helpers/aes-params-bundle';
import { airgapWrapArgs } from '../helpers/cli-sides';
import { keyferry } from './cli-in-process';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-receipt-unjournaled-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('airgap wrap after a run killed between its HTML receipt and receipt.written', () => {
  it('voids that receipt, names it, and wraps in a new folder', async () => {
    const ceremonyId = 'KF-20261207-c7c8c9';
    await mkdir(path.join(dir, 'usb'));
    const digest = await oneAesParamsBundle(path.join(dir, 'usb', 'params'), {
      ceremonyId,
      keyId: '0a1b2c3d-0000-4000-8000-0000000000c7',
    });
    const desk = path.join(dir, 'desk');
    await mkdir(desk);
    const wrap = (out: string) =>
      keyferry(
        airgapWrapArgs({ bundle: '../usb/params', out: `../usb/${out}`, digest }, '--no-backup', '--allow-network'),
        { cwd: desk },
      );
    expect((await wrap('wrapped-1')).code).toBe(0);
    const receipt = `receipt-air-gapped-${ceremonyId}-session-1`;
    // Killed once the HTML file was written: no text file, no receipt.written, no manifest.
    const journal = path.join(desk, 'airgap.jsonl');
    const lines = (await readFile(journal, 'utf8')).trim().split('\n');
    const at = lines.findIndex((l) => (JSON.parse(l) as { event: string }).event === 'receipt.written');
    await writeFile(journal, `${lines.slice(0, at).join('\n')}\n`);
    await rm(path.join(desk, `${receipt}.txt`));
    await rm(path.join(dir, 'usb', 'wrapped-1', 'manifest.json'));

    const again = await wrap('wrapped-2');
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout.replace(/\s+/g, ' ')).toContain(
      `The receipt that session printed but never journaled (${receipt}.html) was voided, renamed NAME.void: it names the bundle just withdrawn.`,
    );
    const files = await readdir(desk);
    expect(files).toContain(`${receipt}.html.void`);
    expect(files).not.toContain(`${receipt}.html`);
    expect(files).toContain(`receipt-air-gapped-${ceremonyId}-session-2.txt`);
  }, 60_000);
});
