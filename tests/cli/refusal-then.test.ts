/**
 * A refusal with a next command prints the refusal first, then the command: `online import` of a
 * bundle whose import tokens lapsed used to print "Next, new wrapping keys and import tokens …"
 * above the reason it was refused. The real CLI in this process against the simulator, both
 * streams' lines in the order a terminal shows them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../integration/cli-in-process';
import { simAndFolderPerTest } from './commands/sim-folder';
import { wrappedCliCeremony } from './commands/wrapped-cli-ceremony';

const test = simAndFolderPerTest('kf-cli-refusal-then-');

describe('a refusal followed by the command to run next', () => {
  it('says why before what: the lapsed-token refusal, then the parameters command', async () => {
    const c = await wrappedCliCeremony(path.join(test.dir(), 'c'), test.kms().sim, [
      { alias: 'app/one', spec: 'AES_256' },
    ]);
    test.kms().sim.clock.advance(25 * 3_600_000);

    const run = await keyferry(c.importCommand, { cwd: c.online, env: c.env });

    expect(run.code).toBe(1);
    const refusal = run.lines.findIndex(
      (l) => l.stream === 'stderr' && l.line.includes('The import token has expired'),
    );
    const next = run.lines.findIndex((l) => l.line.startsWith('Next, new wrapping keys and import tokens'));
    expect(refusal).toBeGreaterThanOrEqual(0);
    expect(next).toBe(refusal + 1);
    expect(run.lines[next]?.stream).toBe('stdout');
    expect(run.lines[next]?.line).toContain('keyferry online params --journal online.jsonl --out MEDIA/');
  });
});
