/** `keyferry bundle verify DIR [--expect-digest HEX] [--json]`: checks a transfer bundle on media. */
import path from 'node:path';
import { readBundle, type TransferBundle } from '../../core/bundle';
import { toProblem } from '../../core/errors';
import { sha256Hex } from '../../core/fs/durable-file';
import { groupHex } from '../../core/hex-groups';
import { defineCommand } from '../command';

const NAME = 'bundle verify';

function timeLeft(expiresAt: string, now: Date): string {
  const minutes = Math.floor((Date.parse(expiresAt) - now.getTime()) / 60_000);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

/** The human report: kind, keys, warnings, then the digest grouped in fours. */
function report(bundle: TransferBundle, now: Date): string[] {
  const m = bundle.manifest;
  const kind =
    bundle.kind === 'import-parameters'
      ? 'import parameters (online → air-gapped)'
      : 'wrapped material (air-gapped → online)';
  const lines = [
    `OK ${kind} bundle, ${m.format} version ${m.formatVersion}`,
    `Ceremony ${m.ceremonyId}, written ${m.createdAt} by ${m.createdBy.app} ${m.createdBy.version}`,
    `Keys (${bundle.keys.length}):`,
  ];
  if (bundle.kind === 'import-parameters') {
    for (const k of bundle.keys) {
      const expiry = k.importToken?.expiry;
      lines.push(`  ${k.keyId}  ${k.keySpec}  ${k.wrappingAlgorithm}`);
      lines.push(
        `    token expires   ${expiry ? `${expiry.expiresAt} (${timeLeft(expiry.expiresAt, now)})` : 'unknown'}`,
      );
      lines.push(`    wrapping key    ${groupHex(k.wrappingKey.fingerprint)}`);
    }
  } else {
    for (const k of bundle.keys) {
      lines.push(`  ${k.keyId}  ${k.keySpec}  ${k.wrappingAlgorithm}`);
      lines.push(`    wrapping key    ${groupHex(k.wrappingKeyFingerprint)}`);
      if (k.publicKeyDer) lines.push(`    public key      ${groupHex(sha256Hex(k.publicKeyDer))}`);
      if (k.keyCheckValue) lines.push(`    check value     ${k.keyCheckValue}`);
      lines.push(`    material expiry ${k.materialExpiresAt ?? 'never'}`);
    }
  }
  for (const warning of bundle.warnings) lines.push(`Warning: ${warning.message}`);
  lines.push(`Digest ${groupHex(bundle.digest)}`);
  return lines;
}

/** The machine report: the manifest's facts, never ciphertexts or tokens. */
function jsonReport(bundle: TransferBundle) {
  const m = bundle.manifest;
  return {
    ok: true,
    kind: bundle.kind,
    format: m.format,
    formatVersion: m.formatVersion,
    ceremonyId: m.ceremonyId,
    createdAt: m.createdAt,
    createdBy: m.createdBy,
    digest: bundle.digest,
    keys:
      bundle.kind === 'import-parameters'
        ? bundle.keys.map((k) => ({
            keyId: k.keyId,
            keySpec: k.keySpec,
            wrappingAlgorithm: k.wrappingAlgorithm,
            wrappingKeyFingerprint: k.wrappingKey.fingerprint,
            tokenExpiresAt: k.importToken?.expiry?.expiresAt ?? null,
          }))
        : bundle.manifest.keys,
    warnings: bundle.warnings,
  };
}

export const bundleVerifyCommand = defineCommand({
  name: NAME,
  summary: 'Verify a transfer bundle (import parameters or wrapped material) and print its digest',
  synopsis: ['DIR [--expect-digest HEX] [--json]'],
  about: 'cli.about.bundle-verify',
  options: {
    'expect-digest': { type: 'string', arg: 'HEX', help: 'cli.opt.bundle-verify.expect-digest' },
    json: { type: 'boolean', help: 'cli.opt.bundle-verify.json' },
  },
  positional: { arg: 'DIR' },
  async run({ values, positional }, io) {
    const now = new Date();
    const dir = path.resolve(io.cwd, positional as string);
    try {
      const bundle = await readBundle(dir, { now, expectedDigest: values['expect-digest'] });
      if (values.json) io.stdout(JSON.stringify(jsonReport(bundle)));
      else report(bundle, now).forEach((line) => io.stdout(line));
      return 0;
    } catch (error) {
      if (!values.json) throw error;
      io.stdout(JSON.stringify({ ok: false, problem: toProblem(error) }));
      return 1;
    }
  },
});
