/**
 * manifest.json to and from bytes. The file must be exactly Keyferry's canonical serialization
 * of a schema-valid manifest, so an edited, re-formatted or cut-short manifest never verifies.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { eventLoopSlicer, yieldToEventLoop } from '../yield';
import {
  BUNDLE_FORMAT_VERSIONS,
  BUNDLE_FORMATS,
  BUNDLE_LIMITS,
  IMPORT_PARAMETERS_FORMAT,
  MANIFEST_FILE,
  type BundleFormat,
} from './bundle-limits';
import { KeyferryError } from '../errors';
import { manifestInvalid } from './bundle-problem';
import { importParametersManifestSchema, type ImportParametersManifest } from './import-parameters-manifest';
import { wrappedMaterialManifestSchema, type WrappedMaterialManifest } from './wrapped-material-manifest';
import { listValue } from '../../i18n/list';
import { refusedFields } from '../../i18n/refused-fields';

export type BundleManifest = ImportParametersManifest | WrappedMaterialManifest;

/** The exact bytes Keyferry writes for a manifest (2-space JSON, schema field order, final newline). */
export function serializeManifest(manifest: BundleManifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

/**
 * `manifestChecksum` is every manifest's last field (manifestTrailerShape) and a 64-digit hex
 * string, so canonical bytes always end with this many bytes: its line, then the closing brace.
 */
const CHECKSUM_TRAILER_BYTES = Buffer.byteLength(`,\n  "manifestChecksum": "${'0'.repeat(64)}"\n}\n`);

/**
 * The one definition of the checksum: SHA-256 of a manifest's canonical bytes with its last field,
 * `manifestChecksum`, left out (the bytes up to that field's line, then the closing brace).
 */
function checksumOfCanonical(canonical: Buffer): string {
  return createHash('sha256')
    .update(canonical.subarray(0, canonical.length - CHECKSUM_TRAILER_BYTES))
    .update('\n}\n')
    .digest('hex');
}

/** SHA-256 of the manifest's canonical bytes with its `manifestChecksum` field left out. */
export function computeManifestChecksum(manifest: BundleManifest): string {
  const { manifestChecksum: _ignored, ...body } = manifest;
  return checksumOfCanonical(serializeManifest({ ...body, manifestChecksum: '0'.repeat(64) } as BundleManifest));
}

/** The manifest with its `manifestChecksum` set to match its other fields. */
export function sealManifest<M extends BundleManifest>(manifest: M): M {
  return { ...manifest, manifestChecksum: computeManifestChecksum(manifest) };
}

function schemaOf(value: unknown) {
  const format = (value as { format?: unknown } | null)?.format;
  return format === IMPORT_PARAMETERS_FORMAT ? importParametersManifestSchema : wrappedMaterialManifestSchema;
}

/** Checks a manifest object against its format's schema; returns the typed, field-ordered copy. */
export function checkManifestSchema(value: unknown): BundleManifest {
  const result = schemaOf(value).safeParse(value);
  if (!result.success) {
    throw manifestInvalid({
      reason: 'schema',
      file: MANIFEST_FILE,
      format: String((value as { format?: unknown } | null)?.format),
      // The first field zod refused: a damaged manifest can refuse hundreds.
      ...refusedFields(result.error.issues.slice(0, 1), MANIFEST_FILE),
    });
  }
  return result.data;
}

/**
 * Each format's schema with its keys and file entries left unchecked (checked one at a time),
 * fields in the same order.
 */
const HEADER_SCHEMAS = new Map(
  [importParametersManifestSchema, wrappedMaterialManifestSchema].map((schema) => [
    schema,
    schema.extend({
      keys: z.array(z.unknown()).min(1).max(BUNDLE_LIMITS.maxKeys),
      files: z.array(z.unknown()).max(BUNDLE_LIMITS.maxEntries),
    }),
  ]),
);

/**
 * `checkManifestSchema` a key and a file entry at a time, with the event loop let run between
 * them (a 100-key manifest takes longer than a frame to check at once, and the first check of each
 * schema compiles it). The same copy on success; on any problem the whole manifest is checked
 * again by `checkManifestSchema`, so the refusal is the same too.
 */
export async function checkManifestSchemaInSlices(value: unknown): Promise<BundleManifest> {
  const schema = schemaOf(value);
  const header = HEADER_SCHEMAS.get(schema)?.safeParse(value);
  if (!header?.success) return checkManifestSchema(value);
  const checkEach = async (items: readonly unknown[], element: z.ZodType): Promise<unknown[] | undefined> => {
    const slicer = eventLoopSlicer();
    const checked: unknown[] = [];
    for (const item of items) {
      await slicer.pause();
      const result = element.safeParse(item);
      if (!result.success) return undefined;
      checked.push(result.data);
    }
    return checked;
  };
  await yieldToEventLoop();
  const keys = await checkEach(header.data.keys, schema.shape.keys.element);
  await yieldToEventLoop();
  const files = keys && (await checkEach(header.data.files, schema.shape.files.element));
  if (!keys || !files) return checkManifestSchema(value);
  return { ...header.data, keys, files } as BundleManifest;
}

/**
 * Manifest bytes as a JSON object of a known format and version (not yet checked against its
 * schema). `read` is what JSON.parse gave for the bytes read as UTF-8 without checking them (the
 * reader asks for the format they claim first), undefined when it threw: for bytes that are UTF-8
 * that is the same text, so it is not parsed again.
 */
function decodeManifest(bytes: Buffer, read?: unknown): object {
  let parsed: unknown;
  // A byte-order mark is not JSON: the text with it was refused by JSON.parse (undefined), and
  // decoding here takes it off first.
  if (read !== undefined && isUtf8(bytes)) parsed = read;
  else {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      parsed = JSON.parse(text);
    } catch {
      throw manifestInvalid({ reason: 'notJson', file: MANIFEST_FILE });
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw manifestInvalid({ reason: 'notObject', file: MANIFEST_FILE });
  }
  const { format, formatVersion } = parsed as { format?: unknown; formatVersion?: unknown };
  if (typeof format !== 'string' || !(BUNDLE_FORMATS as readonly string[]).includes(format)) {
    throw new KeyferryError('BUNDLE_UNKNOWN_FORMAT', {
      file: MANIFEST_FILE,
      format: JSON.stringify(format ?? null),
      expected: BUNDLE_FORMATS.join(' | '),
    });
  }
  const supported = BUNDLE_FORMAT_VERSIONS[format as BundleFormat];
  // Not a version at all (1e999 reads as Infinity, said "null" as one: a trial): damage, not another release.
  if (formatVersion !== undefined && !(Number.isSafeInteger(formatVersion) && (formatVersion as number) > 0))
    throw manifestInvalid({ reason: 'formatVersion', file: MANIFEST_FILE });
  if (typeof formatVersion !== 'number' || !supported.includes(formatVersion)) {
    throw new KeyferryError('BUNDLE_UNSUPPORTED_VERSION', {
      version: JSON.stringify(formatVersion ?? null),
      format,
      supportedList: listValue(supported),
    });
  }
  return parsed;
}

function requireCanonical(manifest: BundleManifest, bytes: Buffer): void {
  if (!serializeManifest(manifest).equals(bytes)) {
    throw new KeyferryError('BUNDLE_MANIFEST_NOT_CANONICAL', { file: MANIFEST_FILE });
  }
}

/** `canonical` are `manifest`'s canonical bytes (`requireCanonical` passed). */
function requireChecksum(manifest: BundleManifest, canonical: Buffer): void {
  if (checksumOfCanonical(canonical) !== manifest.manifestChecksum) {
    throw new KeyferryError('BUNDLE_MANIFEST_CHECKSUM_MISMATCH', { file: MANIFEST_FILE });
  }
}

/** Parses manifest bytes: UTF-8, JSON, known format and version, strict schema, canonical bytes. */
export function parseManifest(bytes: Buffer): BundleManifest {
  const manifest = checkManifestSchema(decodeManifest(bytes));
  requireCanonical(manifest, bytes);
  requireChecksum(manifest, bytes);
  return manifest;
}

/**
 * `parseManifest` with the event loop let run between its steps and between the keys' schema
 * checks. `read`: the bytes already parsed as JSON, unchecked (see decodeManifest).
 */
export async function parseManifestInSlices(bytes: Buffer, read?: unknown): Promise<BundleManifest> {
  const decoded = decodeManifest(bytes, read);
  await yieldToEventLoop();
  const manifest = await checkManifestSchemaInSlices(decoded);
  await yieldToEventLoop();
  requireCanonical(manifest, bytes);
  await yieldToEventLoop();
  requireChecksum(manifest, bytes);
  return manifest;
}
