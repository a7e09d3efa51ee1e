/**
 * The mode chosen at start (rehearsal, online, air-gapped). The session policy for a mode (the
 * network guard) is applied BEFORE the mode is recorded, so a handler that checks
 * `requireMode(..., 'air-gapped')` before reading a bundle knows the guard is already in place.
 * Air-gapped mode is one-way: leaving it needs a restart, so nothing from an air-gapped session
 * (material in memory, open bundles) can ever live on in a networked one.
 */
import { KeyferryError } from '../core/errors';
import type { KeyferryMode } from './contract';
import type { ModeController } from './context';

/** Applies the Electron session policy for a mode (src-main/app/security/network-guard.ts in the app). */
export type ApplyModePolicy = (mode: KeyferryMode) => Promise<void>;

export function createModeController(applyPolicy: ApplyModePolicy): ModeController {
  let current: KeyferryMode | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function choose(mode: KeyferryMode): Promise<KeyferryMode> {
    if (current === 'air-gapped' && mode !== 'air-gapped') {
      throw new KeyferryError('MODE_LOCKED');
    }
    try {
      await applyPolicy(mode);
    } catch (error) {
      throw new KeyferryError('MODE_GUARD_FAILED', { mode }, { cause: error });
    }
    current = mode;
    return mode;
  }

  return {
    current: () => current,
    // One choice at a time, so two quick clicks cannot interleave policy changes.
    choose: (mode) => {
      const next = queue.then(() => choose(mode));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

/** Throws unless the chosen mode is one of `allowed`. For handlers of mode-specific steps. */
export function requireMode(controller: ModeController, ...allowed: KeyferryMode[]): KeyferryMode {
  const mode = controller.current();
  if (mode === null) {
    throw new KeyferryError('MODE_NOT_CHOSEN');
  }
  if (!allowed.includes(mode)) {
    // The steps allow one mode or two (never all three, else no mode could be wrong).
    throw new KeyferryError('MODE_WRONG', { first: allowed[0] ?? mode, second: allowed[1] ?? 'none', mode });
  }
  return mode;
}
