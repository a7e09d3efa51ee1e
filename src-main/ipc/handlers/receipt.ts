/**
 * Receipts: the workflows write them (HTML and text twins) into the ceremony folder; here both
 * are read back from the files as written (digests checked), the text twin goes to the UI for
 * the preview, and the HTML stays here for the desktop's printer or PDF writer. The renderer
 * never sends HTML to print: it names a side, and the main process prints the receipt it wrote.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { WrittenCeremonyReceipt } from '../../core/ceremony/shared/journaled-receipt';
import { KeyferryError } from '../../core/errors';
import { DEFAULT_PAPER_SIZE } from '../../core/receipt/paper-size';
import { sha256Hex } from '../../core/fs/durable-file';
import type { RecordKind, WrittenReceiptView } from '../contract';
import type { ChannelHandler } from './channel-handler';
import { writableFolder } from './paths';
import type { CeremonySession } from './session';

type ReceiptHandlers = {
  viewReceipt: ChannelHandler<'viewReceipt'>;
  printReceipt: ChannelHandler<'printReceipt'>;
  saveReceiptPdf: ChannelHandler<'saveReceiptPdf'>;
};

async function readBack(file: string, sha256: string): Promise<string> {
  const bytes = await fs.readFile(file);
  if (sha256Hex(bytes) !== sha256) {
    throw new KeyferryError('RECEIPT_CHANGED', { file: path.basename(file) });
  }
  return bytes.toString('utf8');
}

/** Reads the written receipt back (checking both digests) and keeps it for preview and printing. */
export async function storeReceipt(
  session: CeremonySession,
  side: RecordKind,
  written: WrittenCeremonyReceipt,
): Promise<WrittenReceiptView> {
  const html = await readBack(written.htmlFile, written.htmlSha256);
  const text = await readBack(written.textFile, written.textSha256);
  const view: WrittenReceiptView = {
    side,
    folder: path.dirname(written.htmlFile),
    htmlFile: path.basename(written.htmlFile),
    textFile: path.basename(written.textFile),
    htmlSha256: written.htmlSha256,
    textSha256: written.textSha256,
    journalHead: written.journalHead,
    journalCount: written.journalCount,
    text,
  };
  session.receipts.set(side, { view, html });
  return view;
}

function receiptOf(session: CeremonySession, side: RecordKind): { view: WrittenReceiptView; html: string } {
  const receipt = session.receipts.get(side);
  if (!receipt) {
    throw new KeyferryError('RECEIPT_NOT_WRITTEN', { side: side === 'custody-restore' ? 'restore' : side });
  }
  return receipt;
}

function desktopOnly(action: 'print' | 'pdf', receipt: WrittenReceiptView): never {
  throw new KeyferryError('DESKTOP_UNAVAILABLE', { action, file: path.join(receipt.folder, receipt.htmlFile) });
}

export function receiptHandlers(session: CeremonySession): ReceiptHandlers {
  return {
    viewReceipt: ({ side }) => receiptOf(session, side).view,

    printReceipt: async ({ side }) => {
      const { view, html } = receiptOf(session, side);
      const desktop = session.context.desktop;
      if (!desktop) desktopOnly('print', view);
      await desktop.printReceipt(html, session.setup?.paperSize ?? DEFAULT_PAPER_SIZE);
      session.context.log.info('receipt.print-requested', { side, file: view.htmlFile });
      return { printed: true as const };
    },

    saveReceiptPdf: async ({ side, folder }) => {
      const { view, html } = receiptOf(session, side);
      const desktop = session.context.desktop;
      if (!desktop) desktopOnly('pdf', view);
      const dir = await writableFolder(folder, 'receiptPdf');
      const paperSize = session.setup?.paperSize ?? DEFAULT_PAPER_SIZE;
      const saved = await desktop.saveReceiptPdf(html, dir, view.htmlFile.replace(/\.html$/, '.pdf'), paperSize);
      return { file: path.basename(saved.path), size: saved.size, sha256: saved.sha256 };
    },
  };
}
