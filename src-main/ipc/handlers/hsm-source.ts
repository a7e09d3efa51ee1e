/**
 * The HSM (PKCS#11) material source on the air-gapped side: the tokens a module shows (no PIN),
 * and the token chosen for this ceremony (`AirGapCeremony.useHsm`: login, capability check for
 * every wrapping algorithm and key spec, journaled by the core); and the custody restore of HSM
 * material from the token objects the air-gapped journal recorded (`RestoreCeremony.restoreFromHsm`).
 * The PIN arrives in that one request, goes to C_Login and is dropped: it is never stored, logged,
 * journaled or sent back.
 * The PKCS#11 layer is loaded on first use, so a workstation without HSM never loads it.
 */
import fs from 'node:fs';
import type { CrashedObjectsCleanup } from '../../core/ceremony/airgap/crashed-objects-destroy';
import type { HsmSourceSummary } from '../../core/ceremony/airgap/hsm-token-check';
import { KeyferryError } from '../../core/errors';
import { capabilityFacts } from '../../core/hsm/mechanisms';
import type {
  CrashedObjectsView,
  HsmCapabilityCheckView,
  HsmCapabilityView,
  HsmRestoredView,
  HsmTokenList,
} from '../contract';
import type { HandlersFor } from './channel-handler';
import { inputFilePath } from './paths';
import type { CeremonySession } from './session';

type HsmChannel = 'listHsmTokens' | 'useHsm' | 'restoreFromHsm';

/** Each wrapping algorithm's capability check as the screen shows it: trials, and per spec what works or why not. */
function checksView(reports: HsmSourceSummary['reports']): HsmCapabilityCheckView[] {
  return reports.map((r) => ({
    ...capabilityFacts(r),
    oaepFailure: r.oaep.failure,
    specs: r.specs.map((s) => ({
      spec: s.spec,
      ok: s.ok,
      mechanisms: [...s.mechanisms],
      problem: s.problem
        ? {
            code: s.problem.code,
            message: s.problem.message,
            nextStep: s.problem.nextStep,
            ...(s.problem.values ? { values: { ...s.problem.values } } : {}),
          }
        : null,
    })),
  }));
}

/** The crashed session's objects as the screen shows them: names, commands and problems; never their evidence. */
function crashedObjectsView(cleanup: CrashedObjectsCleanup | null): CrashedObjectsView | null {
  if (!cleanup) return null;
  const record = ({ keyId, label, objectId, objectClass }: CrashedObjectsView['destroyed'][number]) => ({
    keyId,
    label,
    objectId,
    objectClass,
  });
  return {
    tokenLabel: cleanup.tokenLabel,
    tokenSerial: cleanup.tokenSerial,
    destroyed: cleanup.destroyed.map(record),
    destroyedIn: [...cleanup.destroyedIn],
    unproven: cleanup.unproven.map((o) => ({
      ...record(o),
      command: o.command,
      problem: { code: o.problem.code, values: { ...o.problem.values } },
    })),
  };
}

function capabilityView(
  summary: HsmSourceSummary,
  accepted: boolean,
  existingKeys: boolean,
  zeroFilledPadAccepted: boolean,
  crashedObjects: CrashedObjectsCleanup | null,
): HsmCapabilityView {
  return {
    token: { ...summary.token },
    checks: checksView(summary.reports),
    accepted,
    existingKeys,
    zeroFilledPadAccepted,
    crashedObjects: crashedObjectsView(crashedObjects),
  };
}

/** The zero-filled pad override: a rehearsal's only (HSM_ZERO_FILLED_PAD_REHEARSAL_ONLY otherwise). */
function zeroFilledAllowed(accept: true | undefined, rehearsal: boolean): boolean {
  if (accept && !rehearsal) throw new KeyferryError('HSM_ZERO_FILLED_PAD_REHEARSAL_ONLY', {});
  return accept === true;
}

export function hsmSourceHandlers(session: CeremonySession): HandlersFor<HsmChannel> {
  return {
    listHsmTokens: async ({ modulePath }): Promise<HsmTokenList> => {
      session.requireMode('air-gapped', 'rehearsal');
      const { describeHsm } = await import('../../core/hsm');
      const report = describeHsm(modulePath);
      const m = report.module;
      return {
        modulePath: report.modulePath,
        module: {
          manufacturer: m.manufacturerID,
          description: m.libraryDescription,
          version: `${m.libraryVersion.major}.${m.libraryVersion.minor}`,
          cryptoki: `${m.cryptokiVersion.major}.${m.cryptokiVersion.minor}`,
        },
        tokens: report.tokens.map((t) => ({ ...t, mechanisms: t.mechanisms.map((x) => ({ ...x })) })),
      };
    },

    useHsm: ({ modulePath, token, pin, existingKeys, acceptZeroFilledPad }) =>
      session.track('air-gapped', async () => {
        session.requireMode('air-gapped', 'rehearsal');
        const side = session.requireAirGap();
        const { refusedCapability } = await import('../../core/ceremony/airgap/hsm-token-check');
        const request = {
          modulePath,
          token,
          pin,
          ...(existingKeys ? { existingKeys: existingKeys.labels ? { labels: existingKeys.labels } : {} } : {}),
          acceptZeroFilledPad: zeroFilledAllowed(acceptZeroFilledPad, side.rehearsal),
          // A refusal's next step names the app's controls, not the CLI's options.
          surface: 'app' as const,
        };
        const zeroFilled = (summary: HsmSourceSummary) =>
          summary.reports.some((r) => r.privateKeyWrap.framing === 'zero-filled' && r.specs.some((s) => s.ok));
        try {
          const summary = await side.ceremony.useHsm(request);
          return capabilityView(
            summary,
            true,
            existingKeys !== undefined,
            zeroFilled(summary),
            side.ceremony.crashedObjects,
          );
        } catch (error) {
          // A capability refusal is an answer the screen shows in full (every spec), not only a problem.
          const refused = refusedCapability(error);
          if (!refused) throw error;
          return capabilityView(refused, false, existingKeys !== undefined, false, null);
        }
      }),

    restoreFromHsm: ({ modulePath, token, pin, airGapJournal, acceptZeroFilledPad }) =>
      session.track('custody-restore', async (): Promise<HsmRestoredView> => {
        const mode = session.requireMode('air-gapped', 'rehearsal');
        const { ceremony } = session.requireRestore();
        // The air-gapped journal that recorded the token objects: chosen, else this ceremony folder's.
        const here = session.journalPath('air-gapped');
        const journal = airGapJournal
          ? inputFilePath(airGapJournal, 'airGapJournal')
          : fs.existsSync(here)
            ? here
            : undefined;
        const restored = await ceremony.restoreFromHsm({
          modulePath,
          token,
          pin,
          ...(journal ? { airGapJournal: journal } : {}),
          acceptZeroFilledPad: zeroFilledAllowed(acceptZeroFilledPad, mode === 'rehearsal'),
        });
        return {
          token: { ...restored.token },
          checks: checksView(restored.capability),
          keys: restored.keys.map((k) => ({ ...k })),
          recordedIn: restored.recordedIn,
          proof: { key: 'hsm.restore.proven', values: { count: restored.proof.values.count } },
        };
      }),
  };
}
