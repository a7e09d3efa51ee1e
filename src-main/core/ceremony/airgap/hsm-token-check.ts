/**
 * The HSM token opened for a ceremony and its capability checked before anything is generated: the
 * token selected (a restore's compared with the serial its journal names, before login), logged in
 * with the PIN (not kept), every wrapping algorithm and key spec of the parameters tried, the token
 * and the result journaled (and the rehearsal's zero-filled pad override). A refusal is journaled
 * (`hsm.refused`) and closes what was opened; nothing exists in the token yet.
 */
import type { ImportParameters } from '../../bundle';
import { KEY_SPEC_INFO, type WrappingAlgorithm } from '../../crypto/key-spec';
import { KeyferryError, toProblem } from '../../errors';
import { phraseOf } from '../../../i18n/phrase';
import {
  capabilityFacts,
  checkHsmCapability,
  HsmModule,
  HsmSession,
  mechanismLabel,
  requireCapability,
  selectToken,
  type HsmCapabilityReport,
  type HsmTokenIdentity,
} from '../../hsm';
import { problemData, type Journal } from '../../journal';
import type { JsonObject } from '../../journal/canonical-json';
import type { HsmSourceRequest } from './hsm-source-request';

/** What people see of the HSM check: identity and what each spec will use, never secrets. */
export interface HsmSourceSummary {
  readonly token: HsmTokenIdentity;
  readonly reports: readonly HsmCapabilityReport[];
}

/** The capability check's result a refusal carries (every spec, not only the refused one), or null. */
export function refusedCapability(error: unknown): HsmSourceSummary | null {
  const carried = (error as { capability?: HsmSourceSummary } | null)?.capability;
  return carried && typeof carried === 'object' ? carried : null;
}

/** The open token: its module, the logged-in session and the capability check's report per wrapping algorithm. */
interface CheckedToken {
  readonly module: HsmModule;
  readonly session: HsmSession;
  readonly reports: HsmCapabilityReport[];
}

/**
 * Opens the token and runs the capability check for every wrapping algorithm and key spec of
 * `parameters`; journals the token and the result; refuses (journaled) before anything exists.
 * `expectedSerial`: a restore's token, as its journal names it.
 */
export async function openCheckedToken(
  request: HsmSourceRequest,
  parameters: readonly ImportParameters[],
  context: { readonly journal: Journal; readonly operator: string },
  expectedSerial?: string,
): Promise<CheckedToken> {
  let module: HsmModule | null = null;
  let session: HsmSession | null = null;
  try {
    module = HsmModule.open(request.modulePath);
    const slot = selectToken(module, request.token);
    // A restore re-wraps the object of the token the journal names: another token is refused before login.
    if (expectedSerial !== undefined && slot.token.serialNumber.trim() !== expectedSerial) {
      throw new KeyferryError('HSM_RESTORE_TOKEN_DIFFERS', {
        token: slot.token.label.trim(),
        found: slot.token.serialNumber.trim(),
        recorded: expectedSerial,
      });
    }
    session = HsmSession.open(module, slot, request.pin);
    const algorithms = [...new Set(parameters.map((p) => p.wrappingAlgorithm))] as WrappingAlgorithm[];
    const existing = Boolean(request.existingKeys);
    const reports = algorithms.map((algorithm) =>
      checkHsmCapability(session!, {
        algorithm,
        specs: [...new Set(parameters.filter((p) => p.wrappingAlgorithm === algorithm).map((p) => p.keySpec))],
        existingKeys: existing,
        acceptZeroFilledPad: request.acceptZeroFilledPad ?? false,
      }),
    );
    await context.journal.append(
      context.operator,
      'hsm.capability-checked',
      capabilityRecord(session.identity, request, reports),
    );
    try {
      for (const report of reports) requireCapability(report);
    } catch (refusal) {
      // The screen shows every spec's result beside the refusal, not only the first refusal.
      const capability: HsmSourceSummary = { token: session.identity, reports };
      throw Object.assign(refusal as object, { capability });
    }
    const zeroFilled = reports.some(
      (r) =>
        r.privateKeyWrap.framing === 'zero-filled' &&
        r.specs.some((s) => s.ok && KEY_SPEC_INFO[s.spec].kind !== 'symmetric'),
    );
    if (zeroFilled) {
      await context.journal.append(context.operator, 'hsm.zero-filled-pad-accepted', {
        tokenSerial: session.identity.serial,
        mechanism: mechanismLabel(reports.find((r) => r.privateKeyWrap.mechanism !== null)!.privateKeyWrap.mechanism!),
        reason: 'rehearsal override: the token zero-fills AES key wrap with padding; not RFC 5649-exact',
        reasonPhrase: { ...phraseOf('journal.reason.zero-filled-pad') },
      });
    }
    return { module, session, reports };
  } catch (error) {
    const problem = toProblem(error);
    await context.journal
      .append(context.operator, 'hsm.refused', {
        ...problemData(problem),
        modulePath: request.modulePath,
        token: request.token,
      })
      .catch(() => undefined);
    session?.close();
    module?.close();
    throw error;
  }
}

function capabilityRecord(
  identity: HsmTokenIdentity,
  request: HsmSourceRequest,
  reports: readonly HsmCapabilityReport[],
): JsonObject {
  return {
    hsm: { ...identity },
    modulePath: request.modulePath,
    existingKeys: Boolean(request.existingKeys),
    checks: reports.map((r) => ({
      ...capabilityFacts(r),
      oaepTrial: r.oaep.ok ? 'ok' : (r.oaep.failure ?? 'failed'),
      specs: r.specs.map((s) => ({
        spec: s.spec,
        ok: s.ok,
        code: s.problem?.code ?? null,
        mechanisms: [...s.mechanisms],
      })),
    })),
  };
}
