/**
 * The air-gapped journal an import-parameters bundle names (format version 6): real journals in a
 * temp folder, named as the online side names them (file, first entry, the latest wrap's start).
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CeremonyAirGapJournal } from '../../../../src-main/core/bundle/import-parameters-manifest';
import {
  checkNamedJournal,
  namedJournalMismatch,
  refuseJournalFileNotNamed,
  type NamingParameters,
} from '../../../../src-main/core/ceremony/airgap/named-journal';
import { openJournal, type Journal } from '../../../../src-main/core/journal';
import { journalAndVaultEachTest } from './journal-and-vault';
import { refusal } from '../../../helpers/refusal';

const current = journalAndVaultEachTest('kf-named-journal-');

/** Two keys never imported into: the wrap would make new material. */
const NEW_MATERIAL = [{ keyId: 'k-1' }, { keyId: 'k-2' }];
/** A key's material as the KMS holds it since an import (the parameters say so): only that material again. */
const BOUND = {
  kind: 'key-check-value',
  method: 'aes-ecb-zero-block',
  keyCheckValue: 'A1B2C3',
  importedSeq: 9,
} as const;
/** Parameters of `keys` naming `named`. */
const naming = (named: CeremonyAirGapJournal | undefined, keys: NamingParameters['keys'] = NEW_MATERIAL) => ({
  named,
  keys,
});

/** A journal that read ceremony KF-1's parameters and finished two wraps (each sealed by its receipt); the second's start is the latest wrap. */
async function wrappedTwice(journal: Journal) {
  await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped' });
  await journal.append('Ana', 'parameters.read', { ceremonyId: 'KF-1' });
  await journal.append('Ana', 'receipt.written', {});
  const second = await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped' });
  await journal.append('Ana', 'parameters.read', { ceremonyId: 'KF-1' });
  await journal.append('Ana', 'receipt.written', {});
  const first = journal.entries[0];
  if (!first) throw new Error('no first entry');
  const named: CeremonyAirGapJournal = {
    file: path.basename(journal.path),
    firstEntrySha256: first.hash,
    lastWrap: { seq: second.seq, sha256: second.hash },
  };
  return named;
}

describe('namedJournalMismatch', () => {
  it('passes the named journal, and a later state of it', async () => {
    const { journal } = current();
    const named = await wrappedTwice(journal);
    expect(namedJournalMismatch(named, journal.entries)).toBeUndefined();
    await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped' });
    expect(namedJournalMismatch(named, journal.entries)).toBeUndefined();
  });

  it('tells a new journal, another journal of the ceremony, and an older copy of the named one', async () => {
    const { journal, dir } = current();
    const named = await wrappedTwice(journal);
    expect(namedJournalMismatch(named, [])).toBe('new');
    const other = await openJournal(path.join(dir, 'other.jsonl'), { create: true });
    await other.append('Ana', 'ceremony.session-started', { side: 'air-gapped' });
    // A journal this session just opened has read no parameters yet: new.
    expect(namedJournalMismatch(named, other.entries)).toBe('new');
    await other.append('Ana', 'parameters.read', { ceremonyId: 'KF-1' });
    expect(namedJournalMismatch(named, other.entries)).toBe('other');
    await other.close();
    // The named journal as it was before its latest wrap (a copy kept from then).
    expect(namedJournalMismatch(named, journal.entries.slice(0, 3))).toBe('older');
    // A copy taken while that wrap ran: its start is there, its receipt not (a trial's copy passed, and
    // the clean-up of the session it saw unfinished took away the finished wrap's custody shares).
    expect(namedJournalMismatch(named, journal.entries.slice(0, 5))).toBe('older');
  });

  it('without the latest wrap named (a bundle naming its journal only), any copy of that journal passes', async () => {
    const { journal } = current();
    const { file, firstEntrySha256 } = await wrappedTwice(journal);
    expect(namedJournalMismatch({ file, firstEntrySha256 }, journal.entries.slice(0, 1))).toBeUndefined();
  });
});

