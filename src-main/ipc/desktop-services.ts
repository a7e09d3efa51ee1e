/**
 * What only the desktop app can do (native dialogs, printing, the OS keychain), offered to
 * handlers through the HandlerContext. src-main/app provides it (dialogs.ts, printing.ts,
 * credential-vault.ts); tests and headless runs leave it out, and the handlers then say plainly
 * what to do instead (type the path; enter the credentials for this session only).
 */
import type { ProblemDetails } from '../core/errors';
import type { PaperSize } from '../core/receipt/paper-size';
import type { PathPurpose } from './contract';

/** Cloud credentials with the connection they were used for, as the officer asked to remember them. */
export interface RememberedCredentials {
  readonly region: string;
  readonly projectId: string;
  readonly endpoint?: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly securityToken?: string;
}

/** What the vault gives back: the credentials and when they were remembered (ISO time). */
export interface RecalledCredentials extends RememberedCredentials {
  readonly savedAt: string;
}

/**
 * Credentials kept across sessions only encrypted by the OS keystore (Electron's safeStorage).
 * Profile names are short lowercase names (`default`), one remembered set each.
 */
export interface CredentialVault {
  /** Whether the OS offers real encryption here; `reason` says why not (a code and values, rendered in the reader's language). */
  isAvailable(): { available: boolean; reason?: ProblemDetails };
  /** Encrypts and stores `credentials` for `profileName`, replacing what was there. */
  remember(profileName: string, credentials: RememberedCredentials): Promise<void>;
  /** The remembered credentials of `profileName`, or null when none are stored. */
  recall(profileName: string): Promise<RecalledCredentials | null>;
  /** Deletes what is stored for `profileName`; false when nothing was. */
  forget(profileName: string): Promise<boolean>;
}

export interface DesktopServices {
  /**
   * Opens the native picker for `purpose` (a folder, or a file for *-file purposes) at `startFolder`
   * when given (an existing folder); null if cancelled.
   */
  choosePath(purpose: PathPurpose, startFolder?: string): Promise<string | null>;
  /** Prints the receipt HTML on `paperSize` (the system dialog chooses the printer). */
  printReceipt(html: string, paperSize: PaperSize): Promise<void>;
  /** Renders the receipt HTML to a PDF on `paperSize` pages named `fileName` in `folder`, never overwriting. */
  saveReceiptPdf(
    html: string,
    folder: string,
    fileName: string,
    paperSize: PaperSize,
  ): Promise<{ path: string; size: number; sha256: string }>;
  /** Remembered cloud credentials, encrypted by the OS keychain. */
  readonly credentialVault: CredentialVault;
}
