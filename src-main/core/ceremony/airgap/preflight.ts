/**
 * The air-gapped ceremonies' preflight: before any material exists, the folder for the wrapped
 * bundle, the receipt folder (and the receipt's file names) and every custodian folder are
 * checked with preflightDestinations, sized for the keys of this ceremony. Journaled either way.
 */
import path from 'node:path';
import type { ImportParameters } from '../../bundle';
import type { MaterialExpiry } from '../shared/ceremony-plan';
import { expiryText, type KeyExpiry } from '../shared/planned-expiry';
import { phraseOf } from '../../../i18n/phrase';
import { isAsymmetric } from '../../crypto/key-spec';
import { isKeyferryError, toProblem } from '../../errors';
import { problemData, type Journal } from '../../journal';
import { SPLIT_START_JOURNALED } from './custody-split';
import { namedLeftCustodySet } from './left-custody-set';
import {
  ESTIMATE_BLOCK_BYTES,
  preflightDestinations,
  type CheckedDestination,
  type Destination,
} from '../../media/preflight';
import { KEY_SPEC_TABLE } from '../../key-spec-table';

/** Where an air-gapped ceremony will write. */
export interface AirGapDestinations {
  /** The new folder for the wrapped-material bundle. */
  readonly wrappedBundle: string;
  /** The folder the receipt goes to (it usually exists: e.g. the journal's folder). */
  readonly receiptFolder: string;
  /** One folder per custodian (custody split only). */
  readonly custodianFolders?: readonly string[];
  /** The custodians' names, in the folders' order, where given: the preflight's refusals name them. */
  readonly custodianNames?: readonly string[] | undefined;
  /** Custodian folders may share one volume (rehearsals only). */
  readonly allowSameVolume?: boolean;
  /**
   * The command line's working folder and material file (`--material`), on whose volumes no
   * custodian folder may be either (the app names neither: its material files are chosen later).
   */
  readonly workingFolder?: string;
  readonly materialFile?: string;
  /**
   * The material expiry the wrapped bundle will request: 'plan' for each key's own planned expiry
   * (planned-expiry.ts; never where there is no plan), or one expiry for every AES key (an
   * override where a key's plan differs, journaled). When given, the bundle must be written with
   * exactly this, and AES material generated for an expiry with no custody folders needs the
   * no-backup acknowledgement first. Absent: the expiry is the one given when the bundle is written.
   */
  readonly materialExpiry?: MaterialExpiry | 'plan';
}

/** Upper estimates, including a file-system block per file (4 KiB). */
const BLOCK = ESTIMATE_BLOCK_BYTES;
const BUNDLE_BASE_BYTES = 8 * BLOCK;
const RECEIPT_BYTES = 2 * 256 * 1024;
/**
 * A custodian's folder holds one share of the ceremony (its file and slip) and the encrypted backup
 * of every key's material (its file, text and printable page, whose QR codes take about 190 bytes
 * of HTML per byte of material). Measured: 112 KiB on disk for one AES key in English, 236 KiB in
 * Chinese (a slip and a backup page carry a subset of the CJK font), 1,172 KiB for the six specs.
 */
const CUSTODIAN_BASE_BYTES = 80 * BLOCK;
const BACKUP_BYTES_PER_MATERIAL_BYTE = 260;
const EC_BYTES: Readonly<Record<string, number>> = { prime256v1: 32, secp384r1: 48 };

/** Upper size of a key's material as the backup carries it (raw AES bytes; PKCS#8 DER for RSA and EC). */
function materialBytesUpTo(spec: ImportParameters['keySpec']): number {
  const row = KEY_SPEC_TABLE[spec];
  if (row.kind === 'symmetric') return row.materialBytes;
  // RSA: n and d whole, p, q and three CRT values half each; EC: the scalar and the public point.
  if (row.kind === 'rsa') return Math.ceil((4.5 * row.bits) / 8) + 64;
  return 3 * (EC_BYTES[row.namedCurve] ?? 66) + 64;
}

/** Upper estimate of one custodian's files for `keys` (`custody split`'s room check too). */
export function custodianBytes(keys: readonly Pick<ImportParameters, 'keySpec'>[]): number {
  const material = keys.reduce((sum, k) => sum + materialBytesUpTo(k.keySpec), 0);
  return CUSTODIAN_BASE_BYTES + material * BACKUP_BYTES_PER_MATERIAL_BYTE;
}

function bundleBytes(keys: readonly ImportParameters[]): number {
  return keys.reduce((sum, k) => sum + (isAsymmetric(k.keySpec) ? 6 : 2) * BLOCK, BUNDLE_BASE_BYTES);
}

/**
 * The files and folders a wrapped bundle for `keys` holds: manifest.json, README.txt and keys/; per
 * key its folder and EncryptedKeyMaterial.bin, with public_key.der and the wrapped private key for
 * RSA and EC.
 */
function bundleEntries(keys: readonly ImportParameters[]): number {
  return keys.reduce((sum, k) => sum + (isAsymmetric(k.keySpec) ? 4 : 2), 3);
}

/** A custodian's files: the share file, its slip (HTML and text) and the backup (text and printable page). */
export const CUSTODIAN_ENTRIES = 5;

