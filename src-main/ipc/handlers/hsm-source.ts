/**
 * The HSM (PKCS#11) material source on the air-gapped side: the tokens a module shows (no PIN),
 * and the token chosen for this ceremony (`AirGapCeremony.useHsm`: login, capability check for
 * every wrapping algorithm and key spec, journaled by the core). The PIN arrives in that one
 * request, goes to C_Login and is dropped: it is never stored, logged, journaled or sent back.
 * The PKCS#11 layer is loaded on first use, so a workstation without HSM never loads it.
 */
import type { HsmSourceSummary } from '../../core/ceremony/airgap/hsm-material';
import { KeyferryError } from '../../core/errors';
import { mechanismLabel } from '../../core/hsm/mechanisms';
import type { HsmCapabilityView, HsmTokenList } from '../contract';
import type { ChannelHandler } from './channel-handler';
import type { CeremonySession } from './session';

type HsmChannel = 'listHsmTokens' | 'useHsm';

/** The capability check as the screen shows it: identity, and per algorithm and spec what works or why not. */
function capabilityView(
  summary: HsmSourceSummary,
  accepted: boolean,
  existingKeys: boolean,
  zeroFilledPadAccepted: boolean,
): HsmCapabilityView {
  return {
    token: { ...summary.token },
    checks: summary.reports.map((r) => ({
      algorithm: r.algorithm,
      oaepFailure: r.oaep.failure,
      keyWrapMechanism: r.privateKeyWrap.mechanism === null ? null : mechanismLabel(r.privateKeyWrap.mechanism),
      keyWrapFraming: r.privateKeyWrap.framing,
      kcvMethod: r.kcvMethod,
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
    })),
    accepted,
    existingKeys,
    zeroFilledPadAccepted,
  };
}

export function hsmSourceHandlers(session: CeremonySession): { [C in HsmChannel]: ChannelHandler<C> } {
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
        if (acceptZeroFilledPad && !side.rehearsal) throw new KeyferryError('HSM_ZERO_FILLED_PAD_REHEARSAL_ONLY', {});
        const { refusedCapability } = await import('../../core/ceremony/airgap/hsm-material');
        const request = {
          modulePath,
          token,
          pin,
          ...(existingKeys ? { existingKeys: existingKeys.labels ? { labels: existingKeys.labels } : {} } : {}),
          acceptZeroFilledPad: acceptZeroFilledPad === true,
        };
        const zeroFilled = (summary: HsmSourceSummary) =>
          summary.reports.some((r) => r.privateKeyWrap.framing === 'zero-filled' && r.specs.some((s) => s.ok));
        try {
          const summary = await side.ceremony.useHsm(request);
          return capabilityView(summary, true, existingKeys !== undefined, zeroFilled(summary));
        } catch (error) {
          // A capability refusal is an answer the screen shows in full (every spec), not only a problem.
          const refused = refusedCapability(error);
          if (!refused) throw error;
          return capabilityView(refused, false, existingKeys !== undefined, false);
        }
      }),
  };
}
