/**
 * What every `keyferry online …` command shares: the KMS connection options, the ceremony
 * journal (created or continued) and an OnlineCeremony connected to the KMS.
 */
import { cliAppIdentity } from './software-identity';
import { OnlineCeremony, type OnlineCeremonyStart, type UnjournaledLook } from '../core/ceremony/online/workflow';
import type { OnlineCeremonyOptions } from '../core/ceremony/online/open-journal';
import type { Journal, JournalAppend } from '../core/journal';
import { replayOnlineJournal } from '../core/ceremony/online/state';
import { unrecordedSessionEntries } from '../core/ceremony/online/unrecorded-session';
import { killedSessionEntries } from '../core/ceremony/online/killed-session';
import { kmsRetriesIn } from '../core/ceremony/shared/kms-retries';
import { KmsClient } from '../core/kms/client';
import { replicaKmsClients } from '../core/ceremony/online/replica-connections';
import type { CliIo } from './command';
import { cliTranslator } from './cli-locale';
import type { CeremonyProgress } from '../core/ceremony/shared/progress';
import { openCeremonyJournal, readCeremonyJournal, requireJournalFile } from './ceremony-journal';
import { unrecordedSessionLines } from './unrecorded-session-lines';
import { resolveKmsConnection } from './credentials';
import { parseWholeNumberOption } from './number-option';
import { DEFAULT_KMS_CONCURRENCY, MAX_KMS_CONCURRENCY } from '../core/ceremony/online/key-concurrency';
import { assertSameConnection, recordedConnection } from './journal-connection';
import { existsSync } from 'node:fs';
import { optionTable } from './options';
import path from 'node:path';
import { KeyferryError } from '../core/errors';
import { openJournal, problemData } from '../core/journal';
import { accessKeyHint } from '../core/kms/access-key-hint';
import { ONLINE_EVENTS } from '../core/ceremony/online/events';

/** Options every online command accepts, listed under "Connection options" in --help. */
export const ONLINE_COMMON_OPTIONS = optionTable({
  journal: { type: 'string', arg: 'FILE', group: 'connection', help: 'cli.opt.online.journal' },
  config: { type: 'string', arg: 'FILE', group: 'connection', help: 'cli.opt.online.config' },
  region: { type: 'string', arg: 'REGION', group: 'connection', help: 'cli.opt.online.region' },
  'project-id': { type: 'string', arg: 'ID', group: 'connection', help: 'cli.opt.online.project-id' },
  endpoint: { type: 'string', arg: 'URL', group: 'connection', help: 'cli.opt.online.endpoint' },
  'ca-file': { type: 'string', arg: 'FILE', group: 'connection', help: 'cli.opt.online.ca-file' },
  concurrency: {
    type: 'string',
    arg: 'N',
    group: 'connection',
    help: {
      key: 'cli.opt.online.concurrency',
      values: { default: DEFAULT_KMS_CONCURRENCY, max: MAX_KMS_CONCURRENCY },
    },
  },
});

export interface OnlineCommonValues {
  journal?: string;
  config?: string;
  region?: string;
  'project-id'?: string;
  endpoint?: string;
  'ca-file'?: string;
  concurrency?: string;
}

export interface OnlineSession {
  readonly ceremony: OnlineCeremony;
  readonly journal: Journal;
  close(): Promise<void>;
}

/**
 * One line per key as its KMS calls finish, counted (`[37/100]`): several keys run at once, so a
 * line says which key is done rather than which one is next. The line names the key by its alias;
 * its key id is printed once, where the command lists the keys (a table, the fingerprints). A key
 * whose calls failed gets a line with its key id too: the refusal printed last says "the key", and
 * with a hundred keys (a replica group's share one alias) the officer must know which.
 */
function keyByKeyProgress(io: CliIo, connectedSaid: () => boolean): (p: CeremonyProgress) => void {
  const { progress, t } = cliTranslator(io);
  return (p) => {
    // A replica region connected during a step, said as it happens (those of the session's own
    // connection follow its connected line, read from the journal: see openConnected).
    if (p.code === 'replica-connected') {
      const v = p.values ?? {};
      if (connectedSaid()) io.stdout(replicaConnectedLine(io, { ...v, keysVisible: v.keys }));
      return;
    }
    if (p.keyPhase === 'failed' || p.keyPhase === 'unrecorded') {
      const line = progress(p);
      const keyId = p.keyId ?? 'none';
      io.stdout(
        `  ${
          p.keyPhase === 'failed'
            ? t('online.progress.key-failed', { line, keyId })
            : t('online.progress.key-unrecorded', {
                line,
                keyId,
                fetch: p.step === 'fetch-parameters' ? 'yes' : 'no',
                // A stop (Ctrl-C) closes the journal: an answer after it is unrecorded for that reason, not a fault.
                cause: io.interrupts?.stopping ? 'stop' : 'journal',
              })
        }`,
      );
      return;
    }
    if (p.keyPhase !== 'done') return;
    io.stdout(`  [${p.done}/${p.total}] ${progress(p)}`);
  };
}

