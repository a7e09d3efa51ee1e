/**
 * The operations log: one JSON line per operation, in a new file per run under userData/logs
 * (created with O_EXCL, never overwriting). Every entry passes a redaction guard first, so no
 * secret or key byte can reach the file even when a caller slips:
 *  - fields whose names say secret (secret, password, token, private, plaintext, material, share, ...);
 *  - bytes of any kind (Buffer, typed arrays, ArrayBuffer, DataView);
 *  - PEM blocks, runs of 32+ hex digits and runs of 40+ base64 characters inside any string
 *    (a 64-hex SHA-256 is kept only under a field named like a fingerprint or hash);
 *  - Error objects keep name and (redacted) message, never the stack.
 * No Electron import: main.ts passes the folder.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { LogData, OperationLog } from '../ipc/context';

const SECRET_FIELD =
  /secret|passw|passphrase|credential|token|private|plaintext|material|authori[sz]ation|cookie|signature|share|seed|^(sk|ak|pin|key|keyBytes|password)$/i;
const DIGEST_FIELD = /(fingerprint|sha256|digest|hash)$/i;
const PEM_BLOCK = /-----BEGIN [^-]+-----[\s\S]*?(-----END [^-]+-----|$)/g;
const HEX_RUN = /[0-9a-fA-F]{32,}/g;
const BASE64_RUN = /[A-Za-z0-9+/=]{40,}/g;
const REDACTED = '[redacted]';
const MAX_STRING = 1000;
const MAX_DEPTH = 4;
const MAX_ITEMS = 50;

function redactString(value: string): string {
  const cleaned = value.replace(PEM_BLOCK, REDACTED).replace(HEX_RUN, REDACTED).replace(BASE64_RUN, REDACTED);
  return cleaned.length > MAX_STRING ? `${cleaned.slice(0, MAX_STRING)}…` : cleaned;
}

function isBytes(value: unknown): boolean {
  return ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof SharedArrayBuffer;
}

/** Returns a JSON-safe copy of `value` with secrets and bytes replaced. Pure. */
export function redactLogValue(value: unknown, field = '', depth = 0): unknown {
  if (typeof value === 'string' && DIGEST_FIELD.test(field) && /^[0-9a-f]{64}$/i.test(value)) return value;
  if (field !== '' && SECRET_FIELD.test(field)) return REDACTED;
  if (value === null || value === undefined || typeof value === 'boolean') return value ?? null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return redactString(value);
  if (isBytes(value)) return '[redacted bytes]';
  if (value instanceof Error) return { name: value.name, message: redactString(value.message) };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value !== 'object') return `[${typeof value}]`;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => redactLogValue(item, field, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, MAX_ITEMS)) {
    out[key] = redactLogValue(item, key, depth + 1);
  }
  return out;
}

/** One log line (without the newline), already redacted. */
export function formatLogLine(time: Date, level: 'info' | 'warn' | 'error', event: string, data?: LogData): string {
  const entry: Record<string, unknown> = { time: time.toISOString(), level, event: redactString(event) };
  if (data !== undefined) entry.data = redactLogValue(data);
  return JSON.stringify(entry);
}

export interface FileOperationLog extends OperationLog {
  /** The file this run writes to. */
  readonly file: string;
  close(): void;
}

/**
 * Opens a new log file `keyferry-<time>-<pid>.log` in `directory` (created 0700 if needed; the
 * file is 0600, opened with O_EXCL|O_APPEND). Each entry is written synchronously, in order.
 * A failing write never breaks the operation being logged: the log reports once on stderr.
 */
export function createOperationLog(options: { directory: string; now: () => Date }): FileOperationLog {
  mkdirSync(options.directory, { recursive: true, mode: 0o700 });
  const stamp = options.now().toISOString().replace(/[:.]/g, '-');
  const file = path.join(options.directory, `keyferry-${stamp}-${process.pid}.log`);
  let fd: number | null = openSync(file, 'ax', 0o600);
  const write = (level: 'info' | 'warn' | 'error', event: string, data?: LogData) => {
    if (fd === null) return;
    try {
      writeSync(fd, `${formatLogLine(options.now(), level, event, data)}\n`);
    } catch (error) {
      process.stderr.write(`keyferry: the log file stopped accepting entries (${(error as Error).message}).\n`);
      fd = null;
    }
  };
  return {
    file,
    info: (event, data) => write('info', event, data),
    warn: (event, data) => write('warn', event, data),
    error: (event, data) => write('error', event, data),
    close: () => {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

/** Fallback when the log folder cannot be written: the same redacted lines, on stderr. */
export function createStderrLog(now: () => Date): FileOperationLog {
  const write = (level: 'info' | 'warn' | 'error') => (event: string, data?: LogData) => {
    process.stderr.write(`${formatLogLine(now(), level, event, data)}\n`);
  };
  return { file: '(stderr)', info: write('info'), warn: write('warn'), error: write('error'), close: () => undefined };
}
