/**
 * The IPC audit: searches serialised IPC payloads for secret bytes in every form they could take
 * on the wire: hex (either case), base64, base64url, a JSON'd Buffer's byte list, and any
 * 16-byte slice of them in hex (a partial leak counts).
 */

/** The text forms in which `secret` (or a 16-byte slice of it) could appear in a payload. */
export function secretForms(secret: Buffer): string[] {
  const forms = new Set<string>([
    secret.toString('hex'),
    secret.toString('hex').toUpperCase(),
    secret.toString('base64'),
    secret.toString('base64').replace(/=+$/, ''),
    secret.toString('base64url'),
    `[${[...secret.subarray(0, 16)].join(',')}`,
  ]);
  for (let offset = 0; offset + 16 <= secret.length; offset += 16) {
    forms.add(secret.subarray(offset, offset + 16).toString('hex'));
  }
  return [...forms].filter((form) => form.length >= 16);
}

export interface AuditFinding {
  readonly where: string;
  readonly label: string;
}

/** Every (payload, secret) pair where a form of the secret occurs in the serialised payload. */
export function auditPayloads(
  payloads: ReadonlyArray<{ where: string; value: unknown }>,
  secrets: ReadonlyArray<{ label: string; bytes: Buffer }>,
): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const texts = payloads.map((p) => ({ where: p.where, text: JSON.stringify(p.value) ?? '' }));
  for (const secret of secrets) {
    const forms = secretForms(secret.bytes);
    for (const { where, text } of texts) {
      const lower = text.toLowerCase();
      if (
        forms.some((form) => text.includes(form) || (/^[0-9a-f]+$/i.test(form) && lower.includes(form.toLowerCase())))
      ) {
        findings.push({ where, label: secret.label });
      }
    }
  }
  return findings;
}
