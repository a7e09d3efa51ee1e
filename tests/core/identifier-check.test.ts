import { describe, expect, it } from 'vitest';
import { KeyferryError } from '../../src-main/core/errors';
import { checkIdentifier } from '../../src-main/core/identifier-check';
import { phraseOf } from '../../src-main/i18n/phrase';
import { translator } from '../../src-main/i18n/translate';

describe('checkIdentifier', () => {
  it('names the value, where it came from and the rule', () => {
    expect(() => checkIdentifier('projectId', 'my_project', '--project-id')).toThrow(KeyferryError);
    expect(() => checkIdentifier('projectId', 'my_project', '--project-id')).toThrow(
      'The project id "my_project" from the option --project-id is not valid: a project id is 32 lower-case hex digits.',
    );
    // Where the value came from is said in the reader's language too (a journal, a config file's field).
    const refusal = (source: Parameters<typeof checkIdentifier>[2]) => {
      try {
        checkIdentifier('region', 'Beijing 4', source);
      } catch (error) {
        return translator('zh-CN').problem(error as KeyferryError).message;
      }
      return 'accepted';
    };
    expect(refusal('--region')).toBe(
      '区域“Beijing 4”（来自选项 --region）无效：区域为 cn-north-4 或 ap-southeast-1 这样的 ID。',
    );
    expect(refusal(phraseOf('credentials.from.journal'))).toContain('区域“Beijing 4”（来自仪式日志）无效');
    expect(refusal(phraseOf('credentials.from.config', { field: 'region', file: 'kms.json' }))).toContain(
      '（来自配置文件 kms.json 中的“region”）',
    );
  });

  it('gives back a valid identifier as it was typed', () => {
    expect(checkIdentifier('projectId', 'a4a5d4098fb4474fa22cd05f897d6b99', '--project-id')).toBe(
      'a4a5d4098fb4474fa22cd05f897d6b99',
    );
    expect(checkIdentifier('region', 'cn-north-4', phraseOf('credentials.from.journal'))).toBe('cn-north-4');
  });
});
