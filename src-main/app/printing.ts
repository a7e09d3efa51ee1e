/**
 * Prints a receipt (HTML from the receipt module) in a hidden, sandboxed window with JavaScript
 * off, in an in-memory session that may load nothing but the one `data:` document. Either to a
 * printer (`webContents.print`) or to a PDF, on the ceremony's paper (A4 or Letter, chosen at
 * setup), written with writeFileExclusive (never overwriting).
 * Type-only Electron import: main.ts passes Electron's BrowserWindow and session, tests fakes of
 * the same documented surface.
 */
import path from 'node:path';
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Session,
  WebContents,
  WebContentsPrintOptions,
} from 'electron';
import { KeyferryError } from '../core/errors';
import { writeFileExclusive, type WrittenFile } from '../core/fs/durable-file';
import type { PaperSize } from '../core/receipt/paper-size';
import type { OperationLog } from '../ipc/context';
import { isAllowedPrintRequest } from './security/network-policy';
import { hardenSession, type HardenableSession } from './security/session-hardening';
import { secureWebPreferences } from './security/web-preferences';

const PRINT_PARTITION = 'keyferry-print'; // no "persist:" prefix: in memory only

/** The parts of Electron the printer uses. */
export interface PrintingElectron {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => Pick<
    BrowserWindow,
    'loadURL' | 'destroy'
  > & {
    readonly webContents: Pick<WebContents, 'print' | 'printToPDF'>;
  };
  readonly session: {
    fromPartition(
      partition: string,
    ): HardenableSession & { readonly webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };
  };
}

interface ReceiptPrinter {
  /** Sends the receipt to a printer on `paperSize` (the system dialog lets the officer choose the printer). */
  printReceipt(html: string, paperSize: PaperSize, options?: WebContentsPrintOptions): Promise<void>;
  /** Renders the receipt to a PDF of `paperSize` pages and writes it as `fileName` in `folder` (never overwriting). */
  saveReceiptPdf(html: string, folder: string, fileName: string, paperSize: PaperSize): Promise<WrittenFile>;
}

export function createReceiptPrinter(electron: PrintingElectron, log: OperationLog): ReceiptPrinter {
  let prepared = false;
  const preparedSession = () => {
    if (prepared) return;
    const printSession = electron.session.fromPartition(PRINT_PARTITION);
    hardenSession(printSession, log);
    printSession.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !isAllowedPrintRequest(details.url) }),
    );
    prepared = true;
  };

  async function withReceiptWindow<T>(
    html: string,
    use: (window: InstanceType<PrintingElectron['BrowserWindow']>) => Promise<T>,
  ): Promise<T> {
    preparedSession();
    const { BrowserWindow } = electron; // named so the Electronegativity audit sees this window
    const window = new BrowserWindow({
      show: false,
      webPreferences: secureWebPreferences({ devTools: false, javascript: false, partition: PRINT_PARTITION }),
    });
    try {
      await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      return await use(window);
    } finally {
      window.destroy();
    }
  }

  return {
    async printReceipt(html, paperSize, options = {}) {
      await withReceiptWindow(html, (window) => {
        return new Promise<void>((resolve, reject) => {
          window.webContents.print(
            { printBackground: true, pageSize: paperSize, ...options },
            (success, failureReason) => {
              if (success) resolve();
              else reject(new KeyferryError('PRINT_FAILED', { reason: failureReason || 'cancelled' }));
            },
          );
        });
      });
      log.info('receipt.printed');
    },

    async saveReceiptPdf(html, folder, fileName, paperSize) {
      if (path.basename(fileName) !== fileName || !fileName.toLowerCase().endsWith('.pdf')) {
        throw new KeyferryError('RECEIPT_NAME_INVALID', { name: fileName });
      }
      // The ceremony's paper, not the page's CSS (the receipt's @page says `size: auto`).
      const pdf = await withReceiptWindow(html, (window) =>
        window.webContents.printToPDF({ pageSize: paperSize, preferCSSPageSize: false, printBackground: true }),
      );
      const written = await writeFileExclusive(path.join(folder, fileName), pdf);
      log.info('receipt.pdf-written', { file: fileName, paperSize, size: written.size, sha256: written.sha256 });
      return written;
    },
  };
}
