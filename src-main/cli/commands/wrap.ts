/**
 * `keyferry wrap`: wraps generated or existing key material under a KMS wrapping key and writes
 * the console's files. Files are written with writeFileExclusive, the RSA-OAEP ciphertext
 * (EncryptedKeyMaterial.bin, needed for every spec) last; if any write fails, every file this
 * run wrote is removed again (and the folder, if this run created it), so nothing half-done
 * remains. Passphrases come only from an environment variable, never from the command line.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { groupHex } from '../../core/hex-groups';
import { secretFromEnvironment } from '../../core/secret-from-environment';
import { readInputFile, SMALL_INPUT_FILE_BYTES } from '../../core/fs/input-file';
import {
  consoleFileNames,
  DEFAULT_WRAPPING_ALGORITHM,
  generateKeyMaterial,
  loadKeyMaterial,
  loadWrappingPublicKey,
  parseKeySpec,
  parseWrappingAlgorithm,
  withWiped,
  wrapKeyMaterial,
  type KeyMaterial,
  type WrappedKeyMaterial,
} from '../../core/crypto/index';
import { requireImportableWrappingKey } from '../../core/bundle/wrapping-public-key';
import { KeyferryError } from '../../core/errors';
import {
  createFreshFolder,
  nodeFileLayer,
  writeFileExclusive,
  type FileLayer,
  type WrittenFile,
} from '../../core/fs/durable-file';
import { preflightDestinations } from '../../core/media/preflight';
import { cliTranslator } from '../cli-locale';
import { parseCommandArgs } from '../args';
import type { CliCommand, CliIo } from '../command';

const NAME = 'wrap';

const USAGE = `Usage: keyferry wrap --wrapping-key FILE --key-spec SPEC --out DIR [options]

Wraps key material under the KMS wrapping key and writes the files the KMS console imports.

  --wrapping-key FILE        wrappingKey_<KeyID> / PublicKey.bin (DER), PublicKey.b64 or PEM
  --key-spec SPEC            AES_256, RSA_2048, RSA_3072, RSA_4096, EC_P256 or EC_P384
  --wrapping-algorithm ALG   RSAES_OAEP_SHA_256 (default) or RSAES_OAEP_SHA_1
  --material FILE            existing material (AES: 32 raw bytes, hex or base64; RSA/EC: private
                             key PEM/DER); without it, fresh material is generated here
  --passphrase-env VAR       name of the environment variable holding the private key's passphrase
  --out DIR                  output folder (made when it does not exist); files are never overwritten
  --no-backup                required when the material is generated here: it is wrapped and then
                             wiped, so no copy remains anywhere (if the KMS ever loses or expires
                             it, it cannot be imported again); give --material to keep your own copy

Writes EncryptedKeyMaterial.bin; for RSA/EC also out_rsa_private_key.der or out_ec_private_key.der
and public_key.der (the material's public key, SPKI DER).`;

const OptionsSchema = z.object({
  'wrapping-key': z
    .string({ error: 'The option --wrapping-key FILE is required.' })
    .min(1, 'The option --wrapping-key needs a file.'),
  'key-spec': z
    .string({ error: 'The option --key-spec SPEC is required.' })
    .min(1, 'The option --key-spec needs a value.'),
  'wrapping-algorithm': z.string().min(1).optional(),
  material: z.string().min(1, 'The option --material needs a file.').optional(),
  'passphrase-env': z.string().optional(),
  out: z.string({ error: 'The option --out DIR is required.' }).min(1, 'The option --out needs a folder.'),
  'no-backup': z.boolean().optional(),
});
type WrapOptions = z.infer<typeof OptionsSchema>;

function badArguments(message: string): KeyferryError {
  return new KeyferryError('CLI_BAD_ARGUMENTS', message, `Run "keyferry ${NAME} --help" for the usage.`);
}

function parseOptions(args: string[]): WrapOptions {
  const { values } = parseCommandArgs(NAME, args, {
    'wrapping-key': { type: 'string' },
    'key-spec': { type: 'string' },
    'wrapping-algorithm': { type: 'string' },
    material: { type: 'string' },
    'passphrase-env': { type: 'string' },
    out: { type: 'string' },
    'no-backup': { type: 'boolean', default: false },
  });
  const parsed = OptionsSchema.safeParse(values);
  if (!parsed.success) throw badArguments(parsed.error.issues[0]?.message ?? 'Bad arguments.');
  return parsed.data;
}

function readPassphrase(options: WrapOptions, env: NodeJS.ProcessEnv): string | undefined {
  const variable = options['passphrase-env'];
  if (variable === undefined) return undefined;
  if (options.material === undefined)
    throw badArguments('--passphrase-env is only for an existing, encrypted private key given with --material.');
  return secretFromEnvironment('passphrase-env', variable, env);
}

/** Checks the output folder before any work: whether to create it, and that no target file exists. */
async function checkOutFolder(outDir: string, names: string[]): Promise<boolean> {
  const stat = await fs.stat(outDir).catch(() => undefined);
  if (!stat) return true;
  if (!stat.isDirectory()) throw badArguments(`The output ${outDir} exists and is not a folder.`);
  for (const name of names) {
    if (await fs.lstat(path.join(outDir, name)).catch(() => undefined)) {
      throw new KeyferryError('OUTPUT_EXISTS', { what: 'inFolder', path: name });
    }
  }
  return false;
}

