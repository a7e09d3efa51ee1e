/**
 * The air-gapped sessions' wrapped-bundle step (src-main/core/ceremony/airgap/wrapped-bundle-writer.ts)
 * on real folders, real wrapped material and a real journal: nothing is written before the
 * preflight passed or into another folder than the one it checked; the bundle is written without
 * its manifest (nothing `online import` accepts) until it is completed, and then reads back as the
 * bundle of the keys wrapped, with the expiry given. A write the media cannot take (full after the
 * preflight) leaves the folder as the preflight found it, journaled, so the same folder takes the
 * next attempt.
 */
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, readBundle } from '../../../../src-main/core/bundle';
import { WrappedBundleWriter } from '../../../../src-main/core/ceremony/airgap/wrapped-bundle-writer';
import { CEREMONY_ID, wrappedSession } from './wrapped-session';
import { fillUp, MOUNTS_AVAILABLE, mountTmpfs } from '../../../support/tmpfs-mount';
import {
  airGapSide,
  completedEntryLost,
  createFixture,
  onlineDayOne,
  receiptDigestOf,
  type Fixture,
} from '../ceremony-fixture';

const EXPIRY = { kind: 'at', at: new Date('2031-01-01T00:00:00.000Z') } as const;

async function staged() {
  const session = await wrappedSession();
  const writer = new WrappedBundleWriter(session.preflight, session.context);
  const content = {
    ceremonyId: CEREMONY_ID,
    wrapped: session.wrapped,
    custody: { kind: 'material-files' } as const,
    now: new Date(),
  };
  return { ...session, writer, content };
}

