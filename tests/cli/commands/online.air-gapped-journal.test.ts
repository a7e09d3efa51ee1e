/**
 * The air-gapped journal given to an online command (a slip of --journal, as the officer trial
 * made it): it is named for what it is before anything else is asked, never answered with a
 * missing option ("The KMS region is not set") or with credentials, and nothing reaches the KMS.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal } from '../../../src-main/core/journal';
import { keyferry } from '../../integration/cli-in-process';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-airgap-journal-'));
  const journal = await openJournal(path.join(dir, 'ag.jsonl'), { create: true });
  await journal.append('Ana Lima', 'ceremony.session-started', {
    side: 'air-gapped',
    title: 'Payments keys 2026',
    operator: 'Ana Lima',
    witnesses: ['Ben Okafor'],
  });
  await journal.close();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an online command given the air-gapped journal', () => {
  it('says it is the air-gapped journal before asking for a region or credentials', async () => {
    const status = await keyferry(['online', 'status', '--journal', 'ag.jsonl'], { cwd: dir, env: {} });
    expect(status.code).toBe(1);
    expect(status.stderr).toContain(
      'ag.jsonl is an air-gapped journal (ceremony “Payments keys 2026”, operator Ana Lima), not the journal of an online ceremony. Nothing was sent to the KMS.',
    );
    expect(status.stderr).not.toMatch(/region is not set|credential/i);
  });

  it('says it in Chinese', async () => {
    const status = await keyferry(['online', 'status', '--journal', 'ag.jsonl'], {
      cwd: dir,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(status.code).toBe(1);
    expect(status.stderr).toContain(
      'ag.jsonl 是离线日志（仪式“Payments keys 2026”，操作员 Ana Lima），不是联网仪式的日志。未向 KMS 发送任何请求。',
    );
  });
});
