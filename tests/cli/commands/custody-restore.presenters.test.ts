/**
 * `keyferry custody restore --bundle …` and who hands over the shares (`--presented-by INDEX=NAME`):
 * one person handing over two shares of a 2-of-3 set is refused before the journal opens (before any
 * witness types the digest), unless the officer allows it with `--one-person-several-shares REASON`
 * (journaled, an override on the receipt); a presenter who is not the share's recorded custodian, or
 * is the operator or a witness, is warned of and listed on the receipt; `--presented-by` for a share
 * that was not given is refused, naming the shares that were. Real share files from `custody split`,
 * a real import-parameters bundle, the real `keyferry` in a child process.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src-main/cli/command';
import { createCustodyCommands } from '../../../src-main/cli/commands/custody';
import { runCli as runInProcess } from '../../../src-main/cli/run-cli';
import { readBundle } from '../../../src-main/core/bundle';
import type { CeremonyFacts } from '../../../src-main/core/bundle/import-parameters-manifest';
import { verifyJournal } from '../../../src-main/core/journal';
import { testRsaKeyPair } from '../../core/crypto/helpers/test-rsa-keys';
import { parametersBundle } from '../../core/custody/helpers';
import { shareFileIn } from '../../helpers/custody-files';
import { runCli } from '../../integration/cli-process';

const KEY_ID = '0042abcd-0000-4000-8000-000000000042';
/** What the fresh parameters bundle says of its ceremony (an expiry of never: --expires never keeps it). */
const FACTS: CeremonyFacts = { title: 'Presenters', materialExpiry: 'never', onlineJournal: 'online.jsonl' };
let root: string;
let digest: string;
let attempt = 0;

/** A fresh folder holding the parameters bundle and the three custodians' folders, as the ceremony brings them. */
async function ceremonyFolder(): Promise<string> {
  const dir = path.join(root, `attempt-${++attempt}`);
  await mkdir(dir);
  for (const name of await readdir(root)) {
    if (name.startsWith('attempt-')) continue;
    await copyTree(path.join(root, name), path.join(dir, name));
  }
  return dir;
}

async function copyTree(from: string, to: string): Promise<void> {
  const { cp } = await import('node:fs/promises');
  await cp(from, to, { recursive: true });
}

const share = (i: number): string => shareFileIn(`usb${i}`, i, root);

/** `custody restore --bundle` of shares `indexes` in `dir`, with Olga operating and Wes witnessing. */
function restore(dir: string, indexes: number[], extra: string[], env: NodeJS.ProcessEnv = {}) {
  return runCli(
    [
      'custody',
      'restore',
      ...indexes.flatMap((i) => ['--share', share(i)]),
      '--bundle',
      'parameters',
      '--wrapped-out',
      'wrapped',
      '--journal',
      'restore.jsonl',
      '--operator',
      'Olga',
      '--witness',
      'Wes',
      '--allow-network',
      '--expires',
      'never',
      ...extra,
    ],
    { cwd: dir, env: { LANG: 'en_US.UTF-8', ...env } },
  );
}

/** Every line of a text receipt in `dir`, spaces collapsed. */
async function receiptText(dir: string): Promise<string> {
  const file = (await readdir(dir)).find((f) => f.startsWith('receipt-') && f.endsWith('.txt'));
  return (await readFile(path.join(dir, file ?? 'missing'), 'utf8')).replace(/\s+/g, ' ');
}

