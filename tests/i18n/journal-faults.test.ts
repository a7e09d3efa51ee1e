/**
 * Why a journal does not verify is a phrase, so a Chinese reader sees it in Chinese: the
 * `journal verify` line, and the refusal to reopen a tampered journal (a phrase inside a problem).
 */
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../src-main/core/journal';
import { toProblem } from '../../src-main/core/errors';
import { translator } from '../../src-main/i18n/translate';
import { keyferry } from '../integration/cli-in-process';
import { englishSentences } from '../cli/english-words';
import { writeSampleJournal } from '../core/journal/sample';

const ZH = { LANG: 'zh_CN.UTF-8', LC_ALL: '' };

describe('journal faults in Chinese', () => {
  it('journal verify names the changed line and why, in Chinese', async () => {
    const { file, text } = await writeSampleJournal();
    await writeFile(file, text.replace('"Alan Turing"', '"Alan Turinh"'));
    const run = await keyferry(['journal', 'verify', file], { cwd: '/', env: ZH });
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      '第 3 行：哈希与条目内容不符：该条目被修改过',
      '此日志从第 3 行起不可信。不要用它继续任何仪式，并原样保留作为证据；请使用工作站写出的日志，或 keyferry journal verify 报告为正常的该日志副本继续。',
    ]);
    const cut = await writeSampleJournal();
    await writeFile(cut.file, cut.text.slice(0, -1));
    const incomplete = await keyferry(['journal', 'verify', cut.file], { cwd: '/', env: ZH });
    expect(incomplete.stdout).toContain('最后一行不完整（末尾没有换行）');
    expect(englishSentences(run.stdout + incomplete.stdout)).toEqual([]);
  });

  it('refuses to reopen a tampered journal with the reason rendered in the reader’s language', async () => {
    const { file, text } = await writeSampleJournal();
    await writeFile(file, text.replace('"RSA_2048"', '"RSA_4096"'));
    const error = await openJournal(file, { create: false }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const problem = toProblem(error);
    expect(problem.code).toBe('JOURNAL_TAMPERED');
    expect(problem.message).toMatch(/line 4: hash does not match the entry’s content/);
    const zh = translator('zh-CN').problem(problem).message;
    expect(zh).toContain('第 4 行：哈希与条目内容不符：该条目被修改过');
    expect(englishSentences(zh)).toEqual([]);
  });
});
