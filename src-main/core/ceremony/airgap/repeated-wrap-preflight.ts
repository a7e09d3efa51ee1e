/**
 * The air-gapped preflight when this journal already finished wraps (earlier-wraps.ts): before any
 * folder is checked, a wrap while an earlier bundle can still be imported is refused unless the
 * officer gave a reason (`wrapAgain`); once the folders passed, the session knows why it may wrap
 * again. The repeated wrap (an override on the receipt) is journaled once per session, with its
 * grounds, when this session's material is first made (`journalBeforeMaterial`): a session that
 * stops before that (a witness's refusal, Ctrl-C, a later preflight refusal) made no second
 * version of the ceremony's keys, so its receipt lists no override.
 */
import type { ImportParameters } from '../../bundle';
import type { Journal } from '../../journal';
import {
  journalRepeatedWrap,
  repeatedWrapGrounds,
  wrapAgainReason,
  type EarlierWrap,
  type RepeatedWrapGrounds,
} from './earlier-wraps';

/** What the question needs from the session asking it. */
export interface RepeatedWrapContext {
  readonly journal: Journal;
  readonly operator: string;
  /** The wraps the journal finished before this session, oldest first. */
  readonly earlier: readonly EarlierWrap[];
  /** The KMS's time as the fresh parameters' tokens prove it, or this computer's when later (AirGapCeremony.kmsTime). */
  readonly kmsNow: Date;
  readonly parameters: readonly ImportParameters[];
}

/** Why the last passed preflight let this session wrap again, kept until material is made. */
interface LetThrough {
  readonly grounds: RepeatedWrapGrounds;
  readonly earlier: readonly EarlierWrap[];
  readonly reason: string | undefined;
  /** The parameters preflighted: which earlier custody sets this wrap's new material replaces whole. */
  readonly parameters: readonly ImportParameters[];
}

/** One session's answer: why its wrap after finished ones was let through (journaled once, before material). */
export class RepeatedWrapPreflight {
  #letThrough: LetThrough | null = null;
  #journaled = false;

  /** Why this session wraps again after finished wraps (null: it is the first, or not preflighted yet). */
  get grounds(): RepeatedWrapGrounds | null {
    return this.#letThrough?.grounds ?? null;
  }

  /**
   * Refuses (journaled, WRAP_AGAIN_NOT_CHOSEN) or lets the wrap go on, then runs `checkFolders`
   * (the preflight of every destination); when that passed, keeps why this wrap may repeat earlier
   * ones (the last passed preflight's answer counts until it is journaled). A reason that is not
   * one is refused first (WRAP_AGAIN_REASON_INVALID).
   */
  async check<T>(
    context: RepeatedWrapContext,
    wrapAgain: string | undefined,
    checkFolders: () => Promise<T>,
  ): Promise<T> {
    const { journal, operator, earlier } = context;
    const reason = wrapAgainReason(wrapAgain);
    const grounds = await repeatedWrapGrounds(journal, operator, earlier, { ...context, reason });
    const checked = await checkFolders();
    if (!this.#journaled)
      this.#letThrough = grounds ? { grounds, earlier, reason, parameters: context.parameters } : null;
    return checked;
  }

  /**
   * Just before this session first makes (or loads) material: journals `wrap.repeated` with the
   * grounds the last passed preflight found, the first time only; nothing when this wrap repeats none.
   * `existing`: the material is not new (keys already in the HSM token, or a material file loaded).
   */
  async journalBeforeMaterial(journal: Journal, operator: string, existing: boolean): Promise<void> {
    const letThrough = this.#letThrough;
    if (!letThrough || this.#journaled) return;
    const { earlier, grounds, reason, parameters } = letThrough;
    await journalRepeatedWrap(journal, operator, earlier, grounds, reason, { existing, parameters });
    this.#journaled = true;
  }
}
