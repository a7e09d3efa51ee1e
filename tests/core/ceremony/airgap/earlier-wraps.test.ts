/**
 * Which sessions of an air-gapped journal finished a wrap (src-main/core/ceremony/airgap/earlier-wraps.ts):
 * every sealed session (its receipt written, or its bundle completed; an abandoned or unreceipted one
 * never), each with its own session's custody set and receipt, and online sessions are not counted.
 * The same sessions the next wrapped bundle lists as earlier wraps, so a power cut between the
 * manifest and `wrapped-bundle.completed` still gets the wrap-again question.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  finishedWrapStarts,
  finishedWraps,
  journalRepeatedWrap,
  repeatedWrapGrounds,
  stillImportable,
  wrapAgainReason,
} from '../../../../src-main/core/ceremony/airgap/earlier-wraps';
import { openJournal } from '../../../../src-main/core/journal';
import { toProblem } from '../../../../src-main/core/errors';
import { phraseSchema } from '../../../../src-main/i18n/phrase';
import { translator } from '../../../../src-main/i18n/translate';
import { kmsTimeAtLeast } from '../../../../src-main/core/ceremony/shared/kms-time';
import type { ImportParameters } from '../../../../src-main/core/bundle';
import { journalEntries } from '../../../helpers/journal-entries';
import { airGapSide, completedEntryLost, createFixture, onlineDayOne } from '../ceremony-fixture';
import { confirmEveryWitness } from '../witness-helpers';

const D1 = '1'.repeat(64);
const D2 = '2'.repeat(64);
const B1 = 'b'.repeat(64);

const journal = journalEntries;

/** A `custody.split` entry's data: a custody set (backup digest B1) of two shares, one for each of `custodians`. */
const splitTo = (...custodians: string[]) => ({
  format: 'custody-set',
  backupDigest: B1,
  threshold: 2,
  total: custodians.length,
  holders: custodians.map((custodian, i) => ({ shareIndex: i + 1, custodian })),
});

