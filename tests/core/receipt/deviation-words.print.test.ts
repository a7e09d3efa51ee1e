/**
 * Deviations in the receipt's language, on paper. A ceremony is run for real (simulator, bundles,
 * journals): the air-gapped side is stopped by a signal through the CLI's own stop handling, a live
 * network is allowed by override, custody shares go to one volume by override, the finished wrap is
 * repeated, and online a key the KMS reports Disabled fails its proof. Its zh-CN receipts, printed
 * by Chromium to PDF and read back with pdftotext, say every one of these in Chinese: no English
 * summary, no KMS state name, no journal field name, no ISO 'T…Z' time, hex grouped in upper case.
 * The English receipt says the same in English, and a journal written before these were codes
 * (English summaries, state names) still prints in Chinese.
 */
import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCeremonyJournal } from '../../../src-main/cli/ceremony-journal';
import { listenForStops } from '../../../src-main/cli/interrupts';
import { AirGapCeremony } from '../../../src-main/core/ceremony/airgap/workflow';
import { groupHexLines } from '../../../src-main/core/hex-groups';
import { openJournal, type JournalEntry } from '../../../src-main/core/journal';
import { receiptDeviations } from '../../../src-main/core/receipt/deviation-facts';
import type { ReceiptLanguage } from '../../../src-main/core/receipt/language';
import { renderReceiptHtml } from '../../../src-main/core/receipt/render-html';
import { renderReceiptText } from '../../../src-main/core/receipt/render-text';
import type { ReceiptInput } from '../../../src-main/core/receipt/types';
import { printerPerFile } from '../../helpers/browser';
import { LIVE_WLAN } from '../../helpers/workstation';
import { APP, OFFLINE, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony/ceremony-fixture';
import { confirmEveryWitness } from '../ceremony/witness-helpers';
import { sampleReceiptInput } from './fixtures';

const OUT = path.resolve('test-results/receipts');
const printer = printerPerFile(OUT);
let f: Fixture;
let airEntries: JournalEntry[];
let onlineEntries: JournalEntry[];
let firstBundleDigest: string;

/** The English (and journal-field) words no zh-CN Deviations section may hold. */
const ENGLISH_LEFT = [
  'Custody shares were written',
  'WARNING',
  'network present',
  'between journaled steps',
  'between-steps',
  'Disabled',
  'Pending import',
  'bundleDigest',
  'keyState',
  'wipedKeys',
  'summary',
];
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d/;

async function pdfText(html: string, name: string): Promise<string> {
  const pdf = path.join(OUT, `${name}.pdf`);
  await printer.print(html, pdf, 'A4');
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
}

/** A receipt of `entries`' deviations (the rest from the receipt fixture), printed to PDF and read back, spaces removed. */
async function printed(entries: readonly JournalEntry[], language: ReceiptLanguage, name: string): Promise<string> {
  const input: ReceiptInput = { ...sampleReceiptInput('online', ['AES_256']), deviations: receiptDeviations(entries) };
  const text = await pdfText(renderReceiptHtml(input, { language }), name);
  return text.replace(/\s+/g, '');
}

beforeAll(async () => {
  f = await createFixture();
  const plan = f.plan(['AES_256']);
  const people = { title: plan.title, operator: plan.operator, witnesses: plan.witnesses };
  const { params } = await onlineDayOne(f, plan);
  const start = { ...people, app: APP, receiptLanguage: 'zh-CN' as const };

  // Attempt 1, through the CLI's journal: a live network allowed by override, then Ctrl-C between steps.
  // Signals as the process would deliver them, to the CLI's own stop handling.
  const signals = new EventEmitter() as EventEmitter & Pick<NodeJS.Process, 'on'>;
  const interrupts = listenForStops(
    signals,
    () => undefined,
    () => '',
    () => undefined,
  );
  // Stop handlers run newest first: this one, registered before the journal's, runs after it.
  const handled = new Promise<void>((resolve) => interrupts.onStop(async () => resolve()));
  const cliJournal = await openCeremonyJournal(f.dir, 'airgap.jsonl', true, { interrupts, env: {}, locale: 'zh-CN' });
  const first = await AirGapCeremony.start({ journal: cliJournal, ...start, interfaces: LIVE_WLAN });
  await first.checkNetwork({ allowNetwork: true });
  signals.emit('SIGINT');
  await handled;

  // Attempts 2 and 3: offline; custody shares on one volume (override); then the finished wrap repeated.
  const airJournal = await openJournal(path.join(f.dir, 'airgap.jsonl'), { create: false });
  for (const attempt of [2, 3]) {
    const air = await AirGapCeremony.start({ journal: airJournal, ...start, interfaces: OFFLINE });
    await air.checkNetwork();
    await air.readParametersBundle(params);
    await confirmEveryWitness(air, [...plan.witnesses], params);
    const wrapped = path.join(f.dir, `wrapped-${attempt}`);
    const receipts = path.join(f.dir, `air-receipt-${attempt}`);
    await fs.mkdir(receipts);
    await fs.mkdir(path.join(f.dir, `shares-${attempt}`));
    const shares = [path.join(f.dir, `shares-${attempt}`, 'a'), path.join(f.dir, `shares-${attempt}`, 'b')];
    await air.preflight(
      { wrappedBundle: wrapped, receiptFolder: receipts, custodianFolders: shares, allowSameVolume: true },
      // Attempt 3 wraps again while attempt 2's bundle can still be imported: the officer's reason.
      attempt === 3 ? { wrapAgain: '第一套移动存储介质已损坏' } : {},
    );
    await air.generateMaterial();
    await air.splitCustody({ m: 2, n: 2, custodians: ['赵敏', '钱磊'], folders: shares, allowSameVolume: true });
    await air.wrap();
    const bundle = await air.writeWrappedBundle(wrapped);
    await air.writeReceipt(receipts);
    if (attempt === 2) firstBundleDigest = bundle.manifestSha256;
  }
  airEntries = [...airJournal.entries];
  await airJournal.close();

  // Online: the last bundle imported; the KMS then reports the key Disabled, so its proof fails.
  const onlineJournal = await f.journal('online.jsonl');
  const online = await f.online(onlineJournal, plan);
  await online.connect();
  const last = path.join(f.dir, 'wrapped-3');
  await online.checkWrappedBundle(last, await receiptDigestOf(last));
  const [imported] = await online.importMaterial();
  await f.kms.disableKey(imported?.keyId as string);
  await online.verifyKeys();
  onlineEntries = [...onlineJournal.entries];
}, 240_000);

afterAll(async () => {
  await f?.close();
});

describe('deviations on a zh-CN receipt', () => {
  it('journals codes and values, never an English summary or a KMS state inside a sentence', () => {
    const events = airEntries.map((e) => e.event);
    for (const event of [
      'ceremony.interrupted',
      'warning.network-allowed',
      'warning.custody-same-volume',
      'wrap.repeated',
    ])
      expect(events).toContain(event);
    const stop = airEntries.find((e) => e.event === 'ceremony.interrupted');
    expect(stop?.data).toEqual({ signal: 'SIGINT', stop: 'between-steps', sessionSeq: expect.any(Number) });
    for (const e of airEntries.filter((x) => x.event.startsWith('warning.')))
      expect(e.data).not.toHaveProperty('summary');
    const failed = onlineEntries.find((e) => e.event === 'key.verify-failed');
    expect(failed?.data.proof).toEqual({ key: 'proof.key.notEnabled', values: { state: '3' } });
  });

  it('prints every one of them in Chinese: no English, no raw state, no ISO time, hex in upper-case groups', async () => {
    const text = await printed([...airEntries, ...onlineEntries], 'zh-CN', 'deviation-words-zh');
    const deviations = text.slice(text.indexOf('偏差：'), text.indexOf('封印：按每组四位朗读'));
    expect(deviations.length).toBeGreaterThan(100);
    for (const said of [
      '已通过覆盖允许存在活动网络；处于活动状态的接口：wlan0IPv410.1.2.3。',
      '已通过覆盖将保管份额写入同一卷上的文件夹',
      // The next attempt's first entry closes the stopped session: nothing was journaled after the stop.
      '在已记录的步骤之间停止：本条目之前记入日志为已完成的步骤均已完成（仅记入为已开始的步骤，例如正在发送的导入，可能未完成）。被停止的会话在本条目之后没有记入任何步骤（其后的条目属于之后的运行）。正在进行的KMS调用仍可能已生效而未记入日志',
      'describe-key显示密钥状态为“禁用”，而不是“启用”',
      '密钥状态：禁用',
      '信号：SIGINT',
      '已包装密钥材料包摘要：',
    ])
      expect(deviations).toContain(said);
    // wrap.repeated names the earlier bundle by its digest, grouped in upper case as everywhere.
    expect(deviations).toContain((groupHexLines(firstBundleDigest)[0] ?? '').replace(/\s+/g, ''));
    expect(deviations).not.toContain(firstBundleDigest.slice(0, 16));
    for (const english of ENGLISH_LEFT) expect(deviations).not.toContain(english.replace(/\s+/g, ''));
    expect(deviations).not.toMatch(ISO_TIME);
  });

  it('prints the same deviations in English on an English receipt', async () => {
    const text = await printed([...airEntries, ...onlineEntries], 'en', 'deviation-words-en');
    for (const said of [
      'Alivenetworkwasallowedbyoverride;interfacesup:wlan0IPv410.1.2.3.',
      'Custodyshareswerewrittentofoldersononevolumebyoverride',
      'Stoppedbetweenjournaledsteps:everystepjournaledasdonebeforethisentryisdone(onejournaledonlyasbegun,suchasanimportbeingsent,maynotbe).Nothingofthestoppedsessionwasjournaledafterit(whatfollowsisalaterrun).AKMScallunderwaymaystillhavetakeneffectwithoutanentry',
      'describe-keysaysthekeyisDisabled,notEnabled',
      'Keystate:Disabled',
    ])
      expect(text).toContain(said);
    expect(text).not.toContain('betweenjournaledsteps;');
    expect(text).not.toMatch(ISO_TIME);
  });

  it('a journal written before these were codes still prints in Chinese', async () => {
    const journal = await openJournal(path.join(f.dir, 'older.jsonl'), { create: true });
    await journal.append('李娜', 'warning.network-allowed', {
      summary: 'WARNING: network present and allowed by override: wlan0 10.1.2.3.',
      interfaces: ['wlan0 IPv4 10.1.2.3'],
    });
    await journal.append('李娜', 'warning.custody-same-volume', {
      summary: 'Custody shares were written to folders on one volume; move each folder to its own custodian media.',
    });
    await journal.append('李娜', 'key.verify-failed', {
      keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
      keyState: 'Pending import',
      proof: { key: 'proof.key.notEnabled', values: { state: 'Pending import' } },
      publicKeyFingerprint: null,
    });
    await journal.append('system', 'ceremony.interrupted', { signal: 'SIGINT', state: 'between journaled steps' });
    const older = [...journal.entries];
    await journal.close();
    const zh = await printed(older, 'zh-CN', 'deviation-words-older-zh');
    for (const said of [
      '在已记录的步骤之间停止',
      '已通过覆盖允许存在活动网络',
      '已通过覆盖将保管份额写入同一卷上的文件夹',
      'describe-key显示密钥状态为“等待导入”，而不是“启用”',
      '密钥状态：等待导入',
    ])
      expect(zh).toContain(said);
    for (const english of ENGLISH_LEFT) expect(zh).not.toContain(english.replace(/\s+/g, ''));
    // The text twin says the same.
    const twin = renderReceiptText(
      { ...sampleReceiptInput('online', ['AES_256']), deviations: receiptDeviations(older) },
      { language: 'zh-CN' },
    ).replace(/\s+/g, '');
    expect(twin).toContain('describe-key显示密钥状态为“等待导入”，而不是“启用”');
    expect(twin).not.toContain('Pendingimport');
    // When and who, set apart by a Chinese comma (a trial read "UTC, Ana Lima").
    expect(twin).toMatch(/UTC），\S/);
    expect(twin).not.toMatch(/UTC\),/);
  });
});
