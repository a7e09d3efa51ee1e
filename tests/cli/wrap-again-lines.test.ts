/**
 * What `airgap wrap` says once a repeated wrap is let through (cli/wrap-again-lines.ts): new
 * material is said as new; material that exists already (the token's keys, a file) is never said
 * to be new, nor claimed to be the earlier bundles' own (an HSM trial chose other token objects by
 * label: other material), and the custody sets are said for both cases.
 */
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src-main/cli/command';
import { printWrapAgain } from '../../src-main/cli/wrap-again-lines';
import type { EarlierWrap } from '../../src-main/core/ceremony/airgap/earlier-wraps';

const EARLIER: EarlierWrap = {
  session: 1,
  bundleDigest: 'ab'.repeat(32),
  folder: '/media/usb/wrapped-1',
  receipt: 'receipt-air-gapped-KF-20261206-abcdef-session-1.txt',
  custody: null,
  tokensUntil: '2099-01-01T00:00:00.000Z',
};

/** The custody set of keys k1 and k2 (backup digest 7970 1365 BBBB BBBB…), held by Dana and Eli, their aliases `aliases`. */
function setOfTwo(aliases: ReadonlyMap<string, string> = new Map()): NonNullable<EarlierWrap['custody']> {
  return { backupDigest: `79701365${'b'.repeat(56)}`, custodians: ['Dana', 'Eli'], keyIds: ['k1', 'k2'], aliases };
}

function linesOf(existing: boolean): string {
  const out: string[] = [];
  const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => out.push(l), env: {}, cwd: '/' };
  printWrapAgain(io, [EARLIER], 'reason', 'media lost', { existing, custody: false, fresh: ['k1'] });
  return out.join('\n');
}

describe('printWrapAgain', () => {
  it('material that exists already is neither new nor claimed to be the earlier bundles’', () => {
    const existing = linesOf(true);
    expect(existing).toContain(
      'WARNING: wrapping again (--wrap-again: “media lost”): this session wraps material that exists already (in the HSM token, or the file given), not new material;',
    );
    expect(existing).not.toContain('NEW material');
    expect(existing).not.toContain('they hold the same material');
    expect(existing).toContain('Where this material is the one the earlier bundles hold');
  });

  it('new material is said as new', () => {
    const fresh = linesOf(false);
    expect(fresh).toContain('this session makes NEW material');
    expect(fresh).not.toContain('exists already');
  });

  it('a custody set that also backs a key this session makes no new material for is to be kept, not destroyed', () => {
    const out: string[] = [];
    const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => out.push(l), env: {}, cwd: '/' };
    const custody = setOfTwo();
    printWrapAgain(io, [{ ...EARLIER, custody }], 'reason', 'key 2 import refused', {
      existing: false,
      custody: true,
      fresh: ['k2'],
    });
    const said = out.join('\n');
    expect(said).not.toContain('the custodians of the earlier custody set destroy those shares');
    expect(said).not.toContain('Import one bundle only. Once it is imported');
    expect(said).toContain(
      'KEEP the earlier custody set (backup digest 7970 1365 BBBB BBBB…): it backs keys this session makes no new material for (k1)',
    );
    out.length = 0;
    printWrapAgain(io, [{ ...EARLIER, custody }], 'reason', 'media lost', {
      existing: false,
      custody: true,
      fresh: ['k1', 'k2'],
    });
    expect(out.join('\n')).toContain(
      'the earlier custody set destroy those shares (backup digest 7970 1365 BBBB BBBB…)',
    );
    expect(out.join('\n')).not.toContain('KEEP');
  });

  it('says the earlier shares go only once the keys hold this session’s material, never that the earlier material is not in the KMS', () => {
    const out: string[] = [];
    const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => out.push(l), env: { LANG: 'en' }, cwd: '/' };
    const zhOut: string[] = [];
    const zh: CliIo = { stdout: (l) => zhOut.push(l), stderr: (l) => zhOut.push(l), env: { LANG: 'zh-CN' }, cwd: '/' };
    for (const to of [io, zh])
      printWrapAgain(to, [{ ...EARLIER, custody: setOfTwo() }], 'reason', 'media lost', {
        existing: false,
        custody: true,
        fresh: ['k1', 'k2'],
      });
    const said = out.join('\n');
    // The earlier bundle may be imported already (the KMS then refuses this one): "never be in the KMS" was untrue.
    expect(said).toContain(
      'Once the online workstation shows that the keys hold the material of this session (its import done, its status read), the custodians of the earlier custody set destroy those shares (backup digest 7970 1365 BBBB BBBB…): the earlier material can then never be imported into those keys.',
    );
    expect(said).not.toContain('never be in the KMS');
    expect(zhOut.join('\n')).toContain('联网工作站显示密钥持有本次会话的材料后');
    expect(zhOut.join('\n')).not.toContain('永远不会进入 KMS');
  });

  it('the KEEP line names the keys by alias and key id, as the officer knows them', () => {
    const out: string[] = [];
    const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => out.push(l), env: {}, cwd: '/' };
    const custody = setOfTwo(
      new Map([
        ['k1', 'pay/aes-1'],
        ['k2', 'pay/aes-2'],
      ]),
    );
    printWrapAgain(io, [{ ...EARLIER, custody }], 'reason', 'key 2 import refused', {
      existing: false,
      custody: true,
      fresh: ['k2'],
    });
    expect(out.join('\n')).toContain('it backs keys this session makes no new material for (pay/aes-1 (k1))');
    // In Chinese, with the full-width brackets of the rest of the line.
    const zh: string[] = [];
    const zhIo: CliIo = { stdout: (l) => zh.push(l), stderr: (l) => zh.push(l), env: {}, cwd: '/', locale: 'zh-CN' };
    printWrapAgain(zhIo, [{ ...EARLIER, custody }], 'reason', 'key 2 import refused', {
      existing: false,
      custody: true,
      fresh: ['k2'],
    });
    expect(zh.join('\n')).toContain('本次会话未生成新密钥材料的密钥（pay/aes-1（k1））');
  });

  it('material that exists already for some keys of a custody set never has that set destroyed: it is kept', () => {
    // Key 2 imported the first bundle; key 1's import was refused and key 1 is wrapped again from a file.
    const out: string[] = [];
    const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => out.push(l), env: {}, cwd: '/' };
    const custody = setOfTwo();
    printWrapAgain(io, [{ ...EARLIER, custody }], 'tokensExpired', undefined, {
      existing: true,
      custody: false,
      fresh: ['k1'],
    });
    const said = out.join('\n');
    expect(said).not.toContain('the custody sets of the earlier bundles hold material the KMS will never accept');
    expect(said).toContain(
      'KEEP the earlier custody set (backup digest 7970 1365 BBBB BBBB…): it backs keys this session makes no new material for (k2)',
    );
  });

  it('a kept custody set whose keys the journal does not record says so, not an empty list of keys', () => {
    const out: string[] = [];
    const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => out.push(l), env: {}, cwd: '/' };
    const custody = { backupDigest: 'c'.repeat(64), custodians: ['Dana'], keyIds: [], aliases: new Map() };
    printWrapAgain(io, [{ ...EARLIER, custody }], 'tokensExpired', undefined, {
      existing: false,
      custody: true,
      fresh: ['k1'],
    });
    const said = out.join('\n');
    expect(said).not.toContain('()');
    expect(said).toContain(
      'KEEP the earlier custody set (backup digest CCCC CCCC CCCC CCCC…): this journal does not record which keys it backs (split by an older build)',
    );
  });
});