/**
 * Opens the journal and the ceremony, then connects. With `start` (create-key) a missing journal
 * is created and the ceremony started; without it the journal must exist. `beforeConnect` runs on
 * the opened ceremony before any KMS call (e.g. a destination folder checked first).
 */
export async function openOnlineSession(
  values: OnlineCommonValues,
  io: CliIo,
  start?: OnlineCeremonyStart,
  hooks: { readonly beforeConnect?: (ceremony: OnlineCeremony) => Promise<void> } = {},
): Promise<OnlineSession> {
  const journal = () => openCeremonyJournal(io.cwd, values.journal, start !== undefined, io);
  return openConnected(values, io, { journal, mayStart: start !== undefined }, async (options) => {
    const ceremony = await OnlineCeremony.open({ ...options, ...(start ? { start } : {}) });
    await hooks.beforeConnect?.(ceremony);
    return ceremony;
  });
}

/**
 * The ceremony of an existing journal, connected, to look at its keys while the journal cannot be
 * written (OnlineCeremony.lookWithoutJournal): the journal is read only (readCeremonyJournal), and
 * nothing is appended to it.
 */
export async function openUnjournaledLook(
  values: OnlineCommonValues,
  io: CliIo,
): Promise<{ readonly look: UnjournaledLook; readonly journal: Journal; close(): Promise<void> }> {
  const { ceremony, journal, close } = await openConnected(
    values,
    io,
    { journal: () => readCeremonyJournal(io.cwd, values.journal), mayStart: false },
    (options) => Promise.resolve(OnlineCeremony.lookWithoutJournal(options)),
  );
  return { look: ceremony, journal, close };
}

