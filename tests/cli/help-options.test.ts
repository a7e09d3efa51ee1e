/**
 * Every command's --help names exactly the options its parseArgs table declares (no option
 * undocumented, none documented that does not exist), exits 0, and aligns its option columns.
 */
import { describe, expect, it, vi } from 'vitest';
import { commands } from '../../src-main/cli/commands/index';
import { runCli } from '../../src-main/cli/run-cli';

/** The option names each command declared on its last parse (command name → `--name`s). */
const declaredOptions = vi.hoisted(() => new Map<string, readonly string[]>());

vi.mock('../../src-main/cli/args', async (original) => {
  const actual = await original<typeof import('../../src-main/cli/args')>();
  return {
    ...actual,
    parseCommandArgs: (...args: Parameters<typeof actual.parseCommandArgs>) => {
      declaredOptions.set(
        args[0],
        Object.keys(args[2]).map((name) => `--${name}`),
      );
      return actual.parseCommandArgs(...args);
    },
  };
});

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(commands, argv, {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    env: {},
    cwd: process.cwd(),
  });
  return { code, out, err };
}

/** Options a text mentions: `--word` not inside another word. */
function mentioned(help: string): Set<string> {
  return new Set([...help.matchAll(/(?<![\w-])--[a-z][a-z0-9-]*/g)].map((m) => m[0]));
}

/** Options the help defines: in its usage lines and in lines that start with an option. */
function defined(help: string): Set<string> {
  const lines = help.split('\n').filter((l) => /^\s*(Usage:|--|\[--|\(--)/.test(l) || /^\s{4,}.*--/.test(l));
  return mentioned(lines.join('\n'));
}

describe('help and declared options', () => {
  for (const entry of commands) {
    it(`keyferry ${entry.name} --help documents exactly the options it accepts`, async () => {
      const help = await run([...entry.name.split(' '), '--help']);
      expect(help.code).toBe(0);
      const text = help.out.join('\n');
      // An unknown option makes the command parse its table (and refuse) without doing anything.
      declaredOptions.delete(entry.name);
      const probe = await run([...entry.name.split(' '), '--kf-undeclared-probe']);
      expect(probe.code).toBe(1);
      const declared = declaredOptions.get(entry.name);
      expect(declared, `${entry.name} did not parse its options`).toBeDefined();
      const documented = mentioned(text);
      expect([...(declared ?? [])].filter((o) => !documented.has(o)).sort(), 'declared but not in --help').toEqual([]);
      expect(
        [...defined(text)].filter((o) => !(declared ?? []).includes(o) && o !== '--help').sort(),
        'in --help but not accepted',
      ).toEqual([]);
      expect(text).not.toMatch(/created if missing/);
    });
  }

  it('lists a command group with --help and exits 0', async () => {
    for (const group of ['online', 'custody', 'journal', 'bundle', 'airgap']) {
      const result = await run([group, '--help']);
      expect(result.code).toBe(0);
      expect(result.out.join('\n')).toMatch(new RegExp(`^  ${group} \\w`, 'm'));
    }
  });
});
