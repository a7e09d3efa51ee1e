/** Test helper: what a leaked secret would look like in a file, for the tests that search every file for one. */

/** The byte patterns that would betray `secret` in a file: raw, hex in either case, base64 or base64url at any alignment. */
export function needles(secret: Buffer): Buffer[] {
  const out = [secret, Buffer.from(secret.toString('hex')), Buffer.from(secret.toString('hex').toUpperCase())];
  for (let shift = 0; shift < 3; shift++) {
    for (const encoding of ['base64', 'base64url'] as const) {
      const text = Buffer.concat([Buffer.alloc(shift), secret])
        .toString(encoding)
        .replace(/=+$/, '');
      // Drop the characters that mix in the padding bytes or the bytes after the secret.
      const core = text.slice(shift === 0 ? 0 : 4, text.length - 4);
      if (core.length >= 16) out.push(Buffer.from(core));
    }
  }
  return out;
}
