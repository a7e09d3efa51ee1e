/**
 * The ceremony channels end to end through the real router and handlers (no browser): a whole
 * rehearsal (online side, air-gapped side, online again) for AES_256 and EC_P256, then the IPC
 * audit over every answer and progress event against the material the workflow really held.
 * Also the refusals a user meets when a step is used in the wrong mode or place.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_SPECS, WRAPPING_ALGORITHMS } from '../../src-main/core/crypto/key-spec';
import { keySpecSchema, wrappingAlgorithmSchema } from '../../src-main/ipc/schemas/common';
import { auditPayloads, secretForms } from '../ui/audit';
import { createRecordedIpc, type RecordedIpc } from '../ui/ipc-recorder';

type Answer =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; problem: { code: string; message: string; nextStep: string } };

async function call(ipc: RecordedIpc, channel: string, payload?: unknown): Promise<Answer> {
  return (await ipc.route(channel, payload)) as Answer;
}

async function value<T = Record<string, unknown>>(ipc: RecordedIpc, channel: string, payload?: unknown): Promise<T> {
  const answer = await call(ipc, channel, payload);
  if (!answer.ok) throw new Error(`${channel} failed: ${answer.problem.code} ${answer.problem.message}`);
  return answer.value as T;
}

describe('contract mirrors the core', () => {
  it('lists the same key specs and wrapping algorithms as the crypto engine', () => {
    expect(keySpecSchema.options).toEqual([...KEY_SPECS]);
    expect(wrappingAlgorithmSchema.options).toEqual([...WRAPPING_ALGORITHMS]);
  });
});

describe('a rehearsal through the ceremony channels', () => {
  let dir: string;
  let ipc: RecordedIpc;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ipc-audit-'));
    ipc = createRecordedIpc();
  });
  afterAll(async () => {
    await ipc.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses ceremony steps before a mode is chosen', async () => {
    const answer = await call(ipc, 'ceremony.setup', { title: 'T', operator: 'Ana', witnesses: ['Ben'] });
    expect(answer).toMatchObject({ ok: false, problem: { code: 'MODE_NOT_CHOSEN' } });
  });

  it('runs both sides and imports, verifies and writes both receipts', async () => {
    await value(ipc, 'mode.choose', { mode: 'rehearsal' });
    expect(await call(ipc, 'ceremony.setup', { title: 'Audit', operator: 'Ana', witnesses: ['Ana'] })).toMatchObject({
      ok: false,
      problem: { code: 'CEREMONY_PEOPLE_INVALID', values: { reason: 'same' } },
    });
    const setup = await value<{ folder: string }>(ipc, 'ceremony.setup', {
      title: 'Audit rehearsal',
      operator: 'Ana',
      witnesses: ['Ben'],
      folder: dir,
    });
    expect(setup.folder).toBe(dir);
    const connection = await value(ipc, 'rehearsal.start');
    expect(connection).toMatchObject({ rehearsal: true, step: 'new', accessKeyHint: null });

    await value(ipc, 'online.create-keys', {
      keys: [
        { alias: 'audit/aes', spec: 'AES_256' },
        { alias: 'audit/ec', spec: 'EC_P256' },
      ],
    });
    const listed = await value<{ keys: { inCeremony: boolean; stateName: string }[] }>(ipc, 'online.list-keys', {
      filter: 'pending-import',
    });
    expect(listed.keys.filter((k) => k.inCeremony)).toHaveLength(2);
    const issued = await value<{ keys: { wrappingKeyFingerprintGrouped: string }[] }>(ipc, 'online.fetch-parameters');
    const params = await value<{
      dir: string;
      folderName: string;
      manifestSha256: string;
      manifestSha256Grouped: string;
    }>(ipc, 'online.write-parameters', { folder: dir });
    expect(params.folderName).toMatch(/^import-parameters-/);

    expect(await value(ipc, 'airgap.check-network')).toMatchObject({ state: 'offline', overridden: false });
    const overview = await value<{
      confirmations: { kind: string; shown: string | null; fingerprints: { grouped: string }[] }[];
    }>(ipc, 'airgap.read-bundle', { folder: params.dir });
    // One value for the witness to type, the bundle digest: not sent to the screen before it was typed.
    expect(overview.confirmations).toHaveLength(1);
    expect(overview.confirmations[0]?.kind).toBe('import-parameters-bundle');
    expect(overview.confirmations[0]?.shown).toBeNull();
    expect(JSON.stringify(overview)).not.toContain(params.manifestSha256);
    expect(overview.confirmations[0]?.fingerprints.map((f) => f.grouped).sort()).toEqual(
      issued.keys.map((k) => k.wrappingKeyFingerprintGrouped).sort(),
    );
    expect(await call(ipc, 'airgap.generate')).toMatchObject({
      ok: false,
      problem: { code: 'CEREMONY_STEP_OUT_OF_ORDER' },
    });
    const confirmed = await value<{ confirmed: { shown: string }; remaining: number }>(
      ipc,
      'airgap.confirm-as-witness',
      { witness: 'Ben', typed: params.manifestSha256Grouped.toLowerCase() },
    );
    expect(confirmed).toMatchObject({ remaining: 0, confirmed: { shown: params.manifestSha256Grouped } });
    expect(await call(ipc, 'airgap.generate')).toMatchObject({ ok: false, problem: { code: 'PREFLIGHT_REQUIRED' } });
    await value(ipc, 'airgap.preflight', { folder: dir });
    const material = await value<{ keys: { keyCheckValue: string | null; publicKeyFingerprint: string | null }[] }>(
      ipc,
      'airgap.generate',
    );
    expect(material.keys).toHaveLength(2);
    await value(ipc, 'airgap.wrap');
    const wrapped = await value<{ dir: string; manifestSha256Grouped: string }>(ipc, 'airgap.write-bundle');
    const airReceipt = await value<{ text: string; htmlFile: string }>(ipc, 'airgap.receipt');
    expect(airReceipt.htmlFile).toMatch(/^receipt-air-gapped-/);

    const checked = await value<{ keys: unknown[] }>(ipc, 'online.check-wrapped', {
      folder: wrapped.dir,
      expectedDigest: wrapped.manifestSha256Grouped,
      digestSource: 'air-gapped-receipt',
    });
    expect(checked.keys).toHaveLength(2);
    await value(ipc, 'online.import', { expiry: { kind: 'never' } });
    const verified = await value<{ allVerified: boolean }>(ipc, 'online.verify');
    expect(verified.allVerified).toBe(true);
    const onlineReceipt = await value<{ text: string; journalHead: string }>(ipc, 'online.receipt');
    expect(onlineReceipt.text).toContain('Audit rehearsal (REHEARSAL)');
    expect(onlineReceipt.text.replace(/\s/g, '').toLowerCase()).toContain(onlineReceipt.journalHead);
    expect(await value(ipc, 'receipt.view', { side: 'online' })).toMatchObject({ side: 'online' });
    const journal = await value<{ intact: boolean; entries: { event: string }[] }>(ipc, 'journal.view', {
      side: 'online',
    });
    expect(journal.intact).toBe(true);
    expect(journal.entries.map((e) => e.event)).toContain('key.imported');
    expect(await call(ipc, 'receipt.print', { side: 'online' })).toMatchObject({
      ok: false,
      problem: { code: 'DESKTOP_UNAVAILABLE' },
    });
  });

  it('never let material, its key check value source or the simulator secret cross IPC', () => {
    expect(ipc.secrets.length).toBe(2);
    const payloads = [
      ...ipc.calls.map((c, i) => ({ where: `${i}:${c.channel} answer`, value: c.response })),
      ...ipc.events.map((e, i) => ({ where: `event ${i}`, value: e })),
    ];
    expect(auditPayloads(payloads, ipc.secrets)).toEqual([]);
    const sim = ipc.simulator();
    expect(sim).toBeDefined();
    expect(JSON.stringify(payloads)).not.toContain(sim?.sk);
    expect(ipc.events.map((e) => e.stage)).toEqual(
      expect.arrayContaining(['generate-material', 'wrap', 'write-bundle']),
    );
  });

  it('the audit detector finds a leak in any wire form', () => {
    const secret = ipc.secrets[1]?.bytes ?? Buffer.alloc(0);
    expect(secret.length).toBeGreaterThan(32);
    for (const form of secretForms(secret)) {
      expect(
        auditPayloads([{ where: 'planted', value: { note: `x${form}x` } }], [{ label: 'planted', bytes: secret }]),
      ).toHaveLength(1);
    }
    expect(
      auditPayloads([{ where: 'planted', value: Buffer.from(secret) }], [{ label: 'planted', bytes: secret }]),
    ).toHaveLength(1);
  });
});

describe('refusals by mode and place', () => {
  let dir: string;
  const open: RecordedIpc[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ipc-refuse-'));
  });
  afterAll(async () => {
    for (const ipc of open) await ipc.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('an air-gapped workstation with a live network refuses to start, and online steps are refused', async () => {
    const ipc = createRecordedIpc({
      interfaces: {
        eth0: [
          {
            address: '192.168.1.20',
            netmask: '255.255.255.0',
            family: 'IPv4',
            mac: '52:54:00:12:34:56',
            internal: false,
            cidr: '192.168.1.20/24',
          },
        ],
      },
    });
    open.push(ipc);
    await value(ipc, 'mode.choose', { mode: 'air-gapped' });
    await value(ipc, 'ceremony.setup', { title: 'Cold room', operator: 'Ana', witnesses: ['Ben'], folder: dir });
    const network = await call(ipc, 'airgap.check-network');
    expect(network).toMatchObject({ ok: false, problem: { code: 'AIRGAP_NETWORK_LIVE' } });
    if (!network.ok) expect(network.problem.message).toContain('eth0');
    expect(await call(ipc, 'online.fetch-parameters')).toMatchObject({ ok: false, problem: { code: 'MODE_WRONG' } });
    expect(await call(ipc, 'rehearsal.start')).toMatchObject({ ok: false, problem: { code: 'MODE_WRONG' } });
  });

  it('refuses relative, missing and file paths with a plain sentence', async () => {
    const ipc = createRecordedIpc();
    open.push(ipc);
    await value(ipc, 'mode.choose', { mode: 'online' });
    expect(
      await call(ipc, 'ceremony.setup', { title: 'T', operator: 'Ana', witnesses: ['Ben'], folder: 'relative/dir' }),
    ).toMatchObject({ ok: false, problem: { code: 'IPC_BAD_REQUEST' } });
    expect(await call(ipc, 'ceremony.setup', { title: 'T', operator: 'Ana', witnesses: ['Ben'] })).toMatchObject({
      ok: false,
      problem: { code: 'CEREMONY_FOLDER_MISSING' },
    });
    expect(
      await call(ipc, 'ceremony.setup', {
        title: 'T',
        operator: 'Ana',
        witnesses: ['Ben'],
        folder: path.join(dir, 'missing'),
      }),
    ).toMatchObject({ ok: false, problem: { code: 'FOLDER_UNAVAILABLE' } });
    await value(ipc, 'ceremony.setup', { title: 'T', operator: 'Ana', witnesses: ['Ben'], folder: dir });
    expect(
      await call(ipc, 'online.connect', { region: 'cn-north-4', projectId: 'a4a5d4098fb4474fa22cd05f897d6b99' }),
    ).toMatchObject({
      ok: false,
      problem: { code: 'CREDENTIALS_MISSING' },
    });
    expect(await call(ipc, 'online.fetch-parameters')).toMatchObject({
      ok: false,
      problem: { code: 'KMS_NOT_CONNECTED' },
    });
  });
});
