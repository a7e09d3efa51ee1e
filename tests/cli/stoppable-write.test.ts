/**
 * A write a stop ends part way (cli/stoppable-write.ts): the stop aborts the write's signal, waits
 * for the write to settle (so what it removed is known before anything is printed), and the
 * command's `stopped` puts its line before the stop's; once unregistered, a stop leaves it alone.
 * On the process stand-in of interrupts.test.ts, with a write that ends only when aborted.
 */
import { describe, expect, it } from 'vitest';
import { abortWriteOnStop } from '../../src-main/cli/stoppable-write';
import type { CliIo } from '../../src-main/cli/command';
import { standIn } from './stops-stand-in';

/** The stand-in's interrupts as a command's io. */
function stoppedIo() {
  const stand = standIn();
  return { ...stand, io: { interrupts: stand.interrupts } as unknown as CliIo };
}

/** A write that runs until its signal is aborted, then fails as a write that removed its files does. */
function writeUntilAborted(signal: AbortSignal, steps: string[]): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () =>
      setTimeout(() => {
        steps.push('write removed its files');
        reject(new Error('removed'));
      }, 20),
    );
  });
}

describe('abortWriteOnStop', () => {
  it('aborts the write, waits for it to settle, then says what it left before the stop’s line', async () => {
    const { io, printed, exit, send } = stoppedIo();
    const steps: string[] = [];
    const stoppable = abortWriteOnStop(io, (context, failure) => {
      steps.push(`told: ${(failure as Error).message}`);
      context.before.push('the bundle was not finished');
    });
    const write = stoppable.writing(writeUntilAborted(stoppable.signal, steps)).catch(() => 'failed');
    send('SIGINT');
    expect(await exit).toBe(130);
    expect(steps).toEqual(['write removed its files', 'told: removed']);
    expect(printed).toEqual(['the bundle was not finished\nfallback SIGINT']);
    expect(await write).toBe('failed');
  });

  it('after unregister, a stop neither aborts nor tells', async () => {
    const { io, printed, exit, send } = stoppedIo();
    const stoppable = abortWriteOnStop(io, (context) => {
      context.line = 'never';
    });
    await stoppable.writing(Promise.resolve('written'));
    stoppable.unregister();
    send('SIGTERM');
    expect(await exit).toBe(143);
    expect(stoppable.signal.aborted).toBe(false);
    expect(printed).toEqual(['fallback SIGTERM']);
  });
});
