/**
 * What a custody restore holds between its steps, and what it derives from it: the fresh bundle's
 * overview (what the screen and the terminal show before any share is presented), the backup
 * presented with set shares (journaled, never its contents) and the custody arrangement the
 * wrapped bundle records (workflow.ts runs the steps).
 */
import type { CustodyArrangement, ImportParameters, ImportParametersBundle } from '../../bundle';
import type { CustodyBackup } from '../../custody/backup-file';
import { checkBackupMatches, checkHoldersMatch } from '../../custody/set-restore';
import { KeyferryError, toProblem } from '../../errors';
import { problemData, type Journal, type JournalEntry } from '../../journal';
import type { Warning } from '../../../i18n/warning';
import type { AirGapHsmMaterial } from '../airgap/hsm-material';
import { plannedExpiryOf } from '../shared/planned-expiry';
import type { HsmRestoredKeys } from './hsm-restore';
import type { RestoredKey } from './per-key-restore';
import type { PresentedShare, PresentedShares } from './presented-shares';
import { plannedText } from './restored-expiry';
import { sharesArrangement } from './split-holders';

/** The backup file presented with set shares, as journaled (never its contents). */
export interface PresentedBackup {
  readonly file: string;
  readonly ceremonyId: string;
  readonly digest: string;
  readonly keys: number;
  readonly source: 'file' | 'typed';
}

export interface RestoreParametersOverview {
  readonly ceremonyId: string;
  readonly manifestSha256: string;
  readonly keys: readonly {
    keyId: string;
    spec: ImportParameters['keySpec'];
    wrappingKeyFingerprint: string;
    tokenExpiresAt: string | null;
    /** The key's planned material expiry ("never" or an ISO time; format 4: its own); null when the bundle records none. */
    plannedExpiry: string | null;
  }[];
  readonly warnings: readonly Warning[];
  /** The material expiry the bundle records for the ceremony ("never" or an ISO time); null when an older Keyferry wrote none. */
  readonly materialExpiry: string | null;
}

/** The material rebuilt from shares, or proven on an HSM token: what the wrap step wraps. */
export type RestoredState =
  | {
      readonly from: 'shares';
      readonly keys: readonly ImportParameters[];
      readonly result: RestoredKey;
      readonly presented: readonly PresentedShare[];
    }
  | {
      readonly from: 'hsm';
      readonly keys: readonly ImportParameters[];
      readonly result: HsmRestoredKeys;
      readonly hsm: AirGapHsmMaterial;
    };

/** The fresh import-parameters bundle as the restore shows and journals it (`parameters.read`). */
export function parametersOverview(bundle: ImportParametersBundle): RestoreParametersOverview {
  const bundleExpiry = bundle.manifest.ceremony?.materialExpiry;
  return {
    ceremonyId: bundle.manifest.ceremonyId,
    manifestSha256: bundle.digest,
    keys: bundle.keys.map((k) => ({
      keyId: k.keyId,
      spec: k.keySpec,
      wrappingKeyFingerprint: k.wrappingKey.fingerprint,
      tokenExpiresAt: k.importToken?.expiry?.expiresAt ?? null,
      plannedExpiry: plannedText(plannedExpiryOf(k, bundleExpiry)),
    })),
    warnings: bundle.warnings,
    materialExpiry: bundleExpiry ?? null,
  };
}

/**
 * Checks that `backup` is the one the set shares presented so far were made with, and journals it
 * (`custody.backup-presented`, or `custody.backup-refused` with the refusal before it is thrown).
 */
export async function journalPresentedBackup(
  journal: Journal,
  operator: string,
  shares: PresentedShares,
  backup: CustodyBackup,
  origin: Pick<PresentedBackup, 'file' | 'source'>,
  bundleKeyIds: readonly string[] = [],
): Promise<PresentedBackup> {
  const first = shares.setShares[0];
  const { ceremonyId, digest } = backup;
  const record: PresentedBackup = {
    file: origin.file,
    ceremonyId,
    digest,
    keys: backup.entries.length,
    source: origin.source,
  };
  try {
    if (first) checkBackupMatches(first, backup, origin.file);
    // Every share presented so far names the holder this backup records for its index.
    checkHoldersMatch(shares.setShares, backup);
    // A key of the bundle this backup holds no material of: said now, before the shares are combined.
    const missing = bundleKeyIds.find((keyId) => !backup.entries.some((e) => e.keyId === keyId));
    if (missing !== undefined)
      throw new KeyferryError('CUSTODY_BACKUP_KEY_UNKNOWN', {
        keyId: missing,
        ceremonyId: backup.ceremonyId,
        chosenBy: 'bundle',
      });
  } catch (error) {
    await journal.append(operator, 'custody.backup-refused', { ...record, ...problemData(toProblem(error)) });
    throw error;
  }
  await journal.append(operator, 'custody.backup-presented', { ...record });
  return record;
}

/** The custody the restored bundle records: the shares stay with their holders (split-holders.ts); an HSM token keeps the material. */
export function restoredCustody(
  restored: RestoredState,
  backup: CustodyBackup | undefined,
  entries: readonly JournalEntry[],
): CustodyArrangement {
  if (restored.from === 'hsm') {
    const { label, serial } = restored.result.token;
    return { kind: 'hsm-token', label, serial };
  }
  const { result, presented } = restored;
  const first = [...presented].sort((a, b) => a.shareIndex - b.shareIndex)[0];
  return sharesArrangement(
    {
      threshold: result.threshold,
      total: result.total,
      backupDigest: result.keys ? (backup?.digest ?? null) : null,
      keyId: result.keys ? null : (first?.keyId ?? null),
      backupHolders: backup?.holders,
    },
    presented,
    entries,
  );
}