describe('finishedWraps', () => {
  it('lists each completed bundle with its session, receipt and custody set and the keys it backs; skips what did not finish', () => {
    const entries = journal([
      ['ceremony.session-started', { side: 'air-gapped' }],
      [
        'parameters.read',
        {
          keys: [
            { keyId: 'k1', tokenExpiresAt: '2026-12-02T08:00:00.000Z' },
            // A replica of k1: the set holds its material under k1, and backs both keys.
            { keyId: 'k2', replicaOf: 'k1', tokenExpiresAt: '2026-12-02T09:30:00.000Z' },
            { keyId: 'k3', replicaOf: null, tokenExpiresAt: '2026-12-02T09:00:00.000Z' },
          ],
        },
      ],
      ['custody.split', { ...splitTo('赵敏', 'Eli'), keyIds: ['k1', 'k3'] }],
      ['wrapped-bundle.written', { folder: '/m/w1', manifestSha256: D1 }],
      ['receipt.written', { textFile: 'receipt-1.txt' }],
      ['wrapped-bundle.completed', { folder: '/m/w1', manifestSha256: D1 }],
      // Stopped after the bundle was staged: withdrawn, never completed.
      ['ceremony.session-started', { side: 'air-gapped' }],
      ['custody.split', { backupDigest: 'c'.repeat(64), holders: [] }],
      ['wrapped-bundle.written', { folder: '/m/w2', manifestSha256: D2 }],
      ['ceremony.abandoned', { reason: 'stopped by SIGINT' }],
      ['ceremony.session-started', { side: 'air-gapped' }],
      ['receipt.written', { textFile: 'receipt-3.txt' }],
      ['wrapped-bundle.completed', { folder: '/m/w3', manifestSha256: D2 }],
    ]);
    expect(finishedWraps(entries)).toEqual([
      {
        session: 1,
        bundleDigest: D1,
        folder: '/m/w1',
        receipt: 'receipt-1.txt',
        custody: { backupDigest: B1, custodians: ['赵敏', 'Eli'], keyIds: ['k1', 'k3', 'k2'], aliases: new Map() },
        // The latest of its keys' token expiries: the bundle can be imported until then.
        tokensUntil: '2026-12-02T09:30:00.000Z',
        // The keys it wrapped, as the refusal to wrap again names those a new wrap covers.
        keys: [
          { keyId: 'k1', named: 'k1' },
          { keyId: 'k2', named: 'k2' },
          { keyId: 'k3', named: 'k3' },
        ],
      },
      // No parameters journaled in its session: not known (counted as importable).
      { session: 3, bundleDigest: D2, folder: '/m/w3', receipt: 'receipt-3.txt', custody: null, tokensUntil: null },
    ]);
  });

  it('counts a session sealed by its receipt whose wrapped-bundle.completed was lost, with the bundle it staged, as the next bundle lists it', () => {
    const entries = journal([
      ['ceremony.session-started', { side: 'air-gapped' }],
      ['custody.split', splitTo('Eli', '赵敏')],
      ['wrapped-bundle.written', { folder: '/m/w1', manifestSha256: D1 }],
      ['receipt.written', { textFile: 'receipt-1.txt' }],
      // The power went after the manifest was written and read back, before wrapped-bundle.completed.
      ['ceremony.session-started', { side: 'air-gapped' }],
    ]);
    expect(finishedWraps(entries)).toEqual([
      {
        session: 1,
        bundleDigest: D1,
        folder: '/m/w1',
        receipt: 'receipt-1.txt',
        // A split that journaled no keys: it backs keys not known (never said to be replaced whole).
        custody: { backupDigest: B1, custodians: ['Eli', '赵敏'], keyIds: [], aliases: new Map() },
        tokensUntil: null,
      },
    ]);
    expect(finishedWrapStarts(entries)).toEqual([{ seq: entries[0]!.seq, sha256: entries[0]!.hash }]);
  });

  it('is empty for a journal whose sessions never completed a bundle', () => {
    const entries = journal([
      ['ceremony.session-started', { side: 'air-gapped' }],
      ['preflight.refused', { code: 'PREFLIGHT_FOLDER_NOT_EMPTY' }],
      ['ceremony.session-started', { side: 'online' }],
    ]);
    expect(finishedWraps(entries)).toEqual([]);
  });

  it('counts a bundle as importable until its last token expires, and one held by the console as importable', () => {
    const at = (tokensUntil: string | null, session: number) => ({
      session,
      bundleDigest: D1,
      folder: `/m/w${session}`,
      receipt: null,
      custody: null,
      tokensUntil,
    });
    const earlier = [at('2026-12-02T09:30:00.000Z', 1), at(null, 2), at('2026-12-01T09:00:00.000Z', 3)];
    expect(stillImportable(earlier, new Date('2026-12-02T09:29:59.000Z')).map((w) => w.session)).toEqual([1, 2]);
    expect(stillImportable(earlier, new Date('2026-12-02T09:30:00.000Z')).map((w) => w.session)).toEqual([2]);
  });

  it('counts an earlier bundle whose tokens lapsed by the KMS time the fresh tokens prove as no longer importable', () => {
    // Fresh parameters whose tokens expire at 10:00 on Dec 3 were issued at 10:00 on Dec 2 (tokens live 24 h).
    const fresh = (expiresAt: string) => ({ importToken: { expiry: { expiresAt } } }) as unknown as ImportParameters;
    const lagging = new Date('2026-12-01T12:00:00.000Z');
    // An earlier bundle whose tokens lapsed at 09:30 on Dec 2 is importable by the lagging clock, not by the KMS's.
    const earlier = [
      {
        session: 1,
        bundleDigest: D1,
        folder: '/m/w1',
        receipt: null,
        custody: null,
        tokensUntil: '2026-12-02T09:30:00.000Z',
      },
    ];
    expect(stillImportable(earlier, lagging)).toHaveLength(1);
    expect(stillImportable(earlier, kmsTimeAtLeast(lagging, [fresh('2026-12-03T10:00:00.000Z')]))).toHaveLength(0);
  });

  it('takes the reason to wrap again as one trimmed line, and refuses an empty one or one with control characters', () => {
    expect(wrapAgainReason(undefined)).toBeUndefined();
    expect(wrapAgainReason('  媒介丢失 (stick 2)  ')).toBe('媒介丢失 (stick 2)');
    for (const bad of ['   ', 'lost\nmedia', 'x'.repeat(201), 'lost\u202emedia'])
      expect(() => wrapAgainReason(bad)).toThrow(expect.objectContaining({ code: 'WRAP_AGAIN_REASON_INVALID' }));
  });
});

