/**
 * What a volume kept of the owner-only mode (0600) Keyferry creates sensitive files with. FAT32
 * and exFAT, the file systems of most USB sticks, keep no permissions: a file written there shows
 * whatever the mount gives every file (0777 under Linux's FUSE exFAT), so every account of the
 * computer can read it. A message that says "mode 0600" must first look.
 */
import { stat } from 'node:fs/promises';

/** The permission bits `files` show together (each file's bits OR'ed): 0o600 when every one is owner-only. */
export async function permissionsOf(files: readonly string[]): Promise<number> {
  let bits = 0;
  for (const file of files) bits |= (await stat(file)).mode & 0o777;
  return bits;
}

/** Whether `bits` (permissionsOf) leave the files to their owner alone: no access for group or others. */
export function ownerOnly(bits: number): boolean {
  return (bits & 0o077) === 0;
}

/** `bits` as messages print a mode: four octal digits (0600, 0777). */
export function modeText(bits: number): string {
  return bits.toString(8).padStart(4, '0');
}
