/**
 * Ctrl-C while the process is ending, after the command's last line: a real `keyferry` process,
 * signalled again and again from the moment its output is complete until it is gone. The process
 * must end with the command's own exit code, never be killed by the signal (which a shell reports
 * as 130, "stopped", and which an officer may read as "run it again"). Node restores the default
 * signal action while it tears down a process whose event loop emptied; the CLI ends the process
 * itself once the command ended, so no such window is left.
 */
import { describe, expect, it } from 'vitest';
import { spawnCli } from './cli-process';

/** Runs `keyferry --version` and sends SIGINT to its process group every millisecond once its output is complete. */
function versionStoppedWhileExiting(): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(['--version'], { detached: true });
    let stdout = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (timer === undefined && stdout.includes('sources SHA-256'))
        timer = setInterval(() => {
          try {
            process.kill(-(child.pid as number), 'SIGINT');
          } catch {
            // gone between two signals
          }
        }, 1);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, stdout });
    });
  });
}

describe('Ctrl-C while the CLI is ending', () => {
  it('ends with the command’s own code and output, never killed by the signal', async () => {
    for (let run = 0; run < 3; run += 1) {
      const ended = await versionStoppedWhileExiting();
      expect(ended.signal).toBeNull();
      expect(ended.code).toBe(0);
      expect(ended.stdout).toMatch(/^keyferry .*\ncode: commit .*sources SHA-256 [0-9a-f]{64}\n$/);
    }
  }, 60_000);
});
