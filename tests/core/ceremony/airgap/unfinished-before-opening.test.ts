/**
 * Before the app opens an air-gapped journal whose last session is unfinished (and so closes it,
 * withdrawing its custody shares), it asks for the parameters bundle to wrap now and checks the
 * journal against it. Real journals of a real wrap on the command line against the simulator: the
 * wrap's tokens lapsed, the online side wrote parameters naming its journal; a copy of that journal
 * taken while the wrap ran is refused as an older copy, the journal itself with a crashed session
 * after the wrap is let through, and so is a session that never got past its preflight.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { refuseClosingUnchecked } from '../../../../src-main/core/ceremony/airgap/unfinished-before-opening';
import { openJournal } from '../../../../src-main/core/journal';
import { simAndFolderPerFile } from '../../../cli/commands/sim-folder';
import { custodyWrapLapsed } from '../../../cli/commands/lapsed-parameters';
import { oneAesParamsBundle } from '../../../helpers/aes-params-bundle';
import { airgapWrapArgs } from '../../../helpers/cli-sides';
import { keyferry } from '../../../integration/cli-in-process';

const test = simAndFolderPerFile('kf-unfinished-before-opening-');
let journal: string;
let params: string;
const now = () => new Date(test.kms().sim.clock.now());

beforeAll(async () => {
  ({ journal, params } = await custodyWrapLapsed(path.join(test.dir(), 'ceremony'), test.kms().sim));
}, 60_000);

/** A copy of the wrap's journal in a folder of its own, cut before its first `event` line (undefined: whole). */
async function journalCopy(name: string, event?: string): Promise<string> {
  const dir = path.join(test.dir(), name);
  await mkdir(dir);
  const file = path.join(dir, 'air-gapped-journal.jsonl');
  if (!event) {
    await copyFile(journal, file);
    return file;
  }
  const lines = (await readFile(journal, 'utf8')).split('\n');
  await writeFile(
    file,
    `${lines
      .slice(
        0,
        lines.findIndex((l) => l.includes(`"event":"${event}"`)),
      )
      .join('\n')}\n`,
  );
  return file;
}

/** Appends to `file` a session that a crash ended after `events` (a preflight passed names no folder here). */
async function crashedSession(file: string, events: readonly string[]): Promise<void> {
  const opened = await openJournal(file, { create: false });
  await opened.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana', witnesses: ['Ben'] });
  for (const event of events)
    await opened.append('Ana', event, event === 'preflight.passed' ? { destinations: [] } : {});
  await opened.close();
}

describe('refuseClosingUnchecked', () => {
  it('asks for the parameters first when the last session is unfinished past its preflight, naming the session', async () => {
    const copy = await journalCopy('mid-wrap', 'receipt.written');
    await expect(refuseClosingUnchecked(copy, undefined, now())).rejects.toMatchObject({
      code: 'AIRGAP_UNFINISHED_NEEDS_PARAMETERS',
      message: expect.stringContaining(
        `The air-gapped journal ${copy} ends with its session 1 (from entry 1) unfinished`,
      ),
      nextStep: expect.stringContaining('Give the import-parameters bundle folder in the field this step now shows'),
    });
  });

  it('refuses a copy taken while the wrap ran, against the parameters naming the journal', async () => {
    const copy = await journalCopy('mid-wrap-2', 'receipt.written');
    await expect(refuseClosingUnchecked(copy, { parametersFolder: params }, now())).rejects.toMatchObject({
      code: 'AIRGAP_JOURNAL_NOT_THE_CEREMONYS',
      message: expect.stringContaining(`${copy} is an older copy of that journal`),
      nextStep: expect.stringContaining('The app cannot go past this'),
    });
    // Console files name no journal: the officer's choice of them is not checked, as on the command line.
    await expect(refuseClosingUnchecked(copy, { consoleFiles: true }, now())).resolves.toEqual({
      against: 'console-files',
    });
  });

  it('lets the named journal close a session a crash ended after the wrap', async () => {
    const file = await journalCopy('named');
    await crashedSession(file, ['parameters.read', 'preflight.passed']);
    await expect(refuseClosingUnchecked(file, undefined, now())).rejects.toMatchObject({
      code: 'AIRGAP_UNFINISHED_NEEDS_PARAMETERS',
    });
    await expect(refuseClosingUnchecked(file, { parametersFolder: params }, now())).resolves.toMatchObject({
      against: 'parameters',
      folder: params,
      parametersSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('refuses a journal that is not the one of this ceremony’s wrap beside parameters naming no journal', async () => {
    // The first parameters (naming no journal) on a stick, wrapped by the command line beside them.
    const usb = path.join(test.dir(), 'usb');
    await mkdir(usb);
    await mkdir(path.join(test.dir(), 'first'));
    const digest = await oneAesParamsBundle(path.join(usb, 'params'), {
      ceremonyId: 'KF-20261207-c0ffee',
      keyId: '0a1b2c3d-0000-4000-8000-00000000000c',
    });
    const wrap = await keyferry(
      airgapWrapArgs({ bundle: '../usb/params', out: '../usb/wrapped-1', digest }, '--no-backup', '--allow-network'),
      { cwd: path.join(test.dir(), 'first') },
    );
    expect(wrap.code).toBe(0);
    // Another journal, whose session a crash ended past its preflight.
    const other = path.join(test.dir(), 'other');
    await mkdir(other);
    const file = path.join(other, 'air-gapped-journal.jsonl');
    await (await openJournal(file, { create: true })).close();
    await crashedSession(file, ['parameters.read', 'preflight.passed']);
    await expect(
      refuseClosingUnchecked(file, { parametersFolder: path.join(usb, 'params') }, new Date()),
    ).rejects.toMatchObject({
      code: 'AIRGAP_JOURNAL_NOT_THE_CEREMONYS',
      message: expect.stringContaining(
        `but the medium holds this ceremony’s wrapped bundle ${path.join(usb, 'wrapped-1')}, wrapped in the air-gapped journal airgap.jsonl`,
      ),
    });
  });

  it('asks nothing of a journal whose last session ended, or never got past its preflight (it wrote nothing to withdraw)', async () => {
    await expect(refuseClosingUnchecked(journal, undefined, now())).resolves.toBeUndefined();
    const file = await journalCopy('before-preflight');
    await crashedSession(file, ['network.checked', 'parameters.read']);
    await expect(refuseClosingUnchecked(file, undefined, now())).resolves.toBeUndefined();
  });
});
