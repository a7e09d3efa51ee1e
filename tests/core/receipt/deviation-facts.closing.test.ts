/**
 * Deviations said in words where the receipt printed journal field names: the closing of an
 * air-gapped session that ended without journaling its end (`ceremony.session-unfinished`, closed by
 * the next run on a real journal file) names the session and its entries, not "Session: 1, Entry: 1,
 * Count: 3"; a repeated wrap says on what grounds it was let through, not "Grounds: reason" (English
 * on a Chinese receipt). English and Chinese, on the text receipt.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeUnfinishedSession } from '../../../src-main/core/ceremony/airgap/unfinished-session';
import { openJournal, type Journal, type JournalEntry } from '../../../src-main/core/journal';
import { receiptDeviations } from '../../../src-main/core/receipt/deviation-facts';
import type { ReceiptLanguage } from '../../../src-main/core/receipt/language';
import { renderReceiptText } from '../../../src-main/core/receipt/render-text';
import { phraseOf } from '../../../src-main/i18n/phrase';
import { sampleReceiptInput } from './fixtures';

let dir: string;
let journal: Journal;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-closing-words-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

/** The text receipt for `entries` in `language`, its lines joined (Chinese lines break between any two characters). */
function deviationsText(entries: readonly JournalEntry[], language: ReceiptLanguage): string {
  const input = { ...sampleReceiptInput('air-gapped', ['AES_256']), deviations: receiptDeviations(entries) };
  return renderReceiptText(input, { language }).replace(/\s*\n\s*/g, language === 'en' ? ' ' : '');
}

/**
 * Journals a `wrap.repeated` whose phrase `key` has the `values` an older build wrote (no `fresh`) and
 * checks each receipt language prints `says` in its reason line, never the key; returns the Chinese text.
 */
async function olderRepeatedWrapSays(
  key: string,
  values: Readonly<Record<string, string | number>>,
  says: Readonly<Record<'en' | 'zh-CN', string>>,
): Promise<string> {
  await journal.append('Ana', 'wrap.repeated', {
    earlier: [],
    grounds: 'tokensExpired',
    reasonPhrase: { key, values },
  });
  for (const language of ['en', 'zh-CN'] as const) {
    const text = deviationsText(journal.entries, language);
    expect(text).toContain(says[language]);
    expect(text).not.toContain(key);
  }
  return deviationsText(journal.entries, 'zh-CN');
}

