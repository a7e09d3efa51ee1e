/**
 * How large a ceremony plan may be: the one source for the core's plan schema and the IPC
 * schema the renderer compiles (renderer-safe: imports nothing).
 */

/** As many keys as one ceremony plan may list (online create-keys, plan files). */
export const MAX_PLANNED_KEYS = 500;

/** Replicas one planned key may ask for. */
export const MAX_REPLICAS_PER_KEY = 8;
