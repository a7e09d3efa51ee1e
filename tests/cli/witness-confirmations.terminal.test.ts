/**
 * A witness prompt on a real terminal that goes away (the window closed, the SSH connection
 * dropped): `airgap wrap` runs on a pseudo-terminal (python3's pty module, as `script` would give),
 * the test closes the terminal while the first witness is asked, and the journal must say what
 * happened in the ceremony's words: the input ended before that witness typed, nothing was
 * recorded, no material exists. Before, the terminal's failed mode change (`setRawMode EIO`) was
 * journaled as an internal failure, and the next receipt printed it as a deviation a witness signs.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, onlineDayOne, type Fixture } from '../core/ceremony/ceremony-fixture';
import { runOnTerminal } from './pseudo-terminal';

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
    const run = runOnTerminal(
      [
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
      { until: ask, answer: null, cwd: f.dir },
    );
    expect(run.shown).toContain(ask);
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
