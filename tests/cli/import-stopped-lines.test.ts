/**
 * The summary `online import` prints when it stops part way, for a ceremony of 25 keys: which keys
 * hold their material (counted), which were sent an import not recorded as taken and which are not
 * imported yet (named, at most ten per list: a hundred names is a wall, and `online status` names
 * every one), and when running the same import again is what finishes it. The CLI tests
 * (commands/online-import.stopped.test.ts) run it against a real simulator.
 */
import { describe, expect, it } from 'vitest';
import type { JournaledKey } from '../../src-main/core/ceremony/online/types';
import { KeyferryError } from '../../src-main/core/errors';
import { kmsClientError } from '../../src-main/core/kms/errors';
import { translator } from '../../src-main/i18n/translate';
import { importStoppedLines } from '../../src-main/cli/import-stopped-lines';

const keyId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function key(i: number, kind: 'imported' | 'unanswered' | 'missing'): JournaledKey {
  return {
    keyId: keyId(i),
    alias: `app/k${i}`,
    spec: 'AES_256',
    region: 'cn-north-4',
    projectId: 'a'.repeat(32),
    replicaOf: null,
    imported: kind === 'imported',
    importSentUnrecorded: kind === 'unanswered',
    importAnswerUnproven: null,
    lapsed: false,
    deleted: false,
    expiresAt: kind === 'imported' ? 'never' : null,
    verified: false,
    proof: null,
    groupProof: null,
  };
}

const keys = [
  key(1, 'imported'),
  key(2, 'unanswered'),
  key(3, 'unanswered'),
  ...Array.from({ length: 22 }, (_, i) => key(i + 4, 'missing')),
];
const refused = kmsClientError('KMS_CONNECTION_REFUSED', { host: '127.0.0.1:8790' }, { retryable: true });
/** The bundle carries every key of the ceremony. */
const ALL = new Set(keys.map((k) => k.keyId));
const RERUN = 'keyferry online import --journal online.jsonl --bundle /media/usb/w --expect-digest X';

