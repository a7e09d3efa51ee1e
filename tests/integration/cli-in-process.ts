/** Test helper: runs `keyferry` commands in this process with captured output. */
import { commands } from '../../src-main/cli/commands/index';
import { runCli } from '../../src-main/cli/run-cli';

export interface InProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Both streams' lines in the order they were written (a terminal shows them so). */
  readonly lines: readonly { readonly stream: 'stdout' | 'stderr'; readonly line: string }[];
}

export async function keyferry(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const lines: { stream: 'stdout' | 'stderr'; line: string }[] = [];
  const code = await runCli(commands, [...args], {
    stdout: (l) => {
      out.push(l);
      lines.push({ stream: 'stdout', line: l });
    },
    stderr: (l) => {
      err.push(l);
      lines.push({ stream: 'stderr', line: l });
    },
    env: options.env ?? {},
    cwd: options.cwd,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), lines };
}