describe('the refusal to wrap again for some keys only', () => {
  it('names the earlier bundle that holds these keys beside others, not a later one that holds none of them', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-earlier-wraps-'));
    const journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
    try {
      const key = (keyId: string) => ({ keyId, named: `app/${keyId} (${keyId})` });
      const wrap = (session: number, keys: readonly string[]) => ({
        session,
        bundleDigest: D1,
        folder: `/m/w${session}`,
        receipt: null,
        custody: null,
        tokensUntil: '2026-12-09T10:00:00.000Z',
        keys: keys.map(key),
      });
      // Wrap 1 made material for A, B and C; wrap 2 for C alone; these parameters were fetched for B alone.
      const earlier = [wrap(1, ['a', 'b', 'c']), wrap(2, ['c'])];
      const parameters = [{ keyId: 'b' }] as unknown as ImportParameters[];
      const context = { kmsNow: new Date('2026-12-08T10:00:00.000Z'), reason: undefined, parameters };
      const refused = await repeatedWrapGrounds(journal, 'Alice', earlier, context).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: 'WRAP_AGAIN_NOT_CHOSEN' });
      const said = (language: 'en' | 'zh-CN') => translator(language).problem(toProblem(refused)).message;
      expect(said('en')).toContain(
        'Wrapping again makes new material beside it, and for 1 key only of the 3 keys the bundle of air-gapped session 1 holds: app/b (b)',
      );
      expect(said('zh-CN')).toContain('且只为离线侧第 1 次会话的材料包所含 3 个密钥中的 1 个生成：app/b (b)');
    } finally {
      await journal.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a power cut between the manifest and wrapped-bundle.completed, then a wrap in the same journal', () => {
  it('asks the wrap-again question, naming the bundle whose receipt was printed and its custody set', async () => {
    const f = await createFixture();
    try {
      const plan = f.plan(['AES_256']);
      const { params } = await onlineDayOne(f, plan);
      const first = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped'), 'airgap.jsonl');
      await completedEntryLost(path.join(f.dir, 'airgap.jsonl'));
      // The officer wraps the same parameters again (the stick seemed lost): tokens live, new material.
      const again = await f.journal('airgap.jsonl');
      const air = await f.airgap(again, plan);
      await air.checkNetwork();
      await air.readParametersBundle(params);
      await confirmEveryWitness(air, plan.witnesses, params);
      expect(air.earlierWraps).toEqual([
        expect.objectContaining({ session: 1, folder: first.out, bundleDigest: first.bundle.manifestSha256 }),
      ]);
      const receipts = path.join(f.dir, 'receipts-2');
      await mkdir(receipts);
      const request = { wrappedBundle: path.join(f.dir, 'wrapped-2'), receiptFolder: receipts };
      const refused = await air.preflight(request).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: 'WRAP_AGAIN_NOT_CHOSEN' });
      expect(again.entries.at(-1)?.event).toBe('wrap.repeated-refused');
      // A KMS refusal of that bundle as expired rules out the parameters it was wrapped with, not
      // whatever parameters this session reads (fresh ones fetched before it lapsed can be imported).
      const next = (language: 'en' | 'zh-CN') => translator(language).problem(toProblem(refused)).nextStep;
      expect(next('en')).toContain('the parameters it was wrapped with can no longer be imported either');
      expect(next('en')).not.toContain('these parameters');
      expect(next('zh-CN')).toContain('包装该包所用的导入参数都已无法再导入');
    } finally {
      await f.close();
    }
  });
});