describe('checkNamedJournal', () => {
  it('refuses another journal, naming the journal to use and how this one differs', async () => {
    const { journal } = current();
    const named = await wrappedTwice(journal);
    const error = refusal(() =>
      checkNamedJournal(naming(named), { path: '/media/other/a.jsonl', entries: [] }, undefined),
    );
    expect(error.code).toBe('AIRGAP_JOURNAL_NOT_THE_CEREMONYS');
    expect(error.message).toContain('/media/other/a.jsonl is a new journal');
    expect(error.message).toContain(`air-gapped journal ${named.file} (first entry `);
    expect(error.nextStep).toContain('--journal-lost "REASON"');
    // The app's way on: its ceremony folder; only the command line goes past.
    expect(error.nextStep).toContain(`Open the ceremony folder that holds ${named.file}`);
    expect(error.nextStep).toContain('The app cannot go past this');
    const older = refusal(() =>
      checkNamedJournal(naming(named), { path: journal.path, entries: journal.entries.slice(0, 5) }, undefined),
    );
    expect(older.message).toContain(
      `is an older copy of that journal: it lacks the latest wrap the online side checked (begun at its entry ${named.lastWrap?.seq}), or has it unfinished`,
    );
  });

  it('lets another journal wrap on the officer’s reason, returning what the override journals', async () => {
    const { journal } = current();
    const named = await wrappedTwice(journal);
    expect(checkNamedJournal(naming(named), { path: '/m/a.jsonl', entries: [] }, '  disk failed ')).toEqual({
      namedJournal: named.file,
      namedJournalFirstEntrySha256: named.firstEntrySha256,
      mismatch: 'new',
      reason: 'disk failed',
    });
  });

  it('refuses --journal-lost where it changes nothing, and a reason that is none', async () => {
    const { journal } = current();
    const named = await wrappedTwice(journal);
    expect(checkNamedJournal(naming(named), journal, undefined)).toBeUndefined();
    expect(checkNamedJournal(naming(undefined), { path: '/m/a.jsonl', entries: [] }, undefined)).toBeUndefined();
    const onNamed = refusal(() => checkNamedJournal(naming(named), journal, 'lost'));
    expect(onNamed.code).toBe('JOURNAL_LOST_REFUSED');
    expect(onNamed.message).toContain(`${journal.path} is the journal these import parameters name: it is not lost`);
    const noneNamed = refusal(() => checkNamedJournal(naming(undefined), journal, 'lost'));
    expect(noneNamed.message).toContain('These import parameters name no air-gapped journal');
    const empty = refusal(() => checkNamedJournal(naming(named), { path: '/m/a.jsonl', entries: [] }, '  '));
    expect(empty.message).toContain('must be one line of 1 to 200 characters');
  });

  it('lets any journal wrap parameters whose every key takes only the material the KMS holds', async () => {
    const { journal } = current();
    const named = await wrappedTwice(journal);
    // k-2 is a replica of k-1: bound through its group.
    const everyBound = [
      { keyId: 'k-1', boundMaterial: BOUND },
      { keyId: 'k-2', replicaOf: 'k-1' },
    ];
    const other = { path: '/m/a.jsonl', entries: [] };
    expect(checkNamedJournal(naming(named, everyBound), other, undefined)).toBeUndefined();
    expect(refusal(() => checkNamedJournal(naming(named, everyBound), other, 'lost')).message).toContain(
      'Every key of these import parameters takes only the material the KMS already holds',
    );
    // One key that would take new material: checked.
    const oneNew = [{ keyId: 'k-1', boundMaterial: BOUND }, { keyId: 'k-3' }];
    expect(refusal(() => checkNamedJournal(naming(named, oneNew), other, undefined)).code).toBe(
      'AIRGAP_JOURNAL_NOT_THE_CEREMONYS',
    );
  });

  it('never opens a copy cut inside the wrap the online side took, for bound keys either: its closing would remove that wrap’s shares', async () => {
    const { journal } = current();
    const named = await wrappedTwice(journal);
    const everyBound = [{ keyId: 'k-1', boundMaterial: BOUND }];
    const last = named.lastWrap?.seq as number;
    // The copy: cut inside the second wrap, after its preflight and custody split (its receipt lost with the cut).
    const cut = [...journal.entries.filter((e) => e.seq < last + 2)];
    const withSplit = [
      ...cut,
      { ...(cut.at(-1) as (typeof cut)[number]), seq: last + 2, event: 'preflight.passed' },
      { ...(cut.at(-1) as (typeof cut)[number]), seq: last + 3, event: 'custody.split' },
    ];
    const copy = { path: '/m/airgap.jsonl', entries: withSplit };
    const refused = refusal(() => checkNamedJournal(naming(named, everyBound), copy, undefined));
    expect(refused).toMatchObject({
      code: 'AIRGAP_SESSION_FINISHED_ON_MEDIA',
      values: { session: 2, seq: last, evidence: 'parameters', count: last },
    });
    expect(refused.message).toContain(
      `made in the session begun at its entry ${last}, which this copy lacks or has unfinished`,
    );
    // Cut before anything of it was written (nothing to withdraw), or the journal as it went on: passes.
    expect(checkNamedJournal(naming(named, everyBound), { ...copy, entries: cut }, undefined)).toBeUndefined();
    expect(checkNamedJournal(naming(named, everyBound), journal, undefined)).toBeUndefined();
  });
});

