/** Receipts and journals as the main process wrote them. */
import type { JournalView, RecordKind, Response, WrittenReceiptView } from '../../src-main/ipc/contract';
import { api } from '../api';
import type { SliceCreator } from './store';
import { uiAction } from './ui-action';

export interface RecordsSlice {
  receipts: Partial<Record<RecordKind, WrittenReceiptView>>;
  journals: Partial<Record<RecordKind, JournalView>>;
  savedPdf: Partial<Record<RecordKind, Response<'saveReceiptPdf'>>>;
  storeReceipt(receipt: WrittenReceiptView): void;
  loadJournal(side: RecordKind): Promise<void>;
  printReceipt(side: RecordKind): Promise<void>;
  saveReceiptPdf(side: RecordKind, folder: string): Promise<void>;
}

export const createRecordsSlice: SliceCreator<RecordsSlice> = (set, get) => ({
  receipts: {},
  journals: {},
  savedPdf: {},
  storeReceipt: (receipt) => set({ receipts: { ...get().receipts, [receipt.side]: receipt } }),
  loadJournal: async (side) => {
    const journal = await get().run(
      'journal',
      uiAction('action.reading-journal', { side: side.replace(/-/g, '_') }),
      () => api().viewJournal({ side }),
    );
    if (journal) set({ journals: { ...get().journals, [side]: journal } });
  },
  printReceipt: async (side) => {
    await get().run(`receipt-${side}`, uiAction('action.printing-receipt'), () => api().printReceipt({ side }));
  },
  saveReceiptPdf: async (side, folder) => {
    const saved = await get().run(`receipt-${side}`, uiAction('action.saving-receipt-pdf'), () =>
      api().saveReceiptPdf({ side, folder }),
    );
    if (saved) set({ savedPdf: { ...get().savedPdf, [side]: saved } });
  },
});
