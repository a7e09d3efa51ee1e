/**
 * Remembered credentials through the real router and handlers, against the KMS simulator over
 * real HTTP on 127.0.0.1. The vault is the in-memory test fake (./fake-credential-vault.ts):
 * Electron's safeStorage cannot run in plain Node, so the real vault's file handling is tested
 * separately (tests/app/credential-vault.test.ts) over a stand-in keystore.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startKmsSimulator, type KmsSimulator } from '../../../src-main/core/kms-simulator/index';
import type { HandlerContext } from '../../../src-main/ipc/context';
import type { Connection, CredentialsStatus } from '../../../src-main/ipc/contract';
import type { DesktopServices } from '../../../src-main/ipc/desktop-services';
import { createHandlers } from '../../../src-main/ipc/handlers/index';
import { CeremonySession } from '../../../src-main/ipc/handlers/session';
import { createModeController } from '../../../src-main/ipc/mode';
import { createIpcRouter } from '../../../src-main/ipc/router';
import { translator } from '../../../src-main/i18n/translate';
import { problemSchema } from '../../../src-main/ipc/problem';
import { desktopWithVault, fakeCredentialVault } from '../fake-credential-vault';
import { memoryLog } from '../test-context';

const AK = 'HPUAREMEMBER00007QZK';
const SK = 'c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1sZWF2ZQ0123';
const WRONG_SK = 'WrongSecretKeyNeverToBeSeen0123456789';

let sim: KmsSimulator;
const folders: string[] = [];
const sessions: CeremonySession[] = [];
beforeAll(async () => {
  sim = await startKmsSimulator({ credentials: { ak: AK, sk: SK } });
});
afterAll(async () => {
  await sim?.close();
});
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

/** One app session (as after a restart): router, log and every answer recorded. */
async function openSession(desktop?: DesktopServices) {
  const { log, lines } = memoryLog();
  const context: HandlerContext = {
    mode: createModeController(async () => undefined),
    now: () => new Date(),
    log,
    identity: { name: 'Keyferry', version: '0.1.0', build: 'test' },
    reportProgress: () => undefined,
    ...(desktop ? { desktop } : {}),
  };
  const session = new CeremonySession(context, {});
  sessions.push(session);
  const router = createIpcRouter(createHandlers(context, { session }), log);
  const answers: unknown[] = [];
  const call = async (channel: string, payload?: unknown) => {
    const answer = await router.route(channel, payload);
    answers.push(answer);
    return answer as {
      ok: boolean;
      value?: CredentialsStatus & Partial<Connection>;
      problem?: { code: string; message: string };
    };
  };
  const folder = await mkdtemp(path.join(os.tmpdir(), 'keyferry-remember-'));
  folders.push(folder);
  expect((await call('mode.choose', { mode: 'online' })).ok).toBe(true);
  expect((await call('ceremony.setup', { title: 'T', operator: 'Ana', witnesses: ['Ben'], folder })).ok).toBe(true);
  return { call, answers, lines, session };
}

const where = () => ({ region: sim.region, projectId: sim.projectId, endpoint: sim.endpoint });

