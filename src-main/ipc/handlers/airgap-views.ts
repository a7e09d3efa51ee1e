/**
 * What the air-gapped handlers (the air-gapped side and the custody restore) share: the options
 * that start a workflow on this session, and the plain copies of what a workflow step returns
 * (readonly arrays become fresh arrays before they cross IPC).
 */
import path from 'node:path';
import type { WrittenWrappedBundle } from '../../core/ceremony/airgap/wrap';
import type { AirGapCeremony, ParametersOverview } from '../../core/ceremony/airgap/workflow';
import type { ArtefactToConfirm } from '../../core/ceremony/airgap/witness-confirmations';
import type { AirGapPeople } from '../../core/ceremony/airgap/steps';
import type { MaterialAuditObserver } from '../../core/ceremony/airgap/material-vault';
import type { InterfaceList, NetworkCheckResult } from '../../core/ceremony/shared/network-check';
import type { ProgressListener } from '../../core/ceremony/shared/progress';
import type { UnfinishedSessionReport } from '../../core/ceremony/airgap/unfinished-session';
import type { TokenObjectsCleanup } from '../../core/ceremony/airgap/token-objects-cleanup';
import { groupHex } from '../../core/hex-groups';
import type { Journal } from '../../core/journal';
import { receiptLanguageOfSession } from '../../core/ceremony/shared/journaled-receipt';
import type { RecordKind } from '../contract';
import type { CeremonySession } from './session';

/** The options both air-gapped workflows start with, from the session's setup and hooks. */
export function airGapStartOptions(
  session: CeremonySession,
  journal: Journal,
  side: RecordKind,
): AirGapPeople & {
  readonly rehearsal: boolean;
  readonly clock: () => Date;
  readonly onProgress: ProgressListener;
  readonly interfaces?: InterfaceList;
  readonly onMaterialForAudit?: MaterialAuditObserver;
} {
  const setup = session.requireSetup();
  const interfaces = session.hooks.interfaces?.();
  return {
    journal,
    title: setup.title,
    operator: setup.operator,
    witnesses: setup.witnesses,
    app: {
      version: session.context.identity.version,
      build: session.context.identity.build,
      ...(session.context.identity.code ? { code: session.context.identity.code } : {}),
    },
    rehearsal: session.context.mode.current() === 'rehearsal',
    paperSize: setup.paperSize,
    // The journal's own for a later session, unless the officer chose one at setup (the CLI's rule).
    receiptLanguage: receiptLanguageOfSession(setup.receiptLanguageChosen, journal.entries, setup.receiptLanguage),
    clock: () => session.now(),
    onProgress: session.progress(side),
    ...(interfaces ? { interfaces } : {}),
    ...(session.hooks.onMaterialForAudit ? { onMaterialForAudit: session.hooks.onMaterialForAudit } : {}),
  };
}

/** The HSM token objects of a stopped session, with their own copies of every list (nothing when it generated none). */
export function tokenObjectsView(cleanup: TokenObjectsCleanup | undefined) {
  if (!cleanup) return {};
  const { problem } = cleanup;
  return {
    tokenObjects: {
      tokenLabel: cleanup.tokenLabel,
      tokenSerial: cleanup.tokenSerial,
      destroyed: cleanup.destroyed.map((o) => ({ ...o })),
      left: cleanup.left.map((o) => ({ ...o })),
      problem: problem && { code: problem.code, values: { ...problem.values } },
    },
  };
}

function withoutTokenObjects(earlier: UnfinishedSessionReport): Omit<UnfinishedSessionReport, 'tokenObjects'> {
  const { tokenObjects: _tokenObjects, ...rest } = earlier;
  return rest;
}

/**
 * A network check result with its own copy of the live interfaces, and the earlier session of the
 * journal that the workflow found ended without stopping and closed (null: none).
 */
export function networkCheckView(result: NetworkCheckResult, earlier: UnfinishedSessionReport | null) {
  return {
    ...result,
    earlierSession: earlier && {
      ...withoutTokenObjects(earlier),
      withdrawnCustody: [...earlier.withdrawnCustody],
      custodyByHand: [...earlier.custodyByHand],
      voidedReceipts: [...earlier.voidedReceipts],
      ...tokenObjectsView(earlier.tokenObjects),
      notWithdrawn: earlier.notWithdrawn.map(({ phrase }) => ({
        key: phrase.key,
        ...(phrase.values ? { values: { ...phrase.values } } : {}),
      })),
    },
    message:
      result.message.key === 'network.overridden'
        ? { ...result.message, values: { ...result.message.values } }
        : { key: result.message.key },
    liveInterfaces: result.liveInterfaces.map((l) => ({ ...l })),
  };
}

/** An artefact the witnesses confirm, with its own copies of every list. */
export function artefactView(a: ArtefactToConfirm) {
  return {
    ...a,
    keyIds: [...a.keyIds],
    fingerprints: a.fingerprints.map((f) => ({ ...f })),
    confirmedBy: [...a.confirmedBy],
    pending: [...a.pending],
  };
}

/** What a witness typed, confirmed: the artefact as it now stands and how many confirmations are missing. */
export function confirmationView(outcome: { confirmed: ArtefactToConfirm; remaining: number }) {
  return { confirmed: artefactView(outcome.confirmed), remaining: outcome.remaining };
}

/** A written wrapped-material bundle as the screen shows it (folder name, grouped digest). */
export function writtenBundleView(written: WrittenWrappedBundle) {
  return {
    dir: written.dir,
    folderName: path.basename(written.dir),
    manifestSha256: written.manifestSha256,
    manifestSha256Grouped: groupHex(written.manifestSha256),
    files: written.files.map((f) => ({ ...f })),
    warnings: [...written.warnings],
  };
}

/** The parameters as the screen may show them: without the bundle digest, which the witnesses type as heard. */
export function overviewView(overview: ParametersOverview) {
  return {
    ceremonyId: overview.ceremonyId,
    source: overview.source,
    keys: overview.keys.map((k) => ({ ...k })),
    confirmations: overview.confirmations.map(artefactView),
    warnings: [...overview.warnings],
    planExpiry: overview.planExpiry,
  };
}

/**
 * The parameters the air-gapped session read (null before), with who has confirmed them so far: a
 * reloaded window shows them and the witnesses' step again (a witness still to type finds the field).
 */
export function readOverviewView(ceremony: Pick<AirGapCeremony, 'parametersOverview' | 'artefactsToConfirm'>) {
  const overview = ceremony.parametersOverview;
  if (!overview) return null;
  return { ...overviewView(overview), confirmations: ceremony.artefactsToConfirm().map(artefactView) };
}
