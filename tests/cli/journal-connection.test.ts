/**
 * A later online step given another KMS connection than the journal records is refused, naming
 * both values. The loopback simulator is compared without its port (a restarted simulator listens
 * on a new one), and the refusal says so as a catalogue phrase in the reader's language, not the
 * English placeholder `<simulator port>` it once printed.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toProblem } from '../../src-main/core/errors';
import { assertSameConnection } from '../../src-main/cli/journal-connection';
import { writeSampleJournal } from '../core/journal/sample';
import { keyferry } from '../integration/cli-in-process';
import { english, translator } from '../../src-main/i18n/translate';

const PROJECT = 'a4a5d4098fb4474fa22cd05f897d6b99';
const simulator = { endpoint: 'http://127.0.0.1:43117', region: 'cn-north-4', projectId: PROJECT };
const huawei = { endpoint: 'https://kms.cn-north-4.myhuaweicloud.com', region: 'cn-north-4', projectId: PROJECT };

function refusal(run: () => void) {
  try {
    run();
  } catch (error) {
    return toProblem(error);
  }
  throw new Error('expected a refusal');
}

describe('assertSameConnection', () => {
  it('lets a restarted simulator on another port through', () => {
    expect(() =>
      assertSameConnection('j.jsonl', simulator, { ...simulator, endpoint: 'http://127.0.0.1:50001' }),
    ).not.toThrow();
  });

  it('names a recorded simulator endpoint as the simulator in Chinese and English, without a placeholder', () => {
    const problem = refusal(() => assertSameConnection('/media/j.jsonl', simulator, huawei));
    expect(problem.code).toBe('CONNECTION_DIFFERS_FROM_JOURNAL');
    const zh = translator('zh-CN').problem(problem);
    expect(zh.message).toBe(
      '日志 j.jsonl 记录本次仪式的 --endpoint 为 http://127.0.0.1（本工作站上的模拟器，端口以其实际监听的为准），' +
        '但本命令给出的是 https://kms.cn-north-4.myhuaweicloud.com（来自选项 --endpoint）。',
    );
    const en = english.problem(problem);
    expect(en.message).toContain(
      'records --endpoint http://127.0.0.1 (the simulator on this workstation, on whichever port it listens) for this ceremony',
    );
    for (const text of [zh.message, zh.nextStep, en.message, en.nextStep]) expect(text).not.toMatch(/<|port>/);
  });

  it('names a region that differs as it is', () => {
    const problem = refusal(() => assertSameConnection('j.jsonl', huawei, { ...huawei, region: 'ap-southeast-1' }));
    expect(english.problem(problem).message).toContain(
      'records --region cn-north-4 for this ceremony, but this command was given ap-southeast-1 (from the option --region)',
    );
  });
});

describe('the journal a later online step reads its connection from', () => {
  it('is refused first when it does not verify, naming the changed line, not answered with a missing option', async () => {
    const { file, lines } = await writeSampleJournal();
    // One person's name changed in the first entry, as someone with the file could.
    await writeFile(file, [lines[0]?.replace('"system"', '"mallory"'), ...lines.slice(1)].join('\n') + '\n');
    const status = await keyferry(['online', 'status', '--journal', path.basename(file)], { cwd: path.dirname(file) });
    expect(status.code).toBe(1);
    expect(status.stderr).toContain(`The journal ${path.basename(file)} does not verify: line 1: `);
    expect(status.stderr).not.toContain('region is not set');
  });
});