describe('deviations in words, not field names', () => {
  it('the closing of a session that ended without its end names the session and its entries', async () => {
    await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
    await journal.append('Ana', 'parameters.read', { ceremonyId: 'KF-20250301-abcdef' });
    await journal.append('Ana', 'preflight.passed', { destinations: [] });
    expect(await closeUnfinishedSession(journal, 'Ana', new Date())).not.toBeNull();
    const english = deviationsText(journal.entries, 'en');
    expect(english).toContain(
      'Session 1 of this journal (entries 1-3) had not journaled its end; it was closed here before the next session began. The entries of this closing say what became of each thing it wrote: withdrawn, kept, or not withdrawn (then this receipt names it, with what to do); the closing ends with a “session closed” entry naming this one',
    );
    expect(english).not.toMatch(/Session: 1|Entry: 1|Count: 3|Closing to end with/);
    const chinese = deviationsText(journal.entries, 'zh-CN');
    expect(chinese).toContain('此日志的第 1 次会话（条目 1-3）未记入其结束；在下一次会话开始之前已在此将其关闭');
    expect(chinese).not.toMatch(/会话：1|数量：3/);
  });

  it('the closing of a session that left HSM token objects to delete by hand never says what it wrote is withdrawn or kept', async () => {
    await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
    await journal.append('Ana', 'parameters.read', { ceremonyId: 'KF-20250301-abcdef' });
    await journal.append('Ana', 'preflight.passed', { destinations: [] });
    // Generated in the token, then the power went: the next session has no login to destroy it.
    const inToken = { hsmTokenSerial: 'SER1', hsmTokenLabel: 'tok', objectLabel: 'kf-key', objectId: '01' };
    const key = { keyId: '0a1b2c3d-0000-4000-8000-000000000001', spec: 'AES_256' };
    await journal.append('Ana', 'material.generated', { ...key, ...inToken, keptInHsm: true });
    expect(await closeUnfinishedSession(journal, 'Ana', new Date())).toMatchObject({ tokenObjects: { destroyed: [] } });
    expect(journal.entries.map((e) => e.event)).toContain('hsm.objects-left');
    const english = deviationsText(journal.entries, 'en');
    expect(english).toContain(
      'The entries of this closing say what became of each thing it wrote: withdrawn, kept, or not withdrawn (then this receipt names it, with what to do)',
    );
    expect(english).not.toContain('what it wrote is withdrawn or kept');
    const chinese = deviationsText(journal.entries, 'zh-CN');
    expect(chinese).toContain(
      '其写出的每项内容如何处置（已撤回、已保留，或未撤回：未撤回的由本回执列出并说明如何处理），以本次关闭的各条目所述为准',
    );
    expect(chinese).not.toContain('已按本条之后的条目所述撤回或保留');
  });

  it('a repeated wrap says on what grounds it was let through, in the receipt’s language', async () => {
    await journal.append('Ana', 'wrap.repeated', {
      earlier: [],
      grounds: 'tokensExpired',
      reasonPhrase: {
        ...phraseOf('journal.reason.wrap-repeated', { count: 1, last: 1, custodySets: 0, fresh: 'yes' }),
      },
    });
    expect(deviationsText(journal.entries, 'en')).toContain(
      'Let through because the import tokens of every earlier bundle had expired: none of those bundles can be imported any more.',
    );
    const chinese = deviationsText(journal.entries, 'zh-CN');
    expect(chinese).toContain('因为所有先前的包的导入令牌均已过期而放行');
    expect(chinese).not.toContain('tokensExpired');
  });

  it('a repeated wrap let through on the officer’s reason says that reason, also in an entry an older build journaled', async () => {
    // As builds of 2026-12-01 to 12-05 journaled it: the phrase lacks the `fresh` value today's text selects on.
    await journal.append('Ana', 'wrap.repeated', {
      earlier: [],
      grounds: 'reason',
      wrapAgainReason: 'key 2 import refused',
      reasonPhrase: {
        key: 'journal.reason.wrap-again',
        values: { count: 1, last: 1, custodySets: 0, reason: 'key 2 import refused' },
      },
    });
    const english = deviationsText(journal.entries, 'en');
    expect(english).toContain('Let through on the officer’s reason to wrap again: “key 2 import refused”.');
    expect(english).not.toContain('said above');
    const chinese = deviationsText(journal.entries, 'zh-CN');
    expect(chinese).toContain('依据操作员再次包装的理由放行：“key 2 import refused”。');
    expect(chinese).not.toContain('见上文');
  });

  it('a repeated wrap an older build journaled without saying whether its material was new prints its reason line, claiming neither', async () => {
    // As builds of 2026-12-01 to 12-05 journaled it: no `fresh` value, which today's text selects on.
    const values = { count: 1, last: 1, custodySets: 0, reason: 'x' };
    const chinese = await olderRepeatedWrapSays('journal.reason.wrap-again', values, {
      en: 'a new wrap of this ceremony after 1 finished wrap (the last in air-gapped session 1): material this journal does not say was new or existing already (an older Keyferry wrote it without recording that) beside the earlier wrapped bundle; only one wrapped bundle may be imported; wrapped again because: x',
      'zh-CN':
        '在先前的已包装密钥材料包之外包装了密钥材料，但本日志未记录它是新生成的还是已存在的（由未记录这一点的较早版本 Keyferry 写下）；',
    });
    expect(chinese).not.toContain('生成了新的密钥材料');
  });

  it('an older build’s repeated wrap over a custody set tells its custodians to destroy it only if the new bundle holds new material', async () => {
    // Builds of 2026-12-02 to 12-05 named the earlier sets to destroy even for material taken from a token or a file.
    const values = { count: 1, last: 1, custodySets: 1, backupsList: '["7A03 444A 0B1C 2D3E…"]' };
    await olderRepeatedWrapSays('journal.reason.wrap-repeated-sets', values, {
      en: 'only one wrapped bundle may be imported; the custodians of the earlier custody set (backup digest 7A03 444A 0B1C 2D3E…) destroy those shares only once this new bundle is imported and only if it holds new material, which this journal does not say: where the key check values and public-key fingerprints on this receipt and the earlier one agree, it is the same material and those shares must be KEPT',
      'zh-CN':
        '只有在本次新的包已导入、且其中是新的密钥材料时，先前托管集（备份摘要 7A03 444A 0B1C 2D3E…）的保管人才应销毁这些份额，而本日志未记录这一点：若本回执与先前回执上的密钥校验值和公钥指纹一致，则是同一密钥材料，这些份额必须保留',
    });
  });
});
