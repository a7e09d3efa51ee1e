/**
 * recordedCeremonyId / refuseJournalOfOtherCeremony on a real journal file: the ceremony a journal
 * records is its first parameters.read's; another ceremony's bundle is refused naming both, the
 * same ceremony and a journal that has read no parameters yet pass.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  recordedCeremonyId,
  refuseJournalNamedForOtherCeremony,
  refuseJournalOfOtherCeremony,
} from '../../../src-main/core/bundle/ceremony-facts';
import { openJournal, type Journal } from '../../../src-main/core/journal';
import { translator } from '../../../src-main/i18n/translate';

let dir: string;
let journal: Journal;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ceremony-facts-'));
  journal = await openJournal(path.join(dir, 'restore.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the ceremony a journal records', () => {
  it('is none before parameters are read; then the first read names it, a later read of another does not', async () => {
    await journal.append('Olga', 'ceremony.session-started', { side: 'air-gapped' });
    expect(recordedCeremonyId(journal.entries)).toBeUndefined();
    expect(() => refuseJournalOfOtherCeremony(journal, 'KF-any')).not.toThrow();
    await journal.append('Olga', 'parameters.read', { ceremonyId: 'reimport-2025-02' });
    await journal.append('Olga', 'parameters.read', { ceremonyId: 'other-2025-03' });
    expect(recordedCeremonyId(journal.entries)).toBe('reimport-2025-02');
    expect(() => refuseJournalOfOtherCeremony(journal, 'reimport-2025-02')).not.toThrow();
  });

  it('refuses a bundle of another ceremony, naming the journal and both ceremonies', async () => {
    await journal.append('Olga', 'parameters.read', { ceremonyId: 'reimport-2025-02' });
    let refusal: unknown;
    try {
      refuseJournalOfOtherCeremony(journal, 'other-2025-03');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      code: 'AIRGAP_JOURNAL_OTHER_CEREMONY',
      values: { journal: journal.path, recorded: 'reimport-2025-02', ceremonyId: 'other-2025-03' },
    });
    const line = translator('en').problemLine(refusal as never);
    expect(line).toContain('records ceremony reimport-2025-02');
    expect(line).toContain('other-2025-03');
    expect(line).toContain('give --journal airgap-other-2025-03.jsonl (it does not exist yet)');
  });

  it('when the journal named for the bundle’s ceremony took another ceremony’s bundle (a swapped stick), says so and names a free journal', async () => {
    // The Next line named airgap-KF-B.jsonl; a stick of ceremony F was given to it first, and refused later on.
    const named = await openJournal(path.join(dir, 'airgap-KF-B.jsonl'), { create: true });
    try {
      await named.append('Ana', 'parameters.read', { ceremonyId: 'KF-F' });
      const refusal = (() => {
        try {
          refuseJournalOfOtherCeremony(named, 'KF-B');
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      const line = translator('en').problemLine(refusal as never);
      expect(line).toContain(
        'The journal is named for ceremony KF-B: an earlier attempt read a bundle of ceremony KF-F into it',
      );
      // Not the very file it refuses: the first free name.
      expect(line).toContain('give --journal airgap-KF-B-2.jsonl (it does not exist yet)');
      expect(translator('zh-CN').problemLine(refusal as never)).toContain('--journal airgap-KF-B-2.jsonl');
    } finally {
      await named.close();
    }
  });
});

describe('a journal named for another ceremony than the bundle', () => {
  const bundle = { dir: '/media/usb/params', ceremonyId: 'KF-20261204-ffffff', title: 'Trial F' };
  it('refuses the bundle when the printed journal name names another ceremony Keyferry made', () => {
    expect(() => refuseJournalNamedForOtherCeremony('/air/airgap-KF-20261204-bbbbbb.jsonl', bundle)).toThrow(
      expect.objectContaining({
        code: 'AIRGAP_JOURNAL_NAMED_FOR_OTHER_CEREMONY',
        values: expect.objectContaining({ named: 'KF-20261204-bbbbbb', ceremonyId: 'KF-20261204-ffffff' }),
      }),
    );
    // A further journal of that ceremony (the free name a refusal suggests) names it too.
    expect(() => refuseJournalNamedForOtherCeremony('airgap-KF-20261204-bbbbbb-2.jsonl', bundle)).toThrow(
      expect.objectContaining({ code: 'AIRGAP_JOURNAL_NAMED_FOR_OTHER_CEREMONY' }),
    );
  });

  it('says a name one or two characters off the bundle’s ceremony is a typing slip, not another stick', () => {
    const said = (journal: string) => {
      try {
        refuseJournalNamedForOtherCeremony(journal, bundle);
      } catch (error) {
        return translator('en').problemLine(error as never);
      }
      throw new Error('not refused');
    };
    // A trial typed one character of the id wrong and was told to bring another ceremony's bundle.
    const slip = said('airgap-KF-20261204-fffbff.jsonl');
    expect(slip).toContain('a typing slip in the journal’s name (the two ids differ in one or two characters)?');
    expect(slip).toContain('Run the command again with --journal airgap-KF-20261204-ffffff.jsonl');
    expect(slip).not.toContain('a stick of another ceremony');
    expect(said('/air/airgap-KF-20261204-bbbbbb.jsonl')).toContain('a stick of another ceremony?');
  });

  it('lets through the bundle its name names, and names that name no ceremony Keyferry made', () => {
    for (const name of [
      'airgap-KF-20261204-ffffff.jsonl',
      'airgap-KF-20261204-ffffff-3.jsonl',
      'restore.jsonl',
      'airgap.jsonl',
      'airgap-reimport-2025-02.jsonl',
    ])
      expect(() => refuseJournalNamedForOtherCeremony(name, bundle)).not.toThrow();
  });
});
