/**
 * Ceremony setup (title, operator, witnesses, folder), the session overview, and the rehearsal
 * start: the in-process KMS simulator on loopback and an online workflow against it.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OnlineCeremony, type OnlineCredentialBinding } from '../../core/ceremony/online/workflow';
import { replicaKmsClients, type ReplicaKmsFactory } from '../../core/ceremony/online/replica-connections';
import { KeyferryError, toProblem } from '../../core/errors';
import { DEFAULT_PAPER_SIZE } from '../../core/receipt/paper-size';
import { openJournal, type JournalEntry } from '../../core/journal';
import {
  airGapStepAvailability,
  onlineStepAvailability,
  restoreStepAvailability,
} from '../../core/ceremony/shared/allowed-steps';
import { KmsClient } from '../../core/kms/client';
import { onlineShownView } from './online-shown';
import { AkSkCredentials } from '../../core/kms/credentials';
import { phraseOf } from '../../i18n/phrase';
import { startKmsSimulator } from '../../core/kms-simulator/index';
import type { CeremonyState, Connection, RecordKind } from '../contract';
import type { ChannelHandler } from './channel-handler';
import { writableFolder } from './paths';
import { CeremonySession, JOURNAL_FILES, type OnlineSide } from './session';
import { earlierWrapsView, preflightView } from './preflight';
import { readOverviewView } from './airgap-views';
import { receiptLanguageOfSession } from '../../core/ceremony/shared/journaled-receipt';
import type { LanguageController } from './language';
import { restoreParametersView } from './custody-restore';
import type { GenerateRefusal } from '../../core/ceremony/airgap/bound-material';
import { pathExists } from '../../core/fs/path-exists';
import { parseMaterialExpiry } from '../../core/ceremony/shared/ceremony-plan';
import { checkCeremonyPeople } from '../../core/ceremony/shared/person-name';
import { unrecordedSessionsView } from './unrecorded-sessions';
import { overviewSource, stoppedAirGapView } from './witnesses-stop';

type SetupHandlers = {
  setupCeremony: ChannelHandler<'setupCeremony'>;
  ceremonyState: ChannelHandler<'ceremonyState'>;
  startRehearsal: ChannelHandler<'startRehearsal'>;
};

/** Opens the online journal of the setup folder (continuing it when it exists). */
async function openOnlineJournal(session: CeremonySession) {
  if (!session.onlineJournal) {
    const file = session.journalPath('online');
    session.onlineJournal = await openJournal(file, { create: !(await pathExists(file)) });
    session.onlineJournalOpenedFrom = session.onlineJournal.count + 1;
  }
  return session.onlineJournal;
}

/** Opens (or continues) the online workflow on `kms` and connects; replaces any previous client (and its replica connections). */
/** The regions a rehearsal's simulator serves besides its own, so a plan can rehearse replica groups. */
const REHEARSAL_REPLICA_REGIONS = [{ region: 'sim-local-2' }, { region: 'sim-local-3' }] as const;

export async function connectOnline(
  session: CeremonySession,
  kms: KmsClient,
  region: string,
  connection: OnlineSide['connection'],
  credentials?: OnlineCredentialBinding,
  replicas?: { readonly open: ReplicaKmsFactory; close(): void },
): Promise<Connection> {
  const setup = session.requireSetup();
  const journal = await openOnlineJournal(session);
  const openedFrom = journal.count + 1;
  let ceremony: OnlineCeremony;
  let connected: Awaited<ReturnType<OnlineCeremony['connect']>>;
  try {
    ceremony = await OnlineCeremony.open({
      journal,
      kms,
      region,
      ...(replicas ? { replicaKms: replicas.open } : {}),
      app: {
        version: session.context.identity.version,
        build: session.context.identity.build,
        ...(session.context.identity.code ? { code: session.context.identity.code } : {}),
      },
      clock: () => session.now(),
      onProgress: session.progress('online'),
      start: {
        title: setup.title,
        operator: setup.operator,
        witnesses: setup.witnesses,
        wrappingAlgorithm: setup.wrappingAlgorithm,
        // As `online create-key --plan` does: a duration counts from this start, journaled as a time.
        materialExpiry: parseMaterialExpiry(setup.materialExpiry, session.now(), 'materialExpiry'),
        rehearsal: connection.rehearsal,
        paperSize: setup.paperSize,
        receiptLanguage: receiptLanguageOfSession(setup.receiptLanguageChosen, journal.entries, setup.receiptLanguage),
      },
    });
    connected = await ceremony.connect(credentials);
  } catch (error) {
    kms.close();
    replicas?.close();
    throw error;
  }
  session.online?.kms.close();
  session.online?.replicas?.close();
  session.online = {
    ceremony,
    kms,
    ...(replicas ? { replicas } : {}),
    connection: { ...connection, endpoint: connected.endpoint },
  };
  session.context.log.info('online.connected', {
    endpoint: connected.endpoint,
    region,
    rehearsal: connection.rehearsal,
    ceremonyId: ceremony.ceremonyId,
  });
  return {
    ...session.online.connection,
    keysVisible: connected.keysVisible,
    ceremonyId: ceremony.ceremonyId,
    step: ceremony.step,
    unrecordedSessions: unrecordedSessionsView(journal.entries, openedFrom, ceremony.keys()),
  };
}

