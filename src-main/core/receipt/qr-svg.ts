/**
 * QR codes as inline SVG (no external resources), from qr-code.ts: error correction M, the smallest
 * version that fits (or a fixed one), byte mode, a quiet zone of four modules. Text is limited to
 * printable ASCII (hashes, identifiers; line breaks too when asked: a backup file's lines), so every
 * scanner reads back exactly the printed string.
 */
import { KeyferryError } from '../errors';
import { yieldToEventLoop } from '../yield';
import { qrModules, qrModulesSteps } from './qr-code';
import { escapeHtml } from './text-safety';

export const QR_QUIET_ZONE = 4;

interface QrOptions {
  /** 1-40 fixes the symbol's size (default: the smallest that fits). */
  readonly version?: number;
  /** Accept line breaks in the text (a slice of a text file); otherwise one printable ASCII line. */
  readonly lineBreaks?: boolean;
}

type Modules = { size: number; dark: Uint8Array };

/**
 * Symbols made by `prepareQrInSlices`, by version and text, for the `qrMatrix`/`qrSvg` call that
 * follows. A symbol is a pure function of its text and version, so this only saves the work; a few
 * are kept, the oldest forgotten first.
 */
const PREPARED = new Map<string, Modules>();
const MAX_PREPARED = 16;

function checkedBytes(text: string, options: QrOptions): Buffer {
  if (!(options.lineBreaks ? /^[\x20-\x7e\n]{1,1000}$/ : /^[\x20-\x7e]{1,1000}$/).test(text)) {
    throw new KeyferryError('QR_TEXT_INVALID');
  }
  return Buffer.from(text, 'latin1');
}

const preparedKey = (text: string, options: QrOptions) => `${options.version ?? 0}:${text}`;

/**
 * Makes the symbol for `text` with the event loop let run between its candidate masks (the first
 * symbol of a process takes longer than a frame), for the `qrSvg`/`qrMatrix` call that follows.
 */
export async function prepareQrInSlices(text: string, options: QrOptions = {}): Promise<void> {
  const steps = qrModulesSteps(checkedBytes(text, options), options.version);
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) {
      if (PREPARED.size >= MAX_PREPARED) PREPARED.delete(PREPARED.keys().next().value as string);
      PREPARED.set(preparedKey(text, options), next.value);
      return;
    }
    await yieldToEventLoop();
  }
}

/** The QR matrix for `text` (true = dark), without the quiet zone. */
export function qrMatrix(text: string, options: QrOptions = {}): boolean[][] {
  const bytes = checkedBytes(text, options);
  const { size, dark } = PREPARED.get(preparedKey(text, options)) ?? qrModules(bytes, options.version);
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => dark[row * size + col] === 1),
  );
}

/**
 * An inline `<svg>` of the QR code for `text`: a white square with the quiet zone and one path
 * of dark modules (merged into horizontal runs), crisp at any print size. `sizeCss` sets its width.
 */
export function qrSvg(text: string, options: QrOptions & { sizeCss?: string; label?: string } = {}): string {
  const matrix = qrMatrix(text, options);
  const modules = matrix.length;
  const total = modules + 2 * QR_QUIET_ZONE;
  const runs: string[] = [];
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < modules) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < modules && row[x]) x += 1;
      runs.push(`M${start + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h${x - start}v1h-${x - start}z`);
    }
  });
  const size = options.sizeCss ?? '30mm';
  const label = escapeHtml(options.label ?? `QR code: ${text}`);
  return [
    `<svg class="qr" viewBox="0 0 ${total} ${total}" width="${escapeHtml(size)}" height="${escapeHtml(size)}" role="img" aria-label="${label}" shape-rendering="crispEdges" data-modules="${modules}">`,
    `<rect width="${total}" height="${total}" fill="#fff"/>`,
    `<path fill="#000" d="${runs.join('')}"/>`,
    '</svg>',
  ].join('');
}

/** `qrSvg` with its symbol made a mask per event-loop turn (`prepareQrInSlices`). */
export async function qrSvgInSlices(
  text: string,
  options: QrOptions & { sizeCss?: string; label?: string } = {},
): Promise<string> {
  await prepareQrInSlices(text, options);
  return qrSvg(text, options);
}
