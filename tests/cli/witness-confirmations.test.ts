/**
 * The witnesses' confirmations as the CLI takes them, against a real air-gapped ceremony and
 * journal (parameters from the simulator on 127.0.0.1): each witness types the import-parameters
 * bundle digest (never printed before they all have); an empty line at the prompt is asked again
 * and never recorded, three wrong values stop the ceremony, the end of the input stops it, and
 * one witness's value never counts for another (a missing witness blocks the ceremony).
 */
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  confirmationLinesFromJournal,
  confirmGiven,
  confirmInteractively,
  parseWitnessConfirms,
  requireEveryWitness,
} from '../../src-main/cli/witness-confirmations';
import type { CliIo } from '../../src-main/cli/command';
import { translator } from '../../src-main/i18n/translate';
import type { KeyferryError } from '../../src-main/core/errors';
import { createFixture, onlineDayOne, type Fixture } from '../core/ceremony/ceremony-fixture';
import { parametersDigestOf, slipInGroup } from '../core/ceremony/witness-helpers';

let f: Fixture;
let out: string[];
const io = (): CliIo => ({ stdout: (l) => out.push(l), stderr: (l) => out.push(l), env: {}, cwd: '/' });

beforeEach(async () => {
  f = await createFixture();
  out = [];
});
afterEach(async () => {
  await f.close();
});

async function ceremonyAtConfirmations(specs: ('AES_256' | 'EC_P256')[] = ['AES_256']) {
  const plan = f.plan(specs);
  const { params, issued } = await onlineDayOne(f, plan);
  const journal = await f.journal('airgap.jsonl');
  const air = await f.airgap(journal, plan);
  await air.checkNetwork();
  await air.readParametersBundle(params);
  return { air, journal, digest: await parametersDigestOf(params), issued };
}

const confirmations = async () =>
  (await import('node:fs/promises'))
    .readFile(`${f.dir}/airgap.jsonl`, 'utf8')
    .then((t) =>
      t
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string; actor: string }),
    )
    .then((es) => es.filter((e) => e.event === 'witness.confirmed').map((e) => e.actor));

