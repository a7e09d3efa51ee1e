/**
 * The two workstations a ceremony runs on, as its records, journals and receipts name them: the one
 * source of that enumeration (renderer-safe: imports nothing). A custody restore runs on the
 * air-gapped workstation with a journal and receipts of its own, so the records the app keeps
 * apart (RECORD_KINDS) are the two sides and the restore.
 */
export const CEREMONY_SIDES = ['online', 'air-gapped'] as const;
export type CeremonySide = (typeof CEREMONY_SIDES)[number];

/** Every journal and receipt the app keeps per ceremony: each side's, and the custody restore's. */
export const RECORD_KINDS = [...CEREMONY_SIDES, 'custody-restore'] as const;

/** Whether `side` is one of CEREMONY_SIDES (a receipt refuses any other). */
export function isCeremonySide(side: unknown): side is CeremonySide {
  return (CEREMONY_SIDES as readonly unknown[]).includes(side);
}
