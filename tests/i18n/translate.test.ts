/** The translator: ICU plurals and values, Chinese, the pseudo-locale, problems and progress. */
import { describe, expect, it } from 'vitest';
import { KeyferryError, toProblem } from '../../src-main/core/errors';
import { kmsServiceError } from '../../src-main/core/kms/errors';
import { localeFromEnvironment, matchLocale } from '../../src-main/i18n/locale';
import { translator } from '../../src-main/i18n/translate';
import { utcText } from '../../src-main/i18n/message-formats';

describe('translator', () => {
  it('fills values and picks the plural form in English; Chinese has one form', () => {
    expect(translator('en').t('progress.generated', { count: 1 })).toBe('Generated 1 key');
    expect(translator('en').t('progress.generated', { count: 3 })).toBe('Generated 3 keys');
    expect(translator('zh-CN').t('progress.generated', { count: 3 })).toBe('已生成 3 个密钥');
  });

  it('pseudo-locale marks and accents the text but leaves values alone', () => {
    const text = translator('en-XA').t('progress.write-wrapped-bundle', { dir: '/media/usb/wrapped' });
    expect(text.startsWith('⟦')).toBe(true);
    expect(text.endsWith('⟧')).toBe(true);
    expect(text).toContain('/media/usb/wrapped');
    expect(text).not.toMatch(/Writing/);
  });

  it('renders a coded problem in each language and keeps English on the error itself', () => {
    const error = new KeyferryError('CLI_UNKNOWN_LANGUAGE', { lang: 'fr' });
    expect(error.message).toBe('Keyferry does not speak the language "fr".');
    const problem = error.toProblem();
    expect(problem).toMatchObject({ code: 'CLI_UNKNOWN_LANGUAGE', values: { lang: 'fr' } });
    expect(translator('zh-CN').problem(problem).message).toBe('Keyferry 不支持语言“fr”。');
  });

  it('renders a KMS error code it has no texts for through KMS_SERVICE_UNKNOWN, naming the code', () => {
    const problem = kmsServiceError('KMS.9999', 'Something new.', 400, 'req-1').toProblem();
    expect(problem.code).toBe('KMS.9999');
    expect(problem.message).toBe('The KMS refused the request with KMS.9999 (HTTP 400): "Something new.".');
    const chinese = translator('zh-CN').problem(problem);
    expect(chinese.message).toBe('KMS 以 KMS.9999（HTTP 400）拒绝了请求：“Something new.”。');
    expect(chinese.nextStep).toBe('请在华为云文档中查阅该 KMS 错误码；保留日志。');
    const locked = kmsServiceError('APIGW.0301', 'account locked', 401, undefined).toProblem();
    expect(translator('zh-CN').problem(locked).message).toBe('连续五次签名错误，访问密钥已被锁定。');
  });

  it('names a failed key generation by the library code, never its English sentence', () => {
    const problem = new KeyferryError('KEYGEN_FAILED', {
      spec: 'RSA_4096',
      errorCode: 'ERR_OSSL_BN_BIGNUM_TOO_LONG',
    }).toProblem();
    expect(translator('zh-CN').problem(problem).message).toBe(
      '生成 RSA_4096 密钥材料失败（密码库返回 ERR_OSSL_BN_BIGNUM_TOO_LONG）。',
    );
    const bare = new KeyferryError('KEYGEN_FAILED', { spec: 'EC_P256', errorCode: 'none' }).toProblem();
    expect(bare.message).toBe('Generating EC_P256 key material failed.');
    expect(translator('zh-CN').problem(bare).message).toBe('生成 EC_P256 密钥材料失败。');
  });

  it('shows a problem whose code has no catalogue entry yet in its English texts', () => {
    const legacy = new KeyferryError('SOMETHING_OLD', 'It broke.', 'Try again.').toProblem();
    expect(translator('zh-CN').problem(legacy)).toEqual({ message: 'It broke.', nextStep: 'Try again.' });
  });

  it('renders a refusal journaled before a select was added in the reader’s language, without the clause added', () => {
    // PREFLIGHT_SAME_FOLDER as builds before 2026-12-07 journaled it: no otherRole, other or otherIndex.
    const stored = { code: 'PREFLIGHT_SAME_FOLDER', values: { role: 'bundle', index: 0, folder: '/m/w' } };
    const older = { ...stored, message: 'The stored English text.', nextStep: 'Stored next step.' };
    expect(translator('zh-CN').problem(older).message).toBe(
      '已包装密钥材料包文件夹 /m/w 同时被用于另一用途。未生成任何内容。',
    );
    expect(translator('en').problem(older).message).toBe(
      'The wrapped-material bundle folder /m/w is also given for another purpose. Nothing was generated.',
    );
    const now = { ...older, values: { ...stored.values, otherRole: 'custodian', otherIndex: 2, other: '/m/c2' } };
    expect(translator('en').problem(now).message).toContain(
      'is also given for another purpose: it is the same folder as the folder of custodian 2, /m/c2. Nothing',
    );
  });

  it('renders a same-volume refusal journaled before custodians were named by number only, and names them now', () => {
    // PREFLIGHT_SAME_VOLUME as builds before 2026-12-08 journaled it: no named, firstCustodian or secondCustodian.
    const values = { first: 1, firstFolder: '/m/c1', second: 2, secondFolder: '/m/c2', command: 'wrap' };
    const older = { code: 'PREFLIGHT_SAME_VOLUME', values, message: 'Stored.', nextStep: 'Stored next step.' };
    expect(translator('en').problem(older).message).toBe(
      'The folders of custodian 1 (/m/c1) and custodian 2 (/m/c2) are on the same volume: one lost or copied drive would carry two shares. Nothing was generated.',
    );
    expect(translator('zh-CN').problem(older).message).toContain(
      '保管人 1 的文件夹（/m/c1）与保管人 2 的文件夹（/m/c2）位于同一卷',
    );
    const named = { ...values, named: 'yes', firstCustodian: 'Dana', secondCustodian: 'Eli' };
    expect(translator('en').problem({ ...older, values: named }).message).toContain(
      'The folders of custodian 1 (Dana), /m/c1, and custodian 2 (Eli), /m/c2, are on the same volume',
    );
    expect(translator('zh-CN').problem({ ...older, values: named }).message).toContain(
      '保管人 1（Dana）的文件夹 /m/c1 与保管人 2（Eli）的文件夹 /m/c2 位于同一卷',
    );
    // PREFLIGHT_ON_TRANSFER_MEDIA likewise: journaled by number only before, by name now.
    const transfer = { code: 'PREFLIGHT_ON_TRANSFER_MEDIA', values: { index: 1, folder: '/t/c1', bundle: '/t/w' } };
    expect(translator('en').problem({ ...transfer, message: '', nextStep: '' }).message).toContain(
      'The folder of custodian 1 (/t/c1) is on the same volume as the wrapped-material bundle (/t/w)',
    );
  });

  it('takes a select added later as absent only in the messages it was added to, never in another', () => {
    // `kind` was added to REPLICA_GROUP_NOT_PROVEN after journals held it; WRAPPED_MATERIAL_NOT_THE_IMPORTED
    // always had it: one stored without it is a fault, said as its stored text, never as a KCV by default.
    const values = { alias: 'app/rsa', keyId: 'k1', held: 'AA', bound: 'BB', seq: 4, sameParameters: 'no' };
    const stored = { code: 'WRAPPED_MATERIAL_NOT_THE_IMPORTED', values, message: 'Stored text.', nextStep: 'Stored.' };
    expect(translator('en').problem(stored).message).toBe('Stored text.');
    const withKind = { ...stored, values: { ...values, kind: 'publicKey' } };
    expect(translator('en').problem(withKind).message).toContain('public-key fingerprint AA here');
  });

  it('says in the reader’s language a refusal or reason an older build journaled before its select was added', () => {
    // As each was journaled before `kind`, `named` or `at` was added to it: every other value is there.
    const older = (code: string, values: Record<string, string | number>) => ({
      code,
      values,
      message: 'EN',
      nextStep: 'EN',
    });
    const zh = translator('zh-CN');
    const witness = { witness: 'Ben', folder: '/m/params-2', other: 'AAAA', bundleCeremony: 'same' };
    expect(zh.problem(older('WITNESS_TYPED_OTHER_BUNDLE', witness)).message).toContain('Ben 输入的是 /m/params-2');
    const slip = { count: 1, groupsList: '3', dir: '/m/p', typedList: '0A1B' };
    expect(zh.problem(older('BUNDLE_DIGEST_SLIP', slip)).message).toContain('要么这不是所输入摘要对应的包');
    expect(zh.problem(older('BUNDLE_DIGEST_MISMATCH', { count: 9, dir: '/m/p' })).nextStep).toContain('请勿使用此包');
    const volume = { index: 1, folder: '/c1', on: 'home', place: '/home', command: 'wrap' };
    expect(zh.problem(older('CUSTODIAN_ON_WORKSTATION_VOLUME', volume)).message).toContain('保管人 1 的文件夹（/c1）');
    const other = { journal: 'a.jsonl', recorded: 'KF-1', ceremonyId: 'KF-2' };
    expect(zh.problem(older('AIRGAP_JOURNAL_OTHER_CEREMONY', other)).message).toContain(
      '日志 a.jsonl 记录的是仪式 KF-1',
    );
    const notThe = {
      source: 'x',
      folder: '/w',
      named: 'a.jsonl',
      namedFirstEntry: 'E',
      mismatch: 'x',
      journal: 'b.jsonl',
    };
    expect(zh.problem(older('AIRGAP_JOURNAL_NOT_THE_CEREMONYS', notThe)).message).toContain('无人键入过任何内容');
    const kept = {
      ...{ count: 1, last: 2, fresh: 'yes', custodySets: 1, destroy: 0, backupsList: '', kept: 1 },
      ...{ keptList: 'AB12', keysList: 'k1' },
    };
    expect(zh.message({ key: 'journal.reason.wrap-repeated-kept', values: kept })).toContain('必须保留');
  });

  it('wraps unexpected errors as INTERNAL with the detail as a value', () => {
    const problem = toProblem(new Error('boom'));
    expect(problem).toMatchObject({
      code: 'INTERNAL',
      message: 'Unexpected failure: boom',
      values: { detail: 'boom' },
    });
    expect(translator('zh-CN').problem(problem).message).toBe('意外故障：boom');
  });

  it('renders progress from its code, or its English line when it has none', () => {
    expect(translator('zh-CN').progress({ message: 'x', code: 'wrap-key', values: { n: 2, total: 3 } })).toBe(
      '正在包装密钥（第 2 个，共 3 个）',
    );
    expect(translator('zh-CN').progress({ message: 'Plain old line' })).toBe('Plain old line');
  });

  it('prints UTC the same in every language', () => {
    expect(utcText(Date.UTC(2026, 10, 30, 18, 56, 15))).toBe('2026-11-30 18:56:15 UTC');
  });

  it("prints a message's {at, date, utc} ISO-like in English and in the year-month-day form in Chinese, never US-style", () => {
    const now = Date.UTC(2026, 11, 1, 1, 5, 9);
    expect(translator('en').t('kms-sim.clock.moved', { now, offset: '1d 1h 0m', direction: 'ahead' })).toBe(
      'Simulator time: 2026-12-01 01:05 UTC (1d 1h 0m ahead of this computer).',
    );
    expect(translator('zh-CN').t('kms-sim.clock.moved', { now, offset: '1d 1h 0m', direction: 'ahead' })).toBe(
      '模拟器时间：2026年12月1日 01:05 UTC（比本机快 1d 1h 0m）。',
    );
    expect(translator('en-XA').t('kms-sim.clock.moved', { now, offset: '1d', direction: 'ahead' })).toContain(
      '2026-12-01 01:05 UTC',
    );
    // Other date styles and numbers still go through Intl.
    expect(translator('en').t('progress.generated', { count: 2 })).toBe('Generated 2 keys');
  });
});

describe('locale', () => {
  it('maps OS and environment tags onto the catalogues', () => {
    expect(matchLocale('zh_CN.UTF-8')).toBe('zh-CN');
    expect(matchLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(matchLocale('en_US.UTF-8')).toBe('en');
    expect(matchLocale('C')).toBeUndefined();
    expect(localeFromEnvironment({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnvironment({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnvironment({})).toBe('en');
  });
});
