/**
 * A custody set's tag: the first 8 hex digits of its backup digest, upper case. The set's share and
 * backup files carry it in their names, the air-gapped receipt prints it beside the whole digest
 * (which every slip prints), and the online side names the set with it (format version 5 of a
 * wrapped bundle records the digest). A later wrap of the same ceremony makes another set, and its
 * files must never take the same names as the first set's (a custodian holding both would not tell
 * them apart). No imports: the renderer shows it too.
 */
export function custodySetTag(backupDigest: string): string {
  return backupDigest.slice(0, 8).toUpperCase();
}
