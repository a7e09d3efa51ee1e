/**
 * What handlers get from the process that hosts them. Built by src-main/app/main.ts in Electron,
 * and by tests in plain Node, so every handler runs without Electron.
 */
import type { CodeIdentity } from '../core/software/code-identity';
import type { KeyferryMode, ProgressEvent } from './contract';
import type { DesktopServices } from './desktop-services';
import type { LanguageController } from './handlers/language';

/** Values a log entry may carry. The log redacts secrets, but callers pass facts, not payloads. */
export type LogData = Readonly<Record<string, unknown>>;

/** The operations log (src-main/app/log.ts writes it with a redaction guard). */
export interface OperationLog {
  info(event: string, data?: LogData): void;
  warn(event: string, data?: LogData): void;
  error(event: string, data?: LogData): void;
}

/** Who we are, as shown by `app.info`. */
interface AppIdentity {
  readonly name: string;
  readonly version: string;
  readonly build: string;
  /** The digest of the code that runs (see core/software/code-identity.ts); absent in tests. */
  readonly code?: CodeIdentity;
}

/** The mode chosen in the UI; see ./mode.ts. */
export interface ModeController {
  /** The chosen mode, or null before the officer has chosen one. */
  current(): KeyferryMode | null;
  /** Applies the session policy for `mode`, then records it. Refuses to leave air-gapped mode. */
  choose(mode: KeyferryMode): Promise<KeyferryMode>;
}

export interface HandlerContext {
  readonly mode: ModeController;
  readonly now: () => Date;
  readonly log: OperationLog;
  readonly identity: AppIdentity;
  /** Pushes a progress event to the UI (a no-op in tests that do not listen). */
  readonly reportProgress: (event: ProgressEvent) => void;
  /** The language main speaks (pickers, menu, dialogs): the app's follows the screens (`app.language`); absent: English until told. */
  readonly language?: LanguageController;
  /** Native dialogs and printing, provided by the Electron app (absent in tests and headless runs). */
  readonly desktop?: DesktopServices;
}
