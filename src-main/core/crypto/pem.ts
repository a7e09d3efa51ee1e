/**
 * PEM inspection on raw bytes. Finds the block labels ("PRIVATE KEY", "EC PARAMETERS", ...)
 * without turning the file into a JavaScript string, which could never be wiped.
 */
const BEGIN = Buffer.from('-----BEGIN ', 'latin1');
const DASHES = Buffer.from('-----', 'latin1');

/** True when the bytes contain a PEM armour line. */
export function looksLikePem(bytes: Buffer): boolean {
  return bytes.includes(BEGIN);
}

/** The labels of every PEM block in `bytes`, in order (labels are never secret). */
export function pemLabels(bytes: Buffer): string[] {
  const labels: string[] = [];
  let at = bytes.indexOf(BEGIN);
  while (at !== -1) {
    const start = at + BEGIN.length;
    const end = bytes.indexOf(DASHES, start);
    if (end === -1 || end - start > 64) break;
    labels.push(bytes.subarray(start, end).toString('latin1'));
    at = bytes.indexOf(BEGIN, end);
  }
  return labels;
}

/** PEM labels as refusals quote them: `"PRIVATE KEY", "EC PARAMETERS"`. */
export function quotedLabels(labels: readonly string[]): string {
  return labels.map((l) => `"${l}"`).join(', ');
}

/** True when a PEM file carries a legacy OpenSSL encryption header (Proc-Type: 4,ENCRYPTED). */
export function hasLegacyPemEncryption(bytes: Buffer): boolean {
  return bytes.includes('Proc-Type: 4,ENCRYPTED', 0, 'latin1');
}
