/**
 * `online import` of a bundle that would give a replica never imported other material than its
 * group already holds, once the KMS's clock (ahead of this computer's) has passed the import token
 * of the first wrap, the one the primary took: the refusal never sends the officer back to that
 * first wrap, which the KMS would refuse as expired, but to new parameters for the replica and the
 * custody restore, in English and Chinese. Whether the KMS said so itself (KMS.2601, to the
 * replica's import of that wrap: online import then refuses that wrap before sending,
 * WRAPPED_TOKENS_REFUSED_BEFORE) or its newer parameters show it. Two folders as two machines, one
 * simulator serving two regions over real HTTP, its clock moved forward.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { keyferry } from '../../integration/cli-in-process';
import { replicaRefusedBesideWrapAgain } from './wrapped-replica-group';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-group-material-expired-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * The primary imported from the first wrap, the replica's import refused by its region; a wrap again
 * (fresh material) carrying the replica alone; then the KMS's clock 25 hours on and `lapse` run
 * (what shows the online side that the first wrap's tokens expired: the replica's import of it
 * again, refused, or parameters fetched for it since). Returns the refusal of the
 * wrap again, in English and Chinese, and the first wrap's import words and folder.
 */
async function offeredAfterLapse(lapse: 'refused' | 'newer-parameters') {
  const sim = await startKmsSimulator({ regions: [{ region: 'sim-local-2' }] });
  try {
    await mkdir(path.join(dir, lapse));
    const { online, env, on, replicaId, importWords, offered, bundleAt } = await replicaRefusedBesideWrapAgain(
      path.join(dir, lapse),
      sim,
    );
    // The KMS's clock passes the first tokens' expiry; this computer's does not.
    sim.clock.advance(25 * 3_600_000);
    const shown =
      lapse === 'refused'
        ? await keyferry(importWords, { cwd: online, env })
        : await on(['online', 'status']).then(() =>
            on(['online', 'params', '--out', 'params-2', '--key-id', replicaId]),
          );
    expect(shown.code).toBe(lapse === 'refused' ? 1 : 0);

    const sent = sim.importRequestCount(replicaId);
    const en = await keyferry(offered, { cwd: online, env });
    const zh = await keyferry(['--lang', 'zh-CN', ...offered], { cwd: online, env });
    expect(sim.importRequestCount(replicaId)).toBe(sent);
    const firstDir = path.resolve(online, importWords[bundleAt] as string);
    const first = await keyferry(importWords, { cwd: online, env });
    return { en, zh, first, firstDir, replicaId, sent, sentAfter: sim.importRequestCount(replicaId) };
  } finally {
    await sim.close();
  }
}

function expectParamsRoute(r: Awaited<ReturnType<typeof offeredAfterLapse>>): void {
  for (const refused of [r.en, r.zh]) {
    expect(refused.code).toBe(1);
    expect(refused.stderr).not.toContain(`--bundle ${r.firstDir}`);
    expect(refused.stderr).toContain(`keyferry online params --key-id ${r.replicaId}`);
  }
}

describe('online import of other material for a replica once the first wrap’s tokens expired by the KMS’s clock', () => {
  it('names new parameters and a restore, not the first wrap, after the KMS refused that wrap’s token (KMS.2601)', async () => {
    const r = await offeredAfterLapse('refused');
    expectParamsRoute(r);
    // The way the refusal named before: refused again before anything is sent.
    expect(r.first.code).toBe(1);
    expect(r.sentAfter).toBe(r.sent);
  }, 180_000);

  it('names new parameters and a restore, not the first wrap, when newer parameters show the KMS’s clock past its token', async () => {
    expectParamsRoute(await offeredAfterLapse('newer-parameters'));
  }, 180_000);
});
