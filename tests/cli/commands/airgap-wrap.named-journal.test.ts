/**
 * Parameters fetched after a wrap the online side checked name that wrap's air-gapped journal
 * (format version 6), and `airgap wrap` refuses to wrap them in any other. A trial's officer ran
 * the printed command (its --journal a bare file name) in another folder: a new journal made new
 * material and a second custody set with no word, and only the online import noticed. Now the wrap
 * is refused before anyone types and nothing is created; the officer's word that the journal is lost
 * goes past it, loudly (a warning, a deviation on the receipt, the online side's own refusal, and
 * once imported on its word, the first wrap's custody set named for destruction); the named journal
 * wraps as before. Two folders as two machines, the real CLI against the simulator.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { airgapConfirmations } from './witness-args';
import { simAndFolderPerFile } from './sim-folder';
import { CUSTODY_TWO_OF_TWO, wrappedCliCeremony } from './wrapped-cli-ceremony';
import { parametersAfterLapse } from './lapsed-parameters';

const test = simAndFolderPerFile('kf-cli-named-journal-');

/** The printed wrap with its custodian folders filled in (`folders`, in order), the witness's value, one volume and the network allowed. */
function filledWrap(printed: readonly string[], paramsOut: string, folders: readonly string[]): string[] {
  let next = 0;
  const words = printed.map((w) => (w === 'DIR' ? (folders[next++] as string) : w));
  return [...words, ...airgapConfirmations(paramsOut, ['Ben']), '--shares-on-one-volume', '--allow-network'];
}

/** `words` with the value after `option` replaced. */
const withOption = (words: readonly string[], option: string, value: string) =>
  words.map((w, i) => (words[i - 1] === option ? value : w));

