/**
 * The paper a ceremony prints its receipts and slips on: chosen at setup, journaled with the
 * ceremony record, and the page size of every PDF the desktop saves. The receipt's layout fits
 * both (src-main/core/receipt/receipt-css.ts). Renderer-safe (plain constants): the IPC schema and
 * the setup screen take the list from here.
 */
export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const DEFAULT_PAPER_SIZE: PaperSize = 'A4';
