/**
 * One share handed over at a restore (src-main/core/ceremony/restore/share-handover.ts), with real
 * shares of a real custody set and a real journal: a presenter typed as one of the ceremony's
 * people is recorded under that person's name as first recorded; a second share from that person
 * without the officer's reason is refused, wiped and journaled as refused, in that name; with the
 * reason it is taken, and the override and the presenter out of the ordinary are journaled.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PresentedShares } from '../../../../src-main/core/ceremony/restore/presented-shares';
import { takeHandover } from '../../../../src-main/core/ceremony/restore/share-handover';
import type { ImportParameters } from '../../../../src-main/core/bundle';
import { createKeyMaterial } from '../../../../src-main/core/crypto/key-material';
import { SecretBytes } from '../../../../src-main/core/crypto/secret-bytes';
import { splitCustodySet } from '../../../../src-main/core/custody/set-split';
import { openJournal } from '../../../../src-main/core/journal';
import { makeImportParameters, tempDir } from '../../bundle/bundle-fixtures';

const [aes] = makeImportParameters(1) as [ImportParameters];

describe('takeHandover', () => {
  it('records a presenter under the name first recorded, refuses their second share without a reason, takes it with one', async () => {
    const material = createKeyMaterial('AES_256', SecretBytes.from(randomBytes(32)));
    const set = await splitCustodySet({
      ceremonyId: 'KF-20300102-abcdef',
      m: 2,
      n: 3,
      custodians: ['Alice', 'Bob', 'Carol'],
      keys: [{ keyId: aes.keyId, spec: 'AES_256', material }],
    }).finally(() => material.dispose());
    const [first, second, third] = set.shares;
    const journal = await openJournal(path.join(await tempDir('kf-share-handover-'), 'restore.jsonl'), {
      create: true,
    });
    const shares = new PresentedShares([aes]);
    let presented = 0;
    const context = { journal, operator: 'Ana', witnesses: ['Ben'], onPresented: () => (presented += 1) };
    const cli = { where: 'cli' as const };

    const taken = await takeHandover(
      shares,
      first!,
      { presentedBy: ' alice ', source: 'file', override: cli },
      context,
    );
    expect(taken).toMatchObject({ shareIndex: 1, presentedBy: 'Alice', concern: null, severalShares: [] });
    expect(presented).toBe(1);

    const refused: unknown = await takeHandover(
      shares,
      second!,
      { presentedBy: 'ALICE', source: 'file', override: cli },
      context,
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'CUSTODY_PRESENTER_SEVERAL_SHARES', values: { presentedBy: 'Alice' } });
    expect(second!.share.disposed).toBe(true);
    expect(presented).toBe(1);

    const reason = 'Carol is abroad; the board agreed';
    const allowed = await takeHandover(
      shares,
      third!,
      { presentedBy: 'alice', source: 'typed', override: { ...cli, reason } },
      context,
    );
    expect(allowed).toMatchObject({ severalShares: [1, 3], concern: { notCustodian: true, role: 'none' } });
    expect(journal.entries.map((e) => [e.event, e.actor])).toEqual([
      ['custody.share-presented', 'Alice'],
      ['custody.share-refused', 'Alice'],
      ['custody.share-presented', 'Alice'],
      ['custody.presenter-several-shares', 'Ana'],
      ['custody.presenter-flagged', 'Alice'],
    ]);
    await journal.close();
    for (const s of set.shares) if (!s.share.disposed) s.share.dispose();
  });
});
