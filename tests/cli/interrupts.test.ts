/**
 * The stop machinery of the CLI (interrupts.ts) on a process stand-in: a stop runs the handlers
 * newest first and ends 130 for Ctrl-C; a handler that finds the work complete makes it end 0; and
 * once the command ended, a stop runs no handler (nothing journaled as interrupted), prints nothing
 * and ends with the command's own code.
 */
import { describe, expect, it } from 'vitest';
import { standIn } from './stops-stand-in';

describe('stops of a CLI command', () => {
  it('runs the handlers newest first and ends 130 on Ctrl-C, with the first line a handler set', async () => {
    const { interrupts, printed, exit, send } = standIn();
    const ran: string[] = [];
    interrupts.onStop(async (stop) => {
      ran.push('journal');
      stop.line ??= 'journal line';
    });
    interrupts.onStop(async (stop) => {
      ran.push('ceremony');
      stop.line = 'ceremony line';
    });
    send('SIGINT');
    expect(await exit).toBe(130);
    expect(ran).toEqual(['ceremony', 'journal']);
    expect(printed).toEqual(['ceremony line']);
    expect(interrupts.stopping).toBe(true);
  });

  it('ends 0 when a handler found the work complete (a finished ceremony)', async () => {
    const { interrupts, printed, exit, send } = standIn();
    interrupts.onStop(async (stop) => {
      stop.completed = true;
      stop.line = 'after the ceremony finished';
    });
    send('SIGTERM');
    expect(await exit).toBe(0);
    expect(printed).toEqual(['after the ceremony finished']);
  });

  it('after the command ended, ends with its code at once: no handler runs, nothing is printed', async () => {
    const { interrupts, printed, exit, send } = standIn();
    let ran = false;
    interrupts.onStop(async () => {
      ran = true;
    });
    interrupts.commandEnded(0);
    send('SIGINT');
    expect(await exit).toBe(0);
    expect(ran).toBe(false);
    expect(printed).toEqual([]);
  });

  it('a command that ends while a stop is under way does not end the process: the stop ends it, with its code', async () => {
    const { interrupts, exits, exit, send } = standIn();
    let release: () => void = () => undefined;
    interrupts.onStop(async () => {
      // The stop aborted the command's writes: the command fails (1) while the handler still runs.
      interrupts.commandEnded(1);
      await new Promise<void>((resolve) => (release = resolve));
    });
    send('SIGINT');
    expect(exits).toEqual([]);
    release();
    expect(await exit).toBe(130);
    expect(exits).toEqual([130]);
  });

  it('a command that ends with no stop ends the process with its code', () => {
    const { interrupts, exits } = standIn();
    interrupts.commandEnded(3);
    expect(exits).toEqual([3]);
  });
});