describe('remembered credentials (fake vault)', () => {
  it('remembers, shows only the AK suffix, connects with them after a restart, forgets; the SK never leaves', async () => {
    const vault = fakeCredentialVault();
    const first = await openSession(desktopWithVault(vault));
    const empty = await first.call('credentials.status');
    expect(empty).toEqual({
      ok: true,
      value: { profile: 'default', vault: { available: true, reason: null }, remembered: null, unreadable: null },
    });

    const connected = await first.call('online.connect', {
      ...where(),
      credentials: { accessKeyId: AK, secretAccessKey: WRONG_SK },
      remember: true,
    });
    // A wrong secret: the connection fails, and nothing is remembered.
    expect(connected.ok).toBe(false);
    expect(vault.stored.size).toBe(0);
    const good = await first.call('online.connect', {
      ...where(),
      credentials: { accessKeyId: AK, secretAccessKey: SK },
      remember: true,
    });
    expect(good).toMatchObject({ ok: true, value: { accessKeyHint: 'HPUA…7QZK' } });
    expect(vault.stored.get('default')).toMatchObject({ accessKeyId: AK, secretAccessKey: SK, region: sim.region });

    const status = await first.call('credentials.status', { profile: 'default' });
    expect(status.value).toMatchObject({
      vault: { available: true },
      remembered: { endpoint: sim.endpoint, region: sim.region, projectId: sim.projectId, accessKeyIdLast4: '7QZK' },
    });
    expect(first.lines.some((l) => l.includes('credentials.remembered'))).toBe(true);

    // A later session: nothing typed in, the handler recalls them itself.
    const later = await openSession(desktopWithVault(vault));
    expect((await later.call('online.connect', where())).problem?.code).toBe('CREDENTIALS_MISSING');
    const recalled = await later.call('online.connect', { ...where(), useRemembered: true });
    expect(recalled).toMatchObject({ ok: true, value: { accessKeyHint: 'HPUA…7QZK', keysVisible: 0 } });
    expect((await later.call('online.list-keys', { filter: 'all' })).ok).toBe(true);
    expect(later.lines.some((l) => l.includes('credentials.recalled'))).toBe(true);

    const forgotten = await later.call('credentials.forget');
    expect(forgotten.value).toMatchObject({ remembered: null, vault: { available: true } });
    expect(vault.stored.size).toBe(0);
    expect((await later.call('credentials.status')).value).toMatchObject({ remembered: null });
    expect(later.lines.some((l) => l.includes('credentials.forgotten'))).toBe(true);
    const again = await openSession(desktopWithVault(vault));
    expect((await again.call('online.connect', { ...where(), useRemembered: true })).problem?.code).toBe(
      'CREDENTIALS_NOT_REMEMBERED',
    );

    // Search every answer and every log line for the secrets and the full access key ID.
    const everything = JSON.stringify([first.answers, later.answers, again.answers, first.lines, later.lines]);
    expect(everything).not.toContain(SK);
    expect(everything).not.toContain(WRONG_SK);
    expect(JSON.stringify([first.answers, later.answers, again.answers])).not.toContain(AK);
  });

  it('refuses to mix typed-in and remembered credentials, and to remember without typed-in ones', async () => {
    const vault = fakeCredentialVault();
    const { call } = await openSession(desktopWithVault(vault));
    const both = await call('online.connect', {
      ...where(),
      credentials: { accessKeyId: AK, secretAccessKey: SK },
      useRemembered: true,
    });
    expect(both.problem?.code).toBe('CREDENTIALS_CHOICE_UNCLEAR');
    expect((await call('online.connect', { ...where(), remember: true })).problem?.code).toBe(
      'CREDENTIALS_REMEMBER_NEEDS_ENTRY',
    );
    expect((await call('credentials.status', { profile: '../etc' })).problem?.code).toBe('IPC_BAD_REQUEST');
    expect(vault.stored.size).toBe(0);
  });

  it('says why when the OS offers no encryption, and remembers nothing', async () => {
    const vault = fakeCredentialVault();
    vault.setUnavailable(true);
    const { call } = await openSession(desktopWithVault(vault));
    const status = (await call('credentials.status')).value;
    expect(status).toMatchObject({
      vault: { available: false, reason: { code: 'CREDENTIALS_ENCRYPTION_UNAVAILABLE' } },
      remembered: null,
    });
    // A code the screens render in the officer's language, not an English sentence.
    const reason = problemSchema.parse(status?.vault.reason);
    expect(translator('zh-CN').problem(reason).message).toBe(
      '本机不提供操作系统密钥库加密，因此 Keyferry 不会在本机保存凭证。',
    );
    const refused = await call('online.connect', {
      ...where(),
      credentials: { accessKeyId: AK, secretAccessKey: SK },
      remember: true,
    });
    expect(refused.problem?.code).toBe('CREDENTIALS_VAULT_UNAVAILABLE');
    expect(refused.problem?.message).toContain('no OS keystore encryption');
    expect(vault.stored.size).toBe(0);
  });

  it('a remembered copy this computer cannot read back: status carries the problem, shown in Chinese', async () => {
    const vault = fakeCredentialVault();
    const { call } = await openSession(desktopWithVault(vault));
    expect(
      (
        await call('online.connect', {
          ...where(),
          credentials: { accessKeyId: AK, secretAccessKey: SK },
          remember: true,
        })
      ).ok,
    ).toBe(true);
    vault.setUnreadable(true);
    const status = (await call('credentials.status')).value;
    expect(status).toMatchObject({ remembered: null, unreadable: { code: 'CREDENTIALS_UNREADABLE' } });
    const shown = translator('zh-CN').problem(problemSchema.parse(status?.unreadable));
    expect(shown).toEqual({ message: '无法在本机读回记住的凭证。', nextStep: '请清除记住的凭证，然后重新输入。' });
  });

  it('without the desktop app (tests, CLI): status says so, remembering and forgetting are refused plainly', async () => {
    const { call } = await openSession();
    const status = await call('credentials.status');
    expect(status.value).toMatchObject({ vault: { available: false }, remembered: null });
    expect(status.value?.vault.reason).toMatchObject({
      code: 'CREDENTIALS_VAULT_UNAVAILABLE',
      values: { reason: 'noDesktop' },
    });
    expect(translator('zh-CN').problem(problemSchema.parse(status.value?.vault.reason)).message).toBe(
      '记住凭证需要桌面应用的操作系统密钥库，此处不可用。',
    );
    for (const answer of [
      await call('online.connect', {
        ...where(),
        credentials: { accessKeyId: AK, secretAccessKey: SK },
        remember: true,
      }),
      await call('online.connect', { ...where(), useRemembered: true }),
      await call('credentials.forget'),
    ]) {
      expect(answer.ok).toBe(false);
      expect(answer.problem?.code).toBe('CREDENTIALS_VAULT_UNAVAILABLE');
      expect(answer.problem?.message).toContain('needs the desktop app’s OS keychain');
    }
    // The session-only path still works.
    expect(
      (await call('online.connect', { ...where(), credentials: { accessKeyId: AK, secretAccessKey: SK } })).ok,
    ).toBe(true);
  });

  it('is an online-workstation feature only', async () => {
    const { log } = memoryLog();
    const context: HandlerContext = {
      mode: createModeController(async () => undefined),
      now: () => new Date(),
      log,
      identity: { name: 'Keyferry', version: '0.1.0', build: 'test' },
      reportProgress: () => undefined,
      desktop: desktopWithVault(fakeCredentialVault()),
    };
    const router = createIpcRouter(createHandlers(context), log);
    await router.route('mode.choose', { mode: 'air-gapped' });
    expect(await router.route('credentials.status', {})).toMatchObject({ ok: false });
  });
});

