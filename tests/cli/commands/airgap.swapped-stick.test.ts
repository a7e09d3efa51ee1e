/**
 * Two ceremonies at once, and the stick of one given to the `airgap wrap` command the other's online
 * side printed (the re-trial's case): the journal that command names is named for its ceremony, so
 * the stick of the other is refused before the journal takes a session or that bundle, and before
 * any witness types (typing the printed ceremony's digest against the other stick used to end in
 * "fetch new parameters", and bound the journal to the wrong ceremony). The right stick then wraps
 * with the same command, into the same journal. Two folders as two machines, a real simulator.
 * On a stick holding both bundles, a file changed in one is named with that bundle's folder as the
 * officer typed it, so the officer knows which bundle to write again.
 */
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia, twoMachines } from '../../integration/pasted-shell';
import { onlineAt } from '../../helpers/cli-sides';
import { airgapConfirmations } from './witness-args';

let dir: string;
let sim: KmsSimulator;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-swapped-stick-'));
  sim = await startKmsSimulator();
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

/** A ceremony's online side up to its parameters bundle; returns the air-gapped command it printed (with confirmations). */
async function upToParameters(online: string, name: string, witnesses = ['Ben']) {
  await mkdir(online, { recursive: true });
  await writeFile(
    path.join(online, `${name}.json`),
    JSON.stringify({
      title: `Trial ${name}`,
      operator: 'Ana',
      witnesses,
      keys: [{ alias: `${name}/aes`, spec: 'AES_256' }],
    }),
  );
  const { args, env } = onlineAt(sim, `${name}.jsonl`);
  expect((await keyferry(['online', 'create-key', ...args, '--plan', `${name}.json`], { cwd: online, env })).code).toBe(
    0,
  );
  const params = await keyferry(['online', 'params', ...args, '--out', `params-${name}`], { cwd: online, env });
  expect(params.code).toBe(0);
  return {
    wrap: [
      ...nextCommand(onPrintedMedia(params.stdout)),
      ...airgapConfirmations(params.stdout, witnesses),
      '--allow-network',
    ],
    bundle: path.join(online, `params-${name}`),
    onlineJournal: path.join(online, `${name}.jsonl`),
  };
}

/** `words` with the value after `option` replaced by `value`. */
function withOption(words: readonly string[], option: string, value: string): string[] {
  const at = words.indexOf(option) + 1;
  return words.map((word, i) => (i === at ? value : word));
}

