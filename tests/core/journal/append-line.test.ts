/**
 * Appending journal lines durably (append-line.ts), on a real file: lines land whole at the end;
 * a journal that is no longer the size this writer left it (another program wrote to it) is
 * refused before anything is written (JOURNAL_CHANGED_ELSEWHERE), and the refusal is one after
 * which the journal takes no more appends.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendLine, BROKEN_CODES } from '../../../src-main/core/journal/append-line';

let dir: string;
let file: string;
let handle: fs.FileHandle;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keyferry-append-'));
  file = path.join(dir, 'journal.jsonl');
  handle = await fs.open(file, 'a+');
});
afterEach(async () => {
  await handle.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('appending journal lines', () => {
  it('appends one line, then several together, at the end of the file', async () => {
    await appendLine(handle, Buffer.from('{"seq":1}\n'), 0, 'journal.jsonl');
    await appendLine(handle, Buffer.from('{"seq":2}\n{"seq":3}\n'), 10, 'journal.jsonl');
    expect(await fs.readFile(file, 'utf8')).toBe('{"seq":1}\n{"seq":2}\n{"seq":3}\n');
  });

  it('refuses to append when the file changed size behind its back, writing nothing', async () => {
    await appendLine(handle, Buffer.from('{"seq":1}\n'), 0, 'journal.jsonl');
    await fs.appendFile(file, '{"seq":2,"by":"someone else"}\n');
    const before = await fs.readFile(file, 'utf8');
    const refusal = await appendLine(handle, Buffer.from('{"seq":2}\n'), 10, 'journal.jsonl').catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'JOURNAL_CHANGED_ELSEWHERE' });
    expect(BROKEN_CODES.has((refusal as { code: string }).code)).toBe(true);
    expect(await fs.readFile(file, 'utf8')).toBe(before);
  });

  it('refuses when the file was cut short, too', async () => {
    await appendLine(handle, Buffer.from('{"seq":1}\n{"seq":2}\n'), 0, 'journal.jsonl');
    await fs.truncate(file, 10);
    await expect(appendLine(handle, Buffer.from('{"seq":3}\n'), 20, 'journal.jsonl')).rejects.toMatchObject({
      code: 'JOURNAL_CHANGED_ELSEWHERE',
    });
    expect(await fs.readFile(file, 'utf8')).toBe('{"seq":1}\n');
  });
});
