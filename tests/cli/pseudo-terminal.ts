/**
 * Test helper: runs the `keyferry` bin on a new pseudo-terminal (python3's pty module, as `script`
 * or an SSH session would give), waits until `until` appears in what it printed, then either types
 * `answer` (bytes as a terminal sends them: "\r" for Enter, "\x04" for Ctrl-D, "\x03" for Ctrl-C)
 * and reads on until the process ends, or closes the terminal (`answer: null`, a window closed).
 */
import { spawnSync } from 'node:child_process';
import { KEYFERRY_BIN } from '../integration/cli-process';

const DRIVER = `
import os, pty, select, sys, time
until = sys.argv[1].encode()
answer = None if sys.argv[2] == '' else sys.argv[2][1:].encode('latin-1')
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[3], sys.argv[3:])
seen = b''
deadline = time.time() + 90
while until not in seen and time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 1)
    if ready:
        seen += os.read(fd, 4096)
if answer is None:
    os.close(fd)
else:
    os.write(fd, answer)
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.write(seen.decode('utf-8', 'replace'))
sys.stderr.write(str(os.waitstatus_to_exitcode(status)))
`;

export interface TerminalRun {
  /** Everything the terminal showed (stdout and stderr both go to it). */
  readonly shown: string;
  /** The exit code (negative: killed by that signal). */
  readonly exitCode: number;
}

export function runOnTerminal(
  args: readonly string[],
  options: { until: string; answer: string | null; cwd: string; env?: NodeJS.ProcessEnv },
): TerminalRun {
  const run = spawnSync(
    'python3',
    [
      '-c',
      DRIVER,
      options.until,
      options.answer === null ? '' : `=${options.answer}`,
      process.execPath,
      KEYFERRY_BIN,
      ...args,
    ],
    {
      encoding: 'utf8',
      cwd: options.cwd,
      env: { ...process.env, LANG: 'C.UTF-8', ...options.env },
      timeout: 120_000,
    },
  );
  return { shown: run.stdout, exitCode: Number(run.stderr.trim().split('\n').at(-1)) };
}
