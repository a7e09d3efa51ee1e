/** `keyferry bundle verify DIR [--expect-digest HEX] [--show-digest] [--json]`: checks a transfer bundle on media. */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BUNDLE_LIMITS, MANIFEST_FILE, WRAPPED_MATERIAL_FORMAT } from '../../core/bundle/bundle-limits';
import { wrappedBundleRefusal } from '../../core/ceremony/online/wrapped-bundle-changed';
import { readBundle, type TransferBundle } from '../../core/bundle';
import { KeyferryError, toProblem } from '../../core/errors';
import { findLiveInterfaces } from '../../core/ceremony/shared/network-check';
import { sha256Hex } from '../../core/fs/durable-file';
import { groupHex } from '../../core/hex-groups';
import { defineCommand, type CliIo } from '../command';
import { cliTranslator } from '../cli-locale';
import { cliDate, cliExpiry, cliWarnings } from '../cli-text';

const NAME = 'bundle verify';

/** The token's expiry and the time left, in the CLI's language. */
function tokenExpiry(io: CliIo, expiresAt: string | undefined, now: Date): string {
  const { t } = cliTranslator(io);
  if (expiresAt === undefined) return t('bundle.cli.token-expires', { at: 'unknown', hours: 0, minutes: 0 });
  const minutes = Math.floor((Date.parse(expiresAt) - now.getTime()) / 60_000);
  const at = cliDate(io, expiresAt);
  return t('bundle.cli.token-expires', { at, hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/**
 * Whether the digest may be printed: always for a wrapped-material bundle; for an import-parameters
 * bundle only when asked (`--show-digest`, on the online workstation, to read it aloud again) or when
 * the person already typed it (`--expect-digest`). On the air-gapped workstation every witness types
 * that digest as heard from the online side: printed there, it could be read off the screen instead.
 */
function digestShown(bundle: TransferBundle, values: { 'show-digest'?: boolean; 'expect-digest'?: string }): boolean {
  return bundle.kind !== 'import-parameters' || values['show-digest'] === true || values['expect-digest'] !== undefined;
}

/**
 * `--show-digest` of an import-parameters bundle on a workstation with no network (none but
 * loopback, as the network check of the air-gapped side finds it) is refused
 * (BUNDLE_DIGEST_NOT_SHOWN_OFFLINE): there, the witnesses type that digest as heard, and one read
 * off the screen would confirm whatever the medium holds (a trial did so, and wrapped under a
 * forged key). The online workstation has a network; a digest typed with --expect-digest is checked.
 */
function refuseParametersDigestOffline(
  bundle: TransferBundle,
  values: { 'show-digest'?: boolean; 'expect-digest'?: string },
): void {
  if (bundle.kind !== 'import-parameters' || values['show-digest'] !== true) return;
  if (values['expect-digest'] !== undefined || findLiveInterfaces().length > 0) return;
  throw new KeyferryError('BUNDLE_DIGEST_NOT_SHOWN_OFFLINE', {});
}

/** The human report: kind, keys, warnings, then the digest grouped in fours (or why it is not shown). */
function report(
  io: CliIo,
  bundle: TransferBundle,
  now: Date,
  showDigest: boolean,
  values: { 'expect-digest'?: string },
): string[] {
  const { t } = cliTranslator(io);
  const m = bundle.manifest;
  const kind = bundle.kind === 'import-parameters' ? 'import_parameters' : 'wrapped_material';
  const lines = [
    t('bundle.cli.ok', { kind, format: m.format, version: m.formatVersion }),
    t('bundle.cli.ceremony', {
      id: m.ceremonyId,
      at: cliDate(io, m.createdAt),
      app: m.createdBy.app,
      appVersion: m.createdBy.version,
    }),
    t('bundle.cli.keys', { count: bundle.keys.length }),
  ];
  if (bundle.kind === 'import-parameters') {
    for (const k of bundle.keys) {
      lines.push(`  ${k.keyId}  ${k.keySpec}  ${k.wrappingAlgorithm}`);
      lines.push(tokenExpiry(io, k.importToken?.expiry?.expiresAt, now));
      lines.push(t('bundle.cli.wrapping-key', { hex: groupHex(k.wrappingKey.fingerprint) }));
    }
  } else {
    for (const k of bundle.keys) {
      lines.push(`  ${k.keyId}  ${k.keySpec}  ${k.wrappingAlgorithm}`);
      lines.push(t('bundle.cli.wrapping-key', { hex: groupHex(k.wrappingKeyFingerprint) }));
      if (k.publicKeyDer) lines.push(t('bundle.cli.public-key', { hex: groupHex(sha256Hex(k.publicKeyDer)) }));
      if (k.keyCheckValue) lines.push(t('bundle.cli.check-value', { hex: k.keyCheckValue }));
      lines.push(t('bundle.cli.material-expiry', { at: cliExpiry(io, k.materialExpiresAt ?? 'never') }));
    }
  }
  lines.push(...cliWarnings(io, bundle.warnings));
  lines.push(
    showDigest ? t('bundle.cli.digest', { digest: groupHex(bundle.digest) }) : t('bundle.cli.digest-withheld'),
  );
  // The bundle on the media may be the copy that was changed, its manifest rewritten to match: the
  // digest to type is the one recorded when it was written (the online journal's for parameters, the
  // air-gapped receipt's for a wrapped bundle), never this one (trials typed it as --expect-digest).
  // Not when the person typed a digest already: that one was checked.
  if (showDigest && values['expect-digest'] === undefined)
    lines.push(
      t('bundle.cli.digest-as-on-media', { kind: bundle.kind === 'import-parameters' ? 'parameters' : 'wrapped' }),
    );
  return lines;
}

/**
 * The machine report: the manifest's facts, never ciphertexts or tokens (the digest as `report` shows
 * it, else null), and whether that digest was checked against one typed (`--expect-digest`): one not
 * checked is the bundle's as it now is on the medium, never the value to pass on as expected.
 */
function jsonReport(bundle: TransferBundle, showDigest: boolean, checked: boolean) {
  const m = bundle.manifest;
  return {
    ok: true,
    kind: bundle.kind,
    format: m.format,
    formatVersion: m.formatVersion,
    ceremonyId: m.ceremonyId,
    createdAt: m.createdAt,
    createdBy: m.createdBy,
    digest: showDigest ? bundle.digest : null,
    digestChecked: checked,
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

/** Whether `dir`'s manifest says it is a wrapped-material bundle (read on its own; false when it cannot be read). */
async function isWrappedBundle(dir: string): Promise<boolean> {
  // From media anyone may have touched: a regular file (no link followed, no device or pipe read), capped.
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  const handle = await open(path.join(dir, MANIFEST_FILE), flags).catch(() => undefined);
  if (!handle) return false;
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > BUNDLE_LIMITS.manifestMaxBytes) return false;
    const manifest: unknown = JSON.parse(await handle.readFile('utf8'));
    return z.object({ format: z.literal(WRAPPED_MATERIAL_FORMAT) }).safeParse(manifest).success;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

export const bundleVerifyCommand = defineCommand({
  name: NAME,
  synopsis: ['DIR [--expect-digest HEX] [--show-digest] [--json]'],
  options: {
    'expect-digest': { type: 'string', arg: 'HEX', help: 'cli.opt.bundle-verify.expect-digest' },
    json: { type: 'boolean', help: 'cli.opt.bundle-verify.json' },
    'show-digest': { type: 'boolean', help: 'cli.opt.bundle-verify.show-digest' },
  },
  positional: { arg: 'DIR' },
  async run({ values, positional }, io) {
    const now = new Date();
    const dir = path.resolve(io.cwd, positional as string);
    try {
      const bundle = await readBundle(dir, {
        now,
        expectedDigest: values['expect-digest'],
        shownAs: positional as string,
      });
      refuseParametersDigestOffline(bundle, values);
      const shown = digestShown(bundle, values);
      if (values.json) io.stdout(JSON.stringify(jsonReport(bundle, shown, values['expect-digest'] !== undefined)));
      else report(io, bundle, now, shown, values).forEach((line) => io.stdout(line));
      return 0;
    } catch (caught) {
      // A wrapped bundle cannot be written again (the air-gapped side wiped its material): said so.
      const refusal = wrappedBundleRefusal(dir, caught, 'verify');
      const error = refusal !== caught && (await isWrappedBundle(dir)) ? refusal : caught;
      if (!values.json) throw error;
      io.stdout(JSON.stringify({ ok: false, problem: toProblem(error) }));
      return 1;
    }
  },
});
