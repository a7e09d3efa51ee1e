/**
 * The webPreferences of every Keyferry window, in one place so a test can pin them and a reviewer
 * can read them at a glance. Type-only Electron import: runs in plain Node.
 */
import type { WebPreferences } from 'electron';

interface WindowPreferenceOptions {
  /** Absolute path of the bundled preload; omitted for windows that need no API (printing). */
  readonly preload?: string;
  /** Developer tools: off in packaged builds. */
  readonly devTools: boolean;
  /** Session partition; omitted for the default session. */
  readonly partition?: string;
  /** JavaScript in the page; the print window renders static HTML and turns it off. */
  readonly javascript?: boolean;
}

/** Hardened webPreferences (DESIGN.md rule 6). */
export function secureWebPreferences(options: WindowPreferenceOptions): WebPreferences {
  return {
    ...(options.preload ? { preload: options.preload } : {}),
    ...(options.partition ? { partition: options.partition } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    javascript: options.javascript ?? true,
    devTools: options.devTools,
  };
}
