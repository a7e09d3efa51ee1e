/**
 * Opening the online workstation's journal (a real file, the KMS simulator on 127.0.0.1): an empty
 * journal starts a new ceremony with its record and plan facts; a journal that holds one continues
 * it in a new session, its own facts winning over what the command line says now; nothing is
 * started without the facts a ceremony needs, or with people named twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onlineStartOf, openOnlineJournal } from '../../../../src-main/core/ceremony/online/open-journal';
import { APP, createFixture, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

function options(journal: Awaited<ReturnType<Fixture['journal']>>) {
  return { journal, kms: f.kms, region: f.sim.region, app: APP };
}

describe('openOnlineJournal', () => {
  it('starts a new ceremony on an empty journal: its record, the wrapping algorithm and the material expiry', async () => {
    const plan = f.plan(['AES_256']);
    const journal = await f.journal('online.jsonl');
    const at = new Date('2026-12-01T09:30:00Z');
    const state = await openOnlineJournal({
      ...options(journal),
      start: { ...onlineStartOf(plan), paperSize: 'Letter', receiptLanguage: 'zh-CN' },
      clock: () => at,
    });
    const [started, ...rest] = journal.entries;
    expect(rest).toEqual([]);
    expect(started).toMatchObject({
      actor: 'Ana',
      event: 'ceremony.started',
      data: {
        ceremonyId: state.ceremonyId,
        title: 'Test ceremony',
        operator: 'Ana',
        witnesses: ['Ben', 'Chloé'],
        side: 'online',
        rehearsal: false,
        appVersion: APP.version,
        paperSize: 'Letter',
        receiptLanguage: 'zh-CN',
        wrappingAlgorithm: plan.wrappingAlgorithm,
        expiry: plan.materialExpiry.kind === 'never' ? 'never' : plan.materialExpiry.at.toISOString(),
      },
    });
    expect(state.ceremonyId).toContain('20261201');
    expect(state.keys.size).toBe(0);
  });

  it('continues the ceremony a journal holds in a new session; its facts win over a new start', async () => {
    const plan = f.plan(['AES_256']);
    const first = await openOnlineJournal({ ...options(await f.journal('online.jsonl')), start: onlineStartOf(plan) });
    await f.journals[0]?.close();
    const journal = await f.journal('online.jsonl');
    const again = await openOnlineJournal({
      ...options(journal),
      start: { ...onlineStartOf(plan), title: 'Another ceremony', operator: 'Zed' },
    });
    expect(again.ceremonyId).toBe(first.ceremonyId);
    expect(again.title).toBe('Test ceremony');
    expect(journal.entries.map((e) => [e.event, e.actor])).toEqual([
      ['ceremony.started', 'Ana'],
      ['ceremony.session-started', 'Ana'],
    ]);
    expect(journal.entries[1]?.data).toMatchObject({ appVersion: APP.version, appBuild: APP.build });
  });

  it('starts nothing without the facts of a ceremony, or with a person named twice', async () => {
    const journal = await f.journal('online.jsonl');
    await expect(openOnlineJournal(options(journal))).rejects.toMatchObject({ code: 'CEREMONY_NOT_STARTED' });
    const plan = f.plan(['AES_256']);
    await expect(
      openOnlineJournal({ ...options(journal), start: { ...onlineStartOf(plan), witnesses: ['Ben', 'Ana'] } }),
    ).rejects.toMatchObject({ code: 'CEREMONY_PEOPLE_INVALID' });
    expect(journal.entries).toEqual([]);
  });
});
