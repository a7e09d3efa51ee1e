/**
 * The air-gapped preflight (src-main/core/ceremony/airgap/preflight.ts) on real folders and a real
 * journal: the bundle folder, the receipt folder with the receipt's file names and every custodian
 * folder are checked before any material exists, sized for the ceremony's keys, and journaled
 * either way; a request for another material expiry than the plan's is journaled once per planned
 * expiry it replaces, naming its keys, and nothing when no plan is overridden.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportParameters } from '../../../../src-main/core/bundle';
import {
  airGapDestinations,
  journalPlanExpiryOverrides,
  preflightJournaled,
  requestedExpiryText,
} from '../../../../src-main/core/ceremony/airgap/preflight';
import type { KeyExpiry } from '../../../../src-main/core/ceremony/shared/planned-expiry';
import { openJournal, type Journal } from '../../../../src-main/core/journal';
import { makeImportParameters } from '../../bundle/bundle-fixtures';
import { keyferry } from '../../../integration/cli-in-process';

let dir: string;
let journal: Journal;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-airgap-preflight-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

const AES = makeImportParameters(1, undefined, ['AES_256']) as ImportParameters[];
const EC = makeImportParameters(1, undefined, ['EC_P256']) as ImportParameters[];

describe('airGapDestinations and preflightJournaled', () => {
  it('checks the bundle, receipt and custodian folders and journals what it found', async () => {
    const receipts = path.join(dir, 'receipts');
    await mkdir(receipts);
    const request = {
      wrappedBundle: path.join(dir, 'wrapped'),
      receiptFolder: receipts,
      custodianFolders: [path.join(dir, 'alice'), path.join(dir, 'bob')],
    };
    const destinations = airGapDestinations(request, AES, 'receipt-airgap-KF-20300102-abcdef');
    const checked = await preflightJournaled(
      journal,
      'Ana',
      destinations,
      { allowSameVolume: true },
      {
        bundleExpiry: 'never',
      },
    );
    expect(checked.map((c) => [c.role, c.willCreate])).toEqual([
      ['bundle', true],
      ['receipt', false],
      ['custodian', true],
      ['custodian', true],
    ]);
    const entry = journal.entries.at(-1);
    expect(entry?.event).toBe('preflight.passed');
    expect(entry?.data).toMatchObject({
      custodiansOnOneVolume: true,
      bundleExpiry: 'never',
      destinations: [
        { role: 'bundle', folder: request.wrappedBundle, willCreate: true },
        { role: 'receipt', folder: receipts, willCreate: false },
        { role: 'custodian', folder: path.join(dir, 'alice') },
        { role: 'custodian', folder: path.join(dir, 'bob') },
      ],
    });
  });

  it('sizes the bundle for its keys: an asymmetric key needs room for its private and public key files too', () => {
    const request = { wrappedBundle: path.join(dir, 'wrapped'), receiptFolder: dir };
    const bytes = (keys: ImportParameters[]) => airGapDestinations(request, keys, 'r')[0]?.bytes ?? 0;
    expect(bytes(EC)).toBeGreaterThan(bytes(AES));
    expect(bytes([...AES, ...EC])).toBeGreaterThan(bytes(EC));
    const custodian = (keys: ImportParameters[]) =>
      airGapDestinations({ ...request, custodianFolders: [path.join(dir, 'c')] }, keys, 'r')[2]?.bytes ?? 0;
    expect(custodian([...AES, ...EC])).toBeGreaterThan(custodian(AES));
  });

  it('sizes a custodian folder at least as large as a real custody set writes it, in English and Chinese', async () => {
    // A rehearsal of the six specs with a 2-of-3 custody set, in each language: the space each custodian's folder takes.
    const specs = ['AES_256', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_P256', 'EC_P384'] as const;
    for (const lang of ['en', 'zh-CN']) {
      const run = await keyferry(
        ['--lang', lang, 'rehearse', '--out', `r-${lang}`, '--specs', specs.join(','), '--custody', '2/3'],
        {
          cwd: dir,
        },
      );
      expect(run.code, run.stderr).toBe(0);
      const folder = path.join(dir, `r-${lang}`, 'custodian-1');
      let used = 0;
      for (const name of await readdir(folder))
        used += Math.ceil((await stat(path.join(folder, name))).size / 4096) * 4096;
      const keys = specs.map((keySpec, i) => ({ ...(AES[0] as ImportParameters), keyId: `k-${i}`, keySpec }));
      const request = { wrappedBundle: path.join(dir, 'w'), receiptFolder: dir, custodianFolders: [folder] };
      const destinations = airGapDestinations(
        { ...request, wrappedBundle: path.join(dir, `r-${lang}`, 'media', 'wrapped-material') },
        keys,
        'r',
      );
      const estimate = destinations[2]?.bytes ?? 0;
      expect(estimate).toBeGreaterThanOrEqual(used);
      // And not wildly more: a stick of twice the need is enough.
      expect(estimate).toBeLessThan(2 * used);
      // Each file and folder takes a whole allocation unit on a stick (exFAT: up to 128 KiB): the counts
      // the preflight adds it for are those of what was really written.
      expect(destinations[2]?.entries).toBe((await readdir(folder)).length);
      const written = await readdir(path.join(dir, `r-${lang}`, 'media', 'wrapped-material'), { recursive: true });
      expect(destinations[0]?.entries).toBe(written.length);
    }
  }, 120_000);

  it('refuses a receipt folder already holding a receipt of that name, journaled with its code, nothing created', async () => {
    await writeFile(path.join(dir, 'receipt-airgap-KF-20300102-abcdef.txt'), 'an earlier receipt');
    const request = { wrappedBundle: path.join(dir, 'wrapped'), receiptFolder: dir };
    const destinations = airGapDestinations(request, AES, 'receipt-airgap-KF-20300102-abcdef');
    const refusal = await preflightJournaled(journal, 'Ana', destinations, { allowSameVolume: false }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({ code: expect.stringMatching(/^PREFLIGHT_/) });
    expect(journal.entries.at(-1)).toMatchObject({
      event: 'preflight.refused',
      data: { code: (refusal as { code: string }).code },
    });
    expect(existsSync(request.wrappedBundle)).toBe(false);
  });
});

describe('requestedExpiryText', () => {
  it.each([
    [undefined, undefined],
    ['plan', 'plan'],
    [{ kind: 'never' }, 'never'],
    [{ kind: 'at', at: new Date('2031-01-01T00:00:00.000Z') }, '2031-01-01T00:00:00.000Z'],
  ] as const)('journals a request of %j as %j', (materialExpiry, text) => {
    expect(
      requestedExpiryText({ wrappedBundle: 'w', receiptFolder: 'r', ...(materialExpiry ? { materialExpiry } : {}) }),
    ).toBe(text);
  });
});

describe('journalPlanExpiryOverrides', () => {
  const at = (iso: string) => ({ kind: 'at', at: new Date(iso) }) as const;
  const planA = at('2031-01-01T00:00:00.000Z');
  const planB = at('2032-01-01T00:00:00.000Z');
  const requested = { kind: 'never' } as const;
  const expiry = (keyId: string, planned: KeyExpiry['planned'], overridden: boolean): KeyExpiry => ({
    keyId,
    keySpec: 'AES_256',
    planned,
    requested: overridden ? requested : (planned ?? requested),
    overridden,
  });

  it('journals one override per planned expiry it replaces, naming its keys', async () => {
    const overrides = await journalPlanExpiryOverrides(journal, 'Ana', [
      expiry('k1', planA, true),
      expiry('k2', planB, true),
      expiry('k3', planA, true),
      expiry('k4', planA, false),
      expiry('k5', null, true),
    ]);
    expect(overrides).toEqual([
      { planned: '2031-01-01T00:00:00.000Z', requested: 'never', keyIds: ['k1', 'k3'] },
      { planned: '2032-01-01T00:00:00.000Z', requested: 'never', keyIds: ['k2'] },
    ]);
    const entries = journal.entries.filter((e) => e.event === 'expiry.plan-overridden');
    expect(entries.map((e) => e.data)).toEqual([
      expect.objectContaining({ planned: '2031-01-01T00:00:00.000Z', requested: 'never', keyIds: ['k1', 'k3'] }),
      expect.objectContaining({ planned: '2032-01-01T00:00:00.000Z', requested: 'never', keyIds: ['k2'] }),
    ]);
    expect(entries[0]?.data.reasonPhrase).toMatchObject({ values: expect.objectContaining({ count: 2 }) });
  });

  it('journals nothing when no plan is overridden, and a restore’s lapsed plans under their own event', async () => {
    expect(await journalPlanExpiryOverrides(journal, 'Ana', [expiry('k1', planA, false)])).toEqual([]);
    expect(journal.count).toBe(0);
    await journalPlanExpiryOverrides(journal, 'Ana', [expiry('k1', planA, true)], 'expiry.lapsed-plan-replaced');
    expect(journal.entries.map((e) => e.event)).toEqual(['expiry.lapsed-plan-replaced']);
  });
});