describe('journalRepeatedWrap', () => {
  it('tells the custodians of an earlier custody set to destroy it once the new bundle is imported, naming its backup digest', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-earlier-wraps-'));
    const journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
    try {
      const earlier = {
        session: 1,
        bundleDigest: D1,
        folder: '/m/w1',
        receipt: 'receipt-1.txt',
        custody: {
          backupDigest: `7a03444a${B1.slice(8)}`,
          custodians: ['Carol', 'Dan', 'Eve'],
          keyIds: ['k1'],
          aliases: new Map(),
        },
        tokensUntil: '2026-12-02T08:00:00.000Z',
      };
      const fresh = { existing: false, parameters: [{ keyId: 'k1' }] };
      await journalRepeatedWrap(journal, 'Officer', [earlier], 'tokensExpired', undefined, fresh);
      await journalRepeatedWrap(journal, 'Officer', [{ ...earlier, custody: null }], 'reason', 'media lost', fresh);
      // Keys already in the HSM token (or a material file): the same material, nothing to destroy.
      await journalRepeatedWrap(journal, 'Officer', [earlier], 'tokensExpired', undefined, {
        ...fresh,
        existing: true,
      });
      const [withSet, without, same] = journal.entries.map((e) => phraseSchema.parse(e.data.reasonPhrase));
      const en = translator('en');
      const said = en.message(withSet!);
      expect(said).toContain('1 earlier custody set');
      expect(said).toContain(
        'once this new bundle is imported, the custodians of the earlier custody set (backup digest 7A03 444A BBBB BBBB…) destroy those shares',
      );
      expect(translator('zh-CN').message(withSet!)).toContain('备份摘要 7A03 444A BBBB BBBB…');
      // No earlier custody set: nothing to destroy, the reason as before.
      expect(en.message(without!)).not.toContain('destroy');
      expect(en.message(without!)).toContain('wrapped again because: media lost');
      expect(en.message(without!)).toContain('new material beside the earlier wrapped bundle');
      expect(en.message(same!)).toContain(
        'material that exists already (in the HSM token, or loaded from a file), not new material beside the earlier wrapped bundle',
      );
      expect(en.message(same!)).not.toContain('destroy');
      expect(translator('zh-CN').message(same!)).toContain(
        '包装了已存在的密钥材料（已在 HSM 令牌中，或从文件加载），而不是新的密钥材料',
      );
    } finally {
      await journal.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps, not destroys, an earlier custody set that also backs a key this wrap makes no new material for', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-earlier-wraps-'));
    const journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
    try {
      const earlier = {
        session: 1,
        bundleDigest: D1,
        folder: '/m/w1',
        receipt: 'receipt-1.txt',
        custody: {
          backupDigest: `79701365${B1.slice(8)}`,
          custodians: ['Carol', 'Dan', 'Eve'],
          keyIds: ['k1', 'k2'],
          aliases: new Map(),
        },
        tokensUntil: '2099-01-01T00:00:00.000Z',
      };
      // Key 2's import was refused: new parameters for key 2 alone, new material for it only.
      await journalRepeatedWrap(journal, 'Officer', [earlier], 'reason', 'key 2 import refused', {
        existing: false,
        parameters: [{ keyId: 'k2' }],
      });
      await journalRepeatedWrap(journal, 'Officer', [earlier], 'tokensExpired', undefined, {
        existing: false,
        parameters: [{ keyId: 'k2' }],
      });
      const [again, repeated] = journal.entries.map((e) => phraseSchema.parse(e.data.reasonPhrase));
      const en = translator('en');
      for (const phrase of [again!, repeated!]) {
        const said = en.message(phrase);
        expect(said).not.toContain('destroy those shares');
        expect(said).toContain(
          'the earlier custody set (backup digest 7970 1365 BBBB BBBB…) must be KEPT, its shares not destroyed: it also backs keys this wrap makes no new material for (k1)',
        );
        expect(translator('zh-CN').message(phrase)).toContain(
          '（备份摘要 7970 1365 BBBB BBBB…）必须保留，不得销毁其份额',
        );
        expect(translator('zh-CN').message(phrase)).not.toContain('应销毁');
      }
      expect(en.message(again!)).toContain('wrapped again because: key 2 import refused');
      // The receipt's custodian lines read the material as new.
      expect(journal.entries[0]!.data.reasonPhrase).toMatchObject({ values: { fresh: 'yes' } });
    } finally {
      await journal.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the keys a kept custody set backs by alias and key id, as the officer knows them', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-earlier-wraps-'));
    const journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
    try {
      await journal.append('Officer', 'ceremony.session-started', { side: 'air-gapped' });
      await journal.append('Officer', 'parameters.read', {
        keys: [
          { keyId: 'k1', alias: 'pay/aes-1', tokenExpiresAt: '2099-01-01T00:00:00.000Z' },
          { keyId: 'k2', alias: 'pay/aes-2', tokenExpiresAt: '2099-01-01T00:00:00.000Z' },
        ],
      });
      await journal.append('Officer', 'custody.split', { ...splitTo('Carol', 'Dan'), keyIds: ['k1', 'k2'] });
      await journal.append('Officer', 'wrapped-bundle.written', { folder: '/m/w1', manifestSha256: D1 });
      await journal.append('Officer', 'receipt.written', { textFile: 'receipt-1.txt' });
      await journal.append('Officer', 'wrapped-bundle.completed', { folder: '/m/w1', manifestSha256: D1 });
      // Key 2's import was refused: new parameters and new material for key 2 alone; the set still backs key 1.
      await journalRepeatedWrap(journal, 'Officer', finishedWraps(journal.entries), 'reason', 'key 2 refused', {
        existing: false,
        parameters: [{ keyId: 'k2' }],
      });
      const phrase = phraseSchema.parse(journal.entries.at(-1)!.data.reasonPhrase);
      expect(translator('en').message(phrase)).toContain(
        'it also backs keys this wrap makes no new material for (pay/aes-1 (k1))',
      );
      expect(translator('zh-CN').message(phrase)).toContain('pay/aes-1 (k1)');
    } finally {
      await journal.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps an earlier custody set that backs a key this wrap of material that exists already leaves alone', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-earlier-wraps-'));
    const journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
    try {
      const custody = {
        backupDigest: `79701365${B1.slice(8)}`,
        custodians: ['Carol', 'Dan'],
        keyIds: ['k1', 'k2'],
        aliases: new Map(),
      };
      const earlier = { session: 1, bundleDigest: D1, folder: '/m/w1', receipt: 'r.txt', custody, tokensUntil: null };
      // Key 2 imported the first bundle; key 1's import was refused, and key 1 is wrapped again from a file.
      await journalRepeatedWrap(journal, 'Officer', [earlier], 'reason', 'key 1 import refused', {
        existing: true,
        parameters: [{ keyId: 'k1' }],
      });
      const said = translator('en').message(phraseSchema.parse(journal.entries[0]!.data.reasonPhrase));
      expect(said).toContain('material that exists already');
      expect(said).not.toContain('destroy those shares');
      expect(said).toContain(
        'the earlier custody set (backup digest 7970 1365 BBBB BBBB…) must be KEPT, its shares not destroyed: it also backs keys this wrap makes no new material for (k2)',
      );
    } finally {
      await journal.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
