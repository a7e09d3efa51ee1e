/**
 * The journal an online step names is checked before credentials or the KMS: an officer who
 * misspells it (or forgets --journal) is told that first, not sent to set credentials only to be
 * told next that the journal does not exist (the officer trial of 2026-12-04). A step that starts a
 * ceremony (create-key) may name a journal that does not exist yet; only it is told a journal is
 * "created if missing".
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-journal-first-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The in-process CLI sees only the environment given: none here, so no credentials.
const NO_CREDENTIALS = {};

describe('the journal named is the first thing an online step checks', () => {
  it('a missing journal or --journal is said before the credentials are asked for; create-key may start one', async () => {
    for (const step of [
      ['status'],
      ['params', '--out', 'params'],
      ['import', '--bundle', 'w', '--expect-digest', 'x'],
    ]) {
      const missing = await keyferry(['online', ...step, '--journal', 'onlin.jsonl'], {
        cwd: dir,
        env: NO_CREDENTIALS,
      });
      expect(missing.code, step[0]).toBe(1);
      expect(missing.stderr, step[0]).toContain(`The journal ${path.join(dir, 'onlin.jsonl')} does not exist`);
      expect(missing.stderr, step[0]).not.toContain('credentials');
      const none = await keyferry(['online', ...step], { cwd: dir, env: NO_CREDENTIALS });
      expect(none.stderr, step[0]).toContain(
        'The option --journal FILE is required: this step continues a ceremony from its journal. Give --journal FILE: the journal the ceremony’s earlier steps wrote (this step starts none).',
      );
      expect(none.stderr, step[0]).not.toContain('created if missing');
    }
    const plan = '--alias app/one --spec AES_256 --operator Ana --witness Ben --region cn-north-4';
    const start = await keyferry(['online', 'create-key', '--journal', 'new.jsonl', ...plan.split(' ')], {
      cwd: dir,
      env: NO_CREDENTIALS,
    });
    expect(start.stderr).toContain('No KMS credentials were given');
    const unnamed = await keyferry(['online', 'create-key', ...plan.split(' ')], { cwd: dir, env: NO_CREDENTIALS });
    expect(unnamed.stderr).toContain('Give --journal FILE (created if missing, continued if present).');
    expect(await readdir(dir)).toEqual([]);
  });
});
