/**
 * Replica groups on the receipts of both sides, from a real ceremony across three simulated
 * regions: each group printed once with its primary and members (region, project), ONE key check
 * value or public-key fingerprint for the group (a replica's own section refers to it instead of
 * repeating it), and on the online receipt the group's proof. Read back from the text twin and
 * from the PDF Chromium prints, in English and Chinese.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCeremonyPlan } from '../../../src-main/core/ceremony/shared/ceremony-plan';
import { groupHex } from '../../../src-main/core/hex-groups';
import { renderReceiptText } from '../../../src-main/core/receipt';
import { sampleKey, sampleReceiptInput } from './fixtures';
import { htmlToPdf } from '../../support/chromium';
import { chromiumPerFile } from '../../helpers/browser';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony/ceremony-fixture';

const REGIONS = { region: 'cn-north-4', regions: [{ region: 'cn-east-3' }, { region: 'ap-southeast-1' }] };

let f: Fixture | undefined;
const browser = chromiumPerFile();
afterEach(async () => {
  await f?.close();
  f = undefined;
});

/** Without white space and hyphens: table cells wrap anywhere, and pdftotext joins a hyphenated line break. */
const squash = (text: string) => text.replace(/[\s-]+/g, '');

async function printed(htmlFile: string): Promise<string> {
  const pdf = htmlFile.replace(/\.html$/, '.pdf');
  await htmlToPdf(await readFile(htmlFile, 'utf8'), pdf, 'A4', browser());
  return squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
}

/** The lines of the text twin's section headed `title` (up to the next heading). */
function section(text: string, title: string): string {
  const start = text.indexOf(`\n${title.toUpperCase()}\n`);
  expect(start, `section ${title}`).toBeGreaterThan(-1);
  const rest = text.slice(start + title.length + 2);
  const next = rest.search(/\n\n[A-Z\u4e00-\u9fff][^\n]*\n-{3,}\n/u);
  return next === -1 ? rest : rest.slice(0, next);
}

describe('replica groups on the receipts', () => {
  it('print each group once with its members, one check value and (online) its proof, in English and Chinese', async () => {
    f = await createFixture({ simulator: REGIONS });
    const others = f.sim.regions.slice(1).map((r) => ({ region: r.region, projectId: r.projectId }));
    const plan = parseCeremonyPlan({
      title: 'Replica receipts',
      operator: 'Ana',
      witnesses: ['Ben'],
      keys: [
        { alias: 'dr/aes', spec: 'AES_256', replicas: others },
        { alias: 'dr/ec', spec: 'EC_P256', replicas: others },
        { alias: 'alone', spec: 'AES_256' },
      ],
    });
    const day1 = await onlineDayOne(f, plan);
    const [aes, ec, alone] = day1.created as [
      (typeof day1.created)[0],
      (typeof day1.created)[0],
      (typeof day1.created)[0],
    ];
    const members = (primary: string) => day1.created.filter((k) => k.keyId === primary || k.replicaOf === primary);
    const places = f.sim.regions.map((r) => [r.region, r.projectId] as const);
    const { out, receipt: airReceipt } = await airGapSide(f, plan, day1.params);

    // Air-gapped receipt: one section per group, the primary first, each member's place.
    const airText = await readFile(airReceipt.textFile, 'utf8');
    const groups = section(airText, 'Replica groups');
    expect(groups).toContain('Replica group 1 (3 keys): dr/aes');
    expect(groups).toContain('Replica group 2 (3 keys): dr/ec');
    expect(groups).not.toContain(alone.keyId);
    const aesLines = groups.slice(groups.indexOf('Replica group 1'), groups.indexOf('Replica group 2'));
    const memberLines = aesLines.split('\n').filter((l) => /^ {6}(primary|replica) /.test(l));
    expect(memberLines.map((l) => l.trim().split(/\s+/))).toEqual(
      members(aes.keyId).map((k, i) => [i === 0 ? 'primary' : 'replica', k.keyId, ...(places[i] as readonly string[])]),
    );
    // The group's one KCV, printed once on the receipt, the one the air-gapped side generated.
    const airJournal = await f.journal('airgap.jsonl');
    const generated = airJournal.entries.filter((e) => e.event === 'material.generated');
    await airJournal.close();
    const kcv = groupHex(String(generated[0]?.data.keyCheckValue));
    expect(aesLines).toContain(kcv);
    expect(airText.split(kcv)).toHaveLength(2);
    // The group's public-key fingerprint is stated once (each member's public_key.der file hash is the same digest).
    const fingerprint = groupHex(String(generated[1]?.data.publicKeyFingerprint)).slice(0, 39);
    expect(airText.match(new RegExp(`Public-key fingerprint \\(SHA-256\\) \\.+ ${fingerprint}`, 'g'))).toHaveLength(1);
    // A replica's own section names its group and primary and refers to the one value.
    const replicaSection = airText.slice(airText.indexOf(members(aes.keyId)[1]?.keyId as string) - 200);
    expect(replicaSection).toMatch(new RegExp(`Replica group \\.+ group 1: a replica of ${aes.keyId}`));
    expect(replicaSection).toMatch(/Region \/ project \.+ cn-east-3 \/ [0-9a-f]{32}/);
    expect(replicaSection).toMatch(/Key check value \.+ the one value of replica group 1/);
    // The air-gapped side proves nothing: no group proof line there.
    expect(groups).not.toContain('Group proof');

    // Online side: import, verify (the groups are proven), receipt in both languages.
    const journal = await f.journal('online.jsonl');
    const online = await f.online(journal, plan);
    await online.connect();
    await online.checkWrappedBundle(out, await receiptDigestOf(out));
    await online.importMaterial();
    await online.verifyKeys();
    const receipts = await mkdtemp(path.join(f.dir, 'online-receipt-'));
    const receipt = await online.writeReceipt(receipts, { language: 'both' });
    await journal.close();
    const text = await readFile(receipt.textFile, 'utf8');
    const [enText, zhText] = text.split(`\n${'='.repeat(78)}\n`) as [string, string];
    const enGroups = section(enText, 'Replica groups');
    expect(enGroups).toMatch(/Group proof \.+ Proven as far as the KMS allows: the 3 members were imported/);
    expect(enGroups).toMatch(/Group proof \.+ Proven after import: get-publickey of each of the 3 members/);
    expect(enGroups).toContain(`primary  ${ec.keyId}  cn-north-4`);
    expect(zhText).toContain('副本组 1（3 个密钥）： dr/aes');
    expect(zhText).toMatch(/副本组证明 \.+ 已在 KMS 允许的范围内证明/);
    expect(zhText).toMatch(/副本组证明 \.+ 导入后已证明/);
    expect(zhText).toContain(`副本组 1：${aes.keyId} 的副本`);

    // The PDF says the same: group titles, members with region and project, the proof, both languages.
    const pdf = await printed(receipt.htmlFile);
    expect(pdf).toContain(squash('REPLICA GROUPS 副本组'));
    for (const [i, k] of members(ec.keyId).entries()) {
      const [region, projectId] = places[i] as readonly [string, string];
      expect(pdf).toContain(squash(`${k.keyId} ${region} ${projectId}`));
    }
    expect(pdf).toContain(squash('Proven after import: get-publickey of each of the 3 members'));
    expect(pdf).toContain(squash('导入后已证明'));
    expect(pdf.split(squash(kcv))).toHaveLength(2);
  });
});

