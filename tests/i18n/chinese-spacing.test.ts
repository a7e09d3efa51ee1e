/**
 * Chinese sets a Latin word, a number or a path apart from the characters around it by one space, and
 * full-width brackets need none: a path run into the next word ("….jsonl再次运行") reads as one name,
 * and a space after "）" ("（区域 cn-east-3 中的副本） 的导入参数") is a gap in the sentence.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src-main/i18n/translate';
import { phraseOf, phraseValue, phrasesValue } from '../../src-main/i18n/phrase';

const zh = translator('zh-CN');
const replica = phraseOf('online.named-key', {
  alias: 'pay/aes',
  keyId: '30abb61f',
  replica: 'yes',
  region: 'cn-east-3',
});
const primary = phraseOf('online.named-key', { alias: 'pay/aes', keyId: 'd712a419', replica: 'no', region: '' });

describe('Chinese text around paths and full-width brackets', () => {
  it('sets the journal apart from the words after it when a stopped wrap says how to go on', () => {
    const stopped = zh.t('cli.stopped', {
      signal: 'SIGINT',
      step: 'some',
      statePhrase: 'x',
      stepPhrase: 'y',
      seq: 17,
      actor: '赵敏',
      wiped: 0,
      keys: 0,
      materials: 0,
      underWay: 'wrapping',
      withdrawn: 'none',
      handDelete: 'none',
      journal: '/tmp/airgap.jsonl',
      outOption: '--out',
    });
    expect(stopped).toContain('--journal /tmp/airgap.jsonl 再次运行同一命令');
  });

  it('puts no space after a replica’s closing bracket in the fetch line and the split-group refusal', () => {
    expect(zh.t('progress.fetch-parameters', { alias: 'pay/aes', replica: 'yes', region: 'cn-east-3' })).toBe(
      '正在获取 pay/aes（区域 cn-east-3 中的副本）的导入参数',
    );
    expect(zh.t('progress.fetch-parameters', { alias: 'pay/aes', replica: 'no', region: '' })).toBe(
      '正在获取 pay/aes 的导入参数',
    );
    const refusal = zh.t('problem.PARAMETERS_CHOICE_SPLITS_GROUP', {
      keyPhrase: phraseValue(primary),
      count: 1,
      membersListPhrases: phrasesValue([replica]),
    });
    expect(refusal).toContain(
      'pay/aes（d712a419）与其组内 1 个其他成员 pay/aes（30abb61f，位于 cn-east-3 的副本）使用同一',
    );
    // Several members are a list of names (、 / ", "), not clauses (；), which left the verb hanging.
    const two = { keyPhrase: phraseValue(primary), count: 2, membersListPhrases: phrasesValue([replica, replica]) };
    expect(zh.t('problem.PARAMETERS_CHOICE_SPLITS_GROUP', two)).toContain(
      '（30abb61f，位于 cn-east-3 的副本）、pay/aes（30abb61f',
    );
    expect(translator('en').t('problem.PARAMETERS_CHOICE_SPLITS_GROUP', two)).toContain(
      'the replica in cn-east-3), pay/aes (',
    );
  });
  it('sets the keys a status line names apart from the words before them', () => {
    const keys = 'pay/aes（d712a419）、pay/aes（30abb61f，位于 cn-east-3 的副本）';
    const plan = zh.t('online.status.bundle-plan', {
      takes: 1,
      destroy: 0,
      destroyList: '',
      fresh: 2,
      freshKeys: keys,
      command: 'keyferry online params',
    });
    expect(plan).toContain(`没有任何参数包应为 ${keys}包装`);
    const wrap = zh.t('online.status.next-wrap', {
      known: 'live',
      dir: '/media/usb/params-2',
      seq: 35,
      scope: 'some',
      keys: 'pay/rsa4096（c4f36653）',
      until: new Date('2026-12-08T22:44:43Z'),
      tokensBy: 'kms',
      command: 'keyferry online params',
      digest: '331B',
    });
    expect(wrap).toContain('（其中有 pay/rsa4096（c4f36653）的最新导入参数）');
  });
});
