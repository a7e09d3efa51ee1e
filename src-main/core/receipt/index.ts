/** Ceremony receipts: a printable HTML document and its plain-text twin, one per side. */
export { formatLocal, formatLocalIn, formatUtc, workstationClock, workstationIdentity } from './facts';
export { cjkCodePoints, cjkFontFaces, CJK_FONT_FAMILY, embedCjkFont } from './cjk-font';
export {
  DEFAULT_RECEIPT_LANGUAGE,
  RECEIPT_LANGUAGES,
  receiptLanguageSchema,
  ReceiptWords,
  type ReceiptLanguage,
  type ReceiptPhrase,
} from './language';
export { qrMatrix, qrSvg, QR_QUIET_ZONE } from './qr-svg';
export { RECEIPT_CSP, renderReceiptHtml } from './render-html';
export { renderReceiptText } from './render-text';
export { escapeHtml, visibleText } from './text-safety';
export type { CeremonySide, ReceiptClock, ReceiptCustody, ReceiptInput, ReceiptKey, ReceiptOutputFile } from './types';
export { CEREMONY_ID_PATTERN, checkReceiptInput } from './validate';
export { receiptBaseName, writeReceipt, type WrittenReceipt } from './write-receipt';
