/**
 * Results that cross IPC: a value, or a problem (code, plain sentence, next step). Errors are
 * flattened to these plain objects in the main process; nothing else (no stack, no Error
 * instance) ever reaches the renderer. Renderer-safe: imports zod and the core's bound on problem
 * texts only.
 */
import { z } from 'zod';
import { PROBLEM_TEXT_MAX } from '../core/problem-limits';

/** The values the catalogue texts of a problem's code need; the renderer shows the problem from these. */
export const problemValuesSchema = z.record(
  z.string().max(100),
  z.union([z.string().max(PROBLEM_TEXT_MAX), z.number()]),
);

/** The wire shape of a problem; mirrors `ProblemDetails` in src-main/core/errors.ts. */
export const problemSchema = z.strictObject({
  code: z.string().min(1).max(100),
  message: z.string().min(1).max(PROBLEM_TEXT_MAX),
  nextStep: z.string().min(1).max(PROBLEM_TEXT_MAX),
  values: problemValuesSchema.optional(),
});
export type Problem = z.output<typeof problemSchema>;

/** What every channel answers: `{ ok: true, value }` or `{ ok: false, problem }`. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

/** The zod schema of `Result<T>` for a given value schema. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), problem: problemSchema }),
  ]);
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A problem made where the catalogue is not loaded (the preload): English texts, and the values its catalogue texts need. */
export function fail<T = never>(
  code: string,
  message: string,
  nextStep: string,
  values?: Readonly<Record<string, string | number>>,
): Result<T> {
  return { ok: false, problem: { code, message, nextStep, ...(values ? { values: { ...values } } : {}) } };
}

/** Problem codes produced by the IPC plumbing itself (handlers add their own). */
export const IPC_PROBLEM = {
  badRequest: 'IPC_BAD_REQUEST',
  badResponse: 'IPC_BAD_RESPONSE',
  unknownChannel: 'IPC_UNKNOWN_CHANNEL',
  untrustedSender: 'IPC_UNTRUSTED_SENDER',
  unavailable: 'IPC_UNAVAILABLE',
} as const;