describe('remembered and session credentials are bound to where they were entered for', () => {
  /** A host that is not the KMS, listening on 127.0.0.1: it must never see a request. */
  async function standInHost() {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''} ${req.headers['x-security-token'] ?? ''}`);
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { seen, endpoint, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('remembered credentials with another endpoint or project: refused naming both, nothing sent there', async () => {
    const host = await standInHost();
    try {
      const vault = fakeCredentialVault();
      const first = await openSession(desktopWithVault(vault));
      const remembered = await first.call('online.connect', {
        ...where(),
        credentials: { accessKeyId: AK, secretAccessKey: SK },
        remember: true,
      });
      expect(remembered.ok).toBe(true);

      const later = await openSession(desktopWithVault(vault));
      const elsewhere = await later.call('online.connect', {
        ...where(),
        endpoint: host.endpoint,
        useRemembered: true,
      });
      expect(elsewhere.ok).toBe(false);
      expect(elsewhere.problem?.code).toBe('CREDENTIALS_BOUND_ELSEWHERE');
      expect(elsewhere.problem?.message).toBe(
        `The credentials remembered on this computer (profile default) are for the endpoint ${sim.endpoint}, but this connection would use them for the endpoint ${host.endpoint} (from the connection form). Nothing was sent.`,
      );
      // The screen renders the code and values: in Chinese, where the value came from is Chinese too.
      const zh = translator('zh-CN').problem(problemSchema.parse(elsewhere.problem));
      expect(zh.message).toBe(
        `本机记住的凭证（配置档 default）属于终端节点 ${sim.endpoint}，但此连接会将其用于终端节点 ${host.endpoint}（来自连接表单）。未发送任何内容。`,
      );
      expect(zh.nextStep).toBe(`如果 ${host.endpoint} 是正确的，请重新输入其凭证；否则请更正连接表单。`);
      const otherProject = await later.call('online.connect', {
        ...where(),
        projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
        useRemembered: true,
      });
      expect(otherProject.problem?.message).toContain(
        `are for the project ${sim.projectId}, but this connection would use them for the project a4a5d4098fb4474fa22cd05f897d6b99`,
      );
      expect(host.seen).toEqual([]);
      // Where they were remembered for, they still work.
      expect((await later.call('online.connect', { ...where(), useRemembered: true })).ok).toBe(true);
    } finally {
      await host.close();
    }
  });

  it("a session's credentials are not sent to another endpoint the renderer names; the refusal is journaled", async () => {
    const host = await standInHost();
    try {
      const { call, session } = await openSession();
      const plain = await call('online.connect', { ...where(), credentials: { accessKeyId: AK, secretAccessKey: SK } });
      expect(plain.ok).toBe(true);
      // Held for the session: a connection without typed-in credentials reuses them, but only here.
      const elsewhere = await call('online.connect', { ...where(), endpoint: host.endpoint });
      expect(elsewhere.problem?.code).toBe('CREDENTIALS_BOUND_ELSEWHERE');
      expect(elsewhere.problem?.message).toContain(
        `The credentials entered in this session are for the endpoint ${sim.endpoint}, but this connection would use them for the endpoint ${host.endpoint}`,
      );
      expect(host.seen).toEqual([]);
      expect((await call('online.connect', where())).ok).toBe(true);
      const journal = await readFile(session.journalPath('online'), 'utf8');
      const entries = journal
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
      expect(entries.find((e) => e.event === 'credentials.refused')?.data).toMatchObject({
        code: 'CREDENTIALS_BOUND_ELSEWHERE',
        values: {
          sourceKind: 'session',
          field: 'endpoint',
          bound: sim.endpoint,
          given: host.endpoint,
          givenFromPhrase: JSON.stringify({ key: 'credentials.from.form' }),
        },
      });
      expect(entries.filter((e) => e.event === 'kms.connected').at(-1)?.data.credentials).toEqual({
        source: { key: 'credentials.source.entered' },
        endpoint: sim.endpoint,
        region: sim.region,
        projectId: sim.projectId,
        accessKeyHint: 'HPUA…7QZK',
      });
      expect(journal).not.toContain(SK);
    } finally {
      await host.close();
    }
  });
});
