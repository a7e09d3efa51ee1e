/**
 * The real IPC router and handlers in the test process, with every request, answer and progress
 * event recorded for the IPC audit, and every plaintext secret the air-gapped workflow holds
 * captured through its TEST-ONLY material observer. Used by the Chromium harness and by the
 * router-level audit.
 */
import os from 'node:os';
import type { ProgressEvent } from '../../src-main/ipc/contract';
import type { HandlerContext } from '../../src-main/ipc/context';
import { createHandlers } from '../../src-main/ipc/handlers/index';
import { CeremonySession } from '../../src-main/ipc/handlers/session';
import { createModeController } from '../../src-main/ipc/mode';
import { createIpcRouter } from '../../src-main/ipc/router';
import type { KmsSimulator } from '../../src-main/core/kms-simulator/index';
import type { RemovableVolume } from '../../src-main/core/media';
import { memoryLog } from '../ipc/test-context';
import { OFFLINE } from '../helpers/workstation';

export interface RecordedCall {
  readonly channel: string;
  readonly request: unknown;
  readonly response: unknown;
}

export interface RecordedIpc {
  route(channel: string, payload: unknown): Promise<unknown>;
  readonly calls: RecordedCall[];
  readonly events: ProgressEvent[];
  /** Copies of every plaintext secret (key material) the workflow held, with labels. */
  readonly secrets: { label: string; bytes: Buffer }[];
  readonly logLines: string[];
  /** The rehearsal simulator, once the UI started it. */
  simulator(): KmsSimulator | undefined;
  /** The ceremony session the handlers hold (what the app's window guard reads). */
  readonly session: CeremonySession;
  /** Called with each progress event (the harness forwards them to the page). */
  onEvent: ((event: ProgressEvent) => void) | undefined;
  close(): Promise<void>;
}

export interface RecordedIpcOptions {
  readonly interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  readonly rehearsalRoot?: string;
  /** The removable volumes media.listVolumes reports (default: none). */
  readonly volumes?: readonly RemovableVolume[];
}

export function createRecordedIpc(options: RecordedIpcOptions = {}): RecordedIpc {
  const { log, lines } = memoryLog();
  const calls: RecordedCall[] = [];
  const events: ProgressEvent[] = [];
  const secrets: { label: string; bytes: Buffer }[] = [];
  let simulator: KmsSimulator | undefined;
  const recorded: Omit<RecordedIpc, 'session'> & { session?: CeremonySession } = {
    route: async () => undefined,
    calls,
    events,
    secrets,
    logLines: lines,
    simulator: () => simulator,
    onEvent: undefined,
    close: async () => undefined,
  };
  const context: HandlerContext = {
    mode: createModeController(async () => undefined),
    now: () => new Date(),
    log,
    identity: { name: 'Keyferry', version: '0.1.0', build: 'ui-test' },
    reportProgress: (event) => {
      events.push(event);
      recorded.onEvent?.(event);
    },
  };
  const interfaces = options.interfaces ?? OFFLINE;
  const session = new CeremonySession(context, {
    interfaces: () => interfaces,
    ...(options.rehearsalRoot ? { rehearsalRoot: options.rehearsalRoot } : {}),
    onMaterialForAudit: (copy, label) => secrets.push({ label, bytes: copy }),
    onSimulatorStarted: (sim) => {
      simulator = sim;
    },
  });
  const volumes = options.volumes ?? [];
  const router = createIpcRouter(
    createHandlers(context, { networkInterfaces: () => interfaces, listVolumes: async () => volumes, session }),
    log,
  );
  recorded.route = async (channel, payload) => {
    const response = await router.route(channel, payload);
    calls.push({ channel, request: payload, response });
    return response;
  };
  recorded.close = () => session.close();
  recorded.session = session;
  return recorded as RecordedIpc;
}