/** The core's refusal of fresh material as the state view carries it (a plain problem and key ids). */
function generateRefusedView(refusal: GenerateRefusal | null) {
  return refusal ? { problem: toProblem(refusal.problem), keyIds: [...refusal.keyIds] } : null;
}

export function ceremonySetupHandlers(
  session: CeremonySession,
  language: Pick<LanguageController, 'current'>,
): SetupHandlers {
  return {
    setupCeremony: async (request) => {
      const mode = session.requireMode('rehearsal', 'online', 'air-gapped');
      if (session.started()) {
        throw new KeyferryError('CEREMONY_ALREADY_STARTED');
      }
      // Taken as typed (bounded at the request): the command line's rule for --operator and --witness
      // names an invisible character pasted into a name; the names set up are the ones it returns (trimmed).
      const { operator, witnesses } = checkCeremonyPeople(request.operator, request.witnesses);
      const materialExpiry = request.materialExpiry ?? 'never';
      // Checked now with the plan's rule (a form, a future time): a mistake is named before any folder or connection.
      parseMaterialExpiry(materialExpiry, session.now(), 'materialExpiry');
      let folder: string;
      if (request.folder) {
        folder = await writableFolder(request.folder, 'ceremonyFolder');
      } else if (mode === 'rehearsal') {
        folder = await fs.mkdtemp(path.join(session.hooks.rehearsalRoot ?? os.tmpdir(), 'keyferry-rehearsal-'));
      } else {
        throw new KeyferryError('CEREMONY_FOLDER_MISSING');
      }
      const continuesOnlineJournal = await pathExists(path.join(folder, JOURNAL_FILES.online));
      session.setup = {
        title: request.title,
        operator,
        witnesses,
        folder,
        continuesOnlineJournal,
        paperSize: request.paperSize ?? DEFAULT_PAPER_SIZE,
        // None chosen: the language the screens speak, as the CLI's default is its own (English until told).
        receiptLanguage: request.receiptLanguage ?? (language.current() === 'zh-CN' ? 'zh-CN' : 'en'),
        receiptLanguageChosen: request.receiptLanguage,
        wrappingAlgorithm: request.wrappingAlgorithm ?? 'RSAES_OAEP_SHA_256',
        materialExpiry,
      };
      session.context.log.info('ceremony.setup', { mode, folder, continuesOnlineJournal });
      return {
        ...session.setup,
        receiptLanguageChosen: session.setup.receiptLanguageChosen ?? null,
        witnesses: [...witnesses],
        onlineJournal: JOURNAL_FILES.online,
        airGapJournal: JOURNAL_FILES['air-gapped'],
      };
    },

    ceremonyState: (): CeremonyState => {
      const { setup, online, airGap } = session;
      const unfinished = session.unfinishedSides();
      const receipt = (side: RecordKind) => {
        const stored = session.receipts.get(side);
        if (!stored) return null;
        const { text: _text, ...files } = stored.view;
        return files;
      };
      return {
        setup: setup
          ? {
              ...setup,
              receiptLanguageChosen: setup.receiptLanguageChosen ?? null,
              witnesses: [...setup.witnesses],
              onlineJournal: JOURNAL_FILES.online,
              airGapJournal: JOURNAL_FILES['air-gapped'],
            }
          : null,
        online: online
          ? {
              ...online.connection,
              connected: true,
              ceremonyId: online.ceremony.ceremonyId,
              title: setup?.title ?? '',
              step: online.ceremony.step,
              wrappingAlgorithm: online.ceremony.wrappingAlgorithm,
              ...onlineStepAvailability(online.ceremony.step, online.ceremony.stepFacts),
              keys: online.ceremony.keys(),
              // From the journal, so a reloaded window shows what the connection answer said.
              unrecordedSessions: unrecordedSessionsView(
                session.onlineJournal?.entries ?? [],
                session.onlineJournalOpenedFrom ?? Number.MAX_SAFE_INTEGER,
                online.ceremony.keys(),
              ),
              materialSources: online.ceremony.materialSourcesOf(),
              shown: onlineShownView(online.ceremony),
            }
          : null,
        airGap: airGap
          ? {
              rehearsal: airGap.rehearsal,
              state: airGap.ceremony.state,
              ...airGapStepAvailability(airGap.ceremony.state),
              // A stopped session runs nothing more: its guard refuses every step.
              ...(airGap.stopped ? { allowedSteps: [] } : {}),
              stopped: stoppedAirGapView(airGap.stopped),
              ceremonyId: airGap.ceremony.ceremonyId,
              parametersSource: airGap.ceremony.parametersSource,
              preflight: airGap.plan ? preflightView(airGap.plan) : null,
              unfinished: unfinished.includes('air-gapped'),
              generateRefused: generateRefusedView(airGap.ceremony.generateRefusal()),
              earlierWraps: earlierWrapsView(airGap.ceremony.earlierWraps, session.now()),
              overview: readOverviewView(overviewSource(airGap)),
            }
          : null,
        restore:
          session.restore && !session.restore.abandoned
            ? {
                state: session.restore.ceremony.state,
                ...restoreStepAvailability(session.restore.ceremony.state),
                // Stopped as the air-gapped side stops (its witnesses could not confirm): nothing runs in it.
                ...(session.restore.stopped ? { allowedSteps: [] } : {}),
                stopped: stoppedAirGapView(session.restore.stopped),
                ceremonyId: session.restore.ceremony.ceremonyId,
                preflight: session.restore.plan ? preflightView(session.restore.plan) : null,
                unfinished: unfinished.includes('custody-restore'),
                parameters: restoreParametersView(overviewSource(session.restore)),
              }
            : null,
        receipts: {
          online: receipt('online'),
          airGap: receipt('air-gapped'),
          custodyRestore: receipt('custody-restore'),
        },
        receiptLanguagesInUse: receiptLanguagesInUse(session),
        simulatorClockOffsetMs: session.simulator ? Math.round(session.simulator.clock.now() - Date.now()) : null,
        lastWrappedDigest: session.lastWrappedDigest,
      };
    },

    startRehearsal: async () => {
      session.requireMode('rehearsal');
      session.requireSetup();
      if (!session.simulator) {
        // Two more regions of the same account, for rehearsing replica groups (shown with the connection).
        session.simulator = await startKmsSimulator({ regions: REHEARSAL_REPLICA_REGIONS });
        session.hooks.onSimulatorStarted?.(session.simulator);
        session.context.log.info('rehearsal.simulator-started', { endpoint: session.simulator.endpoint });
      }
      const sim = session.simulator;
      const options = {
        endpoint: sim.endpoint,
        projectId: sim.projectId,
        region: sim.region,
        credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
        now: () => new Date(sim.clock.now()),
        env: {},
      };
      const connection = await connectOnline(
        session,
        new KmsClient(options),
        sim.region,
        { endpoint: sim.endpoint, region: sim.region, projectId: sim.projectId, accessKeyHint: null, rehearsal: true },
        {
          source: phraseOf('credentials.source.rehearsal'),
          endpoint: sim.endpoint,
          region: sim.region,
          projectId: sim.projectId,
        },
        replicaKmsClients(options),
      );
      const others = sim.regions.filter((r) => r.region !== sim.region);
      return { ...connection, replicaRegions: others.map(({ region, projectId }) => ({ region, projectId })) };
    },
  };
}

/** The receipt language each side's journal records, for each side started in this session. */
function receiptLanguagesInUse(session: CeremonySession): CeremonyState['receiptLanguagesInUse'] {
  const journals: [RecordKind, readonly JournalEntry[] | undefined][] = [
    ['online', session.online ? session.onlineJournal?.entries : undefined],
    ['air-gapped', session.airGap?.journal.entries],
    ['custody-restore', session.restore && !session.restore.abandoned ? session.restore.journal.entries : undefined],
  ];
  // Each started with the language it journaled (English when a journal records none, as receipts print).
  return journals.flatMap(([side, entries]) =>
    entries ? [{ side, language: receiptLanguageOfSession(undefined, entries, 'en') }] : [],
  );
}
