/** The fields zod refused, named by their paths in the input's notation and joined in the reader's language. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldPath, refusedFields } from '../../src-main/i18n/refused-fields';
import { translator } from '../../src-main/i18n/translate';

const schema = z.strictObject({
  keys: z.array(z.strictObject({ spec: z.enum(['AES_256']), alias: z.string().min(1) })),
  custodian: z.string().min(1),
});

describe('refused fields', () => {
  it('names nested fields as the input writes them, each once, unknown fields by their own names, never zod words', () => {
    const parsed = schema.safeParse({
      keys: [
        { spec: 'AES_256', alias: '' },
        { spec: 'DES', alias: 1 },
      ],
      note: 'x',
    });
    if (parsed.success) throw new Error('expected a refusal');
    const doubled = [...parsed.error.issues, ...parsed.error.issues];
    const refused = refusedFields(doubled, 'plan.json');
    expect(refused).toEqual({
      fieldCount: 5,
      fieldsList: JSON.stringify(['keys[0].alias', 'keys[1].spec', 'keys[1].alias', 'custodian', 'note']),
    });
    // As a share file's refusal says them, in each language.
    const values = { file: 'f.json', reason: 'fields', version: '', ...refused };
    expect(translator('en').t('problem.CUSTODY_SHARE_FILE_INVALID', values)).toBe(
      'The share file f.json cannot be used: its fields keys[0].alias, keys[1].spec, keys[1].alias, custodian, note are invalid.',
    );
    expect(translator('zh-CN').t('problem.CUSTODY_SHARE_FILE_INVALID', values)).toBe(
      '无法使用份额文件 f.json：其字段 keys[0].alias、keys[1].spec、keys[1].alias、custodian、note 无效。',
    );
  });

  it('names the input itself when the whole of it is refused', () => {
    expect(fieldPath([], 'token')).toBe('token');
    expect(refusedFields(z.string().safeParse(3).error?.issues ?? [], 'token')).toEqual({
      fieldCount: 1,
      fieldsList: '["token"]',
    });
  });
});
