/** Builds the handler context in plain Node, as src-main/app/main.ts does in Electron. */
import { formatLogLine } from '../../src-main/app/log';
import type { HandlerContext, OperationLog } from '../../src-main/ipc/context';
import { createModeController, type ApplyModePolicy } from '../../src-main/ipc/mode';
import type { KeyferryMode, ProgressEvent } from '../../src-main/ipc/contract';

/** An operation log that keeps its (redacted) lines in memory. */
export function memoryLog(): { log: OperationLog; lines: string[]; entries: () => Array<Record<string, unknown>> } {
  const lines: string[] = [];
  const record = (level: 'info' | 'warn' | 'error') => (event: string, data?: Record<string, unknown>) => {
    lines.push(formatLogLine(new Date(), level, event, data));
  };
  return {
    log: { info: record('info'), warn: record('warn'), error: record('error') },
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

export interface TestContext {
  context: HandlerContext;
  lines: string[];
  applied: KeyferryMode[];
  progress: ProgressEvent[];
}

/** A context whose mode policy records what it was asked to apply (or fails with `policyError`). */
export function testContext(options: { policyError?: Error } = {}): TestContext {
  const { log, lines } = memoryLog();
  const applied: KeyferryMode[] = [];
  const progress: ProgressEvent[] = [];
  const applyPolicy: ApplyModePolicy = async (mode) => {
    if (options.policyError) throw options.policyError;
    applied.push(mode);
  };
  return {
    context: {
      mode: createModeController(applyPolicy),
      now: () => new Date('2030-01-02T03:04:05.000Z'),
      log,
      identity: { name: 'Keyferry', version: '0.1.0', build: 'test' },
      reportProgress: (event) => progress.push(event),
    },
    lines,
    applied,
    progress,
  };
}
