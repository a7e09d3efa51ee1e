/**
 * A written receipt: its files and seals (digests in grouped hex), its plain-text twin as the
 * preview (the HTML never comes to the renderer), and print / save as PDF, which ask the main
 * process to print the very receipt file it wrote.
 */
import { useState } from 'react';
import type { RecordKind } from '../../src-main/ipc/contract';
import { useAppStore } from '../store/store';
import { FieldRow } from './FieldRow';
import { Hex } from './Hex';
import { Activity } from './Activity';
import { useT } from '../i18n';

export function ReceiptPanel({ side }: { side: RecordKind }) {
  const receipt = useAppStore((s) => s.receipts[side]);
  const saved = useAppStore((s) => s.savedPdf[side]);
  const busy = useAppStore((s) => s.busy !== null);
  const print = useAppStore((s) => s.printReceipt);
  const savePdf = useAppStore((s) => s.saveReceiptPdf);
  const [folder, setFolder] = useState('');
  const { t } = useT();
  if (!receipt) return null;
  const section = `receipt-${side}`;
  return (
    <div className="receipt-panel">
      <dl className="facts">
        <dt>{t('receipt.files')}</dt>
        <dd>
          <span className="file-name">{receipt.htmlFile}</span> {t('receipt.and')}{' '}
          <span className="file-name">{receipt.textFile}</span> {t('receipt.in')}{' '}
          <span className="file-name">{receipt.folder}</span>
        </dd>
        <dt>{t('receipt.html-sha256')}</dt>
        <dd>
          <Hex value={receipt.htmlSha256} />
        </dd>
        <dt>{t('receipt.journal-head', { count: receipt.journalCount })}</dt>
        <dd>
          <Hex value={receipt.journalHead} />
        </dd>
      </dl>
      <pre
        className="receipt-preview"
        tabIndex={0}
        aria-label={t('receipt.preview', { side: side.replace(/-/g, '_') })}
      >
        {receipt.text}
      </pre>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void print(side)}>
          {t('receipt.print')}
        </button>
      </div>
      <FieldRow
        purpose="save-receipt"
        section={section}
        text="receipt.pdf-folder"
        value={folder}
        onChange={setFolder}
      />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={busy || folder.trim() === ''}
          onClick={() => void savePdf(side, folder.trim())}
        >
          {t('receipt.save-pdf')}
        </button>
      </div>
      {saved && (
        <p className="notice">
          {t('receipt.saved')} <span className="file-name">{saved.file}</span>{' '}
          {t('receipt.saved-size', { size: saved.size })}
        </p>
      )}
      <Activity section={section} />
    </div>
  );
}