async function journalEvents(dir: string): Promise<{ event: string; actor: string; data: Record<string, unknown> }[]> {
  const text = await readFile(path.join(dir, 'restore.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event: string; actor: string; data: Record<string, unknown> });
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kf-restore-presenters-'));
  await writeFile(path.join(root, 'key.bin'), randomBytes(32));
  const outs = [1, 2, 3].map((i) => path.join(root, `usb${i}`));
  for (const o of outs) await mkdir(o);
  const io: CliIo = { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: root };
  const split = [
    ...['custody', 'split', '--material', 'key.bin', '--key-spec', 'AES_256', '--ceremony-id', 'byok-2024-06'],
    ...['--key-id', KEY_ID, '--m', '2', '--n', '3'],
    ...['Alice', 'Bob', 'Carol'].flatMap((c) => ['--custodian', c]),
    ...outs.flatMap((o) => ['--out', o]),
    // The split of the test's material runs on this networked test machine.
    '--allow-network',
  ];
  // Each custodian folder counts as its own volume here (tmp folders share one).
  const commands = createCustodyCommands({ volumeIdOf: (folder) => `volume:${folder}` });
  expect(await runInProcess(commands, split, io)).toBe(0);
  // The fresh parameters of the key whose material lapsed, as the online side writes them.
  const { publicKey } = testRsaKeyPair('rsa2048');
  const now = new Date();
  await parametersBundle(root, 'AES_256', publicKey, now, KEY_ID, FACTS);
  digest = (await readBundle(path.join(root, 'parameters'), { now })).digest;
}, 120_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('custody restore: who hands over the shares', () => {
  it('refuses one person handing over two shares of a 2-of-3 set, before any witness types the digest', async () => {
    const dir = await ceremonyFolder();
    // The journal exists (an earlier session): the refused attempt is recorded in it.
    await writeFile(path.join(dir, 'restore.jsonl'), '');
    const done = await restore(dir, [1, 2], ['--presented-by', '1=Carol', '--presented-by', '2=carol ']);
    expect(done.code).toBe(1);
    expect(flat(done.stderr)).toContain(
      'Carol would hand over 2 shares (shares 1, 2). M-of-N custody means M different people each hand over their own share: one person who hands over several could rebuild the key material alone. Nothing was presented or rebuilt.',
    );
    expect(flat(done.stderr)).toContain('--one-person-several-shares "REASON"');
    // Refused before the witnesses were asked for the digest: no prompt, no confirmation.
    expect(done.stdout).not.toContain('digest');
    expect(existsSync(path.join(dir, 'wrapped'))).toBe(false);
    const events = await journalEvents(dir);
    expect(events.map((e) => e.event)).toEqual(['ceremony.session-started', 'ceremony.abandoned']);
    expect(events[1]?.data).toMatchObject({ code: 'CUSTODY_PRESENTER_SEVERAL_SHARES', state: 'new' });
  });

  it('the same share given twice (a copy of its file) is named as such, with both files, even with the override', async () => {
    const dir = await ceremonyFolder();
    const copy = path.join(dir, 'copy-of-share-1.json');
    await writeFile(copy, await readFile(path.join(dir, share(1))));
    for (const extra of [[], ['--one-person-several-shares', 'Carol carries both']]) {
      const done = await restore(dir, [1], ['--share', copy, ...extra]);
      expect(done.code).toBe(1);
      expect(flat(done.stderr)).toContain(
        `Share 1 of custodian Alice was given twice: ${path.join(dir, share(1))} and ${copy} (the same share, or a copy of it). A share counts once, however many copies there are. Nothing was presented or rebuilt.`,
      );
      expect(flat(done.stderr)).not.toContain('would hand over');
      expect(done.stdout).not.toContain('digest');
    }
    const zh = await restore(dir, [1], ['--share', copy], { LANG: 'zh_CN.UTF-8' });
    expect(flat(zh.stderr)).toContain('的份额 1 被给出了两次');
  });

  it('refuses it in Chinese too', async () => {
    const dir = await ceremonyFolder();
    const done = await restore(dir, [1, 2], ['--presented-by', '1=Carol', '--presented-by', '2=Carol'], {
      LANG: 'zh_CN.UTF-8',
    });
    expect(done.code).toBe(1);
    expect(flat(done.stderr)).toContain(
      'Carol 将出示 2 份份额（份额 1、2）。M-of-N 托管要求 M 位不同的人各自出示自己的份额：一人出示多份，就可能独自重建密钥材料。未出示也未重建任何内容。',
    );
  });

  it('with --one-person-several-shares REASON: restores, warns, journals the override and prints it on the receipt', async () => {
    const dir = await ceremonyFolder();
    const reason = "Alice is abroad; Carol carries her share under the board's letter of 3 May";
    const done = await restore(
      dir,
      [1, 3],
      ['--presented-by', '1=Carol', '--one-person-several-shares', reason, '--witness-confirms', `Wes=${digest}`],
    );
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    const out = flat(done.stdout);
    expect(out).toContain(
      `WARNING: Carol hands over 2 shares (shares 1, 3): fewer different people take part in this restore than M-of-N custody asks for. Allowed by --one-person-several-shares with the reason "${reason}"; journaled as an override, and the restore receipt lists it.`,
    );
    expect(out).toContain(
      'WARNING: share 1 (custodian Alice) is handed over by Carol, who is not its recorded custodian. Journaled as an override: the restore receipt lists it.',
    );
    const events = await journalEvents(dir);
    expect(events.find((e) => e.event === 'custody.presenter-several-shares')).toMatchObject({
      actor: 'Olga',
      data: { presentedBy: 'Carol', shareIndexes: [1, 3], severalSharesReason: reason },
    });
    expect(events.find((e) => e.event === 'custody.presenter-flagged')).toMatchObject({
      data: { shareIndex: 1, custodian: 'Alice', presentedBy: 'Carol', notCustodian: true },
    });
    const receipt = await receiptText(dir);
    expect(receipt).toContain(
      `Carol handed over shares 1, 3: one person brought more than one share, which the operator allowed with the reason "${reason}".`,
    );
    expect(receipt).toContain('Share 1 (custodian Alice) was handed over by Carol, who is not its recorded custodian.');
    expect(await verifyJournal(path.join(dir, 'restore.jsonl'))).toMatchObject({ ok: true });
  });

  it('warns when the operator or a witness hands over a share, and lists it on the receipt', async () => {
    const dir = await ceremonyFolder();
    const done = await restore(
      dir,
      [1, 2],
      ['--presented-by', '1= olga', '--presented-by', '2=Wes', '--witness-confirms', `Wes=${digest}`],
    );
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    const out = flat(done.stdout);
    // `olga` typed for the operator Olga: one person, recorded and shown as the operator was named.
    expect(out).toContain(
      'WARNING: share 1 (custodian Alice) is handed over by Olga, this ceremony’s operator, who is not its recorded custodian. Journaled as an override: the restore receipt lists it.',
    );
    expect(out).toContain(
      'WARNING: share 2 (custodian Bob) is handed over by Wes, a witness of this ceremony, who is not its recorded custodian.',
    );
    const events = await journalEvents(dir);
    expect(new Set(events.map((e) => e.actor))).toEqual(new Set(['Olga', 'Wes']));
    expect(events.find((e) => e.event === 'custody.share-presented' && e.data.shareIndex === 1)).toMatchObject({
      actor: 'Olga',
      data: { presentedBy: 'Olga', custodian: 'Alice' },
    });
    const receipt = await receiptText(dir);
    // The PEOPLE section counts every entry that is not the witness's as the operator's: none under another spelling.
    const [, own, total] = /ran this workstation: (\d+) of the (\d+) journal entries/.exec(receipt) ?? [];
    const witnessEntries = events.slice(0, Number(total)).filter((e) => e.actor === 'Wes').length;
    expect(Number(own)).toBe(Number(total) - witnessEntries);
    expect(receipt).toContain(
      'Share 1 (custodian Alice) was handed over by Olga, this ceremony’s operator, who is not its recorded custodian.',
    );
    expect(receipt).toContain(
      'Share 2 (custodian Bob) was handed over by Wes, a witness of this ceremony, who is not its recorded custodian.',
    );
  });

  it('warns when someone who holds no share of the set hands one over, in English and Chinese', async () => {
    const dir = await ceremonyFolder();
    const done = await restore(dir, [2, 3], ['--presented-by', '3=Mallory', '--witness-confirms', `Wes=${digest}`]);
    expect(done.code).toBe(0);
    expect(flat(done.stdout)).toContain(
      'WARNING: share 3 (custodian Carol) is handed over by Mallory, who is not its recorded custodian.',
    );
    expect(await receiptText(dir)).toContain(
      'Share 3 (custodian Carol) was handed over by Mallory, who is not its recorded custodian.',
    );
    const zh = await ceremonyFolder();
    const doneZh = await restore(zh, [2, 3], ['--presented-by', '3=Mallory', '--witness-confirms', `Wes=${digest}`], {
      LANG: 'zh_CN.UTF-8',
    });
    expect(doneZh.code).toBe(0);
    expect(flat(doneZh.stdout)).toContain('警告：份额 3（保管人 Carol）由 Mallory 出示，此人不是记录的保管人。');
  });

  it('refuses --presented-by for a share that was not given, naming the shares that were', async () => {
    const dir = await ceremonyFolder();
    const done = await restore(dir, [1, 2], ['--presented-by', '3=Nobody']);
    expect(done.code).toBe(1);
    expect(flat(done.stderr)).toContain(
      '--presented-by 3=Nobody names share 3, but only shares 1, 2 were given (with --share or --typed). Nothing was presented or rebuilt.',
    );
    expect(existsSync(path.join(dir, 'wrapped'))).toBe(false);
    const zh = await restore(dir, [1, 2], ['--presented-by', '3=Nobody'], { LANG: 'zh_CN.UTF-8' });
    expect(flat(zh.stderr)).toContain(
      '--presented-by 3=Nobody 指的是份额 3，但只给出了份额 1、2（用 --share 或 --typed）。未出示也未重建任何内容。',
    );
  });
});
