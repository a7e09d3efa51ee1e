/**
 * The officer's reason to wrap again while an earlier bundle of the journal can still be imported
 * (earlier-wraps.ts): an officer's reason as any override takes one (shared/officer-reason.ts).
 */
import { OFFICER_REASON_MAX, officerReasonSchema } from '../shared/officer-reason';

export const WRAP_AGAIN_REASON_MAX = OFFICER_REASON_MAX;

export const wrapAgainReasonSchema = officerReasonSchema;
