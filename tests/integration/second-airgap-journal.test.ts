/**
 * A second air-gapped journal for one ceremony (walker findings F3, F8): the same parameters wrapped
 * in a new journal, which knows nothing of the first wrap (no wrap-again question, its own custody
 * set). Beside the first journal it is refused before anything is written, naming the first; in
 * another folder the air-gapped side cannot see the first, and the online side catches it. Two folders as two machines, one simulator over real HTTP, each command as the officer
 * pastes it. `online import` names who wrapped each bundle and in which journal, refuses the
 * second journal's bundle (both journals named, nothing sent to the KMS), and imports it only on
 * --accept-other-airgap-journal, journaled as an override and printed on the receipt.
 *
 * An older copy of the ceremony's journal (the officer restores an old backup of the air-gapped
 * folder, or someone kept the media) is the same journal by name and first entry but lacks a wrap
 * the online side took, so its wrap skipped that wrap's question whether to wrap again and its
 * custody set: its bundle is refused at import (naming the wrap it lacks), also with
 * --accept-other-airgap-journal, and the original journal's next wrap imports.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../src-main/core/kms-simulator/index';
import type { JournalEntry } from '../../src-main/core/journal';
import { keyferry } from './cli-in-process';
import { nextCommand, onMedia, onPrintedMedia, twoMachines } from './pasted-shell';
import { airgapConfirmations } from '../cli/commands/witness-args';
import { onlineAt } from '../helpers/cli-sides';

const dirs: string[] = [];
const sims: KmsSimulator[] = [];
afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** `words` (an `airgap wrap` as printed) with its `--out` and `--journal` replaced. */
function wrapInto(words: readonly string[], out: string, journal: string): string[] {
  return words.map((w, i) => (words[i - 1] === '--out' ? out : words[i - 1] === '--journal' ? journal : w));
}

const HOUR_MS = 3_600_000;

/** Two machines (a temp folder, removed after the file), a simulator, and one AES key created on the online side by the plan titled `title`. */
async function ceremony(title: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-second-journal-'));
  dirs.push(dir);
  const sim = await startKmsSimulator();
  sims.push(sim);
  const { online, airgap } = await twoMachines(dir);
  await writeFile(
    path.join(online, 'plan.json'),
    JSON.stringify({
      title,
      operator: 'Ana',
      witnesses: ['Ben'],
      materialExpiry: 'never',
      keys: [{ alias: 'two/aes', spec: 'AES_256' }],
    }),
  );
  const { args: connection, env } = onlineAt(sim);
  const on = (args: string[]) => keyferry([...args, ...connection], { cwd: online, env });
  expect((await on(['online', 'create-key', '--plan', 'plan.json'])).code).toBe(0);
  return { dir, sim, online, airgap, env, on };
}