/** The destinations of a ceremony writing a wrapped bundle for `keys`, with a receipt named `receiptBase`. */
export function airGapDestinations(
  request: AirGapDestinations,
  keys: readonly ImportParameters[],
  receiptBase: string,
): Destination[] {
  const custodians = request.custodianFolders ?? [];
  return [
    {
      role: 'bundle',
      folder: request.wrappedBundle,
      expect: 'new-or-empty',
      bytes: bundleBytes(keys),
      entries: bundleEntries(keys),
    },
    {
      role: 'receipt',
      folder: request.receiptFolder,
      expect: 'existing',
      fileNames: [`${receiptBase}.html`, `${receiptBase}.txt`],
      bytes: RECEIPT_BYTES,
      entries: 2,
    },
    ...custodians.map((folder, i): Destination => ({
      role: 'custodian',
      index: i + 1,
      custodian: request.custodianNames?.[i],
      folder,
      expect: 'new-or-empty',
      bytes: custodianBytes(keys),
      entries: CUSTODIAN_ENTRIES,
    })),
  ];
}

/** Runs the preflight and journals `preflight.passed` or `preflight.refused` (then rethrows). */
export async function preflightJournaled(
  journal: Journal,
  operator: string,
  destinations: readonly Destination[],
  options: {
    readonly allowSameVolume: boolean;
    readonly readFrom?: string | undefined;
    readonly workingFolder?: string | undefined;
    readonly materialFile?: string | undefined;
  },
  /** More facts for the `preflight.passed` entry (e.g. the planned material expiry). */
  facts: Readonly<Record<string, string | number | boolean>> = {},
): Promise<CheckedDestination[]> {
  const allowSameVolume = options.allowSameVolume;
  try {
    const checked = await preflightDestinations(destinations, {
      allowCustodiansOnOneVolume: allowSameVolume,
      journalFolder: path.dirname(journal.path),
      workingFolder: options.workingFolder,
      materialFile: options.materialFile,
      ...(options.readFrom !== undefined ? { readFrom: options.readFrom } : {}),
    });
    await journal.append(operator, 'preflight.passed', {
      destinations: checked.map((c) => ({
        role: c.role,
        folder: c.folder,
        willCreate: c.willCreate,
        freeBytes: c.freeBytes,
        neededBytes: c.neededBytes,
      })),
      custodiansOnOneVolume: allowSameVolume,
      ...SPLIT_START_JOURNALED,
      ...facts,
    });
    return checked;
  } catch (thrown) {
    // A custodian folder holding a set the journal names as left there: that set is named (left-custody-set.ts).
    const error = await namedLeftCustodySet(journal.entries, thrown);
    const problem = toProblem(error);
    if (isKeyferryError(error)) await journal.append(operator, 'preflight.refused', problemData(problem));
    throw error;
  }
}

/** How the preflight journals the expiry the wrapped bundle will request: 'plan', `never` or an ISO time. */
export function requestedExpiryText(request: AirGapDestinations): string | undefined {
  const { materialExpiry } = request;
  return materialExpiry === undefined || materialExpiry === 'plan' ? materialExpiry : expiryText(materialExpiry);
}

/** The air-gapped side requests another AES material expiry than the plan's (journaled `expiry.plan-overridden`). */
export interface PlanExpiryOverride {
  /** The plan's for these keys, as the import-parameters bundle carries it: `never` or an ISO 8601 time. */
  readonly planned: string;
  /** What this side's wrapped bundle will request: `never` or an ISO 8601 time. */
  readonly requested: string;
  /** The AES keys it concerns (asymmetric material never expires). */
  readonly keyIds: readonly string[];
}

/**
 * Each key's planned expiry (carried in the bundle) is what the ceremony agreed; an explicit
 * request for another one is the officer's to make, but never quietly: one `expiry.plan-overridden`
 * entry (an override, listed on both receipts) per planned expiry it replaces, naming its keys, and
 * returned for the screen or terminal. None when nothing overrides a plan. `event`
 * 'expiry.lapsed-plan-replaced': a custody restore replacing plan moments that had already passed
 * (not an override: restore/restored-expiry.ts), journaled the same way.
 */
export async function journalPlanExpiryOverrides(
  journal: Journal,
  operator: string,
  expiries: readonly KeyExpiry[],
  event: 'expiry.plan-overridden' | 'expiry.lapsed-plan-replaced' = 'expiry.plan-overridden',
): Promise<PlanExpiryOverride[]> {
  const byPlan = new Map<string, { requested: string; keyIds: string[] }>();
  for (const e of expiries) {
    if (!e.overridden || e.planned === null) continue;
    const planned = expiryText(e.planned);
    const group = byPlan.get(planned) ?? { requested: expiryText(e.requested), keyIds: [] };
    group.keyIds.push(e.keyId);
    byPlan.set(planned, group);
  }
  const moment = (text: string) => (text === 'never' ? 0 : Date.parse(text));
  const overrides: PlanExpiryOverride[] = [];
  for (const [planned, { requested, keyIds }] of byPlan) {
    await journal.append(operator, event, {
      planned,
      requested,
      keyIds,
      reasonPhrase: {
        ...phraseOf(
          `journal.reason.${event === 'expiry.plan-overridden' ? 'expiry-plan-overridden' : 'expiry-lapsed-plan-replaced'}`,
          {
            plannedKind: planned === 'never' ? 'never' : 'at',
            planned: moment(planned),
            requestedKind: requested === 'never' ? 'never' : 'at',
            requested: moment(requested),
            count: keyIds.length,
          },
        ),
      },
    });
    overrides.push({ planned, requested, keyIds });
  }
  return overrides;
}
