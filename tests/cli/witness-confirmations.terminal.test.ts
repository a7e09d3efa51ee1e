/**
 * A witness prompt on a real terminal that goes away (the window closed, the SSH connection
 * dropped): `airgap wrap` runs on a pseudo-terminal (python3's pty module, as `script` would give),
 * the test closes the terminal while the first witness is asked, and the journal must say what
 * happened in the ceremony's words: the input ended before that witness typed, nothing was
 * recorded, no material exists. Before, the terminal's failed mode change (`setRawMode EIO`) was
 * journaled as an internal failure, and the next receipt printed it as a deviation a witness signs.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, onlineDayOne, type Fixture } from '../core/ceremony/ceremony-fixture';
import { KEYFERRY_BIN } from '../integration/cli-process';

/** Runs argv on a new pseudo-terminal, waits for `until` in its output, closes the terminal, waits for the process. */
const CLOSE_TERMINAL_AT = `
import os, pty, select, sys, time
until = sys.argv[1].encode()
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
seen = b''
deadline = time.time() + 90
while until not in seen and time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 1)
    if ready:
        seen += os.read(fd, 4096)
sys.stdout.write(seen.decode('utf-8', 'replace'))
os.close(fd)
os.waitpid(pid, 0)
`;

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('a witness prompt whose terminal goes away', () => {
  it('journals that the input ended before the witness typed, not an internal failure', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const journal = path.join(f.dir, 'airgap.jsonl');
    const ask = `${plan.witnesses[0]}, type it as you heard it:`;
    const run = spawnSync(
      'python3',
      [
        '-c',
        CLOSE_TERMINAL_AT,
        ask,
        process.execPath,
        KEYFERRY_BIN,
        'airgap',
        'wrap',
        '--bundle',
        params,
        '--out',
        path.join(f.dir, 'wrapped'),
        '--journal',
        journal,
        '--receipt-dir',
        f.dir,
        '--operator',
        plan.operator,
        ...plan.witnesses.flatMap((w) => ['--witness', w]),
        '--allow-network',
      ],
      { encoding: 'utf8', cwd: f.dir, env: { ...process.env, LANG: 'C.UTF-8' }, timeout: 120_000 },
    );
    expect(run.stdout).toContain(ask);
    const entries = (await readFile(journal, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; data: Record<string, unknown> });
    const last = entries.at(-1);
    expect(last?.event).toBe('ceremony.abandoned');
    expect(last?.data.code).toBe('WITNESS_INPUT_ENDED');
    expect(String(last?.data.reason)).toContain(`The input ended before ${plan.witnesses[0]} confirmed`);
    expect(JSON.stringify(entries)).not.toMatch(/INTERNAL|setRawMode/);
    expect(entries.some((e) => e.event === 'witness.confirmed' || e.event.startsWith('material.'))).toBe(false);
  });
});