describe('refuseJournalFileNotNamed (before the journal opens)', () => {
  it('refuses a journal file that does not exist yet, and creates none', async () => {
    const { journal, dir } = current();
    const named = await wrappedTwice(journal);
    const file = path.join(dir, 'elsewhere', named.file);
    await expect(refuseJournalFileNotNamed(file, naming(named), undefined)).rejects.toThrow(`${file} is a new journal`);
    // The command line's way on: the same command with --journal naming the journal.
    await expect(refuseJournalFileNotNamed(file, naming(named), undefined)).rejects.toMatchObject({
      nextStep: expect.stringContaining(`Run the same command with --journal naming ${named.file}`),
    });
    expect(existsSync(file)).toBe(false);
    await expect(refuseJournalFileNotNamed(file, naming(named), 'disk failed')).resolves.toMatchObject({
      mismatch: 'new',
    });
    expect(existsSync(file)).toBe(false);
  });

  it('reads an existing journal file: the named one passes, a copy of it from before its latest wrap is refused', async () => {
    const { journal, dir } = current();
    const named = await wrappedTwice(journal);
    await expect(refuseJournalFileNotNamed(journal.path, naming(named), undefined)).resolves.toBeUndefined();
    // A copy whose last entries were never written: the named journal as it stood after its first session.
    const copy = path.join(dir, 'copy.jsonl');
    await copyFile(journal.path, copy);
    const older = { ...named, lastWrap: { seq: 99, sha256: named.firstEntrySha256 } };
    await expect(refuseJournalFileNotNamed(copy, naming(older), undefined)).rejects.toThrow(
      'is an older copy of that journal',
    );
  });
  it('refuses to close as cut the wrap the online side took: its bundle was whole, its manifest taken away since', async () => {
    const { journal, dir } = current();
    await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped' });
    await journal.append('Ana', 'parameters.read', { ceremonyId: 'KF-1' });
    await journal.append('Ana', 'receipt.written', { htmlFile: 'r1.html', textFile: 'r1.txt' });
    await journal.append('Ana', 'wrapped-bundle.completed', {});
    const bundle = path.join(dir, 'wrapped');
    const start = await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped' });
    await journal.append('Ana', 'parameters.read', { ceremonyId: 'KF-1' });
    await journal.append('Ana', 'preflight.passed', {
      destinations: [{ role: 'bundle', folder: bundle, willCreate: true }],
    });
    await journal.append('Ana', 'wrapped-bundle.written', { folder: bundle, manifest: 'after-receipt' });
    await journal.append('Ana', 'receipt.written', { htmlFile: 'r.html', textFile: 'r.txt' });
    // On the media: the bundle's files, its manifest gone. (Read from a copy: the open journal is locked.)
    await mkdir(path.join(bundle, 'keys'), { recursive: true });
    const file = path.join(dir, 'copy', path.basename(journal.path));
    await mkdir(path.dirname(file));
    await copyFile(journal.path, file);
    const first = journal.entries[0];
    const taken = (seq: number, sha256: string): CeremonyAirGapJournal => ({
      file: path.basename(journal.path),
      firstEntrySha256: first?.hash as string,
      lastWrap: { seq, sha256 },
    });
    await expect(
      refuseJournalFileNotNamed(file, naming(taken(start.seq, start.hash)), undefined),
    ).rejects.toMatchObject({
      code: 'AIRGAP_SESSION_FINISHED_ON_MEDIA',
      values: { evidence: 'parameters', session: 2, seq: start.seq },
    });
    // Parameters naming an earlier wrap (the online side never took this one): closed as cut at the opening.
    const earlier = journal.entries[0] as (typeof journal.entries)[number];
    await expect(
      refuseJournalFileNotNamed(file, naming(taken(earlier.seq, earlier.hash)), undefined),
    ).resolves.toBeUndefined();
  });
});
