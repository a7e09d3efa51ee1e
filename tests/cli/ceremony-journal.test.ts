/**
 * The journal a later step is given by mistake: a misspelt name is refused naming the journal files
 * that do lie in that folder, and a file that is no journal at all (a receipt, the plan) is refused
 * as such, not as a damaged journal to keep as evidence and to start the ceremony again over.
 */
import { copyFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyferry } from '../integration/cli-in-process';
import { tempDir, writeSampleJournal } from '../core/journal/sample';

let dir: string;

beforeAll(async () => {
  dir = await tempDir('kf-journal-given-');
  const { file } = await writeSampleJournal();
  await copyFile(file, path.join(dir, 'online.jsonl'));
  await writeFile(path.join(dir, 'receipt-online-KF-1.txt'), 'Keyferry receipt: online workstation\nCeremony KF-1\n');
  await writeFile(path.join(dir, 'ceremony.json'), '{\n  "title": "Payments keys 2026"\n}\n');
});

describe('a later step given the wrong journal', () => {
  it('a custody restore’s --hsm-journal that does not exist: refused before the PIN, a witness or a journal of its own', async () => {
    const restore = [
      ...['custody', 'restore', '--bundle', 'params', '--wrapped-out', 'wrapped', '--journal', 'restore.jsonl'],
      ...['--operator', 'Ana', '--witness', 'Ben', '--allow-network'],
      ...['--hsm-module', '/usr/lib/softhsm/libsofthsm2.so', '--hsm-token', 'vault', '--hsm-pin-env', 'HSM_PIN'],
      ...['--hsm-journal', 'airgap-KF-1.jsonl'],
    ];
    const run = await keyferry(restore, { cwd: dir, env: { HSM_PIN: '1234' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `The air-gapped journal ${path.join(dir, 'airgap-KF-1.jsonl')} (--hsm-journal) does not exist, so the material in the token cannot be checked against it. Nothing was started. Its folder holds one journal file (.jsonl): online.jsonl. Give --hsm-journal the path`,
    );
    expect(await readdir(dir)).not.toContain('restore.jsonl');
  });

  it('names the journal files in the folder when the one given does not exist (en, zh-CN)', async () => {
    const en = await keyferry(['online', 'status', '--journal', 'onlin.jsonl'], { cwd: dir });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(
      `The journal ${path.join(dir, 'onlin.jsonl')} does not exist, so there is no ceremony to continue. Its folder holds one journal file (.jsonl): online.jsonl.`,
    );
    const zh = await keyferry(['online', 'status', '--journal', 'onlin.jsonl'], {
      cwd: dir,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(zh.stderr).toContain('其所在文件夹中有 1 个日志文件（.jsonl）：online.jsonl。');
    // The way out points at the journals named, not at starting a new ceremony first (a trial).
    expect(en.stderr).toContain(
      'Give the path of the ceremony’s journal (one of those named, if its name was mistyped); only a new ceremony starts with',
    );
    // journal verify names them too (it said only "no such file").
    const verify = await keyferry(['journal', 'verify', 'onlin.jsonl'], { cwd: dir });
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain(
      `The journal ${path.join(dir, 'onlin.jsonl')} does not exist. Its folder holds one journal file (.jsonl): online.jsonl. Give the path of the journal to check`,
    );
    // A folder with none says only that the journal does not exist.
    const elsewhere = await keyferry(['online', 'status', '--journal', path.join(dir, 'none', 'online.jsonl')], {
      cwd: dir,
    });
    expect(elsewhere.stderr).toMatch(/does not exist, so there is no ceremony to continue\. Start the ceremony/);
  });

  it('a new journal in a folder that does not exist: said so, not as media removed (a trial), nothing written', async () => {
    const run = await keyferry(
      [
        ...['airgap', 'wrap', '--bundle', 'params', '--out', 'wrapped', '--journal', 'nosuchdir/c.jsonl'],
        '--operator',
        'Ana',
        '--witness',
        'Ben',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `The journal ${path.join(dir, 'nosuchdir', 'c.jsonl')} cannot be created: its folder ${path.join(dir, 'nosuchdir')} does not exist. Nothing was written. Check --journal for a typing slip`,
    );
    expect(run.stderr).not.toContain('removed');
    expect(await readdir(dir)).not.toContain('nosuchdir');
  });

  it('online import given an empty --receipt-dir (an unset variable): refused before anything opens', async () => {
    const run = await keyferry(
      [
        'online',
        'import',
        '--journal',
        'online.jsonl',
        '--bundle',
        'wrapped',
        '--expect-digest',
        'AAAA',
        '--receipt-dir',
        '',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The option --receipt-dir was given an empty value (an unset shell variable?).');
    expect(await readdir(dir)).not.toContain('online.jsonl.lock');
  });

  it('refuses a receipt or the plan given as the journal as no journal, without sending the officer to start again', async () => {
    for (const file of ['receipt-online-KF-1.txt', 'ceremony.json']) {
      const run = await keyferry(['online', 'status', '--journal', file], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `The file ${path.join(dir, file)} is not a Keyferry journal: no line of it is a journal entry. Nothing was written to it.`,
      );
      expect(run.stderr).toContain('give the journal file (.jsonl) that this ceremony’s earlier steps wrote');
      expect(run.stderr).not.toMatch(/start the ceremony again|evidence/);
    }
    const zh = await keyferry(['online', 'status', '--journal', 'ceremony.json'], {
      cwd: dir,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(zh.stderr).toContain(
      `文件 ${path.join(dir, 'ceremony.json')} 不是 Keyferry 日志：其中没有任何一行是日志条目。`,
    );
  });

  it('journal verify says a receipt is no journal and asks for the right path, not to keep it as evidence', async () => {
    const run = await keyferry(['journal', 'verify', 'receipt-online-KF-1.txt'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      'line 1: no line of the file is a journal entry: it is not a Keyferry journal',
      'Check the path: give the journal file (.jsonl) a ceremony step wrote, not a receipt, plan or bundle file.',
    ]);
  });
});