describe('airgap wrap of parameters naming the journal of the earlier wrap', () => {
  it('refuses another journal before anyone types, lets it wrap only on the officer’s word, and wraps in the named one', async () => {
    const c = await wrappedCliCeremony(
      path.join(test.dir(), 'ceremony'),
      test.kms().sim,
      [{ alias: 'app/one', spec: 'AES_256' }],
      CUSTODY_TWO_OF_TWO,
    );
    // The first wrap is checked on the online side, but its tokens lapsed before the import.
    const params = await parametersAfterLapse(c, test.kms().sim);
    const journalName = c.wrapCommand[c.wrapCommand.indexOf('--journal') + 1] as string;
    const manifest = JSON.parse(await readFile(path.join(c.online, 'params-2', 'manifest.json'), 'utf8')) as {
      formatVersion: number;
      ceremony: { airGapJournal?: { file: string } };
    };
    expect(manifest.formatVersion).toBe(6);
    expect(manifest.ceremony.airGapJournal?.file).toBe(journalName);
    const printed = params.printed;

    // A copy of the journal taken while the first wrap ran (before its receipt), in another folder, given
    // the real custodian folders: refused as an older copy before anything runs. A trial's copy passed,
    // and the clean-up of the session it saw unfinished took the finished wrap's custody shares away.
    const copyDir = path.join(test.dir(), 'ceremony', 'copy');
    await mkdir(copyDir);
    const lines = (await readFile(path.join(c.airgap, journalName), 'utf8')).split('\n');
    const beforeReceipt = lines.findIndex((l) => l.includes('"event":"receipt.written"'));
    await writeFile(path.join(copyDir, journalName), `${lines.slice(0, beforeReceipt).join('\n')}\n`);
    const custodians = ['dana', 'eli'].map((f) => path.join(c.airgap, f));
    const sharesBefore = await Promise.all(custodians.map((f) => readdir(f)));
    const copied = await keyferry(filledWrap(printed, params.stdout, custodians), { cwd: copyDir, env: {} });
    expect(copied.code).toBe(1);
    expect(copied.stderr).toContain(`${path.join(copyDir, journalName)} is an older copy of that journal`);
    expect(await Promise.all(custodians.map((f) => readdir(f)))).toEqual(sharesBefore);
    expect(sharesBefore.flat().some((f) => f.startsWith('keyferry-share-'))).toBe(true);

    // The printed command run in another folder: a new journal of the same name there.
    const elsewhere = path.join(test.dir(), 'ceremony', 'elsewhere');
    await mkdir(elsewhere);
    const wrap = filledWrap(printed, params.stdout, ['dana', 'eli']);
    const refused = await keyferry(wrap, { cwd: elsewhere, env: {} });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${path.join(elsewhere, journalName)} is a new journal: it does not know`);
    expect(refused.stderr).toContain(`to be wrapped in the air-gapped journal ${journalName} (first entry `);
    expect(refused.stderr).toContain('add --journal-lost "REASON"');
    expect(refused.stdout).not.toContain('Preflight');
    expect(await readdir(elsewhere)).toEqual([]);

    // On the officer's word that the journal is lost: warned, journaled, on the receipt.
    const lost = await keyferry([...wrap, '--journal-lost', 'workstation disk failed'], { cwd: elsewhere, env: {} });
    expect(lost.stderr).toBe('');
    expect(lost.code).toBe(0);
    expect(lost.stdout).toContain(
      `WARNING: wrapping in ${path.join(elsewhere, journalName)}, not in ${journalName} (first entry `,
    );
    const receipt = (await readdir(elsewhere)).find((f) => f.startsWith('receipt-air-gapped-') && f.endsWith('.txt'));
    const receiptText = await readFile(path.join(elsewhere, receipt as string), 'utf8');
    expect(receiptText).toContain('Journal the parameters name declared lost (parameters.named-journal-lost)');
    expect(receiptText).toContain('Recorded text: “workstation disk failed”');
    // The online side asks for its own word before importing that wrap.
    const otherImport = await keyferry(nextCommand(onPrintedMedia(lost.stdout)), { cwd: c.online, env: c.env });
    expect(otherImport.code).toBe(1);
    expect(otherImport.stderr).toContain('--accept-other-airgap-journal');
    // It names that wrap's own custody copy, which backs up nothing once the named journal's wrap is imported.
    expect(otherImport.stderr).toMatch(
      /This bundle’s material has a custody copy of its own, 2 of 2 shares held by Dana, Eli, custody set [0-9A-F]{8} \(the tag in its share files’ names\): once the keys hold the material of a wrap in \S+ \(keyferry online status says so\), that copy and this bundle back up nothing any key holds/,
    );

    // The named journal, on the air-gapped workstation: wraps (the first wrap's tokens have lapsed) and imports.
    const named = withOption(filledWrap(printed, params.stdout, ['dana-2', 'eli-2']), '--out', 'wrapped-named');
    const wrapped = await keyferry(named, { cwd: c.airgap, env: {} });
    expect(wrapped.stderr).toBe('');
    expect(wrapped.code).toBe(0);

    // The officer imports the lost journal's wrap on the online side's own word instead: the screen
    // names the first wrap's custody set, to destroy once the keys show imported (a trial was told nothing).
    const firstSet = /^keyferry-share-.+-([0-9A-F]{8})-1of2\.json$/m.exec(sharesBefore.flat().join('\n'))?.[1];
    expect(firstSet).toMatch(/^[0-9A-F]{8}$/);
    const accepted = await keyferry([...nextCommand(onPrintedMedia(lost.stdout)), '--accept-other-airgap-journal'], {
      cwd: c.online,
      env: c.env,
    });
    expect(accepted.stderr).toBe('');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('This bundle is imported on the officer’s word (--accept-other-airgap-journal;');
    expect(accepted.stdout).toContain(
      `That wrap’s custody copy, 2 of 2 shares held by Dana, Eli, custody set ${firstSet} (the tag in its share files’ names), and its bundle back up material no key will hold: have them destroyed once keyferry online status shows these keys imported`,
    );
    // The receipt says it too: the override's deviation carries it (a trial found it on screen only),
    // and the People section gives the accepted bundle's digest, not a journal's first-entry hash.
    const onlineReceipt = (await readdir(c.online)).find((f) => f.startsWith('receipt-online-') && f.endsWith('.txt'));
    const receiptWords = (await readFile(path.join(c.online, onlineReceipt as string), 'utf8')).replace(/\s+/g, ' ');
    expect(receiptWords).toContain(
      `custody set ${firstSet} (the tag in its share files’ names), and its bundle back up`,
    );
    const acceptedDigest = nextCommand(onPrintedMedia(lost.stdout)).find((w) =>
      /^[0-9A-F]{4}( [0-9A-F]{4}){15}$/.test(w),
    );
    expect(receiptWords).toMatch(/another air-gapped journal accepted \(digest ([0-9A-F]{4} )+…\)/);
    const peopleDigest = /another air-gapped journal accepted \(digest ([0-9A-F ]+) …\)/.exec(receiptWords)?.[1];
    expect(acceptedDigest?.startsWith(peopleDigest ?? 'none')).toBe(true);
  }, 120_000);

  it('refuses --journal-lost for console files, which name no journal', async () => {
    const words = ['--key-id', 'k', '--spec', 'AES_256', '--import-token', 't', '--out', 'o', '--journal', 'j.jsonl'];
    const run = await keyferry(
      ['airgap', 'wrap', '--console-wrapping-key', 'w.der', ...words, '--operator', 'Ana', '--witness', 'Ben'].concat([
        '--journal-lost',
        'lost',
      ]),
      { cwd: test.dir(), env: {} },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('These import parameters name no air-gapped journal');
  });
});
