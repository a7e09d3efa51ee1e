/**
 * The custody plan's names are checked in the preflight, before any material exists, as `keyferry
 * airgap wrap` checks --custodian before it opens anything: the app let one person named twice
 * ('Cara Lee', 'cara lee') or a name too long for a share file through its preflight, generated
 * the material, and only the split refused the name; the preflight was then past (refused after
 * material) and the wrap refused without the split, so the session could go neither on nor back.
 * Through the real router and handlers, on real folders.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { airGapConfirmed, call, ceremonyFolder, journalEvents, value, type CeremonyFolder } from './airgap-session';

let folder: CeremonyFolder;
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-custodian-names-');
});
afterEach(() => folder.close());

/** The preflight of a 2-of-2 split to `custodians` (custodian folders beside each other: a rehearsal's). */
async function preflightWith(custodians: string[]) {
  const { ipc, dir, media } = folder;
  const folders = [path.join(dir, 'c1'), path.join(dir, 'c2')];
  for (const c of folders) await mkdir(c, { recursive: true });
  return call(ipc, 'airgap.preflight', {
    folder: media,
    custody: { m: 2, n: 2, custodians, folders, allowSameVolume: true },
  });
}

/** The preflight's refusal of `custodians`, checked to match `problem`. */
async function refusedAs(custodians: string[], problem: { code: string; values?: Record<string, unknown> }) {
  const refused = await preflightWith(custodians);
  expect(refused).toMatchObject({ ok: false, problem });
  if (refused.ok) throw new Error('the preflight passed');
  return refused.problem;
}

describe('airgap.preflight, the custodians’ names', () => {
  it('refuses one person named twice before any material exists; named apart, the split goes on', async () => {
    const { ipc, dir } = folder;
    await airGapConfirmed(ipc, dir, ['AES_256']);
    const twice = await refusedAs(['Cara Lee', 'cara lee'], {
      code: 'CUSTODY_SET_CUSTODIAN_TWICE',
      values: { first: 1, second: 2 },
    });
    expect(twice.message).toContain(
      'The custodians of shares 1 and 2, typed as "Cara Lee" and "cara lee", are one person by Keyferry’s comparison',
    );
    expect(twice.nextStep).toBe('Name a different person for each share.');
    // Nothing passed, so nothing is made.
    expect(await call(ipc, 'airgap.generate')).toMatchObject({ ok: false, problem: { code: 'PREFLIGHT_REQUIRED' } });
    const events = await journalEvents(path.join(dir, 'air-gapped-journal.jsonl'));
    expect(events.some((e) => e.event === 'material.generated')).toBe(false);

    expect(await preflightWith(['Cara Lee', 'Dan'])).toMatchObject({ ok: true });
    await value(ipc, 'airgap.generate');
    const split = await value<{ keys: { holders: { custodian: string }[] }[] }>(ipc, 'custody.split');
    expect(split.keys[0]?.holders.map((h) => h.custodian)).toEqual(['Cara Lee', 'Dan']);
  }, 60_000);

  it('refuses a name a share file cannot carry (more than 255 UTF-8 bytes) before any material exists', async () => {
    const { ipc, dir } = folder;
    await airGapConfirmed(ipc, dir, ['AES_256']);
    // 90 characters are within the 100 a name may have; in UTF-8 they are 270 bytes.
    await refusedAs(['张'.repeat(90), 'Dan'], { code: 'CUSTODY_SET_CUSTODIAN_INVALID', values: { index: 1 } });
    expect(await call(ipc, 'airgap.generate')).toMatchObject({ ok: false, problem: { code: 'PREFLIGHT_REQUIRED' } });
  }, 60_000);

  it('names an invisible character pasted into a name by its code point, as the command line does; typed again, the split goes on', async () => {
    const { ipc, dir } = folder;
    await airGapConfirmed(ipc, dir, ['AES_256']);
    const pasted = await refusedAs(['Cara Lee\u200B', 'Dan'], {
      code: 'CUSTODY_SET_CUSTODIAN_INVALID',
      values: { index: 1, character: 'U+200B' },
    });
    expect(pasted.message).toContain('contains an invisible character, U+200B');
    expect(await call(ipc, 'airgap.generate')).toMatchObject({ ok: false, problem: { code: 'PREFLIGHT_REQUIRED' } });
    // The same person in another Unicode form (e + combining acute) is one person, written as NFC.
    await refusedAs(['Chloé', 'Chloe\u0301'], { code: 'CUSTODY_SET_CUSTODIAN_TWICE' });
    expect(await preflightWith(['Chloe\u0301', 'Dan'])).toMatchObject({ ok: true });
    await value(ipc, 'airgap.generate');
    const split = await value<{ keys: { holders: { custodian: string }[] }[] }>(ipc, 'custody.split');
    expect(split.keys[0]?.holders.map((h) => h.custodian)).toEqual(['Chloé', 'Dan']);
  }, 60_000);
});
