/**
 * The preflight of an air-gapped session (the wrap and the custody restore alike): every place the
 * session will write to is checked and journaled before any material exists, each key's expiry is
 * fixed when the request names it, and later steps write only where the preflight looked
 * (PREFLIGHT_REQUIRED, PREFLIGHT_FOLDER_DIFFERS, PREFLIGHT_EXPIRY_DIFFERS).
 */
import path from 'node:path';
import type { ImportParameters } from '../../bundle';
import { KeyferryError, toProblem } from '../../errors';
import { problemData, type Journal } from '../../journal';
import type { MaterialExpiry } from '../shared/ceremony-plan';
import { expiryText, type KeyExpiry } from '../shared/planned-expiry';
import {
  airGapDestinations,
  journalPlanExpiryOverrides,
  preflightJournaled,
  requestedExpiryText,
  type AirGapDestinations,
  type PlanExpiryOverride,
} from './preflight';
import { recheckCustodianFolders, type PreflightedCustodianFolder } from './custodian-folders-recheck';
import { volumeIdOf } from '../../media/folder-info';

/** The steps that need the preflight first (messages name them). */
export type PreflightedStep = 'generate' | 'load' | 'hsm' | 'restore' | 'split' | 'bundle' | 'receipt';

/** One session's preflight: what passed, and each key's expiry it fixed. */
export class SessionPreflight {
  readonly #journal: Journal;
  readonly #operator: string;
  #checked: AirGapDestinations | undefined;
  /** Each key's expiry fixed by the preflight (undefined: the one given when the bundle is written). */
  #requestedExpiries: ReadonlyMap<string, MaterialExpiry> | undefined;
  /** The volumes the preflight found the custodian folders and the wrapped bundle's folder on. */
  #custodianVolumes: readonly PreflightedCustodianFolder[] | undefined;

  constructor(people: { readonly journal: Journal; readonly operator: string }) {
    this.#journal = people.journal;
    this.#operator = people.operator;
  }

  /** The destinations that passed the preflight in this session, if any. */
  get destinations(): AirGapDestinations | undefined {
    return this.#checked;
  }

  /**
   * Checks (journaled) every place `request` names for `keys`; refuses when a folder is missing, not
   * empty, not writable, on the wrong volume or short of room, or in the import-parameters bundle
   * being read (`readFrom`). `expiries` (asked once the places
   * passed) are each key's expiry when the request names it: fixed here, an override of a key's
   * plan journaled and returned.
   */
  async run(
    keys: readonly ImportParameters[],
    request: AirGapDestinations,
    receiptBaseName: string,
    expiries: () => KeyExpiry[] | undefined,
    readFrom?: string,
  ): Promise<PlanExpiryOverride[]> {
    const destinations = airGapDestinations(request, keys, receiptBaseName);
    const requested = requestedExpiryText(request);
    const checked = await preflightJournaled(
      this.#journal,
      this.#operator,
      destinations,
      {
        allowSameVolume: request.allowSameVolume ?? false,
        readFrom,
        workingFolder: request.workingFolder,
        materialFile: request.materialFile,
      },
      requested ? { bundleExpiry: requested } : {},
    );
    this.#checked = {
      ...request,
      wrappedBundle: path.resolve(request.wrappedBundle),
      receiptFolder: path.resolve(request.receiptFolder),
      ...(request.custodianFolders ? { custodianFolders: request.custodianFolders.map((f) => path.resolve(f)) } : {}),
    };
    this.#custodianVolumes = checked
      .filter((c) => c.role === 'custodian')
      .map((c) => ({ folder: c.folder, volumeId: c.volumeId }));
    const fixed = expiries();
    this.#requestedExpiries = fixed ? new Map(fixed.map((e) => [e.keyId, e.requested])) : undefined;
    return fixed ? journalPlanExpiryOverrides(this.#journal, this.#operator, fixed) : [];
  }

  /**
   * The core's own guard (not only a disabled button): material is produced, and anything is
   * written, only after the preflight passed in this session (PREFLIGHT_REQUIRED).
   */
  require(step: PreflightedStep): AirGapDestinations {
    if (!this.#checked) throw new KeyferryError('PREFLIGHT_REQUIRED', { step });
    return this.#checked;
  }

  /**
   * Right before the custody split writes: every custodian folder still as the preflight found it
   * (custodian-folders-recheck.ts, CUSTODIAN_FOLDER_CHANGED).
   */
  async recheckCustodianFolders(): Promise<void> {
    this.require('split');
    if (this.#custodianVolumes) await recheckCustodianFolders(this.#custodianVolumes);
  }

  /**
   * Before a material file is read: refuses (MATERIAL_ON_CUSTODIAN_VOLUME) one on the volume of a
   * custodian folder the preflight checked. The app chooses the file after the preflight, which
   * could not compare it: that custodian's share and the whole backup would go beside the
   * plaintext. Journaled `preflight.refused`, as the preflight's own refusals are (the receipt lists
   * it). Left out, as the preflight's volume rule is, by the rehearsal's override.
   */
  async refuseMaterialOnCustodianVolume(file: string): Promise<void> {
    const checked = this.require('load');
    if (checked.allowSameVolume === true || !this.#custodianVolumes?.length) return;
    // A file that cannot be read is left to the read, whose refusal says why.
    const volumeId = await volumeIdOf(file).catch(() => undefined);
    if (volumeId === undefined) return;
    const index = this.#custodianVolumes.findIndex((c) => c.volumeId === volumeId);
    const custodian = this.#custodianVolumes[index];
    if (!custodian) return;
    const refused = new KeyferryError('MATERIAL_ON_CUSTODIAN_VOLUME', {
      file,
      index: index + 1,
      folder: custodian.folder,
    });
    await this.#journal.append(this.#operator, 'preflight.refused', problemData(toProblem(refused)));
    throw refused;
  }

  /**
   * Each key's expiry in the wrapped bundle written into `dir`, which must be the folder the
   * preflight checked (PREFLIGHT_FOLDER_DIFFERS): `given` is the one expiry for every AES key when
   * the preflight left it open; when the preflight named one it must be that one
   * (PREFLIGHT_EXPIRY_DIFFERS), and absent when it asked for each key's plan.
   */
  bundleExpiries(dir: string, given: MaterialExpiry | undefined): (keyId: string) => MaterialExpiry {
    const checked = this.require('bundle');
    requirePreflightedFolder('bundle', dir, checked.wrappedBundle);
    const preflighted = requestedExpiryText(checked);
    const text = given === undefined && preflighted === 'plan' ? 'plan' : expiryText(given);
    if (preflighted !== undefined && preflighted !== text)
      throw new KeyferryError('PREFLIGHT_EXPIRY_DIFFERS', { planned: preflighted, given: text });
    const perKey = this.#requestedExpiries;
    const one: MaterialExpiry = given ?? { kind: 'never' };
    return (keyId) => perKey?.get(keyId) ?? one;
  }
}

/** `dir` must be the folder the preflight checked for `role` (PREFLIGHT_FOLDER_DIFFERS). */
export function requirePreflightedFolder(role: 'bundle' | 'receipt' | 'custodian', dir: string, checked: string): void {
  const given = path.resolve(dir);
  if (given !== checked) throw new KeyferryError('PREFLIGHT_FOLDER_DIFFERS', { role, folder: given, checked });
}
