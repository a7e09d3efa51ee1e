/** Ceremony receipts: a printable HTML document and its plain-text twin, one per side. */
export { workstationClock } from './facts';
export { cjkCodePoints } from './cjk-font';
export { qrMatrix, qrSvg, QR_QUIET_ZONE } from './qr-svg';
export { RECEIPT_CSP, renderReceiptHtml } from './render-html';
export { renderReceiptText } from './render-text';
export { visibleText } from './text-safety';
export type { CeremonySide, ReceiptCustody, ReceiptInput, ReceiptKey, ReceiptNumbering } from './types';
export { receiptBaseName, writeReceipt } from './write-receipt';
