/**
 * A custody set whose bundle the online side refused once it was read (its import tokens expired
 * by this computer's clock) was never said to back nothing: the refusal journaled no key check
 * values, so the rule that names a replaced set (every key holds other material) never saw it,
 * while the air-gapped side had told custodians "the online workstation says when a custody set
 * backs nothing". The refusal now journals each key's KCV or public-key fingerprint, and once a
 * later wrap of new material is imported, online status names the set as refused and backing
 * nothing, in both languages. Two folders as two machines, the real CLI against the simulator.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { onlineAt } from '../../helpers/cli-sides';
import { journalFileEntries } from '../../helpers/journal-entries';
import { CUSTODY_TWO_OF_TWO, wrapWithSecondSet, wrappedCliCeremony } from './wrapped-cli-ceremony';
import { simAndFolderPerTest } from './sim-folder';

const test = simAndFolderPerTest('kf-cli-refused-set-');

/** The custody set tag in the names of the share files in `folder`. */
async function setTagIn(folder: string): Promise<string> {
  const file = (await readdir(folder)).find((f) => f.startsWith('keyferry-share-')) as string;
  return /-([0-9A-F]{8})-\d+of\d+\.json$/.exec(file)?.[1] as string;
}

it('names the set of a bundle refused for its expired tokens once new material is imported', async () => {
  const c = await wrappedCliCeremony(
    path.join(test.dir(), 'c'),
    test.kms().sim,
    [
      { alias: 'app/aes', spec: 'AES_256' },
      { alias: 'app/rsa', spec: 'RSA_2048' },
    ],
    CUSTODY_TWO_OF_TWO,
  );
  const firstSet = await setTagIn(path.join(c.airgap, 'dana'));
  const { args } = onlineAt(test.kms().sim);
  const on = (words: string[]) => keyferry([...words, ...args], { cwd: c.online, env: c.env });
  // A day later, by this computer and the KMS alike: the first bundle's tokens expired.
  vi.useFakeTimers({ toFake: ['Date'], now: test.kms().sim.clock.now() + 25 * 3600_000, shouldAdvanceTime: true });
  try {
    test.kms().sim.clock.set(Date.now());
    const refused = await keyferry(c.importCommand, { cwd: c.online, env: c.env });
    expect(refused.code).toBe(1);
    const refusal = (await journalFileEntries(c.journal)).at(-1);
    expect(refusal?.event).toBe('wrapped-bundle.refused');
    expect(refusal?.data.code).toBe('IMPORT_TOKEN_EXPIRED');
    expect(refusal?.data.keys).toHaveLength(2);

    // Fresh parameters, new material with a set of its own, imported.
    const params = await on(['online', 'params', '--out', 'params-2']);
    expect(params.code).toBe(0);
    const wrapped = await wrapWithSecondSet(c, params.stdout);
    expect(wrapped.stderr).toBe('');
    expect(wrapped.code).toBe(0);
    const imported = await keyferry(nextCommand(onPrintedMedia(wrapped.stdout)), { cwd: c.online, env: c.env });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`Custody set ${firstSet} (2 of 2 shares, held by Dana, Eli)`);

    const status = await on(['online', 'status']);
    expect(status.stdout).toMatch(
      new RegExp(
        `Custody set ${firstSet} \\(2 of 2 shares, held by Dana, Eli\\), made with the wrapped-material bundle \\S+ refused \\(nothing of it imported\\) at online journal entry ${refusal?.seq}, backs no imported material`,
      ),
    );
    expect(status.stdout).not.toContain(`Custody set ${await setTagIn(path.join(c.airgap, 'dana-2'))}`);
    const zh = await on(['--lang', 'zh-CN', 'online', 'status']);
    expect(zh.stdout).toContain(`托管集 ${firstSet}（2 份中的 2 份份额`);
    expect(zh.stdout).toContain(`随在联网日志条目 ${refusal?.seq} 被拒绝（其中没有任何内容被导入）的已包装密钥材料包`);
  } finally {
    vi.useRealTimers();
  }
}, 120_000);