describe('importStoppedLines', () => {
  it('counts, names at most ten keys per list, and gives the command when the KMS could not be reached', () => {
    const [summary, again, ...rest] = importStoppedLines(
      translator('en'),
      keys,
      ALL,
      { by: 'error', error: refused, progressed: false },
      RERUN,
    );
    expect(rest).toEqual([]);
    expect(summary).toContain('The import stopped part way: 1 of 25 keys holds its material (imported and journaled).');
    expect(summary).toContain(
      ` 2 keys were sent an import that is not recorded as taken: app/k2 (${keyId(2)}), app/k3 (${keyId(3)});`,
    );
    expect(summary).toContain(' 22 keys are not imported yet (Pending import): app/k4 (');
    expect(summary).toContain(`app/k13 (${keyId(13)}) and 12 more (keyferry online status names every one).`);
    expect(summary).not.toContain('app/k14 ');
    expect(again).toBe(
      `Once the KMS answers again, run the same import: it imports only what is missing, and sends no import again that took effect: ${RERUN}`,
    );
  });

  it('after Ctrl-C says how to finish it; in Chinese too', () => {
    const lines = importStoppedLines(translator('zh-CN'), keys, ALL, { by: 'officer' }, RERUN);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('导入中途停止：25 个密钥中有 1 个已持有其密钥材料');
    expect(lines[0]).toContain('以及另外 12 个（keyferry online status 会列出全部）');
    // Listed as Chinese lists are: 、 between the keys, full-width brackets.
    expect(lines[0]).toContain(`app/k2（${keyId(2)}）、app/k3（${keyId(3)}）`);
    expect(lines[1]).toBe(`要完成仪式，请运行同一导入命令：它只导入缺少的部分，已生效的导入不会再次发送：${RERUN}`);
  });

  it('after a refusal of the request itself: the summary without the command, or nothing when nothing was sent', () => {
    const refusal = new KeyferryError('KMS_KEY_NOT_PENDING_IMPORT', { state: 'Enabled' });
    const lines = importStoppedLines(
      translator('en'),
      keys,
      ALL,
      { by: 'error', error: refusal, progressed: true },
      RERUN,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('1 of 25 keys holds its material');
    const nothingSent = keys.map((k) => key(Number(k.keyId.slice(-12)), 'missing'));
    expect(
      importStoppedLines(translator('en'), nothingSent, ALL, { by: 'error', error: refusal, progressed: false }, RERUN),
    ).toEqual([]);
    // Keys imported in an earlier session, then a refusal before anything was sent: nothing to add.
    expect(
      importStoppedLines(translator('en'), keys, ALL, { by: 'error', error: refusal, progressed: false }, RERUN),
    ).toEqual([]);
    // The KMS out of reach before anything was sent: running it again is still what finishes it.
    expect(
      importStoppedLines(translator('en'), nothingSent, ALL, { by: 'error', error: refused, progressed: false }, RERUN),
    ).toHaveLength(2);
  });
  it('after a journal that could not be written: the same import once it can be; not after one that must take no more', () => {
    const unwritable = new KeyferryError('JOURNAL_WRITE_FAILED', { name: 'online.jsonl', errno: 'ENOSPC' });
    const [, again] = importStoppedLines(
      translator('en'),
      keys,
      ALL,
      { by: 'error', error: unwritable, progressed: true },
      RERUN,
    );
    expect(again).toBe(
      `Once the journal can be written again (room on its medium, the medium connected), run the same import: it imports only what is missing, and sends no import again that took effect: ${RERUN}`,
    );
    const [, zh] = importStoppedLines(
      translator('zh-CN'),
      keys,
      ALL,
      { by: 'error', error: unwritable, progressed: true },
      RERUN,
    );
    expect(zh).toMatch(/^待日志可以再次写入后/);
    // A journal changed by something else takes no further entries: its own advice, not a rerun.
    const changed = new KeyferryError('JOURNAL_CHANGED_ELSEWHERE', { name: 'online.jsonl', size: 10, expected: 9 });
    expect(
      importStoppedLines(translator('en'), keys, ALL, { by: 'error', error: changed, progressed: true }, RERUN),
    ).toHaveLength(1);
  });

  it('does not offer the same import for keys the bundle does not carry (say, one whose material lapsed)', () => {
    const carried = new Set([keyId(1), keyId(2), keyId(3)]);
    const lines = importStoppedLines(translator('en'), keys.slice(0, 5), carried, { by: 'officer' }, RERUN);
    expect(lines[0]).toContain(
      ` 2 keys wait for material this bundle does not carry: app/k4 (${keyId(4)}), app/k5 (${keyId(5)}) (online status says what they need).`,
    );
    expect(lines[0]).not.toContain('not imported yet');
    // The sent-and-unconfirmed keys are this bundle's: the same import still finishes them.
    // It finishes this bundle's import, not the ceremony (the trial read "To finish it" as the ceremony).
    expect(lines[1]).toContain(
      'To finish the import of this bundle (the ceremony is finished only once the keys it does not carry hold their material too), run the same import',
    );
    const [, zh] = importStoppedLines(translator('zh-CN'), keys.slice(0, 5), carried, { by: 'officer' }, RERUN);
    expect(zh).toMatch(/^要完成此材料包的导入（/);
    expect(importStoppedLines(translator('en'), keys.slice(0, 3), carried, { by: 'officer' }, RERUN)[1]).toMatch(
      /^To finish it, run the same import/,
    );
    const onlyElsewhere = importStoppedLines(
      translator('en'),
      [key(1, 'imported'), key(4, 'missing')],
      new Set([keyId(1)]),
      { by: 'officer' },
      RERUN,
    );
    expect(onlyElsewhere).toHaveLength(1);
  });
});