describe('witness confirmations on the command line', () => {
  it('asks again after an empty line (never recorded) and stops after three wrong values', async () => {
    const { air, digest, issued } = await ceremonyAtConfirmations(['AES_256', 'EC_P256']);
    const input = new PassThrough();
    const slip = slipInGroup(digest, 5);
    input.end(['', '   ', digest.toLowerCase(), 'ab'.repeat(32), slip, 'cd'.repeat(32), ''].join('\n'));
    const refusal = confirmInteractively(air, io(), input, false);
    await expect(refusal).rejects.toMatchObject({ code: 'WITNESS_ATTEMPTS_EXHAUSTED' });
    await expect(refusal).rejects.toThrow(/Chloé typed 3 values that do not match/);
    expect(out.filter((l) => l.includes('Ben must type it; it cannot be skipped'))).toHaveLength(2);
    expect(out).toContain('  Confirmed by Ben.');
    expect(out.filter((l) => l.includes('(attempt ')).length).toBe(3);
    // The slip is located and the typist named; the digest itself is never printed here.
    expect(out.join('\n')).toMatch(
      /Chloé typed a value that differs from the digest of the import-parameters bundle read here in group 5 of 16 \(typed (AAAA|BBBB) there\)/,
    );
    expect(out.join('\n')).not.toContain(digest);
    expect(out.join('\n')).not.toContain(digest.split(' ')[4]);
    // One question per witness for two keys: the bundle digest, with the fingerprints only for reference.
    expect(out.filter((l) => /^ {2}\S+, type it as you heard it:$/.test(l))).toEqual([
      '  Ben, type it as you heard it:',
      '  Ben, type it as you heard it:',
      '  Ben, type it as you heard it:',
      '  Chloé, type it as you heard it:',
      '  Chloé, type it as you heard it:',
      '  Chloé, type it as you heard it:',
    ]);
    expect(issued).toHaveLength(2);
    expect(await confirmations()).toEqual(['Ben']);
    expect(() => requireEveryWitness(air)).toThrow(/Witness Chloé has not confirmed/);
    expect(air.state).toBe('parameters-read');
  });

  it('stops when the input ends before a witness typed; nothing recorded for them', async () => {
    const { air } = await ceremonyAtConfirmations();
    const input = new PassThrough();
    input.end('\n');
    const ended = confirmInteractively(air, io(), input, false);
    await expect(ended).rejects.toMatchObject({ code: 'WITNESS_INPUT_ENDED' });
    expect(await confirmations()).toEqual([]);
    // What the refusal journals reads in the language of whoever shows it (a receipt), not the session's.
    const problem = ((await ended.catch((e: unknown) => e)) as KeyferryError).toProblem();
    expect(translator('zh-CN').problem(problem).message).toBe(
      '在 Ben 确认导入参数包摘要（它约束 1 个密钥的包装密钥和导入令牌）之前输入就结束了；没有为 Ben 记录任何内容。尚未生成任何密钥材料。',
    );
  });

  it('on a terminal shows what a witness types while they type it, then erases it before the next witness is asked', async () => {
    const { air, digest } = await ceremonyAtConfirmations();
    const input = new PassThrough();
    const echoed: string[] = [];
    const echo = Object.assign(new PassThrough(), { columns: 40 });
    echo.on('data', (d: Buffer) => echoed.push(d.toString('utf8')));
    const done = confirmInteractively(air, io(), input, true, echo);
    // Ben types the digest (80 columns of it: two rows of a 40-column terminal), then Chloé.
    input.write(`${digest}\r`);
    input.write(`${digest}\r`);
    await done;
    const screen = echoed.join('');
    // Each witness saw their own typing, then it went: two rows up and cleared, per witness.
    expect(screen).toContain(digest.slice(0, 20));
    expect(screen.split('\x1b[1A\x1b[2K\x1b[1A\x1b[2K\r')).toHaveLength(3);
    const hidden = out.filter((l) =>
      l.includes('erased from the screen so the next witness types only what they hear'),
    );
    expect(hidden).toEqual([
      '  (Ben typed a value; erased from the screen so the next witness types only what they hear.)',
      '  (Chloé typed a value; erased from the screen so the next witness types only what they hear.)',
    ]);
    expect(await confirmations()).toEqual(['Ben', 'Chloé']);
  });

  it('on an 80-column terminal erases a line corrected while typed as the one row it takes (no prompt of its own redrawn)', async () => {
    const { air, digest } = await ceremonyAtConfirmations();
    expect(digest).toHaveLength(79);
    const input = new PassThrough();
    const echoed: string[] = [];
    const echo = Object.assign(new PassThrough(), { columns: 80 });
    echo.on('data', (d: Buffer) => echoed.push(d.toString('utf8')));
    const done = confirmInteractively(air, io(), input, true, echo);
    // Ben slips, corrects it with Backspace (readline redraws the line), and enters it; Chloé types it straight.
    input.write(`${digest.slice(0, 10)}X\x7f${digest.slice(10)}\r`);
    input.write(`${digest}\r`);
    await done;
    const screen = echoed.join('');
    expect(screen).not.toContain('> ');
    // One row each: a second row up would clear the prompt line above the typed value.
    expect(screen.split('\x1b[1A\x1b[2K').length - 1).toBe(2);
    expect(await confirmations()).toEqual(['Ben', 'Chloé']);
  });

  it('on a terminal that reports no width (0 columns) erases the typed line as one 80-column row, not a row per character', async () => {
    const { air, digest } = await ceremonyAtConfirmations();
    const input = new PassThrough();
    const echoed: string[] = [];
    // A pseudo-terminal opened with no window size (some serial consoles, a pty from a script) says 0.
    const echo = Object.assign(new PassThrough(), { columns: 0 });
    echo.on('data', (d: Buffer) => echoed.push(d.toString('utf8')));
    const done = confirmInteractively(air, io(), input, true, echo);
    input.write(`${digest}\r`);
    input.write(`${digest}\r`);
    await done;
    // One row up per witness: 79 would wipe the wrapping keys and fingerprints printed above.
    expect(echoed.join('').split('\x1b[1A\x1b[2K').length - 1).toBe(2);
    expect(await confirmations()).toEqual(['Ben', 'Chloé']);
  });

  it('names the witness whose --witness-confirms value is not a digest at all, in each language', async () => {
    const { air, digest } = await ceremonyAtConfirmations();
    const malformed = `${digest.slice(0, 30)}O${digest.slice(31)}`;
    const error = await confirmGiven(air, parseWitnessConfirms([`Ben=${digest}`, `Chloé=${malformed}`])).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'DIGEST_TYPED_NOT_HEX' });
    expect(translator('en').problemLine(error as never)).toMatch(
      /^Chloé: The typed import-parameters bundle digest has "O" in group/,
    );
    expect(translator('zh-CN').problemLine(error as never)).toMatch(/^Chloé：输入的导入参数包摘要第 \d+ 组含有 "O"/);
    expect(await confirmations()).toEqual(['Ben']);
  });

  it('names every witness whose --witness-confirms value is wrong in one refusal, each refusal journaled', async () => {
    const { air, digest } = await ceremonyAtConfirmations();
    const given = parseWitnessConfirms([`Ben=${slipInGroup(digest, 16)}`, `Chloé=${slipInGroup(digest, 3)}`]);
    const error = await confirmGiven(air, given).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WITNESS_CONFIRMS_REFUSED' });
    const [b16, c3] = [slipInGroup(digest, 16).split(' ')[15], slipInGroup(digest, 3).split(' ')[2]];
    expect(translator('en').problemLine(error as never)).toContain(
      `The values of 2 witnesses were refused: Ben typed a value that differs in group 16 of 16 (typed ${b16} there); Chloé typed a value that differs in group 3 of 16 (typed ${c3} there). Every refusal is journaled; no confirmation was recorded for Ben, Chloé.`,
    );
    expect(translator('zh-CN').problemLine(error as never)).toContain(
      `2 位见证人输入的值被拒绝：Ben 输入的值在第 16 组（共 16 组）不同（该处输入的是 ${b16}）；Chloé 输入的值在第 3 组（共 16 组）不同（该处输入的是 ${c3}）。`,
    );
    const journal = (await import('node:fs/promises')).readFile(`${f.dir}/airgap.jsonl`, 'utf8').then((t) =>
      t
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string; actor: string }),
    );
    const refused = (await journal).filter((e) => e.event === 'witness.refused').map((e) => e.actor);
    expect(refused).toEqual(['Ben', 'Chloé']);
    expect(await confirmations()).toEqual([]);
    // One wrong value among right ones is refused as before, in its own words; the right one is recorded.
    const single = await confirmGiven(
      air,
      parseWitnessConfirms([`Ben=${slipInGroup(digest, 2)}`, `Chloé=${digest}`]),
    ).catch((e: unknown) => e);
    expect(single).toMatchObject({ code: 'WITNESS_DIGEST_SLIP' });
    expect(await confirmations()).toEqual(['Chloé']);
  });

  it('credits a --witness-confirms value to that witness only: the other still blocks the ceremony', async () => {
    const { air, journal, digest, issued } = await ceremonyAtConfirmations();
    const fromSeq = journal.count + 1;
    await confirmGiven(air, parseWitnessConfirms([`Ben=${digest}`]));
    expect(() => requireEveryWitness(air)).toThrow(
      /Witness Chloé has not confirmed the import-parameters bundle digest .*nobody can be skipped/,
    );
    await expect(air.generateMaterial()).rejects.toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });
    expect(() => parseWitnessConfirms([digest])).toThrow(/takes NAME=VALUE/);
    // A name may hold "=", a digest never: split at the last one (walker finding F18).
    expect(parseWitnessConfirms([`A=B=${digest}`])).toEqual([{ witness: 'A=B', typed: digest }]);
    await expect(confirmGiven(air, parseWitnessConfirms([`Chloé=${digest}`, `Chloé=${digest}`]))).rejects.toMatchObject(
      { code: 'WITNESS_CONFIRMS_TWICE' },
    );
    // The wrapping-key fingerprint is not the value a witness confirms for a bundle.
    await expect(
      confirmGiven(air, parseWitnessConfirms([`Chloé=${issued[0]?.wrappingKeyFingerprint as string}`])),
    ).rejects.toMatchObject({ code: 'WITNESS_TYPED_FINGERPRINT' });
    await confirmGiven(air, parseWitnessConfirms([`Chloé=${digest}`]));
    requireEveryWitness(air);
    expect(air.state).toBe('fingerprints-confirmed');
    const lines = confirmationLinesFromJournal(journal, fromSeq, io());
    expect(lines).toEqual([
      expect.stringMatching(
        /^Journal entry \d+: Ben typed and confirmed the import-parameters bundle digest \(it binds the wrapping keys and import tokens of 1 key\): /,
      ),
      expect.stringMatching(/^Journal entry \d+: Chloé typed and confirmed the import-parameters bundle digest/),
    ]);
    expect(lines[0]?.endsWith(digest)).toBe(true);
  });
});