describe('a second air-gapped journal of one ceremony', () => {
  it('after lapsed tokens: the next wrap is named in the first journal; a new journal is refused at import, imported only when accepted', async () => {
    const { dir, sim, online, airgap, env, on } = await ceremony('Two journals');
    /** The printed `airgap wrap` of `params` into `out` and `journal`, every witness confirming; returns the printed import. */
    const wrapIn = async (params: string, out: string, journal: string, ...extra: string[]) => {
      const run = await keyferry(
        [
          ...wrapInto(nextCommand(onPrintedMedia(params)), out, journal),
          ...airgapConfirmations(params, ['Ben']),
          '--allow-network',
          ...extra,
        ],
        { cwd: airgap, env: {} },
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return nextCommand(onPrintedMedia(run.stdout));
    };
    const params1 = await on(['online', 'params', '--out', path.join(dir, 'params-1')]);
    expect(params1.code).toBe(0);
    const first = await wrapIn(params1.stdout, path.join(dir, 'wrapped-1'), 'airgap-E.jsonl');

    // The import tokens lapse before the import: the KMS refuses it (KMS.2601) after the bundle was checked.
    sim.clock.advance(25 * HOUR_MS);
    const lapsed = await keyferry(first, { cwd: online, env });
    expect(lapsed.code).toBe(1);
    expect(lapsed.stdout).toContain(
      'Wrapped on the air-gapped side by operator Ana with witness Ben, in the air-gapped journal airgap-E.jsonl (first entry',
    );
    const params2 = await keyferry(nextCommand(onMedia(lapsed.stdout, online)), { cwd: online, env });
    expect(params2.stderr).toBe('');
    expect(params2.code).toBe(0);
    // F8: the next wrap goes into the SAME air-gapped journal, named (before: a new airgap-<ceremony>.jsonl).
    const again = nextCommand(params2.stdout);
    expect(again[again.indexOf('--journal') + 1]).toBe('airgap-E.jsonl');
    expect(params2.stdout).toMatch(
      /Wrap in the SAME air-gapped journal as before, airgap-E\.jsonl \(first entry [0-9A-F ]{19}\), not in a new one/,
    );

    // A new journal beside the first is refused on the air-gapped side, naming the first (nothing written).
    const beside = await keyferry(
      [
        ...wrapInto(nextCommand(onPrintedMedia(params2.stdout)), path.join(dir, 'wrapped-2'), 'airgap-E2.jsonl'),
        ...airgapConfirmations(params2.stdout, ['Ben']),
        '--allow-network',
      ],
      { cwd: airgap, env: {} },
    );
    expect(beside.code).toBe(1);
    expect(beside.stderr).toContain(
      `The journal ${path.join(airgap, 'airgap-E2.jsonl')} does not exist yet, but ${path.join(airgap, 'airgap-E.jsonl')}, in the same folder, is the air-gapped journal of ceremony`,
    );
    expect(beside.stderr).toContain(`run the same command with --journal ${path.join(airgap, 'airgap-E.jsonl')}`);
    expect(await readdir(airgap)).not.toContain('airgap-E2.jsonl');

    // A new journal in another folder (one the air-gapped side cannot see beside the first): the
    // parameters name the first journal, so it is refused too, before anything is written.
    await mkdir(path.join(airgap, 'elsewhere'));
    const elsewhere = wrapInto(
      nextCommand(onPrintedMedia(params2.stdout)),
      path.join(dir, 'wrapped-2'),
      path.join('elsewhere', 'airgap-E2.jsonl'),
    );
    const confirmations = airgapConfirmations(params2.stdout, ['Ben']);
    const named = await keyferry([...elsewhere, ...confirmations, '--allow-network'], { cwd: airgap, env: {} });
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('to be wrapped in the air-gapped journal airgap-E.jsonl (first entry');
    expect(await readdir(path.join(airgap, 'elsewhere'))).toEqual([]);
    // Wrapped there all the same, on the officer's word that the first journal is lost: it knows
    // nothing of the first wrap or its custody, and the online side asks for its own word.
    const second = await wrapIn(
      params2.stdout,
      path.join(dir, 'wrapped-2'),
      path.join('elsewhere', 'airgap-E2.jsonl'),
      '--journal-lost',
      'first workstation failed',
    );
    const refused = await keyferry(second, { cwd: online, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /wrapped in the air-gapped journal airgap-E2\.jsonl \(first entry [0-9A-F ]{19}\), but the bundle this online journal took at entry \d+ came from the air-gapped journal airgap-E\.jsonl/,
    );
    expect(refused.stderr).toContain('--accept-other-airgap-journal');
    // Who wrapped the refused bundle is said before the refusal, as after a check that passed.
    expect(refused.stdout).toContain(
      'Wrapped on the air-gapped side by operator Ana with witness Ben, in the air-gapped journal airgap-E2.jsonl (first entry',
    );
    expect(refused.stdout).not.toMatch(/Enabled/);
    expect(await readFile(path.join(online, 'online.jsonl'), 'utf8')).toContain(
      '"code":"WRAPPED_OTHER_AIRGAP_JOURNAL"',
    );

    const accepted = await keyferry([...second, '--accept-other-airgap-journal'], { cwd: online, env });
    expect(accepted.stderr).toBe('');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('in the air-gapped journal airgap-E2.jsonl');
    expect(accepted.stdout).toMatch(/AES_256\s+Enabled\s+OK: /);
    const receipt = (await readdir(online)).find((f) => f.startsWith('receipt-online-') && f.endsWith('.txt'));
    const text = await readFile(path.join(online, receipt as string), 'utf8');
    // People: who wrapped each bundle checked, and in which journal (the receipt's lines wrap).
    expect(text).toMatch(
      /entry \d+: the wrapped-material bundle checked was wrapped on the\s+air-gapped side by operator Ana with witness Ben, in the air-gapped\s+journal airgap-E2\.jsonl/,
    );
    expect(text).toContain('Wrapped-material bundle of another air-gapped journal accepted');
  }, 240_000);
});

describe('an older copy of the ceremony’s air-gapped journal', () => {
  it('is refused on the air-gapped side; on the word that the journal is lost it wraps again unasked, and online import refuses its bundle after taking the original’s later wrap', async () => {
    const { dir, sim, online, airgap, env, on } = await ceremony('Older copy');
    const copy = path.join(dir, 'airgap-copy');
    const wrap = (params: string, out: string, cwd: string, confirmations = airgapConfirmations(params, ['Ben'])) =>
      keyferry(
        [...wrapInto(nextCommand(onPrintedMedia(params)), out, 'airgap-F.jsonl'), ...confirmations, '--allow-network'],
        {
          cwd,
          env: {},
        },
      );
    /** A wrap that went through: its printed `online import`. */
    const wrapped = async (params: string, out: string, cwd: string, ...extra: string[]) => {
      const run = await wrap(params, out, cwd, [...airgapConfirmations(params, ['Ben']), ...extra]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return nextCommand(onPrintedMedia(run.stdout));
    };
    const params1 = await on(['online', 'params', '--out', path.join(dir, 'params-1')]);
    expect(params1.code).toBe(0);
    // A first try the witness refuses (a digest misheard) opens the journal; the officer backs up the folder then.
    const misheard = await wrap(params1.stdout, path.join(dir, 'wrapped-0'), airgap, [
      '--witness-confirms',
      `Ben=${'0000 '.repeat(15)}0000`,
    ]);
    expect(misheard.code).not.toBe(0);
    await cp(airgap, copy, { recursive: true });

    // The wrap in the original journal is taken: checked, then refused by the KMS for lapsed tokens.
    const first = await wrapped(params1.stdout, path.join(dir, 'wrapped-1'), airgap);
    sim.clock.advance(25 * HOUR_MS);
    const lapsed = await keyferry(first, { cwd: online, env });
    expect(lapsed.code).toBe(1);
    expect(lapsed.stderr).toMatch(/expired/i);
    const params2 = await keyferry(nextCommand(onMedia(lapsed.stdout, online)), { cwd: online, env });
    expect(params2.code).toBe(0);

    // The copy does not know that wrap: the parameters name it, so the copy is refused as an older one.
    const older = await wrap(params2.stdout, path.join(dir, 'wrapped-fork'), copy);
    expect(older.code).toBe(1);
    expect(older.stderr).toContain(`${path.join(copy, 'airgap-F.jsonl')} is an older copy of that journal`);
    // On the officer's word that the journal is lost, it wraps new material without asking whether to
    // wrap again, and the online side refuses it as an older copy whatever its word.
    const forked = await wrapped(
      params2.stdout,
      path.join(dir, 'wrapped-fork'),
      copy,
      '--journal-lost',
      'newest copy lost',
    );
    const firstWrap = (await readFile(path.join(airgap, 'airgap-F.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as JournalEntry)
      .findLast((e) => e.event === 'ceremony.session-started') as JournalEntry;
    for (const extra of [[], ['--accept-other-airgap-journal']]) {
      const refused = await keyferry([...forked, ...extra], { cwd: online, env });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        new RegExp(
          `wrapped by an older copy of the air-gapped journal airgap-F\\.jsonl \\(first entry [0-9A-F ]{19}\\): that copy did not have the wrap begun at its entry ${firstWrap.seq} \\(`,
        ),
      );
      expect(refused.stderr).toContain('newest copy of airgap-F.jsonl');
      expect(refused.stdout).not.toMatch(/Enabled/);
    }
    const journal = await readFile(path.join(online, 'online.jsonl'), 'utf8');
    expect(journal.match(/"code":"WRAPPED_OLDER_AIRGAP_JOURNAL_COPY"/g)).toHaveLength(2);
    expect(journal).not.toContain('wrapped-bundle.other-journal-accepted');

    // The original journal's next wrap lists the one taken, and imports.
    const again = await wrapped(params2.stdout, path.join(dir, 'wrapped-2'), airgap);
    const imported = await keyferry(again, { cwd: online, env });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/AES_256\s+Enabled\s+OK: /);
  }, 240_000);
});
