/**
 * What only the desktop app can do (native dialogs, printing), offered to handlers through the
 * HandlerContext. src-main/app provides it (dialogs.ts, printing.ts); tests and headless runs
 * leave it out, and the handlers then say plainly that the user should type the path instead.
 */
import type { PathPurpose } from './contract';

export interface DesktopServices {
  /** Opens the native picker for `purpose` (a folder, or a file for *-file purposes); null if cancelled. */
  choosePath(purpose: PathPurpose): Promise<string | null>;
  /** Prints the receipt HTML (the system dialog chooses the printer). */
  printReceipt(html: string): Promise<void>;
  /** Renders the receipt HTML to a PDF named `fileName` in `folder`, never overwriting. */
  saveReceiptPdf(
    html: string,
    folder: string,
    fileName: string,
  ): Promise<{ path: string; size: number; sha256: string }>;
}
