/**
 * The journal screen on the air-gapped workstation does not show an import-parameters bundle's
 * digest: the journal records the digest of the bundle as read from the medium, and a review read
 * it off this screen and typed it as every witness's confirmation, which then confirmed whatever
 * the medium held. Through the real router and handlers, a real bundle and journal; a rehearsal,
 * where one app plays both sides and the online screen shows the digest anyway, still shows it.
 */
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { groupHex } from '../../../src-main/core/hex-groups';
import { openJournal } from '../../../src-main/core/journal';
import { translator } from '../../../src-main/i18n/translate';
import { journalViewSchema } from '../../../src-main/ipc/schemas/records';
import { entryText } from '../../../src-renderer/screens/journal-entry-text';
import { oneAesParamsBundle } from '../../helpers/aes-params-bundle';
import { OFFLINE } from '../../helpers/workstation';
import { airGapConfirmed, ceremonyFolder, value, type CeremonyFolder } from './airgap-session';

let folder: CeremonyFolder;
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-journal-digest-');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await folder.close();
});

/** The air-gapped journal as the journal screen gets it. */
async function journalScreen() {
  return journalViewSchema.parse(await value(folder.ipc, 'journal.view', { side: 'air-gapped' }));
}

describe('journal.view and the import-parameters digest', () => {
  it('withholds it on the air-gapped workstation, before and after the witness typed it, saying why', async () => {
    vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
    const { dir, ipc } = folder;
    const params = path.join(dir, 'usb', 'params');
    await mkdir(path.dirname(params));
    const digest = await oneAesParamsBundle(params, {
      ceremonyId: 'KF-20261207-d1d2d3',
      keyId: '0a1b2c3d-0000-4000-8000-00000000000d',
    });
    await value(ipc, 'mode.choose', { mode: 'air-gapped' });
    await value(ipc, 'ceremony.setup', { title: 'Digest', operator: 'Ana', witnesses: ['Ben'], folder: dir });
    await value(ipc, 'airgap.check-network');
    await value(ipc, 'airgap.read-bundle', { folder: params });

    const read = (await journalScreen()).entries.find((e) => e.event === 'parameters.read');
    expect(read?.fields.find((f) => f.name === 'manifestSha256')?.value).toEqual({
      phrase: { key: 'journal.value.parametersDigestWithheld' },
    });
    expect(entryText(translator('en'), read!)).toContain(
      'Manifest SHA-256: not shown on the air-gapped workstation: every witness types this digest as heard from the online workstation',
    );
    expect(entryText(translator('zh-CN'), read!)).toContain('离线工作站上不显示');
    const shown = (view: unknown) => JSON.stringify(view).toLowerCase();
    expect(shown(await journalScreen())).not.toContain(digest.toLowerCase());

    // Typed as heard: the confirmation's entry does not show it either.
    await value(ipc, 'airgap.confirm-as-witness', { witness: 'Ben', typed: groupHex(digest) });
    const after = await journalScreen();
    expect(after.entries.some((e) => e.event === 'witness.confirmed')).toBe(true);
    expect(shown(after)).not.toContain(digest.toLowerCase());
  });

  it('withholds the digest a closing recorded of a bundle not read yet (parametersSha256)', async () => {
    vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
    const { dir, ipc } = folder;
    const digest = 'ab'.repeat(32);
    const journal = await openJournal(path.join(dir, 'air-gapped-journal.jsonl'), { create: true });
    await journal.append('Ana', 'ceremony.session-unfinished', {
      session: 1,
      checkedAgainst: 'parameters',
      parametersSha256: digest,
    });
    await journal.close();
    await value(ipc, 'mode.choose', { mode: 'air-gapped' });
    await value(ipc, 'ceremony.setup', { title: 'Digest', operator: 'Ana', witnesses: ['Ben'], folder: dir });
    const closing = (await journalScreen()).entries.find((e) => e.event === 'ceremony.session-unfinished');
    expect(closing?.fields.find((f) => f.name === 'parametersSha256')?.value).toEqual({
      phrase: { key: 'journal.value.parametersDigestWithheld' },
    });
  });

  it('shows it in a rehearsal, where the same app shows it on its online side', async () => {
    const { params } = await airGapConfirmed(folder.ipc, folder.dir, ['AES_256']);
    const read = (await journalScreen()).entries.find((e) => e.event === 'parameters.read');
    const field = read?.fields.find((f) => f.name === 'manifestSha256')?.value;
    expect(field).toEqual({ hex: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(params).toBeTruthy();
  }, 120_000);
});
