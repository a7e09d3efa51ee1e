/**
 * How long a problem's texts may be (its sentence, next step and each value): the one bound the IPC
 * contract checks (ipc/problem.ts) and the core keeps to when it builds a long value (a refusal
 * carrying what the HSM token check destroyed first). Renderer-safe: imports nothing.
 *
 * Problems go main → renderer only, so the bound is a sanity limit, not a trust boundary, and it must
 * fit every problem whole: a refusal naming each of 100 token objects with the command that deletes
 * it is about 30,000 characters, and a cut command could name the wrong object, while a problem over
 * the limit would reach the officer only as IPC_BAD_RESPONSE.
 */
export const PROBLEM_TEXT_MAX = 200_000;