describe('a receipt input with replicas', () => {
  const primary = { ...sampleKey('AES_256', 'online'), place: { region: 'cn-north-4', projectId: 'a'.repeat(32) } };
  const replica = {
    ...sampleKey('AES_256', 'online'),
    keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
    replicaOf: primary.keyId,
    place: { region: 'cn-east-3', projectId: 'b'.repeat(32) },
  };
  const input = (keys: (typeof primary)[]) => ({ ...sampleReceiptInput('online', ['AES_256']), keys });

  it('prints a replica in a round of its own (its primary not on the receipt) as such, with its place', () => {
    const text = renderReceiptText(input([replica]));
    expect(text).toMatch(
      new RegExp(
        `Replica group \\.+ a replica of ${primary.keyId}, which holds the same material and is not in this round \\(a round for this replica alone\\)`,
      ),
    );
    expect(text).toMatch(/Region \/ project \.+ /);
  });

  it('says a replica restored alone is bound to its group’s material, not to material imported into itself', () => {
    // A trial: the replica's import was cut and its token lapsed; the restore for it alone printed "the material
    // first imported into this key (online journal entry 20)", an entry that imported its primary.
    const bound = { matched: true, importedSeq: 20 };
    const text = renderReceiptText(input([{ ...replica, boundMaterial: bound }]));
    expect(text).toMatch(
      /Bound material \.+ Matched: the material its replica group holds, first imported at online journal entry 20 \(into this key or another member\)/,
    );
    expect(text).not.toContain('first imported into this key');
    const zh = renderReceiptText(input([{ ...replica, boundMaterial: bound }]), { language: 'zh-CN' });
    expect(zh).toMatch(/一致：即其副本组所持有的密钥材料，首次导入（导入此密钥或另一成员）见联网日志第 20 条/);
    // A key of no replica group keeps its own words.
    const alone = renderReceiptText({
      ...sampleReceiptInput('online', ['AES_256']),
      keys: [{ ...sampleKey('AES_256', 'online'), boundMaterial: bound }],
    });
    expect(alone).toMatch(
      /Bound material \.+ Matched: the material first imported into this key \(online journal entry 20\)/,
    );
  });

  it('is refused when a replica holds the proof', () => {
    expect(() =>
      renderReceiptText(input([primary, { ...replica, groupProof: { key: 'receipt.replica.proof' } }])),
    ).toThrow(/a group's proof belongs to its primary/);
  });

  it('prints a member holding other material with its own value, and a group without proof as not proven', () => {
    const text = renderReceiptText(input([primary, { ...replica, keyCheckValue: 'abcdef' }]));
    expect(text).toMatch(/DIFFERS for member 0d0466b0-e727-4d9c-b35d-f84bb474a37f \.* +ABCD EF/);
    expect(text).toMatch(/Group proof \.+ NOT PROVEN/);
  });
});