describe('WrappedBundleWriter', () => {
  it('writes nothing before the preflight passed, nor into another folder than the one it checked', async () => {
    const s = await staged();
    try {
      await expect(s.writer.write(s.destinations.wrappedBundle, s.content)).rejects.toMatchObject({
        code: 'PREFLIGHT_REQUIRED',
      });
      await s.preflightPasses();
      const other = path.join(s.dir, 'other');
      await expect(s.writer.write(other, s.content)).rejects.toMatchObject({
        code: 'PREFLIGHT_FOLDER_DIFFERS',
        values: { role: 'bundle', folder: other, checked: s.destinations.wrappedBundle },
      });
      expect(existsSync(other)).toBe(false);
      expect(existsSync(s.destinations.wrappedBundle)).toBe(false);
      expect(s.writer.bundle).toBeUndefined();
      await expect(s.writer.complete()).rejects.toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });
    } finally {
      await s.journal.close();
    }
  });

  it('stages the bundle without its manifest, then completes it as the bundle of the wrapped keys', async () => {
    const s = await staged();
    try {
      await s.preflightPasses();
      const written = await s.writer.write(s.destinations.wrappedBundle, s.content, EXPIRY);
      expect(s.writer.bundle).toEqual(written);
      expect(existsSync(path.join(written.dir, MANIFEST_FILE))).toBe(false);
      await expect(readBundle(written.dir, { now: new Date() })).rejects.toBeDefined();
      const [aes, ec] = s.parameters.map((p) => p.keyId) as [string, string];
      expect(written.expiries).toEqual({ [aes]: EXPIRY.at.toISOString(), [ec]: 'never' });
      expect(s.journal.entries.at(-1)).toMatchObject({
        event: 'wrapped-bundle.written',
        data: { manifestSha256: written.manifestSha256, keyIds: [aes, ec], manifest: 'after-receipt' },
      });

      const completed = await s.writer.complete();
      expect(s.writer.bundle).toEqual(completed);
      const read = await readBundle(written.dir, { now: new Date(), expectedDigest: written.manifestSha256 });
      expect(read.kind).toBe('wrapped-material');
      expect(read.digest).toBe(written.manifestSha256);
      expect(s.journal.entries.at(-1)).toMatchObject({ event: 'wrapped-bundle.completed' });
    } finally {
      await s.journal.close();
    }
  });

  it('names who made the material in the manifest: the operator, the witnesses and the journal by name and first entry', async () => {
    const s = await staged();
    try {
      await s.preflightPasses();
      const written = await s.writer.write(s.destinations.wrappedBundle, s.content, EXPIRY);
      await s.writer.complete();
      const read = await readBundle(written.dir, { now: new Date(), expectedDigest: written.manifestSha256 });
      if (read.kind !== 'wrapped-material') throw new Error('not a wrapped bundle');
      // Format version 3: an older Keyferry, which would not check these people, refuses it by its version.
      expect(read.manifest.formatVersion).toBe(3);
      expect(read.manifest.madeBy).toEqual({
        purpose: 'wrap',
        operator: 'Officer',
        witnesses: ['Wendy'],
        journalFile: 'airgap.jsonl',
        journalFirstEntrySha256: s.journal.entries[0]?.hash,
      });
    } finally {
      await s.journal.close();
    }
  });

  it('names the session that wraps and every earlier session of its journal that finished a bundle or wrote its receipt (format version 4)', async () => {
    const s = await staged();
    try {
      const session = (purpose: string) =>
        s.journal.append('Officer', 'ceremony.session-started', { side: 'air-gapped', purpose });
      const first = await session('wrap');
      await s.journal.append('Officer', 'wrapped-bundle.completed', { manifestSha256: 'a'.repeat(64), folder: '/w1' });
      await session('wrap'); // stopped before its bundle: not an earlier wrap
      const restore = await session('custody-restore');
      await s.journal.append('Officer', 'wrapped-bundle.completed', { manifestSha256: 'b'.repeat(64), folder: '/w2' });
      // Sealed by its receipt, the power cut before wrapped-bundle.completed: its manifest may exist and be taken.
      const cut = await session('wrap');
      await s.journal.append('Officer', 'receipt.written', { textFile: 'receipt-4.txt' });
      const now = await session('wrap');
      await s.preflightPasses();
      const written = await s.writer.write(s.destinations.wrappedBundle, s.content, EXPIRY);
      await s.writer.complete();
      const read = await readBundle(written.dir, { now: new Date(), expectedDigest: written.manifestSha256 });
      if (read.kind !== 'wrapped-material') throw new Error('not a wrapped bundle');
      expect(read.manifest.formatVersion).toBe(4);
      expect(read.manifest.madeBy).toMatchObject({
        purpose: 'wrap',
        journalFirstEntrySha256: s.journal.entries[0]?.hash,
        wrapEntry: { seq: now.seq, sha256: now.hash, at: now.time },
        earlierWraps: [
          { seq: first.seq, sha256: first.hash },
          { seq: restore.seq, sha256: restore.hash },
          { seq: cut.seq, sha256: cut.hash },
        ],
      });
    } finally {
      await s.journal.close();
    }
  });

  it('refuses another expiry than the preflight fixed, with nothing written', async () => {
    const s = await staged();
    try {
      await s.preflight.run(s.parameters, { ...s.destinations, materialExpiry: EXPIRY }, 'receipt', () => undefined);
      await expect(s.writer.write(s.destinations.wrappedBundle, s.content, { kind: 'never' })).rejects.toMatchObject({
        code: 'PREFLIGHT_EXPIRY_DIFFERS',
      });
      expect(existsSync(s.destinations.wrappedBundle)).toBe(false);
    } finally {
      await s.journal.close();
    }
  });

  const unmounts: (() => void)[] = [];
  afterAll(() => {
    for (const unmount of unmounts.splice(0)) unmount();
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'a medium full after the preflight: what the write created is removed and journaled, and the same folder takes the next attempt',
    async () => {
      const s = await staged();
      try {
        const media = path.join(s.dir, 'usb');
        unmounts.push(mountTmpfs(media, { sizeKiB: 256 }));
        const destinations = { ...s.destinations, wrappedBundle: path.join(media, 'wrapped-E') };
        await s.preflight.run(s.parameters, destinations, 'receipt', () => undefined);
        fillUp(media);
        await expect(s.writer.write(destinations.wrappedBundle, s.content, EXPIRY)).rejects.toMatchObject({
          code: 'BUNDLE_WRITE_FAILED',
          values: { errno: 'refused', cleanup: 'removed' },
        });
        expect(existsSync(destinations.wrappedBundle)).toBe(false);
        expect(s.writer.bundle).toBeUndefined();
        expect(s.journal.entries.at(-1)).toMatchObject({
          event: 'wrapped-bundle.partial-removed',
          data: { folder: destinations.wrappedBundle },
        });

        for (const filler of await readdir(media)) await rm(path.join(media, filler));
        const again = new WrappedBundleWriter(s.preflight, s.context);
        await s.preflight.run(s.parameters, destinations, 'receipt', () => undefined);
        const written = await again.write(destinations.wrappedBundle, s.content, EXPIRY);
        await again.complete();
        await expect(
          readBundle(written.dir, { now: new Date(), expectedDigest: written.manifestSha256 }),
        ).resolves.toMatchObject({ kind: 'wrapped-material' });
      } finally {
        await s.journal.close();
      }
    },
  );
});

describe('a power cut between the manifest and wrapped-bundle.completed', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture();
  });
  afterEach(async () => {
    await f.close();
  });

  it('lists that session in the next wrap of the journal, so the online side that took its bundle takes the next one too', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const first = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped'), 'airgap.jsonl');
    await completedEntryLost(path.join(f.dir, 'airgap.jsonl'));
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    await day2.checkWrappedBundle(first.out, await receiptDigestOf(first.out));
    await f.journals.at(-1)?.close();
    // The same journal, the newest and only copy, wraps again (asked why: its first bundle is a
    // finished wrap, earlier-wraps.test): it is not an older copy of itself.
    const second = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped-2'), 'airgap.jsonl', 'media lost');
    const day3 = await f.online(await f.journal('online.jsonl'), plan);
    await day3.connect();
    const proof = await receiptDigestOf(second.out);
    const checked = await day3.checkWrappedBundle(second.out, proof);
    expect(checked.dir).toBe(second.out);
  });
});
