/**
 * `keyferry journal set-aside-torn-line`, and what leads to it: `journal verify` on a journal whose
 * last append a power loss cut short names the command; the command sets the line aside (a side file,
 * the journal cut back and continued with the journaled deviation), after which the journal verifies;
 * without --operator, or on a journal with nothing torn or a changed line, it refuses and changes nothing.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSampleJournal } from '../../core/journal/sample';
import { keyferry } from '../../integration/cli-in-process';

/** The command in this process: its exit code and its output lines. */
async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const done = await keyferry(argv, { cwd: process.cwd() });
  const lines = (text: string) => (text === '' ? [] : text.split('\n'));
  return { code: done.code, out: lines(done.stdout), err: lines(done.stderr) };
}

describe('keyferry journal set-aside-torn-line', () => {
  it('journal verify names it for a torn last line; it sets the line aside; the journal then verifies', async () => {
    const { file, text } = await writeSampleJournal();
    const torn = text.slice(0, -30);
    await writeFile(file, torn);
    const verify = await run(['journal', 'verify', file]);
    expect(verify.code).toBe(1);
    expect(verify.out).toEqual([
      'line 6: the last line is incomplete (no newline at the end): the journal was cut short or written outside Keyferry',
      `If the power was lost, Keyferry crashed or the medium was pulled out while it wrote, set the incomplete line aside (kept in a file beside the journal, journaled, listed on the next receipt): keyferry journal set-aside-torn-line "${file}" --operator NAME`,
    ]);

    const done = await run(['journal', 'set-aside-torn-line', file, '--operator', 'Ada Lovelace']);
    expect(done.err).toEqual([]);
    expect(done.code).toBe(0);
    const sideFile = (await readdir(path.dirname(file))).find((f) => f.includes('.torn-')) as string;
    expect(sideFile).toMatch(/^ceremony\.journal\.jsonl\.torn-\d{8}T\d{6}Z-[0-9a-f]{8}$/);
    const fragment = torn.slice(torn.lastIndexOf('\n') + 1);
    expect(await readFile(path.join(path.dirname(file), sideFile), 'utf8')).toBe(fragment);
    expect(done.out).toHaveLength(2);
    expect(done.out[0]).toContain(
      `Set aside the incomplete line 6 of ${file} (${Buffer.byteLength(fragment)} bytes, SHA-256 `,
    );
    expect(done.out[0]).toContain(`into ${path.join(path.dirname(file), sideFile)}. The journal now ends with entry 6`);
    // What it dropped, as far as it reads: the sample's last entry, cut 30 bytes short, kept its event name.
    expect(done.out[1]).toBe(
      `What the dropped line in ${sideFile} held, as far as it reads: event bundle.written, no key ID. A journal line never holds key material.`,
    );
    expect((await run(['journal', 'verify', file])).out[0]).toMatch(/^OK 6 entries, head /);
  });

  it('after a power loss between the cut and its entry: the journal is refused, the rerun records the side file late', async () => {
    const { file, text } = await writeSampleJournal();
    const lines = text.split('\n');
    const fragment = (lines[5] as string).slice(0, -30);
    // On disk as that power loss leaves it: the fragment beside the journal, the journal cut back, no entry.
    const sideFile = `${file}.torn-20261202T102030Z`;
    await writeFile(sideFile, fragment);
    await writeFile(file, lines.slice(0, 5).join('\n') + '\n');
    // journal verify: the entries verify, but the side file they do not record refuses the journal.
    const refused = await run(['journal', 'verify', file]);
    expect(refused.code).toBe(1);
    // Never "OK": the chain verifies, but the journal cannot be used as it lies.
    expect(refused.out[0]).toMatch(
      /^The chain of 5 entries verifies \(head [0-9A-F ]+\), but every step refuses this journal/,
    );
    expect(refused.out.join('\n')).not.toMatch(/^OK /m);
    expect(refused.out[1]).toContain(
      `Beside the journal ${path.basename(file)} lies ${path.basename(sideFile)}: a side file no journal entry records (left by a power loss during a set-aside, or put there by hand)`,
    );
    expect(refused.out[2]).toContain(`keyferry journal set-aside-torn-line "${file}" --operator NAME`);
    const verify = await run(['journal', 'set-aside-torn-line', file, '--operator', 'Ada Lovelace']);
    expect(verify.err).toEqual([]);
    expect(verify.code).toBe(0);
    expect(verify.out[0]).toContain(
      `Recorded ${sideFile}, a side file beside ${file} that the journal did not record (${Buffer.byteLength(fragment)} bytes, SHA-256 `,
    );
    expect(verify.out[0]).toContain(
      'left by a power loss during a set-aside, or put there by hand; it reads as the start of this journal’s next line.',
    );
    expect(verify.out[1]).toContain('event bundle.written');
    expect((await run(['journal', 'verify', file])).out[0]).toMatch(/^OK 6 entries, head /);
  });

  it('says of a recorded side file that does not read as a line of this journal only that, nothing of a cut', async () => {
    const { file } = await writeSampleJournal();
    const planted = `${file}.torn-20261202T090000Z`;
    await writeFile(planted, 'meeting notes, not a journal line');
    const done = await run(['journal', 'set-aside-torn-line', file, '--operator', 'Ada Lovelace']);
    expect(done.err).toEqual([]);
    expect(done.code).toBe(0);
    expect(done.out[0]).toContain('it does NOT read as a line of this journal');
    expect(done.out[1]).toBe(
      `${path.basename(planted)} does not read as a line of this journal, so nothing in it is shown as what a line held.`,
    );
    expect(done.out.join('\n')).not.toContain('the line was cut before it');
  });

  it('of a tail with no event name in it (bytes written there by hand, perhaps) claims no cut, only that none reads in it', async () => {
    const { file, text } = await writeSampleJournal();
    await writeFile(file, `${text}meeting notes, not a journal line`);
    const done = await run(['journal', 'set-aside-torn-line', file, '--operator', 'Ada Lovelace']);
    expect(done.err).toEqual([]);
    expect(done.code).toBe(0);
    const sideFile = (await readdir(path.dirname(file))).find((f) => f.includes('.torn-')) as string;
    expect(done.out[1]).toBe(
      `What the dropped line in ${sideFile} held, as far as it reads: no event name reads in it, no key ID. A journal line never holds key material.`,
    );
    expect(done.out.join('\n')).not.toMatch(/cut before/);
  });

  it('refuses without --operator, on a journal with nothing torn, and on a changed line, changing nothing', async () => {
    const { file, text } = await writeSampleJournal();
    const noOperator = await run(['journal', 'set-aside-torn-line', file]);
    expect(noOperator.code).toBe(1);
    expect(noOperator.err.join('\n')).toContain('--operator');
    const whole = await run(['journal', 'set-aside-torn-line', file, '--operator', 'Ada']);
    expect(whole.code).toBe(1);
    expect(whole.err.join('\n')).toContain('ends with a complete line: there is no incomplete line to set aside');
    const changed = text.replace('"RSA_2048"', '"RSA_4096"').slice(0, -30);
    await writeFile(file, changed);
    const tampered = await run(['journal', 'set-aside-torn-line', file, '--operator', 'Ada']);
    expect(tampered.code).toBe(1);
    expect(tampered.err.join('\n')).toContain('line 4: hash does not match the entry’s content');
    expect(await readFile(file, 'utf8')).toBe(changed);
    expect((await readdir(path.dirname(file))).filter((f) => f.includes('.torn-'))).toEqual([]);
  });
});
