/**
 * TEST ONLY: with NODE_ENV=test and KEYFERRY_TEST_PAUSE_AT=<point>, a command stops at `point`,
 * prints `test pause: <point>` on stderr and waits (at most a minute, then goes on), so a test can
 * kill the real process exactly there: a SIGKILL between the wrapped bundle and its receipt, or
 * between the receipt and the bundle's manifest, must leave nothing importable. Without both variables this does nothing.
 */
import type { SessionPausePoint } from '../core/ceremony/airgap/session-stop';
import type { CliIo } from './command';

type TestPausePoint =
  | 'before-receipt'
  | 'after-receipt'
  | 'receipt-before-manifest'
  | 'custody-split-started'
  | 'custody-split-first-folder'
  | 'after-parameters-bundle'
  | 'parameters-bundle-verified'
  | 'custody-restore-first-key'
  | 'custody-restore-written'
  | 'import-before-verify'
  | SessionPausePoint;

const MAX_PAUSE_MS = 60_000;

/** `until`: a stop that ends the pause early (the command then goes on to see it). */
export async function pauseForTest(
  io: Pick<CliIo, 'env' | 'stderr'>,
  point: TestPausePoint,
  until?: AbortSignal,
): Promise<void> {
  // Several points, comma-separated: a stop (Ctrl-C) at one, a kill at the next.
  const points = io.env.KEYFERRY_TEST_PAUSE_AT?.split(',') ?? [];
  if (io.env.NODE_ENV !== 'test' || !points.includes(point) || until?.aborted) return;
  io.stderr(`test pause: ${point}`);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, MAX_PAUSE_MS);
    until?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