function filesToWrite(wrapped: WrappedKeyMaterial): Array<[string, Buffer]> {
  const names = consoleFileNames(wrapped.spec);
  const files: Array<[string, Buffer]> = [];
  if (names.publicKey && wrapped.publicKeySpkiDer) files.push([names.publicKey, wrapped.publicKeySpkiDer]);
  if (names.encryptedPrivateKey && wrapped.encryptedPrivateKey)
    files.push([names.encryptedPrivateKey, wrapped.encryptedPrivateKey]);
  files.push([names.encryptedKeyMaterial, wrapped.encryptedKeyMaterial]);
  return files;
}

/** Writes every file; on failure removes what this run wrote (and the folder it created), then rethrows. */
async function writeOutputs(
  outDir: string,
  createDir: boolean,
  wrapped: WrappedKeyMaterial,
  layer: FileLayer,
): Promise<WrittenFile[]> {
  if (createDir) await createFreshFolder(outDir, layer);
  const written: WrittenFile[] = [];
  try {
    for (const [name, data] of filesToWrite(wrapped))
      written.push(await writeFileExclusive(path.join(outDir, name), data, { layer }));
    return written;
  } catch (error) {
    const leftovers: string[] = [];
    for (const file of written) await fs.rm(file.path).catch(() => leftovers.push(file.path));
    if (createDir) await fs.rmdir(outDir).catch(() => undefined);
    if (leftovers.length > 0 && error instanceof KeyferryError) {
      throw new KeyferryError(
        error.code,
        `${error.message} Could not remove ${leftovers.join(', ')}: delete it by hand, it is incomplete.`,
        error.nextStep,
        { cause: error },
      );
    }
    throw error;
  }
}

async function obtainMaterial(
  options: WrapOptions,
  spec: ReturnType<typeof parseKeySpec>,
  passphrase: string | undefined,
  cwd: string,
): Promise<KeyMaterial> {
  if (options.material === undefined) return generateKeyMaterial(spec);
  const bytes = await readInputFile(path.resolve(cwd, options.material), 'material', SMALL_INPUT_FILE_BYTES);
  return withWiped(bytes, (fileBytes) => loadKeyMaterial(spec, fileBytes, passphrase));
}

function report(
  io: CliIo,
  wrapped: WrappedKeyMaterial,
  bits: number,
  generated: boolean,
  outDir: string,
  written: WrittenFile[],
): void {
  io.stdout(
    `Wrapped ${generated ? 'newly generated' : 'existing'} ${wrapped.spec} key material with ${wrapped.algorithm}.`,
  );
  io.stdout(`Wrapping key (RSA-${bits}) SHA-256 fingerprint:  ${groupHex(wrapped.evidence.wrappingKeyFingerprint)}`);
  if (wrapped.evidence.publicKeyFingerprint)
    io.stdout(`Public key SHA-256 fingerprint:  ${groupHex(wrapped.evidence.publicKeyFingerprint)}`);
  if (wrapped.evidence.keyCheckValue) io.stdout(`Key check value (KCV):  ${groupHex(wrapped.evidence.keyCheckValue)}`);
  if (bits !== 2048)
    io.stdout(`Note: the KMS import API expects one RSA-2048 ciphertext; this wrapping key is RSA-${bits}.`);
  io.stdout(`Files written to ${outDir}:`);
  for (const file of written)
    io.stdout(`  ${path.basename(file.path).padEnd(26)} ${String(file.size).padStart(5)} bytes  sha256 ${file.sha256}`);
}

/** Builds the wrap command; tests inject a FileLayer to simulate failing media. */
export function createWrapCommand(deps: { layer?: FileLayer } = {}): CliCommand {
  const layer = deps.layer ?? nodeFileLayer;
  return {
    name: NAME,
    summary: 'Wrap generated or existing key material under a KMS wrapping key (air-gapped side)',
    usage: USAGE,
    async run(args, io) {
      const options = parseOptions(args);
      const spec = parseKeySpec(options['key-spec']);
      const algorithm = parseWrappingAlgorithm(options['wrapping-algorithm'] ?? DEFAULT_WRAPPING_ALGORITHM);
      const passphrase = readPassphrase(options, io.env);
      const outDir = path.resolve(io.cwd, options.out);
      const names = Object.values(consoleFileNames(spec)) as string[];
      const createDir = await checkOutFolder(outDir, names);
      const wrappingKey = loadWrappingPublicKey(
        await readInputFile(path.resolve(io.cwd, options['wrapping-key']), 'wrappingKey', SMALL_INPUT_FILE_BYTES),
      );
      requireImportableWrappingKey({ file: options['wrapping-key'] }, wrappingKey);
      if (options.material === undefined && !options['no-backup'])
        throw new KeyferryError('WRAP_NO_BACKUP_NOT_ACKNOWLEDGED', { spec });
      await preflightDestinations([
        {
          role: 'console',
          folder: outDir,
          expect: createDir ? 'new-or-empty' : 'existing',
          fileNames: names,
          bytes: 64 * 1024,
        },
      ]);
      const material = await obtainMaterial(options, spec, passphrase, io.cwd);
      let wrapped: WrappedKeyMaterial;
      try {
        wrapped = wrapKeyMaterial({ material, wrappingKey, algorithm });
      } finally {
        material.dispose();
      }
      const written = await writeOutputs(outDir, createDir, wrapped, layer);
      report(io, wrapped, wrappingKey.bits, options.material === undefined, outDir, written);
      if (options.material === undefined) io.stdout(cliTranslator(io).t('cli.wrap-no-backup-acknowledged', { spec }));
      return 0;
    },
  };
}

export const wrapCommand = createWrapCommand();