describe('airgap wrap given the stick of another ceremony', () => {
  it('refuses it by the journal the printed command names, before anyone types; the right stick then wraps', async () => {
    const { online, airgap } = await twoMachines(dir);
    const f = await upToParameters(online, 'f');
    const b = await upToParameters(online, 'b');
    const journalAt = b.wrap.indexOf('--journal') + 1;
    const journal = path.join(airgap, b.wrap[journalAt] as string);
    const bundleAt = b.wrap.indexOf('--bundle') + 1;
    const swapped = b.wrap.map((word, i) => (i === bundleAt ? f.bundle : word));
    const refused = await keyferry(swapped, { cwd: airgap, env: {} });
    expect(refused.code).not.toBe(0);
    const fId = /airgap-(KF-\d{8}-[a-z2-7]{6})\.jsonl/.exec(f.wrap.join(' '))?.[1] as string;
    const bId = /airgap-(KF-\d{8}-[a-z2-7]{6})\.jsonl/.exec(b.wrap.join(' '))?.[1] as string;
    expect(refused.stderr).toContain(
      `The journal airgap-${bId}.jsonl is named for ceremony ${bId}, but the import-parameters bundle in ${f.bundle} belongs to ceremony ${fId} (“Trial f”): a stick of another ceremony?`,
    );
    expect(refused.stdout).not.toContain('type it as you heard it');
    // The journal was never opened for the wrong stick: nothing binds it to ceremony f.
    expect(existsSync(journal)).toBe(false);

    const right = await keyferry(b.wrap, { cwd: airgap, env: {} });
    expect(right.stderr).toBe('');
    expect(right.code).toBe(0);
  }, 120_000);

  it('with a journal that records the other ceremony, says so before naming other witnesses (a trial)', async () => {
    await mkdir(path.join(dir, 'recorded'));
    const { online, airgap } = await twoMachines(path.join(dir, 'recorded'));
    const p = await upToParameters(online, 'p');
    const q = await upToParameters(online, 'q', ['Dee']);
    expect((await keyferry(withOption(p.wrap, '--journal', 'airgap.jsonl'), { cwd: airgap, env: {} })).code).toBe(0);
    const pId = /airgap-(KF-\d{8}-[a-z2-7]{6})\.jsonl/.exec(p.wrap.join(' '))?.[1] as string;
    const qId = /airgap-(KF-\d{8}-[a-z2-7]{6})\.jsonl/.exec(q.wrap.join(' '))?.[1] as string;
    // p's command again, run with q's stick: q's bundle names other witnesses than p's command.
    const pAgain = withOption(withOption(p.wrap, '--journal', 'airgap.jsonl'), '--bundle', q.bundle);
    const refused = await keyferry(pAgain, { cwd: airgap, env: {} });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `records ceremony ${pId}, but this import-parameters bundle belongs to ceremony ${qId}.`,
    );
    expect(refused.stderr).not.toContain('other witnesses');
  }, 120_000);

  it('names this ceremony’s own journal beside the one given, not a new one; followed, a wrap again is asked for (a trial)', async () => {
    await mkdir(path.join(dir, 'beside'));
    const { online, airgap } = await twoMachines(path.join(dir, 'beside'));
    const r = await upToParameters(online, 'u');
    const s = await upToParameters(online, 'v', ['Dee']);
    const rw = await keyferry(withOption(r.wrap, '--journal', 'airgap-r.jsonl'), { cwd: airgap, env: {} });
    expect(rw.stderr).toBe('');
    const sw = await keyferry(withOption(s.wrap, '--journal', 'airgap-s.jsonl'), { cwd: airgap, env: {} });
    expect(sw.stderr).toBe('');
    const sId = /airgap-(KF-\d{8}-[a-z2-7]{6})\.jsonl/.exec(s.wrap.join(' '))?.[1] as string;
    // s's stick again, with r's journal by mistake: s's own journal lies beside it.
    const again = withOption(s.wrap, '--out', path.join(online, 'wrapped-s-again'));
    const refused = await keyferry(withOption(again, '--journal', 'airgap-r.jsonl'), { cwd: airgap, env: {} });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `For ceremony ${sId}, give its journal: ${path.join(airgap, 'airgap-s.jsonl')}, in the same folder, records it (--journal ${path.join(airgap, 'airgap-s.jsonl')}).`,
    );
    expect(refused.stderr).not.toContain('start a journal of its own');
    // Followed: that journal knows s's wrap, so new material is not made without the wrap-again question.
    const followed = await keyferry(withOption(again, '--journal', 'airgap-s.jsonl'), { cwd: airgap, env: {} });
    expect(followed.code).toBe(1);
    expect(followed.stderr).toContain('--wrap-again');
  }, 120_000);

  it('given its online journal, refuses it and leaves no lock behind to refuse the online side later (a trial)', async () => {
    await mkdir(path.join(dir, 'online-journal'));
    const { online, airgap } = await twoMachines(path.join(dir, 'online-journal'));
    const r = await upToParameters(online, 'r');
    const before = await readFile(r.onlineJournal);
    const refused = await keyferry(withOption(r.wrap, '--journal', r.onlineJournal), { cwd: airgap, env: {} });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('r.jsonl is the journal of an online ceremony (“Trial r”)');
    expect(await readFile(r.onlineJournal)).toEqual(before);
    expect(existsSync(`${r.onlineJournal}.lock`)).toBe(false);
  }, 120_000);

  it('names a changed file with the bundle folder as typed, so a stick of several bundles says which one', async () => {
    await mkdir(path.join(dir, 'tampered'));
    const { online, airgap } = await twoMachines(path.join(dir, 'tampered'));
    const f = await upToParameters(online, 'g');
    const b = await upToParameters(online, 'h');
    // One stick, both bundles on it; a file of b's changed.
    const stick = path.join(dir, 'tampered', 'stick');
    await cp(f.bundle, path.join(stick, 'params-f'), { recursive: true });
    await cp(b.bundle, path.join(stick, 'params-b'), { recursive: true });
    const [keyId] = await readdir(path.join(stick, 'params-b', 'keys'));
    await appendFile(path.join(stick, 'params-b', 'keys', keyId as string, 'PublicKey.b64'), 'x');
    const typed = path.relative(airgap, path.join(stick, 'params-b'));
    const bundleAt = b.wrap.indexOf('--bundle') + 1;
    const args = b.wrap.map((word, i) => (i === bundleAt ? typed : word));
    const changed = `${typed}/keys/${keyId}/PublicKey.b64`;
    const en = await keyferry(args, { cwd: airgap, env: {} });
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(
      new RegExp(
        `keyferry airgap wrap: ${changed.replace(/\./g, '\\.')} is \\d+ bytes but the manifest says \\d+: it was changed or cut short\\.`,
      ),
    );
    const zh = await keyferry(['--lang', 'zh-CN', ...args], { cwd: airgap, env: {} });
    expect(zh.stderr).toContain(`keyferry airgap wrap: ${changed} 为 `);
    expect(zh.stderr).toContain('文件被改动或被截断');
  }, 120_000);
});
