/**
 * The app's connect is held to the KMS connection the ceremony's online journal records, as the
 * command line's is: a review connected the same ceremony to a second region, the journal recorded
 * both, and the next steps failed in the KMS for keys it holds in the first. Through the real router
 * and handlers, against the KMS simulator over real HTTP on 127.0.0.1, in two app sessions (a restart).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import { createHandlers } from '../../../src-main/ipc/handlers/index';
import { CeremonySession } from '../../../src-main/ipc/handlers/session';
import { createIpcRouter } from '../../../src-main/ipc/router';
import { testContext } from '../test-context';

const AK = 'HPUARECORDED0007QZKA';
const SK = 'c2VjcmV0LXJlY29yZGVkLWNvbm5lY3Rpb24tMDEyMw';

let sim: KmsSimulator;
let folder: string;
beforeAll(async () => {
  sim = await startKmsSimulator({ credentials: { ak: AK, sk: SK } });
  folder = await mkdtemp(path.join(os.tmpdir(), 'kf-ipc-recorded-connection-'));
});
afterAll(async () => {
  await sim?.close();
  await rm(folder, { recursive: true, force: true });
});

/** An app session in online mode on the ceremony folder; its `call` answers as the renderer gets them. */
async function appSession() {
  // This computer's clock: the simulator refuses a signature 15 minutes off its time.
  const context = { ...testContext().context, now: () => new Date() };
  const session = new CeremonySession(context, {});
  const router = createIpcRouter(createHandlers(context, { session }), context.log);
  const call = (channel: string, payload?: unknown) => router.route(channel, payload);
  expect((await call('mode.choose', { mode: 'online' })).ok).toBe(true);
  expect((await call('ceremony.setup', { title: 'T', operator: 'Ana', witnesses: ['Ben'], folder })).ok).toBe(true);
  return { call, session };
}

const credentials = { accessKeyId: AK, secretAccessKey: SK };
const connect = (over: Record<string, string> = {}) => ({
  region: sim.region,
  projectId: sim.projectId,
  endpoint: sim.endpoint,
  credentials,
  ...over,
});

describe('online.connect against the connection the journal records', () => {
  it('refuses another region, project or endpoint, in the same session and after a restart; the recorded one connects', async () => {
    const first = await appSession();
    expect(await first.call('online.connect', connect())).toMatchObject({ ok: true });
    const region = await first.call('online.connect', connect({ region: 'ap-southeast-9' }));
    expect(region).toMatchObject({
      ok: false,
      problem: { code: 'CONNECTION_DIFFERS_FROM_JOURNAL_APP', values: { field: 'region', recorded: sim.region } },
    });
    if (region.ok) return;
    expect(region.problem.message).toBe(
      `The journal online-journal.jsonl records the region ${sim.region} for this ceremony, but this connection asks for ap-southeast-9. A ceremony stays on one KMS: its keys, import tokens and imports are there. Nothing was sent or journaled.`,
    );
    await first.session.close();

    // After a restart, on the same folder: the journal's connection still holds.
    const second = await appSession();
    expect(await second.call('online.connect', connect({ projectId: 'f'.repeat(32) }))).toMatchObject({
      ok: false,
      problem: { code: 'CONNECTION_DIFFERS_FROM_JOURNAL_APP', values: { field: 'projectId' } },
    });
    expect(await second.call('online.connect', connect({ endpoint: 'https://kms.example.com' }))).toMatchObject({
      ok: false,
      problem: { code: 'CONNECTION_DIFFERS_FROM_JOURNAL_APP', values: { field: 'endpoint' } },
    });
    expect(await second.call('online.connect', connect())).toMatchObject({ ok: true });
    await second.session.close();
    const journal = await readFile(path.join(folder, 'online-journal.jsonl'), 'utf8');
    const connected = journal
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; data: { region?: string } })
      .filter((e) => e.event === 'kms.connected');
    expect(connected.map((e) => e.data.region)).toEqual([sim.region, sim.region]);
  });
});
