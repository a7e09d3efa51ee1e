/**
 * The air-gapped side's optional custody step (step 5): the request must name exactly the custodian
 * folders the preflight checked, the material is split once (custody-split.ts), and the step keeps
 * what came of it: each key's holders (for the bundle's manifest and the receipt) and every file it
 * wrote onto the custodians' media (removed again if the session stops unfinished).
 */
import type { CustodyArrangement, ImportParameters } from '../../bundle';
import { materialOwners } from '../../bundle';
import { KeyferryError } from '../../errors';
import { newCreatedRecord } from '../../fs/created-entries';
import type { Journal } from '../../journal';
import type { ReceiptCustody } from '../../receipt';
import type { ReceiptLanguage } from '../../receipt/language';
import type { SlipContext } from '../../custody/custody-slip';
import type { ProgressListener } from '../shared/progress';
import {
  splitForCustody,
  withdrawCustodySplit,
  type CustodyRequest,
  type CustodyResult,
  type CustodyWritesLog,
} from './custody-split';
import type { MaterialVault } from './material-vault';
import { receiptCustodyOf } from './receipt';
import type { CustodyWithdrawal } from './session-stop';
import { requirePreflightedFolder } from './session-preflight';

/** What the split needs from the session running it. */
export interface CustodySplitSession {
  readonly ceremonyId: string;
  readonly parameters: readonly ImportParameters[];
  readonly vault: MaterialVault;
  readonly journal: Journal;
  readonly operator: string;
  /** The slips' language when the request names none (the ceremony's, else English). */
  readonly language: ReceiptLanguage;
  /** The ceremony's title and the split's time, printed on every slip. */
  readonly slipContext: SlipContext;
  readonly onProgress?: ProgressListener;
}

export class CustodySplitStep {
  readonly #results = new Map<string, CustodyResult>();
  /** Each replica's custody: its primary's split (one material for the group). */
  readonly #replicas = new Map<string, CustodyResult>();
  /** What the split wrote onto the custodians' media: removed again if the session stops unfinished. */
  readonly #writes: CustodyWritesLog = newCreatedRecord();

  /** Whether the material was split (wrapping needs it when custodian folders were planned). */
  get done(): boolean {
    return this.#results.size > 0;
  }

  /**
   * Refuses, before anything is written, a request whose folders are not the `planned` ones the
   * preflight checked (CUSTODY_NOT_PREFLIGHTED for another count, PREFLIGHT_FOLDER_DIFFERS for
   * another folder) and a second split (CUSTODY_ALREADY_SPLIT).
   */
  check(request: CustodyRequest, planned: readonly string[]): void {
    if (planned.length !== request.folders.length)
      throw new KeyferryError('CUSTODY_NOT_PREFLIGHTED', { planned: planned.length, given: request.folders.length });
    request.folders.forEach((folder, i) => requirePreflightedFolder('custodian', folder, planned[i] as string));
    if (this.done) throw new KeyferryError('CUSTODY_ALREADY_SPLIT');
  }

  /** Splits every key's material M-of-N (one custody set), one share folder per custodian. */
  async split(request: CustodyRequest, session: CustodySplitSession): Promise<CustodyResult[]> {
    const results = await splitForCustody(
      session.ceremonyId,
      // Custody covers each replica group once: its one material, under its primary's key id.
      materialOwners(session.parameters),
      session.vault,
      {
        ...request,
        language: request.language ?? session.language,
        // Each slip counts the materials and the keys they serve (a replica shares its primary's).
        slipContext: { ...session.slipContext, keys: session.parameters.length },
      },
      session.journal,
      session.operator,
      this.#writes,
      session.onProgress,
    );
    for (const r of results) this.#results.set(r.keyId, r);
    // A replica is kept by its primary's shares: the receipt's custody section names it with them.
    for (const p of session.parameters) {
      const owner = p.replicaOf === undefined ? undefined : this.#results.get(p.replicaOf);
      if (owner) this.#replicas.set(p.keyId, owner);
    }
    return results;
  }

  /** Who keeps the material after the split, for the bundle's manifest (undefined: not split). */
  arrangement(): CustodyArrangement | undefined {
    const split = [...this.#results.values()][0];
    if (!split) return undefined;
    const holders = [...split.holders].sort((a, b) => a.shareIndex - b.shareIndex);
    return {
      kind: 'shares',
      threshold: split.threshold,
      total: split.total,
      custodians: holders.map((h) => h.custodian),
      backupDigest: split.backupDigest,
    };
  }

  /** Each split key's custody section on the receipt, by key id (a replica's: its primary's). */
  receiptCustody(): Map<string, ReceiptCustody> {
    return new Map([...this.#results, ...this.#replicas].map(([keyId, result]) => [keyId, receiptCustodyOf(result)]));
  }

  /** A stopped session's custody files removed again (custody-split.ts withdrawCustodySplit). */
  withdraw(journal: Journal, operator: string): Promise<CustodyWithdrawal> {
    return withdrawCustodySplit(this.#writes, journal, operator);
  }
}
