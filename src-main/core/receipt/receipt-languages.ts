/**
 * The languages a receipt or custody slip can be printed in (renderer-safe: plain constants, so
 * the IPC schemas the renderer compiles can list them): English, Chinese, or both side by side.
 */
export const RECEIPT_LANGUAGES = ['en', 'zh-CN', 'both'] as const;
export type ReceiptLanguage = (typeof RECEIPT_LANGUAGES)[number];
