/** Receipts and journals as the main process wrote them, and the custody restore drill. */
import type { CeremonySide, JournalView, Request, Response, WrittenReceiptView } from '../../src-main/ipc/contract';
import { api } from '../api';
import type { SliceCreator } from './store';

export interface RecordsSlice {
  receipts: Partial<Record<CeremonySide, WrittenReceiptView>>;
  journals: Partial<Record<CeremonySide, JournalView>>;
  restoreDrill: Response<'restoreCustody'> | null;
  savedPdf: Partial<Record<CeremonySide, Response<'saveReceiptPdf'>>>;
  storeReceipt(receipt: WrittenReceiptView): void;
  loadJournal(side: CeremonySide): Promise<void>;
  printReceipt(side: CeremonySide): Promise<void>;
  saveReceiptPdf(side: CeremonySide, folder: string): Promise<void>;
  restoreCustody(request: Request<'restoreCustody'>): Promise<void>;
}

export const createRecordsSlice: SliceCreator<RecordsSlice> = (set, get) => ({
  receipts: {},
  journals: {},
  restoreDrill: null,
  savedPdf: {},
  storeReceipt: (receipt) => set({ receipts: { ...get().receipts, [receipt.side]: receipt } }),
  loadJournal: async (side) => {
    const journal = await get().run('journal', `Reading the ${side} journal`, () => api().viewJournal({ side }));
    if (journal) set({ journals: { ...get().journals, [side]: journal } });
  },
  printReceipt: async (side) => {
    await get().run(`receipt-${side}`, 'Printing the receipt', () => api().printReceipt({ side }));
  },
  saveReceiptPdf: async (side, folder) => {
    const saved = await get().run(`receipt-${side}`, 'Saving the receipt as PDF', () => api().saveReceiptPdf({ side, folder }));
    if (saved) set({ savedPdf: { ...get().savedPdf, [side]: saved } });
  },
  restoreCustody: async (request) => {
    set({ restoreDrill: null });
    const drill = await get().run('custody-restore', 'Rebuilding the material from the shares', () => api().restoreCustody(request));
    if (drill) set({ restoreDrill: drill });
  },
});
