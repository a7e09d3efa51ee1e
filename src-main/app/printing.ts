/**
 * Prints a receipt (HTML from the receipt module) in a hidden, sandboxed window with JavaScript
 * off, in an in-memory session that may load nothing but the one `data:` document. Either to a
 * printer (`webContents.print`) or to a PDF written with writeFileExclusive (never overwriting).
 */
import path from 'node:path';
import { BrowserWindow, session, type Session, type WebContentsPrintOptions } from 'electron';
import { KeyferryError } from '../core/errors';
import { writeFileExclusive, type WrittenFile } from '../core/fs/durable-file';
import type { OperationLog } from '../ipc/context';
import { isAllowedPrintRequest } from './security/network-policy';
import { hardenSession } from './security/session-hardening';
import { secureWebPreferences } from './security/web-preferences';

const PRINT_PARTITION = 'keyferry-print'; // no "persist:" prefix: in memory only
let printSession: Session | null = null;

function preparedSession(log: OperationLog): Session {
  if (printSession) return printSession;
  const prepared = session.fromPartition(PRINT_PARTITION);
  hardenSession(prepared, log);
  prepared.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedPrintRequest(details.url) }));
  printSession = prepared;
  return prepared;
}

async function withReceiptWindow<T>(
  html: string,
  log: OperationLog,
  use: (window: BrowserWindow) => Promise<T>,
): Promise<T> {
  preparedSession(log);
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

/** Sends the receipt to a printer (the system dialog lets the officer choose it). */
export async function printReceipt(
  html: string,
  log: OperationLog,
  options: WebContentsPrintOptions = {},
): Promise<void> {
  await withReceiptWindow(html, log, (window) => {
    return new Promise<void>((resolve, reject) => {
      window.webContents.print({ printBackground: true, ...options }, (success, failureReason) => {
        if (success) resolve();
        else
          reject(
            new KeyferryError(
              'PRINT_FAILED',
              `The receipt was not printed (${failureReason || 'cancelled'}).`,
              'Check the printer and print again, or save the receipt as a PDF.',
            ),
          );
      });
    });
  });
  log.info('receipt.printed');
}

/** Renders the receipt to PDF and writes it as `fileName` in `folder` (never overwriting). */
export async function saveReceiptPdf(
  html: string,
  folder: string,
  fileName: string,
  log: OperationLog,
): Promise<WrittenFile> {
  if (path.basename(fileName) !== fileName || !fileName.toLowerCase().endsWith('.pdf')) {
    throw new KeyferryError(
      'RECEIPT_NAME_INVALID',
      `"${fileName}" is not a plain PDF file name.`,
      'Use a name like receipt.pdf.',
    );
  }
  const pdf = await withReceiptWindow(html, log, (window) =>
    window.webContents.printToPDF({ pageSize: 'A4', printBackground: true }),
  );
  const written = await writeFileExclusive(path.join(folder, fileName), pdf);
  log.info('receipt.pdf-written', { file: fileName, size: written.size, sha256: written.sha256 });
  return written;
}
