/**
 * A process stand-in for the CLI's stop machinery (interrupts.ts): signals sent by hand, what the
 * stop prints, and the exit code(s) it asks for.
 */
import { EventEmitter } from 'node:events';
import { listenForStops } from '../../src-main/cli/interrupts';

export function standIn() {
  const emitter = new EventEmitter();
  const printed: string[] = [];
  const exits: number[] = [];
  let exited: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => {
    exited = resolve;
  });
  const interrupts = listenForStops(
    { on: (signal: string, listener: () => void) => emitter.on(signal, listener) } as Pick<NodeJS.Process, 'on'>,
    (line) => printed.push(line),
    (signal) => `fallback ${signal}`,
    (code) => {
      exits.push(code);
      exited(code);
    },
  );
  return { interrupts, printed, exit, exits, send: (signal: string) => emitter.emit(signal) };
}
