/**
 * A wrapped bundle offered after the ceremony's keys took another bundle's material: the trial's
 * case was a wrap again on the air-gapped side (new material, the first bundle to be destroyed)
 * while the officer carried the FIRST bundle over and imported it. The later bundle then met only
 * "the ceremony is finished". What the officer must hear instead: the keys hold the imported
 * bundle's material, a bundle with the digest typed can never go in, and the receipt and custody
 * set that back the keys up are the imported wrap's; and, typed with the imported bundle's folder,
 * that folder is not called the useless one. Two folders as two machines, a real simulator over HTTP.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-other-wrap-');

/** The value after `option` in `words`. */
const optionValue = (words: readonly string[], option: string) => words[words.indexOf(option) + 1] as string;

describe('online import of another wrap after the keys took their material', () => {
  it('the first wrap imported, then the wrap again: refused by both digests, with which receipt and custody set back the keys up', async () => {
    const ceremony = await wrappedCliCeremony(path.join(test.dir(), 'again'), test.kms().sim, [
      { alias: 'app/one', spec: 'AES_256' },
      { alias: 'app/two', spec: 'AES_256' },
    ]);
    const { online, airgap, env, journal } = ceremony;
    // The air-gapped side wraps again (new material) into another folder of the media, saying why.
    const out = optionValue(ceremony.wrapCommand, '--out');
    const again = ceremony.wrapCommand.map((w) => (w === out ? `${out}-again` : w));
    const second = await keyferry([...again, '--wrap-again', 'first media thought lost'], { cwd: airgap, env: {} });
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const secondImport = nextCommand(onPrintedMedia(second.stdout));

    // The officer carries the FIRST bundle over after all, and imports it.
    const first = await keyferry(ceremony.importCommand, { cwd: online, env });
    expect(first.code).toBe(0);
    const importsTaken = () =>
      test.kms().requests.filter((r) => r.action === 'import-key-material' && r.status === 200).length;
    const taken = importsTaken();

    const refused = await keyferry(secondImport, { cwd: online, env });
    expect(refused.code).toBe(1);
    const firstDigest = optionValue(ceremony.importCommand, '--expect-digest');
    const secondDigest = optionValue(secondImport, '--expect-digest');
    expect(firstDigest).not.toBe(secondDigest);
    expect(refused.stderr).toContain(
      `The 2 keys of this ceremony already hold imported material, from the wrapped-material bundle ${firstDigest}. The digest typed, ${secondDigest}, is not that bundle’s: there is nothing to import from the bundle with the digest typed`,
    );
    expect(refused.stderr).toContain(
      `The air-gapped receipt that prints the digest of the bundle imported, ${firstDigest}, matches these keys`,
    );
    expect(refused.stderr).toContain('Do not destroy a bundle or a custody set on this message alone');
    expect(refused.stderr).not.toContain('at step “finished”');
    expect(importsTaken()).toBe(taken);
    const last = (await journalFileEntries(journal)).at(-1);
    expect(last?.event).toBe('wrapped-bundle.refused');
    expect(last?.data.code).toBe('WRAPPED_OTHER_THAN_IMPORTED');

    // The bundle imported, offered again: the ceremony is finished, nothing else to say.
    const same = await keyferry(ceremony.importCommand, { cwd: online, env });
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('at step “finished”');
    expect(same.stderr).not.toContain('is not that bundle’s');

    // The folder of the bundle imported, with the other bundle's digest typed (the trial's slip):
    // nothing says that folder is the useless one; the digest is what is refused, and the officer is
    // told to look before destroying anything.
    const slip = await keyferry(
      ceremony.importCommand.map((w) => (w === firstDigest ? secondDigest : w)),
      { cwd: online, env },
    );
    expect(slip.code).toBe(1);
    expect(slip.stderr).toContain(`The digest typed, ${secondDigest}, is not that bundle’s`);
    expect(slip.stderr).toContain(
      `Nothing more than its manifest, if it has one, was read from ${optionValue(ceremony.importCommand, '--bundle')}`,
    );
    expect(slip.stderr).toContain('see which bundle a folder holds with keyferry bundle verify FOLDER');
    expect(slip.stderr).not.toMatch(/backs up nothing|destroy the bundle[ ,]/);
  }, 120_000);

  it('a finished ceremony, its digest typed with one group off: said to be a slip of the digest imported, naming the group', async () => {
    const ceremony = await wrappedCliCeremony(path.join(test.dir(), 'slip'), test.kms().sim, [
      { alias: 'slip/one', spec: 'AES_256' },
    ]);
    const { online, env } = ceremony;
    expect((await keyferry(ceremony.importCommand, { cwd: online, env })).code).toBe(0);
    const digest = optionValue(ceremony.importCommand, '--expect-digest');
    const groups = digest.split(' ');
    const typo = groups.map((g, i) => (i === 2 ? (g === 'AAAA' ? 'AAAB' : 'AAAA') : g)).join(' ');
    const typoed = ceremony.importCommand.map((w) => (w === digest ? typo : w));
    for (const [lang, said] of [
      [
        'en',
        `The digest typed, ${typo}, differs from ${digest} in group 3 of 16 only (you typed ${typo.split(' ')[2]} there): most likely a typing slip of that digest, the digest of a bundle whose material these keys hold already, so there is nothing to import.`,
      ],
      [
        'zh-CN',
        `键入的摘要 ${typo} 与 ${digest} 仅在 16 组中的第 3 组不同（你在该处键入了 ${typo.split(' ')[2]}）：很可能是该摘要的键入错误`,
      ],
    ] as const) {
      const refused = await keyferry(['--lang', lang, ...typoed], { cwd: online, env });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(said);
      expect(refused.stderr).not.toMatch(
        /nothing to import from the bundle with the digest typed|键入的摘要所指的材料包/,
      );
    }
    const again = await keyferry(typoed, { cwd: online, env });
    expect(again.stderr).toContain(
      `Read the digest on the air-gapped receipt again, group by group: if it is ${digest}, that bundle is imported already and nothing is left to import from it.`,
    );
  }, 120_000);
});
