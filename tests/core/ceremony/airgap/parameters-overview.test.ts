/**
 * Reading the import parameters on the air-gapped side, on a real journal file: a bundle written
 * by the bundle writer is read, journaled (`parameters.read` with the digest and each key's
 * overview) and leaves the witnesses one artefact, its digest; the console's raw files leave one
 * artefact per wrapping-key fingerprint; a bundle refused (tampered, or of another ceremony) is
 * journaled as `parameters.refused` with the problem's code and reason, and nothing is accepted;
 * so is a bundle naming other people than the run's (PEOPLE_DIFFER_FROM_BUNDLE).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundleDigest, writeImportParametersBundle } from '../../../../src-main/core/bundle';
import {
  keyOverview,
  readBundleParameters,
  readConsoleParameters,
  type ParametersReader,
} from '../../../../src-main/core/ceremony/airgap/parameters-overview';
import { KeyferryError } from '../../../../src-main/core/errors';
import { openJournal, type Journal } from '../../../../src-main/core/journal';
import { translator } from '../../../../src-main/i18n/translate';
import { NOW, makeImportParameters, tempDir, wrappingKeyPair } from '../../bundle/bundle-fixtures';

const CEREMONY = 'ceremony-2030-01-02';

async function journalIn(dir: string): Promise<Journal> {
  return openJournal(path.join(dir, 'air-gapped.jsonl'), { create: true });
}

function reader(journal: Journal, refuseOtherCeremony: (id: string) => void = () => undefined): ParametersReader {
  return { journal, operator: 'Alan', witnesses: ['Ben', 'Chen'], now: () => NOW, refuseOtherCeremony };
}

describe('reading the import parameters on the air-gapped side', () => {
  it('reads a bundle, journals its digest and keys, and leaves the witnesses its digest to confirm', async () => {
    const dir = await tempDir();
    const keys = makeImportParameters(2);
    const bundle = path.join(dir, 'params');
    await writeImportParametersBundle(bundle, { ceremonyId: CEREMONY, keys }, { now: NOW });
    const journal = await journalIn(dir);
    const accepted = await readBundleParameters(reader(journal), bundle);
    const digest = await readBundleDigest(bundle);

    expect(accepted.keys.map((k) => k.keyId)).toEqual(keys.map((k) => k.keyId));
    expect(accepted.overview).toMatchObject({ ceremonyId: CEREMONY, source: bundle, manifestSha256: digest });
    expect(accepted.overview.keys).toEqual(keys.map((p) => keyOverview(p, keys, accepted.overview.planExpiry)));
    expect(accepted.overview.confirmations.map((c) => [c.kind, c.pending])).toEqual([
      ['import-parameters-bundle', ['Ben', 'Chen']],
    ]);
    const [read] = journal.entries.filter((e) => e.event === 'parameters.read');
    expect(read?.actor).toBe('Alan');
    expect(read?.data).toMatchObject({ ceremonyId: CEREMONY, source: bundle, manifestSha256: digest, warnings: [] });
    expect((read?.data.keys as { keyId: string }[]).map((k) => k.keyId)).toEqual(keys.map((k) => k.keyId));
    await journal.close();
  });

  it('takes the console files with one artefact per wrapping-key fingerprint and no digest', async () => {
    const dir = await tempDir();
    const journal = await journalIn(dir);
    const keyIds = ['0d0466b0-e727-4d9c-b35d-f84bb474a37f', '1e1577c1-f838-4e0d-a46e-0a5cc585b480'];
    const inputs = keyIds.map((keyId, i) => ({
      wrappingKeyFile: wrappingKeyPair(i).publicDer,
      keyId,
      keySpec: 'AES_256',
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256' as const,
    }));
    const accepted = await readConsoleParameters(reader(journal), inputs, CEREMONY);
    expect(accepted.overview.manifestSha256).toBeNull();
    expect(accepted.overview.source).toBe('console files');
    expect(accepted.overview.confirmations.map((c) => c.kind)).toEqual(['wrapping-key', 'wrapping-key']);
    expect(journal.entries.at(-1)).toMatchObject({
      event: 'parameters.read',
      data: { ceremonyId: CEREMONY, source: 'console files', manifestSha256: null },
    });
    await journal.close();
  });

  it('journals a tampered bundle and a bundle of another ceremony as refused, with code and reason', async () => {
    const dir = await tempDir();
    const bundle = path.join(dir, 'params');
    await writeImportParametersBundle(bundle, { ceremonyId: CEREMONY, keys: makeImportParameters(1) }, { now: NOW });
    const journal = await journalIn(dir);

    const other = reader(journal, (id) => {
      throw new KeyferryError('AIRGAP_JOURNAL_OTHER_CEREMONY', {
        journal: journal.path,
        recorded: 'ceremony-earlier',
        ceremonyId: id,
        named: 'no',
        existing: 'none',
        suggested: `airgap-${id}.jsonl`,
      });
    });
    await expect(readBundleParameters(other, bundle)).rejects.toMatchObject({ code: 'AIRGAP_JOURNAL_OTHER_CEREMONY' });

    const readme = path.join(bundle, 'README.txt');
    await writeFile(readme, `${await readFile(readme, 'utf8')}\nchanged on the way`);
    const tampered = await readBundleParameters(reader(journal), bundle).catch((error: unknown) => error);
    expect(tampered).toBeInstanceOf(KeyferryError);

    const refused = journal.entries.filter((e) => e.event === 'parameters.refused');
    expect(refused.map((e) => [e.data.source, e.data.code])).toEqual([
      [bundle, 'AIRGAP_JOURNAL_OTHER_CEREMONY'],
      [bundle, (tampered as KeyferryError).code],
    ]);
    for (const e of refused) expect(e.data.reason).toMatch(/\w+ \w+ \w+/);
    expect(journal.entries.filter((e) => e.event === 'parameters.read')).toHaveLength(0);
    await journal.close();
  });
});

describe('a bundle naming the ceremony’s people (format version 5) is read by those people only', () => {
  const people = { operator: 'Alan', witnesses: ['Ben', 'Chen'] };

  async function bundleOfPeople(): Promise<{ dir: string; bundle: string }> {
    const dir = await tempDir();
    const bundle = path.join(dir, 'params');
    const ceremony = { title: 'People', materialExpiry: 'never', onlineJournal: 'online.jsonl', people };
    const written = await writeImportParametersBundle(
      bundle,
      { ceremonyId: CEREMONY, ceremony, keys: makeImportParameters(1) },
      { now: NOW },
    );
    expect(written.manifest.formatVersion).toBe(5);
    return { dir, bundle };
  }

  it('refuses another operator, a misspelt, a missing and an extra witness, journaled as refused, before any confirmation', async () => {
    const { dir, bundle } = await bundleOfPeople();
    const journal = await journalIn(dir);
    const runs = [
      { operator: 'Mallory', witnesses: ['Ben', 'Chen'] },
      { operator: 'Alan', witnesses: ['Ben', 'Chan'] },
      { operator: 'Alan', witnesses: ['Chen'] },
      { operator: 'Alan', witnesses: ['Ben', 'Chen', 'Dee'] },
      { operator: 'alan', witnesses: ['Ben', 'Chen'] },
    ];
    for (const run of runs) {
      const refused = await readBundleParameters({ ...reader(journal), ...run }, bundle).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'PEOPLE_DIFFER_FROM_BUNDLE' });
    }
    const entries = journal.entries.filter((e) => e.event === 'parameters.refused');
    expect(entries.map((e) => [e.data.code, (e.data.values as { role?: string } | undefined)?.role])).toEqual([
      ['PEOPLE_DIFFER_FROM_BUNDLE', 'operator'],
      ['PEOPLE_DIFFER_FROM_BUNDLE', 'witnesses'],
      ['PEOPLE_DIFFER_FROM_BUNDLE', 'witnesses'],
      ['PEOPLE_DIFFER_FROM_BUNDLE', 'witnesses'],
      ['PEOPLE_DIFFER_FROM_BUNDLE', 'operator'],
    ]);
    expect(journal.entries.filter((e) => e.event === 'parameters.read')).toHaveLength(0);
    await journal.close();
  });

  it('says both lists and what to do, in English and in Chinese', async () => {
    const { dir, bundle } = await bundleOfPeople();
    const journal = await journalIn(dir);
    const run = { ...reader(journal), operator: 'Alan', witnesses: ['Chan', 'Ben'] };
    const refused = (await readBundleParameters(run, bundle).catch((e: unknown) => e)) as KeyferryError;
    const en = translator('en').problem(refused.toProblem());
    expect(en.message).toBe(
      'This import-parameters bundle names the people of its ceremony, as the online journal holds them: operator Alan, witnesses Ben, Chen. This run names operator Alan, witnesses Ben, Chan: other witnesses. The air-gapped journal and receipt are made in these people’s names and nobody acts for another, so nothing of this bundle was used and no key material exists.',
    );
    expect(en.nextStep).toContain(
      'Run it again with the people the bundle names: operator Alan and witnesses Ben, Chen',
    );
    const zh = translator('zh-CN').problem(refused.toProblem());
    expect(zh.message).toContain(
      '操作员 Alan，见证人 Ben、Chen。本次运行给出的是操作员 Alan，见证人 Ben、Chan：见证人不同。',
    );
    expect(zh.nextStep).toContain('请由导入参数包写明的人员重新运行');
    await journal.close();
  });

  it('reads it with the same people, the witnesses in another order', async () => {
    const { dir, bundle } = await bundleOfPeople();
    const journal = await journalIn(dir);
    const accepted = await readBundleParameters({ ...reader(journal), witnesses: ['Chen', 'Ben'] }, bundle);
    expect(accepted.overview.ceremonyId).toBe(CEREMONY);
    expect(journal.entries.filter((e) => e.event === 'parameters.read')).toHaveLength(1);
    await journal.close();
  });
});