/** Checks the journal named, resolves the connection, opens the journal (`journaled.journal`) and the ceremony (`open`), connects and says so. */
async function openConnected<C extends Pick<OnlineCeremony, 'ceremonyId' | 'connect' | 'keys'>>(
  values: OnlineCommonValues,
  io: CliIo,
  journaled: { readonly journal: () => Promise<Journal>; readonly mayStart: boolean },
  open: (options: OnlineCeremonyOptions) => Promise<C>,
): Promise<{ ceremony: C; journal: Journal; close(): Promise<void> }> {
  // The journal named is checked first: a misspelt name is said before credentials or the KMS are looked at.
  await requireJournalFile(io.cwd, values.journal, journaled.mayStart);
  const concurrency = parseWholeNumberOption(
    '--concurrency',
    values.concurrency,
    { min: 1, max: MAX_KMS_CONCURRENCY },
    DEFAULT_KMS_CONCURRENCY,
  );
  const journalFile = values.journal ? path.resolve(io.cwd, values.journal) : undefined;
  const recorded = journalFile ? await recordedConnection(journalFile) : undefined;
  const connection = await journaledRefusal(journalFile, () =>
    resolveKmsConnection({
      env: io.env,
      cwd: io.cwd,
      ...(values.config ? { configFile: values.config } : {}),
      ...(values.region ? { region: values.region } : {}),
      ...(values['project-id'] ? { projectId: values['project-id'] } : {}),
      ...(values.endpoint ? { endpoint: values.endpoint } : {}),
      ...(values['ca-file'] ? { caFile: values['ca-file'] } : {}),
      // The journal's connection fills only what neither an option nor --config gives; a config file
      // that names another region, project or endpoint is refused below like an option would be.
      ...(recorded ? { recorded } : {}),
    }),
  );
  const kms = new KmsClient({
    projectId: connection.projectId,
    credentials: connection.credentials,
    region: connection.region,
    ...(connection.endpoint ? { endpoint: connection.endpoint } : {}),
    ...(connection.extraCaPem ? { extraCaPem: connection.extraCaPem } : {}),
    env: io.env,
  });
  if (recorded && journalFile)
    try {
      assertSameConnection(
        journalFile,
        recorded,
        { endpoint: kms.endpoint.origin, region: connection.region, projectId: connection.projectId },
        connection.sources,
      );
    } catch (error) {
      kms.close();
      throw error;
    }
  const journal = await journaled.journal();
  // Replica groups: one client per replica region/project, same credentials, beside this endpoint.
  const replicas = replicaKmsClients({
    projectId: connection.projectId,
    credentials: connection.credentials,
    endpoint: kms.endpoint.origin,
    ...(connection.extraCaPem ? { extraCaPem: connection.extraCaPem } : {}),
    env: io.env,
  });
  const openedFrom = journal.count + 1;
  const close = async () => {
    replicas.close();
    kms.close();
    // The gateway's throttling, said once at the end (a trial's 484 retries at 2 requests/s showed nowhere).
    const { throttled, throttledWaitMs } = kmsRetriesIn(journal.entries, openedFrom);
    if (throttled > 0)
      io.stdout(
        cliTranslator(io).t('cli.online.throttled', { count: throttled, seconds: Math.ceil(throttledWaitMs / 1000) }),
      );
    await journal.close();
  };
  let connectedSaid = false;
  try {
    const ceremony = await open({
      journal,
      kms,
      region: connection.region,
      replicaKms: replicas.open,
      app: cliAppIdentity(io.env),
      concurrency,
      onProgress: keyByKeyProgress(io, () => connectedSaid),
    });
    const connectedFrom = journal.count + 1;
    const connected = await ceremony.connect({
      ...connection.binding,
      accessKeyHint: connection.credentials.kind === 'aksk' ? accessKeyHint(connection.credentials.accessKeyId) : null,
    });
    io.stdout(
      cliTranslator(io).t('cli.online.connected', {
        id: ceremony.ceremonyId,
        endpoint: connected.endpoint,
        projectId: connected.projectId,
        keys: connected.keysVisible,
        source: connection.credentialSource === 'environment' ? 'environment' : 'config',
      }),
    );
    for (const line of replicaConnectedLines(io, journal, connectedFrom)) io.stdout(line);
    connectedSaid = true;
    for (const line of unrecordedSessionLines(io, journal, openedFrom, ceremony.keys())) io.stdout(line);
    return { ceremony, journal, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * One line per replica region/project the session's connection reached (`kms.replica-connected` from
 * entry `fromSeq` on): the connected line names the ceremony's own region only, and the officer should
 * see every region the credentials were used in. Read from the journal: what is said is what is
 * recorded. (One connected later in a step is said as it happens: keyByKeyProgress.)
 */
function replicaConnectedLines(io: CliIo, journal: Journal, fromSeq: number): string[] {
  return journal.entries
    .filter((e) => e.seq >= fromSeq && e.event === ONLINE_EVENTS.replicaConnected)
    .map((e) => replicaConnectedLine(io, e.data));
}

/** The line saying a replica region's connection, from its `kms.replica-connected` data (or the same values). */
function replicaConnectedLine(io: CliIo, data: Readonly<Record<string, unknown>>): string {
  return cliTranslator(io).t('cli.online.replica-connected', {
    region: String(data.region),
    endpoint: String(data.endpoint),
    projectId: String(data.projectId),
    keys: typeof data.keysVisible === 'number' ? data.keysVisible : 0,
  });
}

/** Refusals that keep credentials from going where they are not bound. */
const CREDENTIAL_REFUSALS = new Set([
  'CREDENTIALS_BOUND_ELSEWHERE',
  'CREDENTIALS_ENDPOINT_UNCONFIRMED',
  'CONFIG_CREDENTIALS_UNBOUND',
]);

/** The `credentials.refused` entry of `error` (never the secret). */
function refusedEntry(error: KeyferryError): JournalAppend {
  return { actor: 'system', event: 'credentials.refused', data: problemData(error) };
}

/**
 * A session killed before this refusal, whose lock this opening took over: said first, as the next
 * session's opening says it (killed-session.ts); this refusal releases the lock, and with it the
 * only sign of that kill.
 */
function killedBefore(journal: Journal): JournalAppend[] {
  if (journal.lockLeftBehind === undefined) return [];
  try {
    const operator = replayOnlineJournal(journal.entries)?.operator;
    if (operator === undefined) return [];
    const traced = unrecordedSessionEntries(journal.entries, operator);
    return killedSessionEntries(journal.entries, journal.lockLeftBehind, operator, traced);
  } catch {
    // Not an online ceremony's journal (the refusal that follows says nothing of it either): the refusal alone.
    return [];
  }
}

/**
 * Runs `resolve`; a credential refusal is journaled (`credentials.refused`, a deviation) in the
 * ceremony's journal when one exists already, so the receipt shows the attempt. Never the secret.
 */
async function journaledRefusal<T>(journalFile: string | undefined, resolve: () => Promise<T>): Promise<T> {
  try {
    return await resolve();
  } catch (error) {
    if (
      journalFile &&
      error instanceof KeyferryError &&
      CREDENTIAL_REFUSALS.has(error.code) &&
      existsSync(journalFile)
    ) {
      const journal = await openJournal(journalFile, { create: false }).catch(() => undefined);
      if (journal) {
        await journal.appendMany([...killedBefore(journal), refusedEntry(error)]).catch(() => undefined);
        await journal.close().catch(() => undefined);
      }
    }
    throw error;
  }
}
