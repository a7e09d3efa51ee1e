/**
 * The receipt language a ceremony chose stays for its later air-gapped sessions, in real processes
 * (`node bin/keyferry.js`): a first wrap with `--receipt-lang both`, a second (a wrap again) with
 * no `--receipt-lang`. A trial's later sessions journaled and printed English only; the README says
 * the ceremony's choice is used for later receipts.
 */
import { airgapWrapArgs } from '../helpers/cli-sides';
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYFERRY_BIN as BIN } from './cli-process';
import { custodyArgs, stoppedCliFolder } from './stopped-cli';

const cli = stoppedCliFolder('kf-receipt-lang-');
const dir = () => cli.dir();

const run = (args: string[]) =>
  cli.watch(spawn(process.execPath, [BIN, ...args], { cwd: dir(), detached: true, env: process.env }), () => undefined);

describe('the receipt language of a ceremony', () => {
  it('chosen by the first air-gapped session, is the one a later session records and prints in', async () => {
    const digest = await cli.parameters(1, 'AES_256');
    const wrap = (out: string, set: string, ...extra: string[]) =>
      airgapWrapArgs(
        { out },
        '--allow-network',
        '--witness-confirms',
        `Ben=${digest}`,
        ...custodyArgs(['c1', 'c2', 'c3'].map((c) => path.join(dir(), `${c}${set}`))),
        ...extra,
      );
    expect((await run(wrap('wrapped', '', '--receipt-lang', 'both'))).code).toBe(0);
    const second = await run(wrap('wrapped-2', '-2', '--wrap-again', 'the first bundle’s stick was lost'));
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const starts = (await readFile(path.join(dir(), 'airgap.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; data: { receiptLanguage?: string } })
      .filter((e) => e.event === 'ceremony.session-started' || e.event === 'ceremony.started')
      .map((e) => e.data.receiptLanguage)
      .filter((language) => language !== undefined);
    expect(starts.at(-1)).toBe('both');
    const name = (await readdir(dir())).find((f) => /^receipt-air-gapped-.*-2\.txt$/.test(f)) as string;
    const receipt = await readFile(path.join(dir(), name), 'utf8');
    expect(receipt).toMatch(/[\u4e00-\u9fff]/);
    expect(receipt).toContain('Custodian: Dana');
  }, 120_000);
});
