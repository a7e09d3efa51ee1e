/**
 * A written receipt: its files and seals (digests in grouped hex), its plain-text twin as the
 * preview (the HTML never comes to the renderer), and print / save as PDF, which ask the main
 * process to print the very receipt file it wrote.
 */
import { useState } from 'react';
import type { RecordKind } from '../../src-main/ipc/contract';
import { useAppStore } from '../store/store';
import { PathField } from './Fields';
import { Hex } from './Hex';
import { Activity } from './Activity';

export function ReceiptPanel({ side }: { side: RecordKind }) {
  const receipt = useAppStore((s) => s.receipts[side]);
  const saved = useAppStore((s) => s.savedPdf[side]);
  const busy = useAppStore((s) => s.busy !== null);
  const print = useAppStore((s) => s.printReceipt);
  const savePdf = useAppStore((s) => s.saveReceiptPdf);
  const [folder, setFolder] = useState('');
  if (!receipt) return null;
  const section = `receipt-${side}`;
  return (
    <div className="receipt-panel">
      <dl className="facts">
        <dt>Receipt files</dt>
        <dd>
          <span className="file-name">{receipt.htmlFile}</span> and{' '}
          <span className="file-name">{receipt.textFile}</span> in <span className="file-name">{receipt.folder}</span>
        </dd>
        <dt>Receipt (HTML) SHA-256</dt>
        <dd>
          <Hex value={receipt.htmlSha256} />
        </dd>
        <dt>Journal head at the receipt (entry {receipt.journalCount})</dt>
        <dd>
          <Hex value={receipt.journalHead} />
        </dd>
      </dl>
      <pre className="receipt-preview" tabIndex={0} aria-label={`Preview of the ${side} receipt`}>
        {receipt.text}
      </pre>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void print(side)}>
          Print the receipt
        </button>
      </div>
      <PathField
        purpose="save-receipt"
        section={section}
        label="Folder for the PDF"
        value={folder}
        onChange={setFolder}
        hint="The PDF is written there under the receipt's name; an existing file is never replaced."
      />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={busy || folder.trim() === ''}
          onClick={() => void savePdf(side, folder.trim())}
        >
          Save as PDF
        </button>
      </div>
      {saved && (
        <p className="notice">
          Saved <span className="file-name">{saved.file}</span> ({saved.size} bytes).
        </p>
      )}
      <Activity section={section} />
    </div>
  );
}
