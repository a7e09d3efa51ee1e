/**
 * The air-gapped preflight when this journal already finished wraps (earlier-wraps.ts): before any
 * folder is checked, a wrap while an earlier bundle can still be imported is refused unless the
 * officer gave a reason (`wrapAgain`); once the folders passed, the repeated wrap is journaled, once
 * per session, with its grounds.
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
  readonly now: Date;
  readonly parameters: readonly ImportParameters[];
}

/** One session's answer: why its wrap after finished ones was let through (journaled once). */
export class RepeatedWrapPreflight {
  #grounds: RepeatedWrapGrounds | null = null;

  /** Why this session wraps again after finished wraps (null: it is the first, or not preflighted yet). */
  get grounds(): RepeatedWrapGrounds | null {
    return this.#grounds;
  }

  /**
   * Refuses (journaled, WRAP_AGAIN_NOT_CHOSEN) or lets the wrap go on, then runs `checkFolders`
   * (the preflight of every destination); when that passed and this wrap repeats earlier ones,
   * journals `wrap.repeated` the first time. A reason that is not one is refused first
   * (WRAP_AGAIN_REASON_INVALID).
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
    if (grounds && !this.#grounds) {
      this.#grounds = grounds;
      await journalRepeatedWrap(journal, operator, earlier, grounds, reason);
    }
    return checked;
  }
}
